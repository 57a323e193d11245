// One list, locked: read, change and write its entries with no other
// docker-mlist process changing it in between. docker manifest itself
// takes no lock; against it, each entry file is still replaced whole.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/reference.h"
#include "store/entry.h"
#include "store/file_lock.h"
#include "store/store_context.h"

namespace mlist::store {

class ListTransaction {
 public:
  ListTransaction(ListTransaction&&) = default;
  ListTransaction& operator=(ListTransaction&&) = default;

  // The list this transaction holds.
  const reference::Reference& list() const { return list_; }

  // Returns whether the list has a folder (possibly empty, which docker
  // treats as an existing list).
  bool Exists() const;

  // Returns whether an earlier replace of this list was killed half-way
  // on a file system that cannot swap folders: the folder may hold old
  // and new entries mixed. A later Replace or Remove clears it.
  bool Incomplete() const;

  // Returns the entries in file-name order, or nothing when the list has
  // no folder. Throws "reading manifest list "<list>": ..." when a file
  // cannot be read.
  std::optional<std::vector<Entry>> Entries() const;

  // Returns the record of entry, or nothing when the list has none.
  // Throws CollisionError when its file holds another reference's record.
  std::optional<std::string> Get(const reference::Reference& entry) const;

  // Writes entry's record, adding it or replacing the record of the same
  // reference; creates the list when missing. Throws CollisionError,
  // naming both references, when another reference's record holds the
  // file name; else an Error "saving "<entry>" in manifest list
  // "<list>": ..." when writing fails, with the old record left whole.
  void Save(const reference::Reference& entry, std::string_view bytes);

  // Makes the list hold exactly entries, old ones not among them removed
  // (create, create --amend). A reference given twice keeps its last
  // record; two references with one file name throw CollisionError and
  // change nothing. Other readers see the old list or the new one where
  // the file system can swap folders (Linux renameat2), else entries
  // change one by one and Incomplete() tells a half-done replace. The
  // list's settings become settings (see list_settings.h; empty: none)
  // with its entries: a kill leaves the old entries with the old
  // settings, or the new with the new.
  void Replace(const std::vector<NewEntry>& entries,
               std::string_view settings = "");

  // Returns the list's settings (see list_settings.h), or nothing.
  std::optional<std::string> Settings() const;

  // Saves the list's settings; empty bytes remove them. Call after the
  // entries are in place: settings belong to the folder they were
  // written for, and a Replace makes a new folder.
  void SaveSettings(std::string_view bytes);

  // Deletes the list; returns false when it had no folder (the caller
  // prints docker's "No such manifest: <list>").
  bool Remove();

 private:
  friend class Store;

  ListTransaction(StoreContext context, reference::Reference list,
                  FileLock lock);

  std::string Name() const;

  StoreContext context_;
  reference::Reference list_;
  FileLock lock_;
};

}  // namespace mlist::store
