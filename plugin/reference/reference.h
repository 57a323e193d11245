// Image references: parsing and normalisation as docker does it
// (distribution's ParseNormalizedNamed, the grammar of
// github.com/distribution/reference), and the forms docker prints and
// stores them in.
//
//   busybox            -> docker.io/library/busybox
//   foo/bar:1          -> docker.io/foo/bar:1
//   localhost:5000/a@sha256:...  -> localhost:5000/a@sha256:...
//
// Error texts are distribution's and go-digest's, word for word, because
// users compare them with `docker manifest`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mlist::reference {

// Docker Hub's names: the domain references are normalised to, the legacy
// one folded into it, the host its API answers on, and the key its
// credentials are stored under in config.json.
inline constexpr std::string_view kDockerHubDomain = "docker.io";
inline constexpr std::string_view kLegacyDockerHubDomain = "index.docker.io";
inline constexpr std::string_view kDockerHubApiHost = "registry-1.docker.io";
inline constexpr std::string_view kDockerHubCredentialKey =
    "https://index.docker.io/v1/";
// Docker Hub's namespace for official images ("busybox" is
// "library/busybox").
inline constexpr std::string_view kOfficialRepositoryPrefix = "library/";
inline constexpr std::string_view kDefaultTag = "latest";
// The longest repository path distribution accepts.
inline constexpr std::size_t kMaxPathLength = 255;

// A parsed, normalised reference. domain and path are never empty; tag
// and digest may both be set (docker keeps both: name:tag@digest).
struct Reference {
  std::string domain;  // "docker.io", "localhost:5000", "[::1]:5000"
  std::string path;    // "library/busybox"
  std::string tag;     // "latest", or empty
  std::string digest;  // "sha256:<64 hex>", or empty

  // Returns the repository name: "docker.io/library/busybox".
  std::string Name() const;

  // Returns the full form docker prints and stores:
  // "docker.io/library/busybox:latest", "name:tag@digest" when both.
  std::string String() const;

  // Returns the short form docker shows users: "busybox:latest" for
  // docker.io/library/busybox:latest, "foo/bar" for docker.io/foo/bar;
  // references outside Docker Hub are unchanged.
  std::string Familiar() const;

  // Returns the host to send registry API calls to: registry-1.docker.io
  // for Docker Hub, else the domain as written (with its port).
  std::string ApiHost() const;

  // Returns the config.json key of the registry's credentials:
  // "https://index.docker.io/v1/" for Docker Hub, else the domain as
  // written ("host[:port]").
  std::string CredentialKey() const;

  // Returns a copy tagged "latest" when it has neither tag nor digest,
  // else an unchanged copy (docker manifest's normalisation).
  Reference WithDefaultTag() const;

  bool operator==(const Reference& other) const;
  bool operator!=(const Reference& other) const { return !(*this == other); }
};

// Parses text as docker's ParseNormalizedNamed does: a first component
// without '.' or ':' that is not "localhost" (and has no uppercase) means
// Docker Hub, "index.docker.io" becomes "docker.io", and a one-component
// Docker Hub path gets "library/". No tag is added. Unlike distribution,
// refuses a first component with '.' that is no host but a valid path
// ("a_b.c/d"), which distribution returns without a domain.
//
// Throws mlist::Error with distribution's text: "invalid reference
// format", "invalid reference format: repository name (library/Foo) must
// be lowercase", "repository name must be lowercase", "repository name
// must not be more than 255 characters" (the path, without the domain),
// "invalid repository name (<hex>), cannot specify 64-byte hexadecimal
// strings", or go-digest's "invalid checksum digest format", "invalid
// checksum digest length", "unsupported digest algorithm".
Reference Parse(std::string_view text);

// Parse, then WithDefaultTag: the form docker manifest works with
// ("busybox" is docker.io/library/busybox:latest). Fails as Parse does.
Reference ParseWithDefaultTag(std::string_view text);

// Returns the file or folder name docker's local manifest store uses for
// a reference string: ':' becomes '-' and '/' becomes '_'
// ("localhost:5000/a:1" -> "localhost-5000_a-1"). Lossy: "x:a-b" and
// "x-a:b" give the same name. Never fails.
std::string FileSafeName(std::string_view text);

// FileSafeName of reference.String(), as docker escapes it:
// "docker.io_library_busybox-latest".
std::string FileSafeName(const Reference& reference);

}  // namespace mlist::reference
