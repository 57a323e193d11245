#include "base/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>

#include "base/error.h"

extern char** environ;

namespace mlist::base {
namespace {

using Clock = std::chrono::steady_clock;

// Closes a file descriptor when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Close(); }
  int get() const { return fd_; }
  void Reset(int fd) {
    Close();
    fd_ = fd;
  }
  void Close() {
    if (fd_ >= 0) {
      ::close(fd_);
    }
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

void OpenPipe(Pipe& p) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw Error(std::string("creating a pipe: ") + std::strerror(errno));
  }
  p.read.Reset(fds[0]);
  p.write.Reset(fds[1]);
}

std::vector<std::string> BuildEnv(const ProcessOptions& options) {
  std::map<std::string, std::string> vars;
  if (!options.clear_env) {
    for (char** e = environ; *e != nullptr; ++e) {
      std::string entry(*e);
      vars[entry.substr(0, entry.find('='))] = entry;
    }
  }
  for (const auto& change : options.env) {
    auto eq = change.find('=');
    if (eq == std::string::npos) {
      vars.erase(change);
    } else {
      vars[change.substr(0, eq)] = change;
    }
  }
  std::vector<std::string> out;
  for (auto& [name, entry] : vars) {
    out.push_back(entry);
  }
  return out;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) {
    out.push_back(s.data());
  }
  out.push_back(nullptr);
  return out;
}

bool IsExecutable(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         ::access(path.c_str(), X_OK) == 0;
}

// Feeds input to the child and collects its output until both output
// pipes close or the deadline passes. Returns false on timeout.
bool Pump(Pipe& in, Pipe& out, Pipe& err, const std::string& input,
          ProcessResult& result, std::chrono::milliseconds timeout) {
  size_t written = 0;
  if (input.empty()) {
    in.write.Close();
  }
  auto deadline = Clock::now() + timeout;
  while (out.read.get() >= 0 || err.read.get() >= 0) {
    pollfd fds[3] = {{in.write.get(), POLLOUT, 0},
                     {out.read.get(), POLLIN, 0},
                     {err.read.get(), POLLIN, 0}};
    int wait_ms = -1;
    if (timeout.count() > 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - Clock::now());
      if (left.count() <= 0) {
        return false;
      }
      wait_ms = static_cast<int>(left.count());
    }
    int n = ::poll(fds, 3, wait_ms);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw Error(std::string("waiting for a program: ") +
                  std::strerror(errno));
    }
    if (fds[0].revents != 0) {
      ssize_t w = ::write(in.write.get(), input.data() + written,
                          input.size() - written);
      if (w > 0) {
        written += static_cast<size_t>(w);
      }
      if ((w < 0 && errno != EAGAIN && errno != EINTR) ||
          written == input.size()) {
        in.write.Close();
      }
    }
    Fd* readers[2] = {&out.read, &err.read};
    std::string* sinks[2] = {&result.out, &result.err};
    for (int i = 0; i < 2; ++i) {
      if (fds[i + 1].revents == 0) {
        continue;
      }
      char buf[65536];
      ssize_t r = ::read(readers[i]->get(), buf, sizeof buf);
      if (r > 0) {
        sinks[i]->append(buf, static_cast<size_t>(r));
      } else if (r == 0 || errno != EINTR) {
        readers[i]->Close();
      }
    }
  }
  return true;
}

int WaitExit(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}

}  // namespace

std::string LookPath(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return IsExecutable(name) ? name : std::string();
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) {
      end = dirs.size();
    }
    std::string dir = dirs.substr(start, end - start);
    std::string full = (dir.empty() ? "." : dir) + "/" + name;
    if (IsExecutable(full)) {
      return full;
    }
    start = end + 1;
  }
  return {};
}

ProcessResult RunProcess(const std::vector<std::string>& argv,
                         const ProcessOptions& options) {
  if (argv.empty()) {
    throw Error("running a program: no program given");
  }
  std::string program = LookPath(argv[0]);
  if (program.empty()) {
    throw Error("exec: " + Quote(argv[0]) +
                ": executable file not found in $PATH");
  }
  Pipe in, out, err;
  OpenPipe(in);
  OpenPipe(out);
  OpenPipe(err);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, out.write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err.write.get(), 2);
  if (!options.cwd.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  }
  std::vector<std::string> args = argv;
  std::vector<std::string> env = BuildEnv(options);
  auto c_args = CStrings(args);
  auto c_env = CStrings(env);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, program.c_str(), &actions, nullptr,
                         c_args.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    throw Error("exec: " + Quote(argv[0]) + ": " + std::strerror(rc));
  }
  in.read.Close();
  // A blocking write of a large input would wait for a child that is
  // itself waiting for us to read its output.
  ::fcntl(in.write.get(), F_SETFL, O_NONBLOCK);
  out.write.Close();
  err.write.Close();

  // A child that stops reading its input must not kill us with SIGPIPE.
  ::signal(SIGPIPE, SIG_IGN);
  ProcessResult result;
  if (!Pump(in, out, err, options.input, result, options.timeout)) {
    ::kill(pid, SIGKILL);
    result.timed_out = true;
  }
  result.exit_code = WaitExit(pid);
  return result;
}

}  // namespace mlist::base
