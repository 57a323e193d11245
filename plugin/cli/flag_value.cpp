#include "cli/flag_value.h"

#include "base/error.h"

namespace mlist::cli {
namespace {

Error CsvError(size_t column, const char* why) {
  return Error("parse error on line 1, column " + std::to_string(column) +
               ": " + why);
}

// Reads a quoted field starting at text[pos] == '"'; leaves pos after the
// closing quote.
std::string ReadQuotedField(std::string_view text, size_t& pos) {
  std::string field;
  ++pos;
  while (pos < text.size()) {
    char c = text[pos++];
    if (c != '"') {
      field += c;
    } else if (pos < text.size() && text[pos] == '"') {
      field += '"';
      ++pos;
    } else if (pos == text.size() || text[pos] == ',') {
      return field;
    } else {
      // Go reports the closing quote's own column.
      throw CsvError(pos, "extraneous or missing \" in quoted-field");
    }
  }
  throw CsvError(text.size() + 1, "extraneous or missing \" in quoted-field");
}

std::string ReadPlainField(std::string_view text, size_t& pos) {
  size_t end = text.find(',', pos);
  if (end == std::string_view::npos) {
    end = text.size();
  }
  std::string_view field = text.substr(pos, end - pos);
  size_t quote = field.find('"');
  if (quote != std::string_view::npos) {
    throw CsvError(pos + quote + 1, "bare \" in non-quoted-field");
  }
  pos = end;
  return std::string(field);
}

std::string InvalidArgument(const Flag& flag, std::string_view text,
                            const std::string& why) {
  return "invalid argument " + Quote(text) + " for " +
         Quote(flag.DisplayName()) + " flag: " + why;
}

}  // namespace

std::optional<bool> ParseBool(std::string_view text) {
  for (const char* yes : {"1", "t", "T", "TRUE", "true", "True"}) {
    if (text == yes) {
      return true;
    }
  }
  for (const char* no : {"0", "f", "F", "FALSE", "false", "False"}) {
    if (text == no) {
      return false;
    }
  }
  return std::nullopt;
}

std::vector<std::string> SplitCsvRecord(std::string_view text) {
  std::vector<std::string> fields;
  if (text.empty()) {
    return fields;
  }
  size_t pos = 0;
  while (true) {
    if (pos < text.size() && text[pos] == '"') {
      fields.push_back(ReadQuotedField(text, pos));
    } else {
      fields.push_back(ReadPlainField(text, pos));
    }
    if (pos == text.size()) {
      return fields;
    }
    ++pos;  // the comma
  }
}

bool ReadBool(std::string_view text) {
  auto value = ParseBool(text);
  if (!value) {
    throw Error("strconv.ParseBool: parsing " + Quote(text) +
                ": invalid syntax");
  }
  return *value;
}

void SetFlagValue(Flag& flag, const std::string& text) {
  try {
    flag.set(text);
  } catch (const Error& e) {
    throw UsageError(InvalidArgument(flag, text, e.what()));
  }
  flag.changed = true;
}

}  // namespace mlist::cli
