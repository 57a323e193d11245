// Turning a flag's text into its value, with the errors Go gives for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/flags.h"

namespace mlist::cli {

// Reads a boolean as Go's strconv.ParseBool does: 1, t, T, TRUE, true,
// True are true; 0, f, F, FALSE, false, False are false. Returns nullopt
// for anything else.
std::optional<bool> ParseBool(std::string_view text);

// Like ParseBool, but throws mlist::Error reading `strconv.ParseBool:
// parsing "x": invalid syntax` for anything else.
bool ReadBool(std::string_view text);

// Splits one record of comma-separated values as Go's encoding/csv does
// (pflag reads "strings" flags with it): fields may be double-quoted, with
// "" for a quote inside; an empty text gives no fields. Throws
// mlist::Error reading "parse error on line 1, column N: ..." on a stray
// quote.
std::vector<std::string> SplitCsvRecord(std::string_view text);

// Sets flag from text with its set function and marks it changed. Throws
// mlist::UsageError reading `invalid argument "text" for "-a, --amend"
// flag: ...` when text does not fit.
void SetFlagValue(Flag& flag, const std::string& text);

}  // namespace mlist::cli
