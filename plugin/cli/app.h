// The command line: docker's global flags, the subcommands, help and
// completion. Everything the user reads about a failure is printed here,
// once.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/environment.h"

namespace mlist::cli {

// Runs the command line args: docker's whole argv after the program name
// when run as a plugin (`-D mlist push x`, `help mlist`, `__complete mlist
// cr`), or the plugin's own standalone (`push x`, also `mlist push x`).
// Standalone or not is read from env (DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND).
// Writes output on out and errors on err, as docker does. Returns the exit
// code: 0, 1 for failures, 125 for bad flags.
int Run(const std::vector<std::string>& args, const Environment& env,
        std::ostream& out, std::ostream& err);

// Run over the process's argv, environment, stdout and stderr.
int Main(int argc, char** argv);

}  // namespace mlist::cli
