#include "manifest/sources.h"

#include <optional>
#include <set>

#include "base/error.h"
#include "base/parallel.h"
#include "manifest/attestation.h"
#include "manifest/fetch.h"
#include "manifest/parse.h"

namespace mlist::manifest {
namespace {

// As many requests in flight as a session keeps connections.
constexpr size_t kParallelRequests = 8;

bool Wanted(const Platform& platform, const SourceFilter& filter) {
  if (filter.platforms.empty()) {
    return true;
  }
  for (const PlatformSpec& spec : filter.platforms) {
    if (Matches(platform, spec)) {
      return true;
    }
  }
  return false;
}

// The entries of index to fetch: the images of the platforms wanted,
// then, when kept, the attestations of those images.
std::vector<const Descriptor*> SelectEntries(const Index& index,
                                             const SourceFilter& filter) {
  std::vector<const Descriptor*> selected;
  std::set<std::string> images;
  for (const Descriptor& entry : index.manifests) {
    if (!IsAttestation(entry) && Wanted(EntryPlatform(entry), filter)) {
      selected.push_back(&entry);
      images.insert(entry.digest);
    }
  }
  for (const Descriptor& entry : index.manifests) {
    if (filter.keep_attestations && IsAttestation(entry) &&
        images.count(AttestedDigest(entry)) > 0) {
      selected.push_back(&entry);
    }
  }
  return selected;
}

// One request of the second round: an image's config, or an entry of a
// list (entry set).
struct Task {
  size_t source;
  const Descriptor* entry = nullptr;
};

std::vector<Manifest> FetchManifests(
    registry::Session& session, const std::vector<reference::Reference>& refs) {
  std::vector<std::optional<Manifest>> fetched(refs.size());
  base::ParallelFor(refs.size(), kParallelRequests, [&](size_t i) {
    fetched[i].emplace(FetchManifest(session, refs[i]));
  });
  std::vector<Manifest> manifests;
  for (auto& m : fetched) {
    manifests.push_back(std::move(*m));
  }
  return manifests;
}

std::vector<Task> PlanTasks(const std::vector<Manifest>& manifests,
                            const SourceFilter& filter) {
  std::vector<Task> tasks;
  for (size_t i = 0; i < manifests.size(); ++i) {
    if (!manifests[i].IsIndex()) {
      tasks.push_back({i});
      continue;
    }
    for (const Descriptor* entry :
         SelectEntries(manifests[i].index(), filter)) {
      tasks.push_back({i, entry});
    }
  }
  return tasks;
}

Record RunTask(registry::Session& session, const Task& task,
               const reference::Reference& source, const Manifest& manifest) {
  if (task.entry == nullptr) {
    return ImageRecord(session, source, manifest);
  }
  reference::Reference child = source.WithDefaultTag();
  child.digest = task.entry->digest;
  return ChildRecord(session, child, *task.entry);
}

// The platforms of every image in the sources, kept or not: each image's
// own, and those of the entries of each list.
std::vector<Platform> Available(const std::vector<Manifest>& manifests,
                                const std::vector<Task>& tasks,
                                const std::vector<Record>& records) {
  std::vector<Platform> available;
  for (const Manifest& m : manifests) {
    if (!m.IsIndex()) {
      continue;
    }
    for (const Descriptor& entry : m.index().manifests) {
      if (!IsAttestation(entry)) {
        available.push_back(EntryPlatform(entry));
      }
    }
  }
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].entry == nullptr) {
      available.push_back(records[i].descriptor.platform.value_or(Platform{}));
    }
  }
  return available;
}

// Every platform asked for must be somewhere: a typo would otherwise
// make a list that silently lacks it.
void CheckPlatformsFound(const std::vector<Platform>& available,
                         const SourceFilter& filter) {
  for (const PlatformSpec& spec : filter.platforms) {
    std::string have;
    bool found = false;
    for (const Platform& p : available) {
      found = found || Matches(p, spec);
      have += (have.empty() ? "" : ", ") + PlatformString(p);
    }
    if (!found) {
      throw Error("no image for platform " + spec.String() +
                  " in the images given (they have " +
                  (have.empty() ? "none" : have) + ")");
    }
  }
}

}  // namespace

std::vector<Record> FetchSources(registry::Session& session,
                                 const std::vector<reference::Reference>& refs,
                                 const SourceFilter& filter) {
  std::vector<Manifest> manifests = FetchManifests(session, refs);
  std::vector<Task> tasks = PlanTasks(manifests, filter);
  std::vector<Record> records(tasks.size());
  base::ParallelFor(tasks.size(), kParallelRequests, [&](size_t i) {
    const Task& task = tasks[i];
    records[i] =
        RunTask(session, task, refs[task.source], manifests[task.source]);
  });
  CheckPlatformsFound(Available(manifests, tasks, records), filter);
  // An image's platform is known only from its config: filter it now.
  std::vector<Record> kept;
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& platform = records[i].descriptor.platform;
    if (tasks[i].entry != nullptr ||
        Wanted(platform.value_or(Platform{}), filter)) {
      kept.push_back(std::move(records[i]));
    }
  }
  return kept;
}

}  // namespace mlist::manifest
