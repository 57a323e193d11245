#include "store/files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "base/error.h"

namespace mlist::store {
namespace {

namespace fs = std::filesystem;

// Closes a file descriptor when it goes out of scope.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
};

// Reads everything from fd into content; returns 0 or an errno value.
int ReadAll(int fd, std::string& content) {
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) {
      return 0;
    }
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return errno;
    }
    content.append(buffer, static_cast<size_t>(n));
  }
}

// Writes all of bytes to fd; returns 0 or an errno value.
int WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      return errno;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

std::optional<std::string> ReadOpened(int fd, const std::string& path) {
  if (fd < 0) {
    if (errno == ENOENT) {
      return std::nullopt;
    }
    ThrowErrno("reading", path, errno);
  }
  FdCloser closer{fd};
  std::string content;
  if (int error = ReadAll(fd, content)) {
    ThrowErrno("reading", path, error);
  }
  return content;
}

bool IsDirectory(DIR* dir, const dirent& entry) {
  if (entry.d_type != DT_UNKNOWN) {
    return entry.d_type == DT_DIR;
  }
  struct stat st {};
  return ::fstatat(::dirfd(dir), entry.d_name, &st, 0) == 0 &&
         S_ISDIR(st.st_mode);
}

}  // namespace

std::string ErrnoText(int error) {
  std::string text = std::strerror(error);
  if (!text.empty()) {
    text[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

void ThrowErrno(std::string_view doing, const std::string& path, int error) {
  throw Error(std::string(doing) + " " + Quote(path) + ": " + ErrnoText(error));
}

std::optional<std::string> ReadFileIfExists(const std::string& path) {
  return ReadOpened(::open(path.c_str(), O_RDONLY | O_CLOEXEC), path);
}

std::optional<std::string> ReadFileAt(int dir_fd, const std::string& name,
                                      const std::string& path) {
  return ReadOpened(::openat(dir_fd, name.c_str(), O_RDONLY | O_CLOEXEC), path);
}

std::vector<std::string> SortedNames(const std::string& path, bool only_dirs) {
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(path.c_str()), &::closedir);
  if (!dir) {
    if (errno == ENOENT) {
      return {};
    }
    ThrowErrno("reading directory", path, errno);
  }
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(dir.get())) {
    std::string name = entry->d_name;
    if (name != "." && name != ".." &&
        (!only_dirs || IsDirectory(dir.get(), *entry))) {
      names.push_back(std::move(name));
    }
  }
  if (errno != 0) {
    ThrowErrno("reading directory", path, errno);
  }
  std::sort(names.begin(), names.end());
  return names;
}

void MakeDirs(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) {
    ThrowErrno("creating directory", path, ec.value());
  }
}

void WriteNewFile(const std::string& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    ThrowErrno("creating", path, errno);
  }
  int error = WriteAll(fd, bytes);
  if (error == 0 && ::fsync(fd) != 0) {
    error = errno;
  }
  if (::close(fd) != 0 && error == 0) {
    error = errno;
  }
  if (error != 0) {
    ::unlink(path.c_str());
    ThrowErrno("writing", path, error);
  }
}

std::string UniqueName(std::string_view stem) {
  // Keeps the name under NAME_MAX (255) for the longest entry names.
  constexpr size_t kMaxStem = 100;
  static std::atomic<unsigned long> counter{0};
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::string(stem.substr(0, kMaxStem)) + "." +
         std::to_string(::getpid()) + "." + std::to_string(counter++) + "." +
         std::to_string(
             std::chrono::duration_cast<std::chrono::nanoseconds>(now)
                 .count()) +
         ".tmp";
}

void WriteAtomically(const std::string& staging_dir, const std::string& target,
                     std::string_view bytes) {
  MakeDirs(staging_dir);
  std::string temp =
      staging_dir + "/" + UniqueName(fs::path(target).filename().string());
  WriteNewFile(temp, bytes);
  try {
    RenamePath(temp, target);
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
}

void RenamePath(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    throw Error("renaming " + Quote(from) + " to " + Quote(to) + ": " +
                ErrnoText(errno));
  }
}

bool ExchangePaths(const std::string& a, const std::string& b) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) ==
      0) {
    return true;
  }
  // overlayfs answers EXDEV for folders of a lower layer.
  if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP ||
      errno == EXDEV) {
    return false;
  }
  throw Error("exchanging " + Quote(a) + " and " + Quote(b) + ": " +
              ErrnoText(errno));
}

void SyncDir(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    ThrowErrno("opening directory", path, errno);
  }
  FdCloser closer{fd};
  if (::fsync(fd) != 0 && errno != EINVAL) {
    ThrowErrno("syncing directory", path, errno);
  }
}

bool RemoveFile(const std::string& path) {
  if (::unlink(path.c_str()) == 0) {
    return true;
  }
  if (errno == ENOENT) {
    return false;
  }
  ThrowErrno("removing", path, errno);
}

void RemoveTree(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) {
    ThrowErrno("removing", path, ec.value());
  }
}

}  // namespace mlist::store
