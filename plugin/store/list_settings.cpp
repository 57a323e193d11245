#include "store/list_settings.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>

#include "store/files.h"

namespace mlist::store {
namespace {

// The first line of the file: "folder <device>:<inode>:<birth time>".
// File systems hand a freed inode number to the next new folder, so the
// number alone would take docker's new folder for ours; the birth time
// tells them apart where the file system records it (ext4, xfs, btrfs,
// tmpfs).
std::optional<std::string> FolderId(const std::string& dir) {
  struct statx st {};
  if (::statx(AT_FDCWD, dir.c_str(), 0, STATX_INO | STATX_TYPE | STATX_BTIME,
              &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR) {
      return std::nullopt;
    }
    ThrowErrno("reading", dir, errno);
  }
  if (!S_ISDIR(st.stx_mode)) {
    return std::nullopt;
  }
  std::string born = "-";
  if ((st.stx_mask & STATX_BTIME) != 0) {
    born = std::to_string(st.stx_btime.tv_sec) + "." +
           std::to_string(st.stx_btime.tv_nsec);
  }
  return "folder " + std::to_string(st.stx_dev_major) + "." +
         std::to_string(st.stx_dev_minor) + ":" + std::to_string(st.stx_ino) +
         ":" + born + "\n";
}

// Where StageSettings keeps the settings of a folder about to come.
std::string StagedPath(const StoreContext& context,
                       const std::string& list_name) {
  return context.layout.SettingsPath(list_name) + ".next";
}

// The settings path holds for the folder id, if it was written for it.
std::optional<std::string> SettingsFor(const std::string& path,
                                       const std::string& id) {
  auto content = ReadFileIfExists(path);
  if (!content || content->compare(0, id.size(), id) != 0) {
    return std::nullopt;
  }
  return content->substr(id.size());
}

void WriteFor(const StoreContext& context, const std::string& path,
              const std::string& id, std::string_view bytes) {
  MakeDirs(std::filesystem::path(path).parent_path().string());
  WriteAtomically(context.layout.StagingDir(), path, id + std::string(bytes));
}

}  // namespace

std::optional<std::string> ReadSettings(const StoreContext& context,
                                        const std::string& list_name) {
  auto id = FolderId(context.layout.ListDir(list_name));
  if (!id) {
    return std::nullopt;
  }
  auto settings = SettingsFor(context.layout.SettingsPath(list_name), *id);
  if (!settings) {
    // A replace killed after its folder came in, before its settings
    // were written in their usual place.
    settings = SettingsFor(StagedPath(context, list_name), *id);
  }
  return settings;
}

void WriteSettings(const StoreContext& context, const std::string& list_name,
                   std::string_view bytes) {
  std::string path = context.layout.SettingsPath(list_name);
  auto id = FolderId(context.layout.ListDir(list_name));
  if (bytes.empty() || !id) {
    RemoveFile(path);
    return;
  }
  WriteFor(context, path, *id, bytes);
}

void StageSettings(const StoreContext& context, const std::string& list_name,
                   const std::string& staged_dir, std::string_view bytes) {
  auto id = FolderId(staged_dir);
  if (bytes.empty() || !id) {
    RemoveFile(StagedPath(context, list_name));
    return;
  }
  WriteFor(context, StagedPath(context, list_name), *id, bytes);
}

void DropStagedSettings(const StoreContext& context,
                        const std::string& list_name) {
  RemoveFile(StagedPath(context, list_name));
}

void RemoveSettings(const StoreContext& context, const std::string& list_name) {
  RemoveFile(context.layout.SettingsPath(list_name));
  RemoveFile(StagedPath(context, list_name));
}

}  // namespace mlist::store
