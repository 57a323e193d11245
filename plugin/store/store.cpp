#include "store/store.h"

#include <utility>

#include "base/error.h"
#include "store/files.h"
#include "store/list_reader.h"
#include "store/list_settings.h"
#include "store/list_writer.h"

namespace mlist::store {

Store::Store(std::string config_dir, RecordRefReader record_ref,
             StoreOptions options)
    : context_{Layout(std::move(config_dir)), std::move(record_ref), options} {}

std::vector<ListInfo> Store::Lists() const {
  return WithContext("listing manifest lists", [&] {
    std::vector<ListInfo> lists;
    for (std::string& name :
         SortedNames(context_.layout.ManifestsDir(), true)) {
      auto owner = ReadOwner(context_, name);
      lists.push_back({std::move(name), std::move(owner)});
    }
    return lists;
  });
}

std::optional<std::vector<Entry>> Store::Entries(
    const reference::Reference& list) const {
  return WithContext("reading manifest list " + Quote(list.String()), [&] {
    CheckListOwner(context_, list);
    return ReadEntries(context_, ListName(list));
  });
}

std::optional<std::string> Store::Get(const reference::Reference& list,
                                      const reference::Reference& entry) const {
  return WithContext("reading " + Quote(entry.String()) + " in manifest list " +
                         Quote(list.String()),
                     [&] {
                       CheckListOwner(context_, list);
                       return ReadEntry(context_, list, entry);
                     });
}

std::optional<std::string> Store::Settings(
    const reference::Reference& list) const {
  return WithContext(
      "reading the settings of manifest list " + Quote(list.String()), [&] {
        CheckListOwner(context_, list);
        return ReadSettings(context_, ListName(list));
      });
}

bool Store::Incomplete(const reference::Reference& list) const {
  return ListIsIncomplete(context_, ListName(list));
}

ListTransaction Store::Lock(const reference::Reference& list) const {
  return WithContext("locking manifest list " + Quote(list.String()), [&] {
    std::string lock_path = context_.layout.LockPath(ListName(list));
    MakeDirs(context_.layout.LocksDir());
    FileLock lock = FileLock::Acquire(lock_path, context_.options.lock_timeout);
    CheckListOwner(context_, list);
    SweepStaging(context_);
    return ListTransaction(context_, list, std::move(lock));
  });
}

void Store::Save(const reference::Reference& list,
                 const reference::Reference& entry,
                 std::string_view bytes) const {
  Lock(list).Save(entry, bytes);
}

bool Store::Remove(const reference::Reference& list) const {
  return Lock(list).Remove();
}

}  // namespace mlist::store
