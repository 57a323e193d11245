// A list's settings: what docker's per-image records have no place for
// (the list's format and its index annotations), kept as opaque bytes in
// <config>/mlist/settings/<list>; plugin/manifest says what they mean.
//
// docker manifest knows nothing of this file: `docker manifest rm` and a
// later `docker manifest create` of the same name would leave it behind
// for a list it was not written for. So the file names the list folder
// it belongs to (device, inode and birth time, which a folder keeps
// across renames, and a new folder does not share) and is ignored for
// any other folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/store_context.h"

namespace mlist::store {

// Returns the settings saved for the list folder list_name as it is now,
// or nothing: no file, no folder, or a file written for another folder.
// Throws when the file exists but cannot be read.
std::optional<std::string> ReadSettings(const StoreContext& context,
                                        const std::string& list_name);

// Saves bytes as the settings of the list folder list_name, which must
// exist, replacing the file whole; empty bytes remove it. The caller
// holds the list's lock and writes after the folder is in place.
void WriteSettings(const StoreContext& context, const std::string& list_name,
                   std::string_view bytes);

// Saves bytes, beside the settings in force, as those of the folder
// staged_dir that is about to replace list_name's folder (a rename keeps
// a folder's identity): whenever a kill lands, ReadSettings finds the
// settings of the folder in place. WriteSettings, then
// DropStagedSettings, end the change once the folder is in place.
void StageSettings(const StoreContext& context, const std::string& list_name,
                   const std::string& staged_dir, std::string_view bytes);
void DropStagedSettings(const StoreContext& context,
                        const std::string& list_name);

// Removes every settings file of list_name.
void RemoveSettings(const StoreContext& context, const std::string& list_name);

}  // namespace mlist::store
