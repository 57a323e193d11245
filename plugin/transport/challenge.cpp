#include "transport/challenge.h"

#include <cctype>
#include <optional>

namespace mlist::transport {
namespace {

// RFC 7230 tchar: the characters of a token.
bool IsTokenChar(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) {
    return true;
  }
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken68Char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("-._~+/").find(c) != std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// A cursor over the header with the few lexical steps the grammar needs.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool Done() const { return pos_ >= s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[pos_]; }
  size_t pos() const { return pos_; }
  void Reset(size_t pos) { pos_ = pos; }

  void SkipSpace() {
    while (!Done() && (s_[pos_] == ' ' || s_[pos_] == '\t')) {
      ++pos_;
    }
  }

  // Skips white space and commas (empty list elements are allowed).
  void SkipSeparators() {
    while (!Done() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == ',')) {
      ++pos_;
    }
  }

  bool Eat(char c) {
    if (Peek() != c) {
      return false;
    }
    ++pos_;
    return true;
  }

  std::string_view Token() {
    size_t start = pos_;
    while (!Done() && IsTokenChar(s_[pos_])) {
      ++pos_;
    }
    return s_.substr(start, pos_ - start);
  }

  // token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
  std::string_view Token68() {
    size_t start = pos_;
    while (!Done() && IsToken68Char(s_[pos_])) {
      ++pos_;
    }
    while (!Done() && s_[pos_] == '=') {
      ++pos_;
    }
    return s_.substr(start, pos_ - start);
  }

  // A quoted-string with backslash escapes; nullopt when unterminated.
  std::optional<std::string> Quoted() {
    if (!Eat('"')) {
      return std::nullopt;
    }
    std::string out;
    while (!Done()) {
      char c = s_[pos_++];
      if (c == '"') {
        return out;
      }
      if (c == '\\') {
        if (Done()) {
          return std::nullopt;
        }
        c = s_[pos_++];
      }
      out += c;
    }
    return std::nullopt;
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

// True when the scanner stands at `token BWS "=" BWS value` (an
// auth-param) rather than at a token68 (`abc==`) or the next challenge's
// scheme. Leaves the position unchanged.
bool AtParam(Scanner& in) {
  size_t start = in.pos();
  bool param = !in.Token().empty();
  in.SkipSpace();
  param = param && in.Eat('=');
  in.SkipSpace();
  param = param && (in.Peek() == '"' || IsTokenChar(in.Peek()));
  in.Reset(start);
  return param;
}

// Reads `name = value`; false on a syntax error.
bool ReadParam(Scanner& in, Challenge& challenge) {
  std::string name = Lower(in.Token());
  in.SkipSpace();
  in.Eat('=');
  in.SkipSpace();
  if (in.Peek() == '"') {
    auto value = in.Quoted();
    if (!value) {
      return false;
    }
    challenge.params[name] = *value;
    return true;
  }
  std::string_view value = in.Token();
  if (value.empty()) {
    return false;
  }
  challenge.params[name] = std::string(value);
  return true;
}

// Reads the parameters after a scheme, up to the next scheme or the end.
bool ReadParams(Scanner& in, Challenge& challenge) {
  while (true) {
    in.SkipSeparators();
    if (in.Done() || !AtParam(in)) {
      return true;
    }
    if (!ReadParam(in, challenge)) {
      return false;
    }
    in.SkipSpace();
    if (!in.Done() && in.Peek() != ',') {
      return false;
    }
  }
}

// Reads what follows a scheme: a list of auth-params or a token68.
bool ReadCredentials(Scanner& in, Challenge& challenge) {
  if (AtParam(in)) {
    return ReadParams(in, challenge);
  }
  std::string_view t68 = in.Token68();
  in.SkipSpace();
  if (t68.empty() || !(in.Done() || in.Peek() == ',')) {
    return false;
  }
  challenge.token68 = std::string(t68);
  return true;
}

}  // namespace

std::string Challenge::Param(const std::string& name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string() : it->second;
}

std::vector<Challenge> ParseChallenges(std::string_view header) {
  std::vector<Challenge> out;
  Scanner in(header);
  while (true) {
    in.SkipSeparators();
    if (in.Done()) {
      return out;
    }
    Challenge challenge;
    challenge.scheme = Lower(in.Token());
    if (challenge.scheme.empty()) {
      return out;
    }
    bool had_space = in.Peek() == ' ' || in.Peek() == '\t';
    in.SkipSpace();
    bool ok = true;
    if (had_space && !in.Done() && in.Peek() != ',') {
      ok = ReadCredentials(in, challenge);
    } else if (!in.Done() && in.Peek() != ',') {
      ok = false;
    }
    if (!ok) {
      return out;
    }
    out.push_back(std::move(challenge));
  }
}

std::vector<Challenge> ParseChallenges(
    const std::vector<std::string>& headers) {
  std::vector<Challenge> out;
  for (const auto& h : headers) {
    auto parsed = ParseChallenges(h);
    out.insert(out.end(), parsed.begin(), parsed.end());
  }
  return out;
}

}  // namespace mlist::transport
