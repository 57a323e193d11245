// A local list as push and inspect read it: its records and its
// settings, from the store; and the KEY=VALUE annotations of the flags
// that set them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "manifest/list_settings.h"
#include "manifest/record.h"
#include "reference/reference.h"
#include "store/store.h"

namespace mlist::cli {

struct LocalList {
  std::vector<manifest::Record> records;
  manifest::ListSettings settings;
};

// Returns the list, or nothing when the store has no such list. Throws
// mlist::Error when a replace of it was killed half-way, or a record or
// the settings cannot be read.
std::optional<LocalList> ReadLocalList(const store::Store& store,
                                       const reference::Reference& list);

// The settings of the locked list, default ones when it has none.
manifest::ListSettings ReadSettings(const store::ListTransaction& tx);

// Parses --annotation values, "KEY=VALUE" each (VALUE may be empty or
// hold '='). Throws mlist::UsageError in pflag's words for a value
// without '=' or with an empty key.
std::map<std::string, std::string> ParseAnnotations(
    const std::vector<std::string>& values);

}  // namespace mlist::cli
