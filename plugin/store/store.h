// The local store of manifest lists, in docker manifest's layout so that
// each tool reads and pushes what the other wrote:
// <config>/manifests/<list>/<entry>, one folder per list, one compact
// JSON record per image, read back in file-name order (see layout.h).
//
// What it adds to docker's store:
// - No torn files: every entry is written in <config>/mlist/tmp, fsynced
//   and renamed into place; nothing but whole records ever appears in a
//   list folder, since docker manifest fails on anything else there.
// - No lost updates: commands lock a list (flock on
//   <config>/mlist/locks/<list>) around read-modify-write; see Lock.
// - Whole-list replaces that readers see all or nothing (a folder swap),
//   and, where the file system cannot swap, a marker that tells a
//   replace killed half-way (ListTransaction::Incomplete).
// - Collisions refused: docker's escaping maps "x:a-b" and "x-a:b" to one
//   file, and "a/b_c" and "a_b/c" to one folder. The store keeps the
//   reference each list folder was made for in <config>/mlist/lists/, and
//   asks each entry record for its own ("Ref", through RecordRefReader),
//   and throws CollisionError rather than mix two images or two lists.
//   Lists and entries that docker made carry no such record of ours and
//   are taken as the reference asked for.
//
// Records are opaque bytes here; plugin/manifest encodes them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/reference.h"
#include "store/collision.h"
#include "store/entry.h"
#include "store/list_transaction.h"
#include "store/store_context.h"

namespace mlist::store {

// A list folder of the store.
struct ListInfo {
  // The folder name: "localhost-5000_app-1".
  std::string name;
  // The list reference it was made for, when docker-mlist made it
  // (escaped names cannot be turned back: '-' may have been '-' or ':').
  std::optional<std::string> ref;
};

class Store {
 public:
  // A store under the docker configuration directory config_dir (see
  // config::ConfigDir). record_ref tells which reference a record was
  // saved for; without it, entry collisions go undetected. Creates
  // nothing until something is written.
  Store(std::string config_dir, RecordRefReader record_ref,
        StoreOptions options = {});

  const Layout& layout() const { return context_.layout; }

  // Returns the list folders sorted by name; none when there is no
  // manifests folder. Throws when it cannot be read.
  std::vector<ListInfo> Lists() const;

  // Returns list's entries in file-name order: empty for an empty folder,
  // nothing when there is no folder. Unlocked, but from one version of
  // the list (see list_reader.h). Throws CollisionError when the folder
  // belongs to another list reference, else an Error "reading manifest
  // list "<list>": ..." when a file cannot be read.
  std::optional<std::vector<Entry>> Entries(
      const reference::Reference& list) const;

  // Returns the record of entry in list, or nothing. Throws
  // CollisionError when the folder or the file belongs to another
  // reference.
  std::optional<std::string> Get(const reference::Reference& list,
                                 const reference::Reference& entry) const;

  // Returns list's settings (see list_settings.h), or nothing. Unlocked.
  std::optional<std::string> Settings(const reference::Reference& list) const;

  // Returns whether a replace of list was killed half-way (see
  // ListTransaction::Incomplete).
  bool Incomplete(const reference::Reference& list) const;

  // Locks list against other docker-mlist processes, waiting up to
  // options.lock_timeout, and returns the transaction that holds the
  // lock until it goes away. Throws "locking manifest list "<list>":
  // timed out after 30s waiting for ..." when the wait is too long, and
  // CollisionError when the list's folder belongs to another reference.
  ListTransaction Lock(const reference::Reference& list) const;

  // Lock(list).Save(entry, bytes): one entry, locked.
  void Save(const reference::Reference& list, const reference::Reference& entry,
            std::string_view bytes) const;

  // Lock(list).Remove(): returns false when list has no folder.
  bool Remove(const reference::Reference& list) const;

 private:
  StoreContext context_;
};

}  // namespace mlist::store
