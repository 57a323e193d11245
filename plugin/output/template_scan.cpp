// ScanTemplate: text and actions, as Go's text/template lexer finds them.
#include <algorithm>
#include <functional>

#include "base/error.h"
#include "output/template_tree.h"

namespace mlist::output {
namespace {

constexpr size_t kExcerptMax = 40;

// Go's white space for trim markers: space, tab, carriage return, newline.
bool IsTrimSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool At(const std::string& text, size_t pos, const char* what) {
  return text.compare(pos, std::char_traits<char>::length(what), what) == 0;
}

// "line:column" of offset, both from 1.
std::string Where(const std::string& text, size_t offset) {
  auto begin = text.begin();
  size_t line = 1 + std::count(begin, begin + offset, '\n');
  size_t newline =
      offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
  size_t column = newline == std::string::npos ? offset + 1 : offset - newline;
  return std::to_string(line) + ":" + std::to_string(column);
}

// An action that never closes, quoted up to its line's end and cut short.
TemplateSpot Excerpt(const std::string& text, size_t open) {
  std::string rest = text.substr(open, text.find('\n', open) - open);
  if (rest.size() > kExcerptMax) {
    rest = rest.substr(0, kExcerptMax) + "...";
  }
  return {rest, Where(text, open)};
}

// The offset of the "}}" that closes the action whose body starts at pos.
size_t FindClose(const std::string& text, size_t pos) {
  while (pos < text.size()) {
    if (At(text, pos, "}}")) {
      return pos;
    }
    char c = text[pos];
    size_t after = c == '"' || c == '\'' || c == '`' ? QuotedEnd(text, pos)
                                                     : std::string::npos;
    pos = after == std::string::npos ? pos + 1 : after;
  }
  return std::string::npos;
}

// One action or comment found at an offset.
struct Found {
  size_t end = 0;  // just past its "}}"
  bool trim_before = false;
  bool trim_after = false;
  bool comment = false;
  std::string body;
};

// A comment must fill its action: "{{/*", then anything but "*/", then
// "*/}}" or "*/ -}}".
Found ReadComment(const std::string& text, size_t open, size_t pos,
                  Found found) {
  size_t close = text.find("*/", pos + 2);
  if (close == std::string::npos) {
    ThrowAt("unclosed comment", Excerpt(text, open));
  }
  close += 2;
  found.comment = true;
  if (At(text, close, "}}")) {
    found.end = close + 2;
  } else if (close + 1 < text.size() && IsTrimSpace(text[close]) &&
             At(text, close + 1, "-}}")) {
    found.trim_after = true;
    found.end = close + 4;
  } else {
    ThrowAt("bad comment", Excerpt(text, open),
            "comment ends before closing delimiter");
  }
  return found;
}

// Reads the action whose "{{" is at open. A trim marker is a minus sign
// with white space on its inner side ("{{- " and " -}}"): "{{-3}}" is the
// number -3, as in Go.
Found ReadAction(const std::string& text, size_t open) {
  Found found;
  size_t pos = open + 2;
  if (pos + 1 < text.size() && text[pos] == '-' && IsTrimSpace(text[pos + 1])) {
    found.trim_before = true;
    pos += 2;
  }
  if (At(text, pos, "/*")) {
    return ReadComment(text, open, pos, found);
  }
  size_t close = FindClose(text, pos);
  if (close == std::string::npos) {
    ThrowAt("unclosed action", Excerpt(text, open));
  }
  found.end = close + 2;
  if (close >= pos + 2 && text[close - 1] == '-' &&
      IsTrimSpace(text[close - 2])) {
    found.trim_after = true;
    close -= 2;
  }
  found.body = text.substr(pos, close - pos);
  return found;
}

void TakeText(const std::function<void(const TemplatePiece&)>& take,
              std::string text) {
  if (!text.empty()) {
    take({false, std::move(text), {}});
  }
}

std::string TrimFront(const std::string& s) {
  size_t i = 0;
  while (i < s.size() && IsTrimSpace(s[i])) {
    ++i;
  }
  return s.substr(i);
}

std::string TrimBack(const std::string& s) {
  size_t n = s.size();
  while (n > 0 && IsTrimSpace(s[n - 1])) {
    --n;
  }
  return s.substr(0, n);
}

}  // namespace

size_t QuotedEnd(const std::string& text, size_t pos) {
  char quote = text[pos];
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == quote) {
      return i + 1;
    }
    if (quote == '`') {
      continue;  // a raw string: backslashes and newlines are plain text
    }
    if (text[i] == '\\') {
      ++i;  // the escaped character, which may not be a newline either
    }
    if (i < text.size() && text[i] == '\n') {
      break;
    }
  }
  return std::string::npos;
}

void ThrowAt(const std::string& problem, const TemplateSpot& spot,
             const std::string& detail) {
  std::string text =
      "template: " + problem + " " + Quote(spot.written) + " at " + spot.where;
  throw Error(detail.empty() ? text : text + ": " + detail);
}

void ScanTemplate(const std::string& text,
                  const std::function<void(const TemplatePiece&)>& take) {
  size_t pos = 0;
  bool trim_front = false;
  while (true) {
    size_t open = text.find("{{", pos);
    std::string literal = text.substr(pos, open - pos);
    literal = trim_front ? TrimFront(literal) : literal;
    if (open == std::string::npos) {
      TakeText(take, literal);
      return;
    }
    Found found = ReadAction(text, open);
    TakeText(take, found.trim_before ? TrimBack(literal) : literal);
    if (!found.comment) {
      TemplateSpot spot{text.substr(open, found.end - open), Where(text, open)};
      take({true, found.body, spot});
    }
    trim_front = found.trim_after;
    pos = found.end;
  }
}

}  // namespace mlist::output
