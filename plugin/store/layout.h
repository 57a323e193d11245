// Where the store keeps its files under a docker configuration
// directory. docker's own layout, which docker manifest reads and writes:
//
//   <config>/manifests/<list>/<entry>   one folder per list, one record
//                                       file per image
//
// and ours beside it, never inside manifests/ (docker manifest fails on
// any file in a list folder that is not a record):
//
//   <config>/mlist/tmp/                 staging: files and folders are
//                                       written here, then renamed into
//                                       manifests/ (same file system)
//   <config>/mlist/locks/<list>         one flock file per list, kept
//   <config>/mlist/lists/<list>         the list's reference as typed,
//                                       to tell apart lists whose
//                                       folder names collide
//   <config>/mlist/pending/<list>       present while a whole-list
//                                       replace that could not be done
//                                       in one rename is under way
//   <config>/mlist/settings/<list>      what docker's records cannot
//                                       hold: the list's format and
//                                       index annotations (see
//                                       list_settings.h)
//
// <list> and <entry> are reference::FileSafeName of the normalised
// reference strings.
#pragma once

#include <string>

#include "reference/reference.h"

namespace mlist::store {

class Layout {
 public:
  explicit Layout(std::string config_dir);

  const std::string& config_dir() const { return config_dir_; }

  // <config>/manifests, docker's store root.
  std::string ManifestsDir() const;
  // <config>/manifests/<list_name>.
  std::string ListDir(const std::string& list_name) const;
  // <config>/manifests/<list_name>/<entry_name>.
  std::string EntryPath(const std::string& list_name,
                        const std::string& entry_name) const;
  // <config>/mlist/tmp.
  std::string StagingDir() const;
  // <config>/mlist/locks.
  std::string LocksDir() const;
  // <config>/mlist/locks/<list_name>.
  std::string LockPath(const std::string& list_name) const;
  // <config>/mlist/lists/<list_name>.
  std::string OwnerPath(const std::string& list_name) const;
  // <config>/mlist/pending/<list_name>.
  std::string PendingPath(const std::string& list_name) const;
  // <config>/mlist/settings/<list_name>.
  std::string SettingsPath(const std::string& list_name) const;

 private:
  std::string OwnDir(const char* name) const;

  std::string config_dir_;
};

// The folder name of a list: FileSafeName of its normalised string
// ("localhost:5000/app:1" -> "localhost-5000_app-1").
std::string ListName(const reference::Reference& list);

// The file name of an entry, named as docker names it after the image
// reference: "docker.io/library/busybox:latest" ->
// "docker.io_library_busybox-latest"; a digest reference keeps its
// digest ("...busybox@sha256-<hex>").
std::string EntryName(const reference::Reference& entry);

}  // namespace mlist::store
