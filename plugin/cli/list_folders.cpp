#include "cli/list_folders.h"

#include <algorithm>
#include <cctype>

#include "base/error.h"
#include "manifest/platform_spec.h"

namespace mlist::cli {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The ways an escaped domain may have been written: every '-' of an IPv6
// literal was ':'; elsewhere a trailing "-<digits>" may be a port.
std::vector<std::string> Domains(std::string_view escaped) {
  std::string domain(escaped);
  if (!domain.empty() && domain[0] == '[') {
    std::replace(domain.begin(), domain.end(), '-', ':');
    return {domain};
  }
  size_t dash = domain.rfind('-');
  if (dash == std::string::npos || !AllDigits(escaped.substr(dash + 1))) {
    return {domain};
  }
  std::string with_port = domain;
  with_port[dash] = ':';
  return {with_port, domain};
}

// A lone '_' was '/'; "__" is a separator of its own inside a path
// component and stays.
std::string Path(std::string_view escaped) {
  std::string path;
  for (size_t i = 0; i < escaped.size(); ++i) {
    bool lone = escaped[i] == '_' && (i == 0 || escaped[i - 1] != '_') &&
                (i + 1 == escaped.size() || escaped[i + 1] != '_');
    path += lone ? '/' : escaped[i];
  }
  return path;
}

// The repositories an escaped "host_path" may have been: the domain ends
// at the first '_', since domains have none.
std::vector<std::string> Repositories(std::string_view escaped) {
  size_t slash = escaped.find('_');
  if (slash == std::string::npos) {
    return {};
  }
  std::vector<std::string> repositories;
  for (const std::string& domain : Domains(escaped.substr(0, slash))) {
    repositories.push_back(domain + "/" + Path(escaped.substr(slash + 1)));
  }
  return repositories;
}

// What follows a repository name, unescaped: "-1.0@sha256-ab" is
// ":1.0@sha256:ab". Tags hold no ':' or '/', so only the separators
// change.
std::string Suffix(std::string suffix) {
  if (!suffix.empty() && suffix[0] == '-') {
    suffix[0] = ':';
  }
  size_t at = suffix.find('@');
  size_t dash = suffix.rfind('-');
  if (at != std::string::npos && dash != std::string::npos && dash > at) {
    suffix[dash] = ':';
  }
  return suffix;
}

// text parsed, when it is a reference stored under name.
std::optional<reference::Reference> StoredAs(const std::string& text,
                                             std::string_view name) {
  try {
    reference::Reference ref = reference::Parse(text);
    if (reference::FileSafeName(ref) == name) {
      return ref;
    }
  } catch (const Error&) {
  }
  return std::nullopt;
}

// Where the repository may end in name: before the tag (its last '-'
// ahead of any digest) or before the digest.
std::vector<size_t> RepositoryEnds(std::string_view name) {
  size_t at = name.find('@');
  std::vector<size_t> ends;
  size_t dash = name.substr(0, at).rfind('-');
  if (dash != std::string::npos) {
    ends.push_back(dash);
  }
  if (at != std::string::npos) {
    ends.push_back(at);
  }
  return ends;
}

std::optional<reference::Reference> FromRepository(
    const std::string& repository, std::string_view name) {
  std::string escaped = reference::FileSafeName(repository);
  if (name.size() <= escaped.size() ||
      name.substr(0, escaped.size()) != escaped ||
      (name[escaped.size()] != '-' && name[escaped.size()] != '@')) {
    return std::nullopt;
  }
  return StoredAs(repository + Suffix(std::string(name.substr(escaped.size()))),
                  name);
}

}  // namespace

std::string ListFolder::DisplayName() const {
  return recorded.value_or(folder);
}

std::vector<ListFolder> ListFolders(const store::Store& store) {
  std::vector<ListFolder> lists;
  for (store::ListInfo& info : store.Lists()) {
    ListFolder list{std::move(info.name), std::move(info.ref), std::nullopt};
    list.ref = list.recorded ? StoredAs(*list.recorded, list.folder)
                             : ReferenceFromFileName(list.folder);
    lists.push_back(std::move(list));
  }
  return lists;
}

std::vector<FolderEntry> ReadFolderEntries(const store::Store& store,
                                           const ListFolder& list) {
  if (!list.ref) {
    throw Error("reading manifest list " + Quote(list.DisplayName()) +
                ": its folder name is no image reference's");
  }
  std::vector<FolderEntry> entries;
  for (store::Entry& entry :
       store.Entries(*list.ref).value_or(std::vector<store::Entry>{})) {
    try {
      entries.push_back({entry.name, manifest::DecodeRecord(entry.bytes)});
    } catch (const Error& e) {
      throw Wrap("reading manifest list " + Quote(list.DisplayName()) +
                     ": entry " + Quote(entry.name),
                 e);
    }
  }
  return entries;
}

std::string PlatformOf(const manifest::Record& record) {
  std::string platform = manifest::PlatformString(
      record.descriptor.platform.value_or(manifest::Platform{}));
  return platform.empty() ? kNoPlatform : platform;
}

std::optional<reference::Reference> ReferenceFromFileName(
    std::string_view name, const std::vector<std::string>& repositories) {
  for (const std::string& repository : repositories) {
    if (auto ref = FromRepository(repository, name)) {
      return ref;
    }
  }
  for (size_t end : RepositoryEnds(name)) {
    for (const std::string& repository : Repositories(name.substr(0, end))) {
      std::string suffix(name.substr(end));
      if (auto ref = StoredAs(repository + Suffix(suffix), name)) {
        return ref;
      }
    }
  }
  return std::nullopt;
}

std::optional<reference::Reference> RecordReference(
    const manifest::Record& record, const std::string& file_name) {
  if (!record.ref.empty()) {
    if (auto ref = StoredAs(record.ref, file_name)) {
      return ref;
    }
  }
  return ReferenceFromFileName(file_name);
}

}  // namespace mlist::cli
