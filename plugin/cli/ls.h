// ls: lists the local manifest lists, docker manifest's and ours, with
// their number of entries and their platforms.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"

namespace mlist::cli {

struct LsOptions {
  // -q/--quiet: names only, one a line.
  bool quiet = false;
  // --format: "" or "table" (the default), or "json".
  std::string format;
};

// Declares ls's flags on flags: -q/--quiet and --format.
void DeclareLsFlags(FlagSet& flags, LsOptions& options);

// Prints the local manifest lists on streams.out. A list that cannot be
// read is shown with a marker and a warning on streams.err. Throws
// mlist::UsageError for an unknown --format, else mlist::Error when the
// store itself cannot be read.
void RunLs(const GlobalOptions& global, const LsOptions& options,
           const std::vector<std::string>& args, const Streams& streams);

// One line of ls's output.
struct LsRow {
  // The recorded list reference, or the folder name for docker's lists.
  std::string name;
  // Each entry's platform, "os/arch[/variant]", in the store's order;
  // nullopt when the list could not be read.
  std::optional<std::vector<std::string>> platforms;
  // Why the list could not be read; empty when it could.
  std::string error;
};

// Writes rows as a table under "NAME  ENTRIES  PLATFORMS", aligned as
// docker aligns its tables.
void WriteLsTable(const std::vector<LsRow>& rows, std::ostream& out);

// Writes rows as JSON, one compact object a line: {"Name":...,
// "Entries":N,"Platforms":[...]}, with "Entries" and "Platforms" null
// and an "Error" member for a list that could not be read.
void WriteLsJson(const std::vector<LsRow>& rows, std::ostream& out);

// Returns the ls entry of the command table.
Command LsCommand();

}  // namespace mlist::cli
