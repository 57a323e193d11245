#include "store/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <thread>
#include <utility>

#include "base/error.h"
#include "store/files.h"

namespace mlist::store {
namespace {

using Clock = std::chrono::steady_clock;

// Polling with a growing pause keeps a waiter cheap without making a
// short wait long; flock has no timeout of its own.
constexpr std::chrono::milliseconds kFirstPause{1};
constexpr std::chrono::milliseconds kLongestPause{20};

std::string Seconds(std::chrono::milliseconds timeout) {
  auto ms = timeout.count();
  if (ms % 1000 == 0) {
    return std::to_string(ms / 1000) + "s";
  }
  return std::to_string(ms) + "ms";
}

// Returns true once fd is locked, false when it is locked elsewhere.
bool TryLock(int fd, const std::string& path) {
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return false;
    }
    if (errno != EINTR) {
      ThrowErrno("locking", path, errno);
    }
  }
  return true;
}

void WaitForLock(int fd, const std::string& path,
                 std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  auto pause = kFirstPause;
  while (!TryLock(fd, path)) {
    if (Clock::now() >= deadline) {
      throw Error("timed out after " + Seconds(timeout) + " waiting for " +
                  Quote(path) + ", locked by another process");
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, kLongestPause);
  }
}

}  // namespace

FileLock FileLock::Acquire(const std::string& path,
                           std::chrono::milliseconds timeout) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    ThrowErrno("opening lock file", path, errno);
  }
  try {
    WaitForLock(fd, path, timeout);
  } catch (...) {
    ::close(fd);
    throw;
  }
  return FileLock(fd);
}

FileLock::FileLock(FileLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) {
      ::close(fd_);
    }
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

FileLock::~FileLock() {
  // Closing the last descriptor of the open file releases the lock.
  if (fd_ >= 0) {
    ::close(fd_);
  }
}

}  // namespace mlist::store
