// Changing a list on disk so that a kill at any moment leaves only whole
// entry files in docker's folders and never one of our temporary files:
// everything is written in <config>/mlist/tmp and renamed into place.
// The caller holds the list's lock.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store_context.h"

namespace mlist::store {

// A file name in a list folder and the record to write under it.
using NamedRecord = std::pair<std::string, std::string>;

// Records list as the owner of its folder name in <config>/mlist/lists/
// unless it already is.
void WriteOwner(const StoreContext& context, const reference::Reference& list);

// Writes one entry file of the list folder list_name (created when
// missing): staged, fsynced, renamed over the old file, folder fsynced.
void WriteEntry(const StoreContext& context, const std::string& list_name,
                const std::string& entry_name, std::string_view bytes);

// Makes the list folder hold exactly records (distinct names). The new
// folder is built in staging, then renamed into place when there is no
// list yet, or swapped with the old one by renameat2(RENAME_EXCHANGE):
// readers, docker included, see the old list or the new one, never a mix.
// Where the swap is impossible, entries are renamed in one by one and
// stale ones removed, under a pending marker that stays if the command
// dies half-way (see ListIsIncomplete). The list's settings become
// settings (empty: none) with the records, so that a kill leaves the
// old records with the old settings or the new with the new.
void ReplaceList(const StoreContext& context, const reference::Reference& list,
                 const std::vector<NamedRecord>& records,
                 std::string_view settings);

// Moves the list folder into staging in one rename, then deletes it and
// the list's owner, pending and settings records. Returns false when there was
// no folder.
bool RemoveList(const StoreContext& context, const std::string& list_name);

// Returns whether an entry-by-entry replace of the list began and never
// finished: its folder may hold old and new entries mixed.
bool ListIsIncomplete(const StoreContext& context,
                      const std::string& list_name);

// Removes staging leftovers of killed commands older than
// options.staging_max_age. Best effort: never throws.
void SweepStaging(const StoreContext& context);

}  // namespace mlist::store
