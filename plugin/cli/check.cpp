#include "cli/check.h"

#include <algorithm>
#include <cstdio>
#include <iomanip>
#include <ostream>
#include <random>
#include <utility>

#include "base/error.h"
#include "cli/context.h"
#include "manifest/scratch_images.h"
#include "reference/reference.h"
#include "registry/registry_error.h"
#include "registry/session.h"

namespace mlist::cli {
namespace {

using manifest::ScratchKind;
using manifest::ScratchList;

constexpr const char* kScratchPrefix = "mlist-check-";
// Labels are padded to this width so that the answers line up.
constexpr size_t kLabelWidth = 25;

// One capability: supported, or why not.
struct Verdict {
  std::string why;  // empty: supported
  bool yes() const { return why.empty(); }
};

// Where the check writes, and what it has written there, so that the
// clean-up deletes exactly that.
struct Scratch {
  std::string id;
  reference::Reference repo;           // the repository checked
  reference::Reference tagged;         // repo:mlist-check-ID, each list in turn
  reference::Reference sibling;        // REPO-mlist-check-ID: the mount target
  std::vector<std::string> manifests;  // digests in repo, in push order
  std::string tag_target;              // the digest of the list tagged last
  // (repository, digest) of blobs no other image shares.
  std::vector<std::pair<reference::Reference, std::string>> blobs;
};

// 8 random hex digits: enough that concurrent checks never meet.
std::string RandomId() {
  std::random_device random;
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", static_cast<unsigned>(random()));
  return hex;
}

reference::Reference ParseRepository(const std::string& arg) {
  reference::Reference repo;
  try {
    repo = reference::Parse(arg);
  } catch (const Error& e) {
    throw Wrap("error parsing repository " + Quote(arg), e);
  }
  if (!repo.tag.empty() || !repo.digest.empty()) {
    throw Error("checking " + Quote(arg) +
                ": name a repository, without a tag or digest");
  }
  return repo;
}

Scratch NewScratch(const reference::Reference& repo) {
  Scratch scratch;
  scratch.id = RandomId();
  scratch.repo = repo;
  scratch.tagged = repo;
  scratch.tagged.tag = kScratchPrefix + scratch.id;
  // Beside the repository, in its namespace: where a user who may push
  // to one may most likely push to the other (Docker Hub allows no
  // deeper paths).
  scratch.sibling = repo;
  scratch.sibling.path += "-" + scratch.tagged.tag;
  return scratch;
}

reference::Reference ByDigest(const reference::Reference& repo,
                              const std::string& digest) {
  reference::Reference ref = repo;
  ref.digest = digest;
  return ref;
}

// What a No line says of a failure: the registry's own words and its
// status, else the whole message (a digest the registry changed, a
// connection that broke).
std::string Why(const Error& e) {
  if (const auto* r = dynamic_cast<const registry::RegistryError*>(&e)) {
    std::string status = std::to_string(r->status());
    // A body without error codes is worded by its status already.
    bool said = r->reason().rfind(status, 0) == 0;
    return r->reason() + (said ? "" : ", HTTP " + status);
  }
  return e.what();
}

// The blobs go in first, outside any capability: a registry that takes
// no blob (unreachable, credentials refused) cannot be checked at all,
// which is an ordinary error.
void UploadBlobs(registry::Session& session, Scratch& scratch) {
  std::string layer = manifest::ScratchLayer().digest;
  for (const auto& blob : manifest::ScratchBlobs(scratch.id)) {
    session.UploadBlob(scratch.repo, blob.digest, blob.data);
    // The empty layer is a common one: other images of the repository
    // may use it, so it stays. The configs name this check alone.
    if (blob.digest != layer) {
      scratch.blobs.emplace_back(scratch.repo, blob.digest);
    }
  }
}

bool Pushed(const Scratch& scratch, const std::string& digest) {
  const auto& done = scratch.manifests;
  return std::find(done.begin(), done.end(), digest) != done.end();
}

// Puts the list's images by digest (those not there yet), then the list
// under the scratch tag, as push does.
Verdict PushList(registry::Session& session, Scratch& scratch,
                 const ScratchList& list) {
  for (const auto& image : list.images) {
    const manifest::Descriptor& d = image.descriptor;
    if (Pushed(scratch, d.digest)) {
      continue;
    }
    try {
      session.PutManifest(ByDigest(scratch.repo, d.digest), d.media_type,
                          image.bytes);
    } catch (const Error& e) {
      return {"image " + d.platform->os + "/" + d.platform->architecture +
              ": " + Why(e)};
    }
    scratch.manifests.push_back(d.digest);
  }
  try {
    session.PutManifest(scratch.tagged, list.media_type, list.bytes,
                        "manifest list");
  } catch (const Error& e) {
    return {Why(e)};
  }
  scratch.manifests.push_back(list.digest);
  scratch.tag_target = list.digest;
  return {};
}

// The scratch tag must give back the list pushed, byte for byte (the
// same digest, so every annotation too), with its media type.
Verdict ReadBack(registry::Session& session, const Scratch& scratch,
                 const ScratchList& list) {
  registry::Manifest got;
  try {
    got = session.GetManifest(scratch.tagged);
  } catch (const Error& e) {
    return {"reading it back: " + Why(e)};
  }
  if (got.digest != list.digest) {
    return {"read back as " + got.digest + ", pushed " + list.digest};
  }
  if (got.media_type != list.media_type) {
    return {"read back as " + got.media_type};
  }
  return {};
}

Verdict CheckList(registry::Session& session, Scratch& scratch,
                  ScratchKind kind) {
  ScratchList list = manifest::BuildScratchList(kind, scratch.id);
  Verdict verdict = PushList(session, scratch, list);
  return verdict.yes() ? ReadBack(session, scratch, list) : verdict;
}

// Mounts the layer from the repository into the sibling (distribution
// spec, "Mounting a blob from another repository"): 201 is a mount; 202
// means the registry opened an ordinary upload instead, which is left to
// expire.
Verdict CheckMount(registry::Session& session, Scratch& scratch) {
  std::string digest = manifest::ScratchLayer().digest;
  try {
    if (!session.MountBlob(scratch.sibling, digest, scratch.repo.path)) {
      return {"HTTP 202: the registry opened an upload instead"};
    }
  } catch (const Error& e) {
    return {Why(e)};
  }
  scratch.blobs.emplace_back(scratch.sibling, digest);
  return {};
}

struct Capability {
  const char* label;
  const char* name;  // in the closing error
  Verdict (*run)(registry::Session&, Scratch&);
};

const Capability kCapabilities[] = {
    {"Docker manifest list", "Docker manifest list",
     [](registry::Session& s, Scratch& c) {
       return CheckList(s, c, ScratchKind::kDockerList);
     }},
    {"OCI image index", "OCI image index",
     [](registry::Session& s, Scratch& c) {
       return CheckList(s, c, ScratchKind::kOciIndex);
     }},
    {"Cross-repository mount", "cross-repository mount", &CheckMount},
    {"Annotations", "annotations",
     [](registry::Session& s, Scratch& c) {
       return CheckList(s, c, ScratchKind::kAnnotatedIndex);
     }},
};

std::string Count(size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// How far the clean-up came.
struct Deleted {
  size_t manifests = 0;
  size_t blobs = 0;
  bool tag = false;  // the list the scratch tag names went, and the tag
  std::string why;   // the refusal that ended it; empty: all deleted
};

// Deletes what the check pushed: each list before the images it names
// (a registry may refuse to delete a manifest an index still names),
// then the blobs. The first refusal ends it: a registry with deletes
// turned off (distribution: 405 UNSUPPORTED) refuses them all.
Deleted DeleteScratch(registry::Session& session, const Scratch& scratch) {
  Deleted done;
  try {
    for (auto d = scratch.manifests.rbegin(); d != scratch.manifests.rend();
         ++d) {
      // distribution drops the tags of a manifest deleted by digest.
      session.DeleteManifest(ByDigest(scratch.repo, *d));
      done.tag = done.tag || *d == scratch.tag_target;
      ++done.manifests;
    }
    for (const auto& [repo, digest] : scratch.blobs) {
      session.DeleteBlob(repo, digest);
      ++done.blobs;
    }
  } catch (const Error& e) {
    done.why = Why(e);
  }
  return done;
}

// The Clean-up line's answer: what went, and what stays after a refusal.
std::string CleanUp(registry::Session& session, const Scratch& scratch) {
  Deleted done = DeleteScratch(session, scratch);
  std::string deleted = "deleted " + Count(done.manifests, "manifest") + ", " +
                        Count(done.blobs, "blob");
  if (done.why.empty()) {
    return deleted;
  }
  std::string left;
  if (!done.tag && !scratch.tag_target.empty()) {
    left = "tag " + scratch.tagged.tag + ", ";
  }
  left += Count(scratch.manifests.size() - done.manifests, "manifest") + ", " +
          Count(scratch.blobs.size() - done.blobs, "blob");
  bool none = done.manifests + done.blobs == 0;
  return (none ? "refused" : deleted + ", then refused") + " (" + done.why +
         "); left: " + left;
}

void PrintLine(std::ostream& out, const std::string& label,
               const std::string& answer) {
  out << std::left << std::setw(kLabelWidth) << label + ":" << answer << "\n"
      << std::flush;
}

}  // namespace

void DeclareCheckFlags(FlagSet& flags, CheckOptions& options) {
  flags.Bool("insecure", '\0', &options.insecure,
             "Allow communication with an insecure registry");
}

void RunCheck(const GlobalOptions& global, const CheckOptions& options,
              const std::vector<std::string>& args, const Streams& streams) {
  Context context = LoadContext(global, streams);
  Scratch scratch = NewScratch(ParseRepository(args[0]));
  registry::Session session(context.SessionOptions(options.insecure));
  // The repository's pull,push rides along with every request, the
  // mount's included (its source must be readable).
  session.AddScope(scratch.repo, "pull,push");
  streams.out << "Checking " << scratch.repo.Name() << " (scratch tag "
              << scratch.tagged.tag << ")\n"
              << std::flush;
  UploadBlobs(session, scratch);

  std::string missing;
  for (const Capability& capability : kCapabilities) {
    Verdict verdict = capability.run(session, scratch);
    PrintLine(streams.out, capability.label,
              verdict.yes() ? "Yes" : "No (" + verdict.why + ")");
    if (!verdict.yes()) {
      missing += (missing.empty() ? "" : ", ") + std::string(capability.name);
    }
  }
  PrintLine(streams.out, "Clean-up", CleanUp(session, scratch));
  if (!missing.empty()) {
    throw Error("checking " + Quote(scratch.repo.Name()) +
                ": not supported: " + missing);
  }
}

Command CheckCommand() {
  return {"check", "check [OPTIONS] REPOSITORY",
          "Test a registry for manifest list support", ArgsRule::Exactly(1),
          BindCommand(&DeclareCheckFlags, &RunCheck)};
}

}  // namespace mlist::cli
