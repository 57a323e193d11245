// The local manifest lists as the commands that go over all of them see
// them (ls, rm --all, shell completion): each list folder with a
// reference that names it, and its records decoded.
//
// Lists docker manifest made carry no reference of ours, only docker's
// escaped folder name, which cannot be turned back for certain
// ("x:a-b" and "x-a:b" share one). For the store's API any reference
// with that folder name will do (docker's lists have no owner record to
// check against); where the reference matters (what completion offers),
// the repositories of the list's entries settle the ambiguity.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "manifest/record.h"
#include "reference/reference.h"
#include "store/store.h"

namespace mlist::cli {

// One list folder of the store.
struct ListFolder {
  // The folder name: "localhost-5000_app-1".
  std::string folder;
  // The list reference docker-mlist recorded for it; nullopt for lists
  // docker manifest made.
  std::optional<std::string> recorded;
  // A reference whose folder this is, to read or remove the list through
  // the store: the recorded one, else one read back from the folder name
  // (see ReferenceFromFileName); nullopt when the folder name is no
  // reference's.
  std::optional<reference::Reference> ref;

  // What ls shows: the recorded reference, else the folder name as is.
  std::string DisplayName() const;
};

// Returns the lists of store in folder-name order; none when there is no
// store. Throws mlist::Error "listing manifest lists: ..." as
// Store::Lists does.
std::vector<ListFolder> ListFolders(const store::Store& store);

// One entry of a list: its file name and its record.
struct FolderEntry {
  std::string file;
  manifest::Record record;
};

// Returns the entries of list in the store's order: none for an empty
// list, and none when the list went away meanwhile. Throws mlist::Error
// "reading manifest list "<name>": ..." when its folder name is no
// reference's, a file cannot be read or a record cannot be decoded.
std::vector<FolderEntry> ReadFolderEntries(const store::Store& store,
                                           const ListFolder& list);

// What an entry without os and architecture shows, as docker shows a
// missing tag.
inline constexpr const char* kNoPlatform = "<none>";

// Returns the platform of record's entry as users write it,
// "os/arch[/variant]", or kNoPlatform.
std::string PlatformOf(const manifest::Record& record);

// Returns a reference whose store name (reference::FileSafeName of its
// normalised form) is name, or nullopt when there is none: docker's
// escaping undone, ':' read back from '-' for a port, a tag and a digest
// algorithm, and '/' from each lone '_'. repositories ("host/path", as
// Reference::Name gives them) are tried first as the name's repository,
// which settles where the tag starts. Never throws.
std::optional<reference::Reference> ReferenceFromFileName(
    std::string_view name, const std::vector<std::string>& repositories = {});

// Returns the reference a record names: its "Ref", else one read back
// from its file name; nullopt when neither gives one.
std::optional<reference::Reference> RecordReference(
    const manifest::Record& record, const std::string& file_name);

}  // namespace mlist::cli
