#include "store/list_transaction.h"

#include <sys/stat.h>

#include <map>
#include <utility>

#include "base/error.h"
#include "store/collision.h"
#include "store/list_reader.h"
#include "store/list_settings.h"
#include "store/list_writer.h"

namespace mlist::store {
namespace {

// Orders entries by file name, keeping the last record of a reference
// and refusing two references with one name.
std::vector<NamedRecord> NameRecords(const std::vector<NewEntry>& entries) {
  std::map<std::string, const NewEntry*> by_name;
  for (const NewEntry& entry : entries) {
    auto [it, added] = by_name.emplace(EntryName(entry.ref), &entry);
    if (!added && it->second->ref != entry.ref) {
      throw MakeCollision("manifest", entry.ref.String(),
                          it->second->ref.String(), it->first);
    }
    it->second = &entry;
  }
  std::vector<NamedRecord> records;
  for (const auto& [name, entry] : by_name) {
    records.emplace_back(name, entry->bytes);
  }
  return records;
}

}  // namespace

ListTransaction::ListTransaction(StoreContext context,
                                 reference::Reference list, FileLock lock)
    : context_(std::move(context)),
      list_(std::move(list)),
      lock_(std::move(lock)) {}

std::string ListTransaction::Name() const {
  return ListName(list_);
}

bool ListTransaction::Exists() const {
  struct stat st {};
  return ::stat(context_.layout.ListDir(Name()).c_str(), &st) == 0 &&
         S_ISDIR(st.st_mode);
}

bool ListTransaction::Incomplete() const {
  return ListIsIncomplete(context_, Name());
}

std::optional<std::vector<Entry>> ListTransaction::Entries() const {
  return WithContext("reading manifest list " + Quote(list_.String()),
                     [&] { return ReadEntries(context_, Name()); });
}

std::optional<std::string> ListTransaction::Get(
    const reference::Reference& entry) const {
  return WithContext("reading " + Quote(entry.String()) + " in manifest list " +
                         Quote(list_.String()),
                     [&] { return ReadEntry(context_, list_, entry); });
}

void ListTransaction::Save(const reference::Reference& entry,
                           std::string_view bytes) {
  WithContext("saving " + Quote(entry.String()) + " in manifest list " +
                  Quote(list_.String()),
              [&] {
                ReadEntry(context_, list_, entry);
                WriteOwner(context_, list_);
                WriteEntry(context_, Name(), EntryName(entry), bytes);
              });
}

void ListTransaction::Replace(const std::vector<NewEntry>& entries,
                              std::string_view settings) {
  WithContext("saving manifest list " + Quote(list_.String()), [&] {
    std::vector<NamedRecord> records = NameRecords(entries);
    WriteOwner(context_, list_);
    ReplaceList(context_, list_, records, settings);
  });
}

std::optional<std::string> ListTransaction::Settings() const {
  return WithContext(
      "reading the settings of manifest list " + Quote(list_.String()),
      [&] { return ReadSettings(context_, Name()); });
}

void ListTransaction::SaveSettings(std::string_view bytes) {
  WithContext("saving the settings of manifest list " + Quote(list_.String()),
              [&] { WriteSettings(context_, Name(), bytes); });
}

bool ListTransaction::Remove() {
  return WithContext("removing manifest list " + Quote(list_.String()),
                     [&] { return RemoveList(context_, Name()); });
}

}  // namespace mlist::store
