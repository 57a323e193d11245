#include "store/layout.h"

#include <utility>

namespace mlist::store {
namespace {

// Our own folder under the configuration directory, beside manifests/.
constexpr const char* kOwnDir = "/mlist/";

}  // namespace

Layout::Layout(std::string config_dir) : config_dir_(std::move(config_dir)) {}

std::string Layout::ManifestsDir() const {
  return config_dir_ + "/manifests";
}

std::string Layout::ListDir(const std::string& list_name) const {
  return ManifestsDir() + "/" + list_name;
}

std::string Layout::EntryPath(const std::string& list_name,
                              const std::string& entry_name) const {
  return ListDir(list_name) + "/" + entry_name;
}

std::string Layout::StagingDir() const {
  return OwnDir("tmp");
}

std::string Layout::LocksDir() const {
  return OwnDir("locks");
}

std::string Layout::LockPath(const std::string& list_name) const {
  return LocksDir() + "/" + list_name;
}

std::string Layout::OwnerPath(const std::string& list_name) const {
  return OwnDir("lists") + "/" + list_name;
}

std::string Layout::PendingPath(const std::string& list_name) const {
  return OwnDir("pending") + "/" + list_name;
}

std::string Layout::SettingsPath(const std::string& list_name) const {
  return OwnDir("settings") + "/" + list_name;
}

std::string Layout::OwnDir(const char* name) const {
  return config_dir_ + kOwnDir + name;
}

std::string ListName(const reference::Reference& list) {
  return reference::FileSafeName(list);
}

std::string EntryName(const reference::Reference& entry) {
  return reference::FileSafeName(entry);
}

}  // namespace mlist::store
