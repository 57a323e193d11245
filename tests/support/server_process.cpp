#include "support/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "base/error.h"

namespace mlist::testing {
namespace {

using Clock = std::chrono::steady_clock;

// In the child between fork and exec: only async-signal-safe calls.
// Writes errno to report_fd and exits when anything fails.
[[noreturn]] void ExecChild(char* const* argv, const char* out_path,
                            const char* err_path, pid_t parent, int report_fd) {
  // The registry must not outlive a test binary that crashed.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) {
    ::_exit(127);
  }
  int in = ::open("/dev/null", O_RDONLY);
  int out = ::open(out_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
  int err = ::open(err_path, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (in >= 0 && out >= 0 && err >= 0 && ::dup2(in, 0) >= 0 &&
      ::dup2(out, 1) >= 0 && ::dup2(err, 2) >= 0) {
    // Sockets of the test's own servers stay with the test.
    for (int fd = 3; fd < 1024; ++fd) {
      if (fd != report_fd) {
        ::close(fd);
      }
    }
    ::execv(argv[0], argv);
  }
  int code = errno;
  [[maybe_unused]] auto n = ::write(report_fd, &code, sizeof code);
  ::_exit(127);
}

// Waits for the child's report: nothing (exec worked, the pipe closed)
// or the errno of what failed.
int ReadExecError(int fd) {
  int code = 0;
  ssize_t n;
  do {
    n = ::read(fd, &code, sizeof code);
  } while (n < 0 && errno == EINTR);
  return n == static_cast<ssize_t>(sizeof code) ? code : 0;
}

// Fills addr with the IP literal host and port 0; false when host is no
// IP literal.
bool ParseAddress(const std::string& host, sockaddr_storage& addr,
                  socklen_t& len) {
  auto* in4 = reinterpret_cast<sockaddr_in*>(&addr);
  auto* in6 = reinterpret_cast<sockaddr_in6*>(&addr);
  if (::inet_pton(AF_INET, host.c_str(), &in4->sin_addr) == 1) {
    addr.ss_family = AF_INET;
    len = sizeof(sockaddr_in);
    return true;
  }
  if (::inet_pton(AF_INET6, host.c_str(), &in6->sin6_addr) == 1) {
    addr.ss_family = AF_INET6;
    len = sizeof(sockaddr_in6);
    return true;
  }
  return false;
}

}  // namespace

ServerProcess::ServerProcess(const std::vector<std::string>& argv,
                             const std::string& out_path,
                             const std::string& err_path) {
  std::vector<char*> args;
  for (const auto& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);

  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) {
    throw Error(std::string("creating a pipe: ") + std::strerror(errno));
  }
  pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    ExecChild(args.data(), out_path.c_str(), err_path.c_str(), parent,
              report[1]);
  }
  ::close(report[1]);
  int code = pid_ < 0 ? errno : ReadExecError(report[0]);
  ::close(report[0]);
  if (code != 0) {
    Reap(0);
    throw Error("starting " + Quote(argv[0]) + ": " + std::strerror(code));
  }
}

ServerProcess::~ServerProcess() {
  Stop();
}

bool ServerProcess::Reap(int options) {
  if (reaped_ || pid_ <= 0) {
    return true;
  }
  int status = 0;
  pid_t r;
  do {
    r = ::waitpid(pid_, &status, options);
  } while (r < 0 && errno == EINTR);
  if (r == 0) {
    return false;
  }
  reaped_ = true;
  if (r == pid_) {
    exit_code_ =
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return true;
}

bool ServerProcess::Running() {
  return !Reap(WNOHANG);
}

void ServerProcess::Stop(std::chrono::milliseconds grace) {
  if (!Running()) {
    return;
  }
  ::kill(pid_, SIGTERM);
  auto deadline = Clock::now() + grace;
  while (Clock::now() < deadline) {
    if (!Running()) {
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(pid_, SIGKILL);
  Reap(0);
}

int FreePort(const std::string& host) {
  sockaddr_storage addr{};
  socklen_t len = 0;
  if (!ParseAddress(host, addr, len)) {
    throw Error("finding a free port: " + Quote(host) +
                " is not an IP address");
  }
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  int fd = ::socket(addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || ::bind(fd, sa, len) != 0 || ::getsockname(fd, sa, &len)) {
    int code = errno;
    if (fd >= 0) {
      ::close(fd);
    }
    throw Error("finding a free port on " + host + ": " + std::strerror(code));
  }
  ::close(fd);
  return addr.ss_family == AF_INET6
             ? ntohs(reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port)
             : ntohs(reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
}

std::string HostPort(const std::string& host, int port) {
  bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace mlist::testing
