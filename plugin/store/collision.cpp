#include "store/collision.h"

#include <sys/stat.h>

#include "store/files.h"

namespace mlist::store {
namespace {

bool IsDir(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

std::optional<std::string> ReadOwner(const StoreContext& context,
                                     const std::string& list_name) {
  auto owner = ReadFileIfExists(context.layout.OwnerPath(list_name));
  // The file holds the reference string and a newline.
  while (owner && !owner->empty() && owner->back() == '\n') {
    owner->pop_back();
  }
  return owner;
}

bool SameReference(const std::string& recorded, const std::string& wanted) {
  if (recorded == wanted) {
    return true;
  }
  return wanted.find('@') == std::string::npos &&
         recorded.size() > wanted.size() + 1 &&
         recorded.compare(0, wanted.size(), wanted) == 0 &&
         recorded[wanted.size()] == '@';
}

CollisionError MakeCollision(const char* what, const std::string& wanted,
                             const std::string& existing,
                             const std::string& name) {
  return CollisionError(std::string(what) + " " + Quote(wanted) +
                        " collides with " + Quote(existing) +
                        ": both are stored as " + Quote(name) +
                        " (':' becomes '-' and '/' becomes '_')");
}

void CheckListOwner(const StoreContext& context,
                    const reference::Reference& list) {
  std::string name = ListName(list);
  auto owner = ReadOwner(context, name);
  // An owner record without its folder is left from a list docker
  // removed; it says nothing about a folder made later.
  if (!owner || !IsDir(context.layout.ListDir(name))) {
    return;
  }
  if (*owner != list.String()) {
    throw MakeCollision("manifest list", list.String(), *owner, name);
  }
}

void CheckEntryOwner(const StoreContext& context,
                     const reference::Reference& entry,
                     const std::string& bytes) {
  if (!context.record_ref) {
    return;
  }
  std::optional<std::string> recorded = context.record_ref(bytes);
  if (recorded && !SameReference(*recorded, entry.String())) {
    throw MakeCollision("manifest", entry.String(), *recorded,
                        EntryName(entry));
  }
}

}  // namespace mlist::store
