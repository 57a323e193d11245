#include "cli/list_completion.h"

#include <algorithm>
#include <exception>
#include <optional>

#include "base/error.h"
#include "cli/list_folders.h"
#include "store/layout.h"

namespace mlist::cli {
namespace {

// How many platforms a list's description names before "...".
constexpr size_t kPlatformsShown = 3;
// Hex digits of a short digest, as docker shortens image IDs.
constexpr size_t kShortDigest = 12;

// What --platform is offered before the local lists' own: the targets of
// a typical multi-arch release.
const char* const kCommonPlatforms[] = {
    "linux/amd64",  "linux/arm64",   "linux/arm/v7",
    "linux/arm/v6", "linux/386",     "linux/ppc64le",
    "linux/s390x",  "linux/riscv64", "windows/amd64",
};

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// ref as the user is typing it: in full, or in docker's short form when
// partial starts that one ("busy" for docker.io/library/busybox:latest).
std::optional<std::string> Spelled(const reference::Reference& ref,
                                   const std::string& partial) {
  for (std::string form : {ref.String(), ref.Familiar()}) {
    if (StartsWith(form, partial)) {
      return form;
    }
  }
  return std::nullopt;
}

std::string ListDescription(const std::vector<FolderEntry>& entries) {
  if (entries.empty()) {
    return "no entries";
  }
  std::string text = std::to_string(entries.size()) +
                     (entries.size() == 1 ? " entry: " : " entries: ");
  for (size_t i = 0; i < entries.size() && i < kPlatformsShown; ++i) {
    text += (i == 0 ? "" : ", ") + PlatformOf(entries[i].record);
  }
  return text + (entries.size() > kPlatformsShown ? ", ..." : "");
}

std::string ShortDigest(const std::string& digest) {
  size_t colon = digest.find(':');
  return colon == std::string::npos
             ? digest
             : digest.substr(0, colon + 1 + kShortDigest);
}

// The repositories of a list's entries: where docker's escaping hides
// where a list's repository ends, they are the likely answer.
std::vector<std::string> EntryRepositories(
    const std::vector<FolderEntry>& entries) {
  std::vector<std::string> repositories;
  for (const FolderEntry& entry : entries) {
    if (auto ref = RecordReference(entry.record, entry.file)) {
      repositories.push_back(ref->Name());
    }
  }
  return repositories;
}

// Completion never fails for one bad list: it is left out.
std::vector<FolderEntry> EntriesOrNone(const store::Store& store,
                                       const ListFolder& list) {
  try {
    return ReadFolderEntries(store, list);
  } catch (const std::exception&) {
    return {};
  }
}

std::vector<ListFolder> ListsOrNone(const store::Store& store) {
  try {
    return ListFolders(store);
  } catch (const std::exception&) {
    return {};
  }
}

// The folder names of the lists already typed.
std::vector<std::string> Folders(const std::vector<std::string>& args) {
  std::vector<std::string> folders;
  for (const std::string& arg : args) {
    try {
      folders.push_back(store::ListName(reference::ParseWithDefaultTag(arg)));
    } catch (const Error&) {
    }
  }
  return folders;
}

// The list's candidate, if its name fits partial: the reference to type
// and what the list holds.
std::optional<std::string> ListCandidate(const store::Store& store,
                                         const ListFolder& list,
                                         const std::string& partial) {
  std::optional<std::vector<FolderEntry>> entries;
  try {
    entries = ReadFolderEntries(store, list);
  } catch (const std::exception&) {
    // Offered all the same: it can still be removed or looked at.
  }
  std::optional<reference::Reference> ref = list.ref;
  if (!list.recorded && entries) {
    ref = ReferenceFromFileName(list.folder, EntryRepositories(*entries));
  }
  std::optional<std::string> value;
  if (ref) {
    value = Spelled(*ref, partial);
  }
  if (!value) {
    return std::nullopt;
  }
  return *value + "\t" +
         (entries ? ListDescription(*entries) : "unreadable manifest list");
}

}  // namespace

std::vector<std::string> ListCandidates(const store::Store& store,
                                        const std::string& partial,
                                        const std::vector<std::string>& taken) {
  std::vector<std::string> folders = Folders(taken);
  std::vector<std::string> candidates;
  for (const ListFolder& list : ListFolders(store)) {
    if (std::find(folders.begin(), folders.end(), list.folder) !=
        folders.end()) {
      continue;
    }
    if (auto candidate = ListCandidate(store, list, partial)) {
      candidates.push_back(*candidate);
    }
  }
  return candidates;
}

std::vector<std::string> EntryCandidates(const store::Store& store,
                                         const std::string& list_arg,
                                         const std::string& partial) {
  std::vector<std::string> candidates;
  try {
    reference::Reference ref = reference::ParseWithDefaultTag(list_arg);
    ListFolder list{store::ListName(ref), std::nullopt, ref};
    for (const FolderEntry& entry : ReadFolderEntries(store, list)) {
      auto entry_ref = RecordReference(entry.record, entry.file);
      auto value = entry_ref ? Spelled(*entry_ref, partial) : std::nullopt;
      if (value) {
        candidates.push_back(*value + "\t" + PlatformOf(entry.record) + " " +
                             ShortDigest(entry.record.descriptor.digest));
      }
    }
  } catch (const std::exception&) {
    // Not a local list, or one that cannot be read: nothing to offer.
    return {};
  }
  return candidates;
}

std::vector<std::string> PlatformCandidates(const store::Store* store,
                                            const std::string& partial) {
  size_t comma = partial.rfind(',');
  std::string before =
      comma == std::string::npos ? "" : partial.substr(0, comma + 1);
  std::string item = partial.substr(before.size());
  std::vector<std::string> platforms(std::begin(kCommonPlatforms),
                                     std::end(kCommonPlatforms));
  if (store != nullptr) {
    for (const ListFolder& list : ListsOrNone(*store)) {
      for (const FolderEntry& entry : EntriesOrNone(*store, list)) {
        platforms.push_back(PlatformOf(entry.record));
      }
    }
  }
  std::vector<std::string> candidates;
  for (const std::string& platform : platforms) {
    std::string candidate = before + platform;
    if (StartsWith(platform, item) && platform != kNoPlatform &&
        std::find(candidates.begin(), candidates.end(), candidate) ==
            candidates.end()) {
      candidates.push_back(candidate);
    }
  }
  return candidates;
}

}  // namespace mlist::cli
