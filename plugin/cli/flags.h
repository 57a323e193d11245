// Flags parsed as docker parses them (spf13/pflag, under cobra): --name,
// --name=value and --name value; -n, -nvalue, -n=value and -abc for several
// booleans; flags and arguments in any order; "--" ends the flags. Errors
// carry pflag's exact text, since users compare us with docker manifest.
#pragma once

#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlist::cli {

// What a flag holds, which decides how its value is read and what help
// calls it.
enum class FlagKind {
  kBool,     // --name alone means true; --name=false turns it off
  kString,   // one value; the last one given wins ("string")
  kStrings,  // comma-separated values, added to by each use ("strings")
  kList,     // one value per use, never split ("list")
};

// One flag: its names, help text and the variable it sets.
struct Flag {
  // The long name, without "--".
  std::string name;
  // The one-letter short name, or '\0' when there is none.
  char shorthand = '\0';
  FlagKind kind = FlagKind::kBool;
  // The help text, also the description in shell completion.
  std::string usage;
  // Hidden flags work but are left out of help and completion.
  bool hidden = false;
  // When not empty, using the short name prints "Flag shorthand -X has been
  // deprecated, " and this text (docker's -h does).
  std::string shorthand_deprecated;
  // Set once the flag was given on the command line.
  bool changed = false;
  // Stores one value given on the command line into the bound variable.
  // Throws mlist::Error with the reason when the text does not fit.
  std::function<void(const std::string& text)> set;

  // The name pflag uses in messages: "-a, --amend" or "--amend".
  std::string DisplayName() const;
  // The value's name in help ("string", "strings", "list"); empty for bool.
  std::string TypeName() const;
};

// What parsing left over.
struct ParsedArgs {
  // The arguments that are not flags, in order.
  std::vector<std::string> positionals;
  // True when "--" ended the flags; positionals from dash_index on came
  // after it.
  bool dash_dash = false;
  size_t dash_index = 0;
  // Deprecation notices, which docker prints on standard output.
  std::vector<std::string> notices;
};

// A set of flags bound to variables, and the parser over it.
class FlagSet {
 public:
  // Declares a flag setting *value. shorthand is '\0' for none. Returns
  // the flag so that the caller can hide it. The variables must outlive
  // the set.
  Flag& Bool(const std::string& name, char shorthand, bool* value,
             const std::string& usage);
  Flag& String(const std::string& name, char shorthand, std::string* value,
               const std::string& usage);
  // A string flag whose variable stays empty unless the flag is given.
  Flag& String(const std::string& name, char shorthand,
               std::optional<std::string>* value, const std::string& usage);
  Flag& Strings(const std::string& name, char shorthand,
                std::vector<std::string>* value, const std::string& usage);
  Flag& List(const std::string& name, char shorthand,
             std::vector<std::string>* value, const std::string& usage);

  // Declares docker's --help: hidden, with -h as a deprecated shorthand.
  void Help(bool* value);

  // Parses args and sets the bound variables. With interspersed, flags may
  // come after arguments; without, the first argument ends the flags and
  // it and everything after it are returned untouched. Throws
  // mlist::UsageError with pflag's text: "unknown flag: --x", "unknown
  // shorthand flag: 'x' in -x", "flag needs an argument: --os", "bad flag
  // syntax: ---x", "invalid argument ...".
  ParsedArgs Parse(const std::vector<std::string>& args,
                   bool interspersed = true);

  // Returns true when token is a flag whose value is the next argument:
  // "--os" or "-l", and "-Dl" where the last letter takes a value.
  bool TakesNextArgument(std::string_view token) const;

  // Returns the flag called name (long name), or null.
  const Flag* Lookup(std::string_view name) const;

  // Returns the flags sorted by long name, as help and completion list
  // them; hidden ones included.
  std::vector<const Flag*> Sorted() const;

 private:
  Flag& Add(const std::string& name, char shorthand, FlagKind kind,
            const std::string& usage);
  Flag* Find(std::string_view name);
  const Flag* LookupShort(char shorthand) const;
  Flag* FindShort(char shorthand);
  void ParseLong(const std::string& arg, const std::vector<std::string>& args,
                 size_t& next);
  void ParseShort(const std::string& arg, const std::vector<std::string>& args,
                  size_t& next, ParsedArgs& parsed);

  std::deque<Flag> flags_;
};

// Returns true when arg is a flag or "--", that is, it starts with '-'
// and is longer than "-" alone.
bool IsFlagToken(std::string_view arg);

}  // namespace mlist::cli
