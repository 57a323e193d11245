// Two references whose store names collide. docker's escaping is lossy
// (':' -> '-', '/' -> '_'), so "x:a-b" and "x-a:b" share one file, and
// "a/b_c:1" and "a_b/c:1" one list folder. docker overwrites one with the
// other; the store refuses instead.
#pragma once

#include <optional>
#include <string>

#include "base/error.h"
#include "store/store_context.h"

namespace mlist::store {

// Thrown when a reference would take the file or folder of another one.
class CollisionError : public Error {
 public:
  using Error::Error;
};

// Returns whether a record's reference is the entry's: equal strings, or
// the record's is the entry's plus "@<digest>" (a record may pin the
// digest its tag resolved to).
bool SameReference(const std::string& recorded, const std::string& wanted);

// Returns the error naming both references and the name they share:
// `manifest list "A" collides with "B": both are stored as "name" ...`.
// what is "manifest" or "manifest list".
CollisionError MakeCollision(const char* what, const std::string& wanted,
                             const std::string& existing,
                             const std::string& name);

// Returns the list reference recorded for the folder name list_name in
// <config>/mlist/lists/, or nothing.
std::optional<std::string> ReadOwner(const StoreContext& context,
                                     const std::string& list_name);

// Throws CollisionError when list's folder exists and belongs to another
// list reference (as recorded in <config>/mlist/lists/). A folder that
// docker made has no owner record and is taken as list's.
void CheckListOwner(const StoreContext& context,
                    const reference::Reference& list);

// Throws CollisionError when the record bytes stored under entry's file
// name were saved for another reference. Unreadable records pass: they
// name no one, and replacing them is a repair.
void CheckEntryOwner(const StoreContext& context,
                     const reference::Reference& entry,
                     const std::string& bytes);

}  // namespace mlist::store

namespace mlist::store {

// Runs action and returns its result; an exception from it is rethrown
// as "context: cause", a CollisionError keeping its type.
template <typename Action>
auto WithContext(const std::string& context, Action&& action)
    -> decltype(action()) {
  try {
    return action();
  } catch (const CollisionError& e) {
    throw CollisionError(context + ": " + e.what());
  } catch (const std::exception& e) {
    throw Wrap(context, e);
  }
}

}  // namespace mlist::store
