// Running another program with input, captured output and a time limit:
// credential helpers in plugin/config, and the docker CLI in the tests.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace mlist::base {

struct ProcessOptions {
  // Written to the program's standard input, which is then closed.
  std::string input;
  // Changes to the inherited environment: "NAME=VALUE" sets NAME, a bare
  // "NAME" removes it.
  std::vector<std::string> env;
  // Start from an empty environment instead of this process's.
  bool clear_env = false;
  // Working directory; empty keeps this process's.
  std::string cwd;
  // The program is killed when it runs longer; zero means no limit.
  std::chrono::milliseconds timeout{0};
};

struct ProcessResult {
  // The exit status, or 128 + signal number when a signal ended it.
  int exit_code = 0;
  bool timed_out = false;
  std::string out;
  std::string err;
};

// Runs argv[0] (looked up in PATH when it has no slash) with argv as its
// arguments and waits for it. Throws mlist::Error naming the program when
// it cannot be started (for example "exec: "x": executable file not found
// in $PATH").
ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const ProcessOptions& options = {});

// Returns the full path of the executable name found in PATH, or an empty
// string when there is none.
std::string LookPath(const std::string& name);

}  // namespace mlist::base
