// What every part of the store shares: the layout on disk, how to read a
// record's reference, and the tunables.
#pragma once

#include <chrono>

#include "store/entry.h"
#include "store/layout.h"

namespace mlist::store {

struct StoreOptions {
  // How long a command waits for another one holding the same list.
  std::chrono::milliseconds lock_timeout{std::chrono::seconds(30)};
  // Replace a whole list with one renameat2(RENAME_EXCHANGE) of its
  // folder where the file system allows it. Off (or unsupported), it is
  // replaced entry by entry under a pending marker; the tests turn it off
  // to cover that path.
  bool swap_list_folders = true;
  // Leftovers in the staging folder older than this (from killed
  // commands) are removed when a list is next locked.
  std::chrono::seconds staging_max_age{std::chrono::hours(1)};
};

struct StoreContext {
  Layout layout;
  RecordRefReader record_ref;
  StoreOptions options;
};

}  // namespace mlist::store
