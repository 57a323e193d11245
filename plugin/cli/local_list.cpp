#include "cli/local_list.h"

#include "base/error.h"

namespace mlist::cli {
namespace {

manifest::ListSettings DecodeSettings(const std::optional<std::string>& bytes,
                                      const reference::Reference& list) {
  if (!bytes) {
    return {};
  }
  try {
    return manifest::DecodeListSettings(*bytes);
  } catch (const Error& e) {
    throw Wrap("reading the settings of manifest list " + Quote(list.String()),
               e);
  }
}

}  // namespace

std::optional<LocalList> ReadLocalList(const store::Store& store,
                                       const reference::Reference& list) {
  auto entries = store.Entries(list);
  if (!entries) {
    return std::nullopt;
  }
  if (store.Incomplete(list)) {
    throw Error("manifest list " + list.String() +
                " was not written completely: create it again with "
                "--amend");
  }
  LocalList local;
  for (const auto& e : *entries) {
    local.records.push_back(manifest::DecodeRecord(e.bytes));
  }
  local.settings = DecodeSettings(store.Settings(list), list);
  return local;
}

manifest::ListSettings ReadSettings(const store::ListTransaction& tx) {
  return DecodeSettings(tx.Settings(), tx.list());
}

std::map<std::string, std::string> ParseAnnotations(
    const std::vector<std::string>& values) {
  std::map<std::string, std::string> annotations;
  for (const std::string& value : values) {
    size_t eq = value.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError("invalid argument " + Quote(value) +
                       " for \"--annotation\" flag: want KEY=VALUE");
    }
    annotations[value.substr(0, eq)] = value.substr(eq + 1);
  }
  return annotations;
}

}  // namespace mlist::cli
