#include "store/list_writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <set>

#include "base/error.h"
#include "store/files.h"
#include "store/list_settings.h"

namespace mlist::store {
namespace {

namespace fs = std::filesystem;

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

// Writes one of our own small files (owner or pending record) whole.
void WriteOwnFile(const StoreContext& context, const std::string& path,
                  const std::string& content) {
  MakeDirs(fs::path(path).parent_path().string());
  WriteAtomically(context.layout.StagingDir(), path, content);
}

std::chrono::system_clock::time_point ChangeTime(const struct stat& st) {
  auto since_epoch = std::chrono::seconds(st.st_ctim.tv_sec) +
                     std::chrono::nanoseconds(st.st_ctim.tv_nsec);
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          since_epoch));
}

void RemoveTreeQuietly(const std::string& path) {
  try {
    RemoveTree(path);
  } catch (const std::exception&) {
    // Left for SweepStaging: the change itself is done.
  }
}

// Writes records into a new folder in staging; returns its path.
std::string StageList(const StoreContext& context, const std::string& list_name,
                      const std::vector<NamedRecord>& records) {
  MakeDirs(context.layout.StagingDir());
  std::string staged =
      context.layout.StagingDir() + "/" + UniqueName(list_name);
  if (::mkdir(staged.c_str(), 0755) != 0) {
    ThrowErrno("creating directory", staged, errno);
  }
  try {
    for (const auto& [name, bytes] : records) {
      WriteNewFile(staged + "/" + name, bytes);
    }
    SyncDir(staged);
  } catch (...) {
    RemoveTreeQuietly(staged);
    throw;
  }
  return staged;
}

// Renames staged to target when target is missing or empty; returns
// false when target is a folder with entries (or one overlayfs will not
// rename over).
bool MoveIntoPlace(const std::string& staged, const std::string& target) {
  if (::rename(staged.c_str(), target.c_str()) == 0) {
    return true;
  }
  if (errno == ENOTEMPTY || errno == EEXIST || errno == EXDEV) {
    return false;
  }
  throw Error("renaming " + Quote(staged) + " to " + Quote(target) + ": " +
              ErrnoText(errno));
}

// The fallback without RENAME_EXCHANGE: each rename is atomic, the
// whole is not, so the pending marker says so until the end.
void ReplaceEntryByEntry(const StoreContext& context,
                         const reference::Reference& list,
                         const std::string& staged,
                         const std::vector<NamedRecord>& records,
                         std::string_view settings) {
  std::string name = ListName(list);
  std::string target = context.layout.ListDir(name);
  WriteOwnFile(context, context.layout.PendingPath(name), list.String() + "\n");
  std::set<std::string> keep;
  for (const auto& record : records) {
    RenamePath(staged + "/" + record.first, target + "/" + record.first);
    keep.insert(record.first);
  }
  for (const std::string& old : SortedNames(target)) {
    if (keep.count(old) == 0) {
      RemoveFile(target + "/" + old);
    }
  }
  SyncDir(target);
  // The folder stays the same one: its settings change before the list
  // is said to be whole again.
  WriteSettings(context, name, settings);
  RemoveFile(context.layout.PendingPath(name));
}

// Puts the staged folder in place of the list's folder.
void InstallStaged(const StoreContext& context,
                   const reference::Reference& list, const std::string& staged,
                   const std::vector<NamedRecord>& records,
                   std::string_view settings) {
  std::string name = ListName(list);
  std::string target = context.layout.ListDir(name);
  MakeDirs(context.layout.ManifestsDir());
  if (MoveIntoPlace(staged, target)) {
    RemoveFile(context.layout.PendingPath(name));
  } else if (context.options.swap_list_folders &&
             ExchangePaths(staged, target)) {
    // staged now holds the old list.
    RemoveFile(context.layout.PendingPath(name));
  } else {
    ReplaceEntryByEntry(context, list, staged, records, settings);
  }
  SyncDir(context.layout.ManifestsDir());
}

}  // namespace

void WriteOwner(const StoreContext& context, const reference::Reference& list) {
  std::string path = context.layout.OwnerPath(ListName(list));
  std::string content = list.String() + "\n";
  if (ReadFileIfExists(path) != content) {
    WriteOwnFile(context, path, content);
  }
}

void WriteEntry(const StoreContext& context, const std::string& list_name,
                const std::string& entry_name, std::string_view bytes) {
  std::string dir = context.layout.ListDir(list_name);
  MakeDirs(dir);
  WriteAtomically(context.layout.StagingDir(), dir + "/" + entry_name, bytes);
  SyncDir(dir);
}

void ReplaceList(const StoreContext& context, const reference::Reference& list,
                 const std::vector<NamedRecord>& records,
                 std::string_view settings) {
  std::string name = ListName(list);
  std::string staged = StageList(context, name, records);
  try {
    // Settings belong to a folder: the staged one keeps its identity
    // when it moves in, so they are saved for it first, then in their
    // usual place once it is in.
    StageSettings(context, name, staged, settings);
    InstallStaged(context, list, staged, records, settings);
    WriteSettings(context, name, settings);
    DropStagedSettings(context, name);
  } catch (...) {
    RemoveTreeQuietly(staged);
    throw;
  }
  RemoveTreeQuietly(staged);
}

bool RemoveList(const StoreContext& context, const std::string& list_name) {
  std::string target = context.layout.ListDir(list_name);
  bool existed = Exists(target);
  if (existed) {
    MakeDirs(context.layout.StagingDir());
    std::string moved =
        context.layout.StagingDir() + "/" + UniqueName(list_name);
    if (::rename(target.c_str(), moved.c_str()) == 0) {
      SyncDir(context.layout.ManifestsDir());
      RemoveTreeQuietly(moved);
    } else if (errno == EXDEV) {
      // overlayfs will not move a lower layer's folder: delete it in
      // place, as docker does, entry by entry.
      RemoveTree(target);
    } else {
      ThrowErrno("moving away", target, errno);
    }
  }
  RemoveFile(context.layout.PendingPath(list_name));
  RemoveFile(context.layout.OwnerPath(list_name));
  RemoveSettings(context, list_name);
  return existed;
}

bool ListIsIncomplete(const StoreContext& context,
                      const std::string& list_name) {
  return Exists(context.layout.PendingPath(list_name)) &&
         Exists(context.layout.ListDir(list_name));
}

void SweepStaging(const StoreContext& context) {
  try {
    std::string dir = context.layout.StagingDir();
    auto now = std::chrono::system_clock::now();
    for (const std::string& name : SortedNames(dir)) {
      // ctime, which rename(2) updates: a list folder moved here to be
      // deleted is old by mtime but new by ctime.
      struct stat st {};
      std::string path = dir + "/" + name;
      if (::lstat(path.c_str(), &st) == 0 &&
          now - ChangeTime(st) > context.options.staging_max_age) {
        RemoveTreeQuietly(path);
      }
    }
  } catch (const std::exception&) {
    // A staging folder we cannot read is no reason to fail a command.
  }
}

}  // namespace mlist::store
