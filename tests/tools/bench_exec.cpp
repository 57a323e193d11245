// mlist-bench-exec [--runs N] [--stdout FILE] [--stderr FILE] -- PROGRAM
// [ARG...]: runs PROGRAM N times (default 1), one after the other, and
// prints one line per run: its exit code (128+signal when killed), its
// wall time in microseconds, its peak resident memory in KiB, and the CPU
// time (user and system) in microseconds of it and the children it waited
// for. The time runs from just before posix_spawn to wait4's return, so it
// holds the program's whole life and nothing of the caller's. The memory
// is what wait4 reports for the child: the largest of the child and every
// descendant it waited for (docker and the plugin it ran). The program's
// output goes to the files named (truncated each run), else /dev/null.
// For tests/bench/run.sh; standard library and POSIX only.
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Options {
  int runs = 1;
  std::string stdout_file = "/dev/null";
  std::string stderr_file = "/dev/null";
  std::vector<char*> argv;  // PROGRAM ARG... and a null
};

struct Run {
  int exit_code = 0;
  long long wall_us = 0;
  long max_rss_kb = 0;
  long long cpu_us = 0;
};

[[noreturn]] void Usage() {
  std::fprintf(stderr,
               "usage: mlist-bench-exec [--runs N] [--stdout FILE] "
               "[--stderr FILE] -- PROGRAM [ARG...]\n");
  std::exit(2);
}

Options ParseArgs(int argc, char** argv) {
  Options options;
  int i = 1;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; i += 2) {
    if (i + 1 >= argc) {
      Usage();
    }
    std::string flag = argv[i];
    if (flag == "--runs") {
      options.runs = std::atoi(argv[i + 1]);
    } else if (flag == "--stdout") {
      options.stdout_file = argv[i + 1];
    } else if (flag == "--stderr") {
      options.stderr_file = argv[i + 1];
    } else {
      Usage();
    }
  }
  if (i + 1 >= argc || options.runs < 1) {
    Usage();
  }
  options.argv.assign(argv + i + 1, argv + argc);
  options.argv.push_back(nullptr);
  return options;
}

long long Micros(const struct timeval& t) {
  return static_cast<long long>(t.tv_sec) * 1000000 + t.tv_usec;
}

// Runs the program once. Exits with 127 when it cannot be started.
Run RunOnce(const Options& options) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, options.stdout_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, options.stderr_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);

  Run run;
  pid_t pid = 0;
  auto start = std::chrono::steady_clock::now();
  int err = posix_spawnp(&pid, options.argv[0], &actions, nullptr,
                         options.argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) {
    std::fprintf(stderr, "mlist-bench-exec: starting %s: %s\n", options.argv[0],
                 std::strerror(err));
    std::exit(127);
  }
  int status = 0;
  struct rusage usage = {};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  auto wall = std::chrono::steady_clock::now() - start;

  run.wall_us =
      std::chrono::duration_cast<std::chrono::microseconds>(wall).count();
  run.max_rss_kb = usage.ru_maxrss;
  run.cpu_us = Micros(usage.ru_utime) + Micros(usage.ru_stime);
  run.exit_code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  Options options = ParseArgs(argc, argv);
  for (int i = 0; i < options.runs; ++i) {
    Run run = RunOnce(options);
    std::printf("%d %lld %ld %lld\n", run.exit_code, run.wall_us,
                run.max_rss_kb, run.cpu_us);
  }
  return 0;
}
