// ParseAction: one action's words, read as Go's text/template reads them,
// and checked against the subset.
#include <algorithm>
#include <cctype>
#include <set>

#include "base/error.h"
#include "output/template_tree.h"

namespace mlist::output {
namespace {

constexpr const char* kSubset =
    "(supported: {{.}}, {{.Field.Path}}, {{json .Field}}, "
    "{{range .Field}}...{{else}}...{{end}}, {{/* comments */}})";

enum class TokenKind {
  kField,     // "." or ".A.B"
  kName,      // an identifier: a keyword or a function
  kConstant,  // a string, character, number, true, false or nil
  kVariable,  // "$x", "$", ":=", "="
  kPipe,
  kParen,
  kOther,
};

struct Token {
  TokenKind kind;
  std::string text;
};

// Go's alphanumerics: letters, digits and underscore. Bytes of multi-byte
// UTF-8 count as letters, as Go's identifiers may be any Unicode letter.
bool IsWordChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) || c == '_';
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool IsDigit(char c) {
  return c >= '0' && c <= '9';
}

bool At(const std::string& s, size_t pos, const char* what) {
  return s.compare(pos, std::char_traits<char>::length(what), what) == 0;
}

// The end of the run from pos of characters for which keep is true.
template <typename Keep>
size_t RunEnd(const std::string& s, size_t pos, Keep keep) {
  while (pos < s.size() && keep(s[pos])) {
    ++pos;
  }
  return pos;
}

// The end of the quoted constant at pos. Throws Go's message when it does
// not end.
size_t ConstantEnd(const std::string& s, size_t pos, const TemplateSpot& spot) {
  size_t end = QuotedEnd(s, pos);
  if (end == std::string::npos) {
    ThrowAt("bad action", spot,
            s[pos] == '"'    ? "unterminated quoted string"
            : s[pos] == '\'' ? "unterminated character constant"
                             : "unterminated raw quoted string");
  }
  return end;
}

// The kind of the token at pos and its end.
struct Scanned {
  TokenKind kind;
  size_t end;
};

// A field path, number or name at pos; kOther with end pos if none is.
Scanned ScanWord(const std::string& s, size_t pos) {
  auto is_path = [](char c) { return IsWordChar(c) || c == '.'; };
  auto is_number = [](char c) {
    return IsWordChar(c) || c == '.' || c == '+' || c == '-';
  };
  char c = s[pos];
  bool digit_next = pos + 1 < s.size() && IsDigit(s[pos + 1]);
  if (c == '.' && !digit_next) {
    return {TokenKind::kField, RunEnd(s, pos + 1, is_path)};
  }
  if (IsDigit(c) || ((c == '.' || c == '+' || c == '-') && digit_next)) {
    return {TokenKind::kConstant, RunEnd(s, pos + 1, is_number)};
  }
  if (!IsWordChar(c)) {
    return {TokenKind::kOther, pos};
  }
  // A name directly followed by ".X" is a field of a function's result.
  size_t end = RunEnd(s, pos, IsWordChar);
  bool chained = end < s.size() && s[end] == '.';
  return {chained ? TokenKind::kOther : TokenKind::kName,
          RunEnd(s, end, is_path)};
}

// Anything else at pos: quotes, variables, punctuation.
Scanned ScanSymbol(const std::string& s, size_t pos, const TemplateSpot& spot) {
  char c = s[pos];
  switch (c) {
    case '"':
    case '\'':
    case '`':
      return {TokenKind::kConstant, ConstantEnd(s, pos, spot)};
    case '$':
      return {TokenKind::kVariable, RunEnd(s, pos + 1, IsWordChar)};
    case ':':
    case '=':
      return {TokenKind::kVariable, pos + (At(s, pos, ":=") ? 2 : 1)};
    case '|':
      return {TokenKind::kPipe, pos + 1};
    case '(':
    case ')':
      return {TokenKind::kParen, pos + 1};
  }
  return {TokenKind::kOther, pos + 1};
}

// The token at pos; pos moves past it.
Token NextToken(const std::string& s, size_t& pos, const TemplateSpot& spot) {
  Scanned scanned = ScanWord(s, pos);
  if (scanned.end == pos) {
    scanned = ScanSymbol(s, pos, spot);
  }
  std::string text = s.substr(pos, scanned.end - pos);
  pos = scanned.end;
  bool literal = text == "true" || text == "false" || text == "nil";
  return {literal ? TokenKind::kConstant : scanned.kind, text};
}

std::vector<Token> Tokenize(const TemplatePiece& piece) {
  std::vector<Token> tokens;
  size_t pos = RunEnd(piece.text, 0, IsSpace);
  while (pos < piece.text.size()) {
    tokens.push_back(NextToken(piece.text, pos, piece.spot));
    pos = RunEnd(piece.text, pos, IsSpace);
  }
  return tokens;
}

[[noreturn]] void Unsupported(const TemplateSpot& spot,
                              const std::string& what) {
  ThrowAt("unsupported action", spot, what + " " + kSubset);
}

[[noreturn]] void Bad(const TemplateSpot& spot, const std::string& why) {
  ThrowAt("bad action", spot, why);
}

bool IsKeyword(const std::string& name) {
  static const std::set<std::string> kKeywords = {
      "block", "break", "continue", "define",   "else",
      "end",   "if",    "range",    "template", "with"};
  return kKeywords.count(name) > 0;
}

// text/template's built-in functions and those docker's templates add.
bool IsKnownFunction(const std::string& name) {
  static const std::set<std::string> kFunctions = {
      "and",   "call",  "eq",       "ge",    "gt",      "html",    "index",
      "join",  "js",    "le",       "len",   "lower",   "lt",      "ne",
      "not",   "or",    "pad",      "print", "printf",  "println", "slice",
      "split", "title", "truncate", "upper", "urlquery"};
  return kFunctions.count(name) > 0;
}

// A name where a value or the json function was expected.
[[noreturn]] void ThrowForName(const TemplateSpot& spot,
                               const std::string& name) {
  if (IsKeyword(name)) {
    Bad(spot, "unexpected " + Quote(name));
  }
  if (IsKnownFunction(name)) {
    Unsupported(spot, "function " + Quote(name) + " is not supported");
  }
  Bad(spot, "function " + Quote(name) + " not defined");
}

// Refuses the first token the subset has no place for.
void CheckSupported(const std::vector<Token>& tokens, size_t begin,
                    const TemplateSpot& spot) {
  for (size_t i = begin; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    switch (t.kind) {
      case TokenKind::kPipe:
        Unsupported(spot, "pipelines (\"|\") are not supported");
      case TokenKind::kVariable:
        Unsupported(spot,
                    "variables (" + Quote(t.text) + ") are not supported");
      case TokenKind::kParen:
        Unsupported(spot, "parentheses are not supported");
      case TokenKind::kConstant:
        Unsupported(spot, "constant " + t.text + " is not supported");
      case TokenKind::kOther:
        Bad(spot, "unexpected " + Quote(t.text));
      default:
        break;
    }
  }
}

// ".A.B" as its member names; "." as none.
std::vector<std::string> FieldPath(const Token& token,
                                   const TemplateSpot& spot) {
  std::vector<std::string> path;
  if (token.text == ".") {
    return path;
  }
  size_t pos = 0;
  while (pos < token.text.size()) {
    size_t end = std::min(token.text.find('.', pos + 1), token.text.size());
    std::string name = token.text.substr(pos + 1, end - pos - 1);
    // Go lexes ".A..B", ".A." and ".A.0" as several tokens, then refuses
    // them in its parser.
    if (name.empty() || IsDigit(name[0])) {
      Bad(spot, "bad field path " + Quote(token.text));
    }
    path.push_back(name);
    pos = end;
  }
  return path;
}

// The value tokens[begin...] stand for: a field path, alone or as json's
// one argument.
TemplateValue ReadValue(const std::vector<Token>& tokens, size_t begin,
                        const TemplateSpot& spot) {
  const Token& first = tokens[begin];
  // The function named first, before what its arguments hold.
  if (first.kind == TokenKind::kName && first.text != "json") {
    ThrowForName(spot, first.text);
  }
  CheckSupported(tokens, begin, spot);
  size_t args = tokens.size() - begin - 1;
  if (first.kind == TokenKind::kField) {
    std::vector<std::string> path = FieldPath(first, spot);
    if (args > 0) {
      // Go's words: fields may be methods there, which take arguments.
      Bad(spot, path.empty()
                    ? "can't give argument to non-function ."
                    : path.back() + " is not a method but has arguments");
    }
    return {path, false};
  }
  if (args != 1) {
    Bad(spot,
        "wrong number of args for json: want 1 got " + std::to_string(args));
  }
  const Token& arg = tokens[begin + 1];
  if (arg.kind != TokenKind::kField) {
    ThrowForName(spot, arg.text);
  }
  return {FieldPath(arg, spot), true};
}

// {{else}} and {{end}} stand alone; "else if" and "else with" chain
// conditionals, which the subset lacks.
TemplateAction ReadAlone(const std::vector<Token>& tokens,
                         TemplateAction::Kind kind, const TemplateSpot& spot) {
  const std::string& name = tokens[0].text;
  if (tokens.size() > 1) {
    if (kind == TemplateAction::Kind::kElse && IsKeyword(tokens[1].text)) {
      Unsupported(spot, Quote("else " + tokens[1].text) + " is not supported");
    }
    Bad(spot, name + " takes no arguments");
  }
  return {kind, {}};
}

}  // namespace

TemplateAction ParseAction(const TemplatePiece& piece) {
  const TemplateSpot& spot = piece.spot;
  std::vector<Token> tokens = Tokenize(piece);
  if (tokens.empty()) {
    Bad(spot, "missing value for command");
  }
  const Token& first = tokens[0];
  if (first.kind != TokenKind::kName || !IsKeyword(first.text)) {
    return {TemplateAction::Kind::kPrint, ReadValue(tokens, 0, spot)};
  }
  if (first.text == "range") {
    if (tokens.size() == 1) {
      Bad(spot, "missing value for range");
    }
    return {TemplateAction::Kind::kRange, ReadValue(tokens, 1, spot)};
  }
  if (first.text == "else") {
    return ReadAlone(tokens, TemplateAction::Kind::kElse, spot);
  }
  if (first.text == "end") {
    return ReadAlone(tokens, TemplateAction::Kind::kEnd, spot);
  }
  Unsupported(spot, Quote(first.text) + " is not supported");
}

}  // namespace mlist::output
