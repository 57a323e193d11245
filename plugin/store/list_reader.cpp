#include "store/list_reader.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include "base/error.h"
#include "store/collision.h"
#include "store/files.h"

namespace mlist::store {
namespace {

// A list swapped this many times while one reader reads it is being
// rewritten in a loop; give up rather than spin.
constexpr int kReadAttempts = 20;

std::vector<std::string> NamesIn(int dir_fd, const std::string& path) {
  int fd = ::dup(dir_fd);
  std::unique_ptr<DIR, int (*)(DIR*)> dir(fd < 0 ? nullptr : ::fdopendir(fd),
                                          &::closedir);
  if (!dir) {
    if (fd >= 0) {
      ::close(fd);
    }
    ThrowErrno("reading directory", path, errno);
  }
  std::vector<std::string> names;
  errno = 0;
  while (const dirent* entry = ::readdir(dir.get())) {
    std::string name = entry->d_name;
    if (name != "." && name != "..") {
      names.push_back(std::move(name));
    }
  }
  if (errno != 0) {
    ThrowErrno("reading directory", path, errno);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Reads every entry through dir_fd; returns nothing when one vanished.
std::optional<std::vector<Entry>> ReadAllAt(const StoreContext& context,
                                            int dir_fd,
                                            const std::string& path) {
  std::vector<Entry> entries;
  for (std::string& name : NamesIn(dir_fd, path)) {
    auto bytes = ReadFileAt(dir_fd, name, path + "/" + name);
    if (!bytes) {
      return std::nullopt;
    }
    Entry entry{std::move(name), std::nullopt, std::move(*bytes)};
    if (context.record_ref) {
      entry.ref = context.record_ref(entry.bytes);
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace

std::optional<std::vector<Entry>> ReadEntries(const StoreContext& context,
                                              const std::string& list_name) {
  std::string path = context.layout.ListDir(list_name);
  for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
    int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
      return std::nullopt;
    }
    if (fd < 0) {
      ThrowErrno("reading directory", path, errno);
    }
    std::optional<std::vector<Entry>> entries;
    try {
      entries = ReadAllAt(context, fd, path);
    } catch (...) {
      ::close(fd);
      throw;
    }
    ::close(fd);
    if (entries) {
      return entries;
    }
  }
  throw Error("reading directory " + Quote(path) +
              ": it kept changing while being read");
}

std::optional<std::string> ReadEntry(const StoreContext& context,
                                     const reference::Reference& list,
                                     const reference::Reference& entry) {
  auto bytes = ReadFileIfExists(
      context.layout.EntryPath(ListName(list), EntryName(entry)));
  if (bytes) {
    CheckEntryOwner(context, entry, *bytes);
  }
  return bytes;
}

}  // namespace mlist::store
