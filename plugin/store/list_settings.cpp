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

}  // namespace

std::optional<std::string> ReadSettings(const StoreContext& context,
                                        const std::string& list_name) {
  auto content = ReadFileIfExists(context.layout.SettingsPath(list_name));
  if (!content) {
    return std::nullopt;
  }
  auto id = FolderId(context.layout.ListDir(list_name));
  if (!id || content->compare(0, id->size(), *id) != 0) {
    return std::nullopt;
  }
  return content->substr(id->size());
}

void WriteSettings(const StoreContext& context, const std::string& list_name,
                   std::string_view bytes) {
  std::string path = context.layout.SettingsPath(list_name);
  auto id = FolderId(context.layout.ListDir(list_name));
  if (bytes.empty() || !id) {
    RemoveFile(path);
    return;
  }
  MakeDirs(std::filesystem::path(path).parent_path().string());
  WriteAtomically(context.layout.StagingDir(), path, *id + std::string(bytes));
}

}  // namespace mlist::store
