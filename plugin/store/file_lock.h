// An exclusive advisory lock (flock(2)) on a lock file, held by this
// object until it goes away. The kernel drops it when the process dies,
// so a killed command never leaves a list locked. flock locks belong to
// the open file, so two FileLocks on one path exclude each other even
// within one process.
#pragma once

#include <chrono>
#include <string>

namespace mlist::store {

class FileLock {
 public:
  // Creates path when missing (mode 0644, its folder must exist) and
  // waits until this process holds its lock. Throws mlist::Error
  // "timed out after 30s waiting for "<path>", locked by another
  // process" when timeout passes first, or an error naming path when it
  // cannot be opened or locked.
  static FileLock Acquire(const std::string& path,
                          std::chrono::milliseconds timeout);

  FileLock(FileLock&& other) noexcept;
  FileLock& operator=(FileLock&& other) noexcept;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  // Releases the lock. The file stays: removing a lock file that another
  // process has opened but not yet locked would let two holders in.
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}

  int fd_ = -1;
};

}  // namespace mlist::store
