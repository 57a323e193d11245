// What shell completion offers from the local store: the names of the
// local manifest lists, the entries of one, and platforms. Each candidate
// is a "value<TAB>description" line, as cobra's protocol has them (see
// completion.h).
#pragma once

#include <string>
#include <vector>

#include "store/store.h"

namespace mlist::cli {

// Returns a candidate for each local list whose name starts with partial,
// in folder-name order, leaving out the lists named in taken (as typed,
// for rm's later arguments). The name is the list's reference (or its
// short form, "app:1" for docker.io/library/app:1, when that is what
// partial starts); for lists docker manifest made, read back from the
// folder name. The description counts the entries and names the first
// platforms: "7 entries: linux/amd64, linux/arm/v6, linux/arm/v7, ...".
// Throws mlist::Error when the store cannot be listed; a list that cannot
// be read is offered all the same.
std::vector<std::string> ListCandidates(const store::Store& store,
                                        const std::string& partial,
                                        const std::vector<std::string>& taken);

// Returns a candidate for each entry of the local list list_arg (a list
// reference as annotate and inspect parse it) whose image reference
// starts with partial: the reference annotate and inspect accept, and
// the entry's platform and short digest as the description
// ("linux/arm/v7 sha256:0123456789ab"). None when list_arg names no
// local list or the list cannot be read. Never throws.
std::vector<std::string> EntryCandidates(const store::Store& store,
                                         const std::string& list_arg,
                                         const std::string& partial);

// Returns the platforms ("os/arch[/variant]") that start with the last
// comma-separated item of partial, each with the items before it: the
// common ones, then those of the local lists (store may be null). Never
// throws.
std::vector<std::string> PlatformCandidates(const store::Store* store,
                                            const std::string& partial);

}  // namespace mlist::cli
