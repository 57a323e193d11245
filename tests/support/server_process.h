// A long-running program (a registry) started for a test and killed when
// the test is done, whether it passed or not.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace mlist::testing {

// Runs argv (argv[0] a full path) in the background with its standard
// output and standard error written to two files and no standard input.
// The program is also killed when the thread that started it ends, so a
// crashed test leaves no server behind.
class ServerProcess {
 public:
  // Starts the program. Throws mlist::Error naming it when it cannot be
  // started (the file is missing or not executable).
  ServerProcess(const std::vector<std::string>& argv,
                const std::string& out_path, const std::string& err_path);
  // Stops the program (see Stop).
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // The process id; stays valid after Stop for checks that it is gone.
  pid_t pid() const { return pid_; }

  // True while the program has not exited. Reaps it when it has.
  bool Running();

  // Sends SIGTERM, waits up to grace for the exit, then sends SIGKILL
  // and waits. Does nothing when the program has already been reaped.
  void Stop(std::chrono::milliseconds grace = std::chrono::seconds(2));

  // How the program ended: the exit status, 128 + signal number, or -1
  // while it runs.
  int exit_code() const { return exit_code_; }

 private:
  bool Reap(int options);

  pid_t pid_ = -1;
  bool reaped_ = false;
  int exit_code_ = -1;
};

// A TCP port on host (an IP literal) that was free a moment ago: bound
// with port 0 and released. Another program may take it in between, so
// callers retry with a new one when the bind fails. Throws mlist::Error
// when no socket can be bound to host.
int FreePort(const std::string& host);

// Formats host and port for a URL authority: "[::1]:5000" for IPv6.
std::string HostPort(const std::string& host, int port);

}  // namespace mlist::testing
