// Reading a list's entries back, in file-name order, as docker does.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/entry.h"
#include "store/store_context.h"

namespace mlist::store {

// Returns the entries of the list folder list_name sorted by file name,
// an empty vector for an empty folder (docker treats it as an existing,
// empty list), or nothing when there is no folder. Reads through one
// open handle of the folder, and starts again when an entry vanishes
// under it (a whole-list replace swapped the folder), so the entries come
// from one version of the list. Throws when the folder or an entry cannot
// be read.
std::optional<std::vector<Entry>> ReadEntries(const StoreContext& context,
                                              const std::string& list_name);

// Returns the record of entry in list, or nothing when there is none.
// Throws CollisionError when the file holds another reference's record.
std::optional<std::string> ReadEntry(const StoreContext& context,
                                     const reference::Reference& list,
                                     const reference::Reference& entry);

}  // namespace mlist::store
