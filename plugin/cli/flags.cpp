#include "cli/flags.h"

#include <algorithm>

#include "base/error.h"
#include "cli/flag_value.h"

namespace mlist::cli {
namespace {

// Go's %q of one byte, as pflag quotes a short flag in its messages.
std::string QuoteChar(char c) {
  if (c == '\'' || c == '\\') {
    return std::string("'\\") + c + "'";
  }
  return std::string("'") + c + "'";
}

void AppendFrom(std::vector<std::string>& to,
                const std::vector<std::string>& from, size_t start) {
  to.insert(to.end(), from.begin() + start, from.end());
}

}  // namespace

std::string Flag::DisplayName() const {
  if (shorthand != '\0' && shorthand_deprecated.empty()) {
    return std::string("-") + shorthand + ", --" + name;
  }
  return "--" + name;
}

std::string Flag::TypeName() const {
  switch (kind) {
    case FlagKind::kBool:
      return "";
    case FlagKind::kString:
      return "string";
    case FlagKind::kStrings:
      return "strings";
    case FlagKind::kList:
      return "list";
  }
  return "";
}

bool IsFlagToken(std::string_view arg) {
  return arg.size() > 1 && arg[0] == '-';
}

Flag& FlagSet::Add(const std::string& name, char shorthand, FlagKind kind,
                   const std::string& usage) {
  Flag& flag = flags_.emplace_back();
  flag.name = name;
  flag.shorthand = shorthand;
  flag.kind = kind;
  flag.usage = usage;
  return flag;
}

Flag& FlagSet::Bool(const std::string& name, char shorthand, bool* value,
                    const std::string& usage) {
  Flag& flag = Add(name, shorthand, FlagKind::kBool, usage);
  flag.set = [value](const std::string& text) { *value = ReadBool(text); };
  return flag;
}

Flag& FlagSet::String(const std::string& name, char shorthand,
                      std::string* value, const std::string& usage) {
  Flag& flag = Add(name, shorthand, FlagKind::kString, usage);
  flag.set = [value](const std::string& text) { *value = text; };
  return flag;
}

Flag& FlagSet::String(const std::string& name, char shorthand,
                      std::optional<std::string>* value,
                      const std::string& usage) {
  Flag& flag = Add(name, shorthand, FlagKind::kString, usage);
  flag.set = [value](const std::string& text) { *value = text; };
  return flag;
}

Flag& FlagSet::Strings(const std::string& name, char shorthand,
                       std::vector<std::string>* value,
                       const std::string& usage) {
  Flag& flag = Add(name, shorthand, FlagKind::kStrings, usage);
  flag.set = [value](const std::string& text) {
    auto fields = SplitCsvRecord(text);
    value->insert(value->end(), fields.begin(), fields.end());
  };
  return flag;
}

Flag& FlagSet::List(const std::string& name, char shorthand,
                    std::vector<std::string>* value, const std::string& usage) {
  Flag& flag = Add(name, shorthand, FlagKind::kList, usage);
  flag.set = [value](const std::string& text) { value->push_back(text); };
  return flag;
}

void FlagSet::Help(bool* value) {
  Flag& flag = Bool("help", 'h', value, "Print usage");
  flag.hidden = true;
  flag.shorthand_deprecated = "use --help";
}

ParsedArgs FlagSet::Parse(const std::vector<std::string>& args,
                          bool interspersed) {
  ParsedArgs parsed;
  size_t next = 0;
  while (next < args.size()) {
    const std::string& arg = args[next++];
    if (!IsFlagToken(arg)) {
      parsed.positionals.push_back(arg);
      if (!interspersed) {
        AppendFrom(parsed.positionals, args, next);
        break;
      }
    } else if (arg == "--") {
      parsed.dash_dash = true;
      parsed.dash_index = parsed.positionals.size();
      AppendFrom(parsed.positionals, args, next);
      break;
    } else if (arg[1] == '-') {
      ParseLong(arg, args, next);
    } else {
      ParseShort(arg, args, next, parsed);
    }
  }
  return parsed;
}

void FlagSet::ParseLong(const std::string& arg,
                        const std::vector<std::string>& args, size_t& next) {
  std::string_view body = std::string_view(arg).substr(2);
  if (body.empty() || body[0] == '-' || body[0] == '=') {
    throw UsageError("bad flag syntax: " + arg);
  }
  size_t eq = body.find('=');
  std::string_view name = body.substr(0, eq);
  Flag* flag = Find(name);
  if (flag == nullptr) {
    throw UsageError("unknown flag: --" + std::string(name));
  }
  if (eq != std::string_view::npos) {
    SetFlagValue(*flag, std::string(body.substr(eq + 1)));
  } else if (flag->kind == FlagKind::kBool) {
    SetFlagValue(*flag, "true");
  } else if (next < args.size()) {
    SetFlagValue(*flag, args[next++]);
  } else {
    throw UsageError("flag needs an argument: " + arg);
  }
}

// Reads "-abc": each letter is a flag; the first one that takes a value
// takes the rest of the token ("-lwarn", "-l=warn") or the next argument.
void FlagSet::ParseShort(const std::string& arg,
                         const std::vector<std::string>& args, size_t& next,
                         ParsedArgs& parsed) {
  std::string_view rest = std::string_view(arg).substr(1);
  while (!rest.empty()) {
    char c = rest[0];
    Flag* flag = FindShort(c);
    if (flag == nullptr) {
      throw UsageError("unknown shorthand flag: " + QuoteChar(c) + " in -" +
                       std::string(rest));
    }
    std::string value;
    if (rest.size() > 2 && rest[1] == '=') {
      value = rest.substr(2);
      rest = {};
    } else if (flag->kind == FlagKind::kBool) {
      value = "true";
      rest.remove_prefix(1);
    } else if (rest.size() > 1) {
      value = rest.substr(1);
      rest = {};
    } else if (next < args.size()) {
      value = args[next++];
      rest = {};
    } else {
      throw UsageError("flag needs an argument: " + QuoteChar(c) + " in -" +
                       std::string(rest));
    }
    if (!flag->shorthand_deprecated.empty()) {
      parsed.notices.push_back(std::string("Flag shorthand -") + c +
                               " has been deprecated, " +
                               flag->shorthand_deprecated);
    }
    SetFlagValue(*flag, value);
  }
}

bool FlagSet::TakesNextArgument(std::string_view token) const {
  if (!IsFlagToken(token) || token == "--") {
    return false;
  }
  if (token[1] == '-') {
    if (token.find('=') != std::string_view::npos) {
      return false;
    }
    const Flag* flag = Lookup(token.substr(2));
    return flag != nullptr && flag->kind != FlagKind::kBool;
  }
  // Walk the letters as Parse does: a bool letter passes on to the next;
  // the first letter that takes a value ends the token.
  for (size_t i = 1; i < token.size(); ++i) {
    const Flag* flag = LookupShort(token[i]);
    if (flag == nullptr) {
      return false;
    }
    if (flag->kind != FlagKind::kBool) {
      return i + 1 == token.size();
    }
    if (i + 1 < token.size() && token[i + 1] == '=') {
      return false;
    }
  }
  return false;
}

const Flag* FlagSet::Lookup(std::string_view name) const {
  for (const Flag& flag : flags_) {
    if (flag.name == name) {
      return &flag;
    }
  }
  return nullptr;
}

Flag* FlagSet::Find(std::string_view name) {
  return const_cast<Flag*>(Lookup(name));
}

const Flag* FlagSet::LookupShort(char shorthand) const {
  for (const Flag& flag : flags_) {
    if (flag.shorthand == shorthand) {
      return &flag;
    }
  }
  return nullptr;
}

Flag* FlagSet::FindShort(char shorthand) {
  return const_cast<Flag*>(LookupShort(shorthand));
}

std::vector<const Flag*> FlagSet::Sorted() const {
  std::vector<const Flag*> sorted;
  for (const Flag& flag : flags_) {
    sorted.push_back(&flag);
  }
  std::sort(sorted.begin(), sorted.end(),
            [](const Flag* a, const Flag* b) { return a->name < b->name; });
  return sorted;
}

}  // namespace mlist::cli
