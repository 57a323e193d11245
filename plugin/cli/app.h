// The command line: docker's global flags, the subcommands, help and
// completion.
#pragma once

namespace mlist::cli {

// Runs the command line argv (docker's whole argv when run as a plugin,
// the plugin's own when standalone). Prints errors on stderr, once.
// Returns the exit code: 0, 1 for failures, 125 for bad usage.
int Main(int argc, char** argv);

}  // namespace mlist::cli
