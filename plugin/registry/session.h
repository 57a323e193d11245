// A conversation with registries for one command: the connections, the
// credentials and tokens, and the typed operations of the distribution
// API (manifests and blobs). Safe to use from many threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/credential_helper.h"
#include "reference/reference.h"
#include "transport/auth.h"
#include "transport/client.h"

namespace mlist::registry {

struct SessionOptions {
  config::Config config;
  // --insecure: unverified certificates accepted, plain HTTP fallback.
  bool insecure = false;
  size_t connections_per_host = 8;
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds read_timeout{std::chrono::seconds(120)};
  int max_retries = 4;
  std::chrono::milliseconds retry_base{std::chrono::milliseconds(250)};
  std::chrono::milliseconds retry_budget{std::chrono::seconds(60)};
  // One line per request and response (-D); unset: quiet.
  std::function<void(const std::string&)> debug_log;
  // How long a credential helper may take (config::GetFromHelper).
  std::chrono::milliseconds helper_timeout{config::kHelperTimeout};
  // Credentials by key; default: config::LookupCredential on config,
  // with helper_timeout.
  transport::CredentialLookup credentials;
};

// A manifest exactly as the registry sent it.
struct Manifest {
  std::string media_type;
  std::string digest;  // over bytes, checked against what was asked
  std::string bytes;
};

// What HEAD tells of a manifest or blob.
struct Descriptor {
  std::string media_type;
  std::string digest;
  uint64_t size = 0;
};

class Session {
 public:
  explicit Session(SessionOptions options);
  ~Session();

  // Scopes every later request to repo's registry asks for along with its
  // own, so that one token covers a whole push ("repository:T:pull,push"
  // plus "repository:S:pull" per mount source).
  void AddScope(const reference::Reference& repo, const std::string& actions);

  // GET a manifest by ref's digest, else its tag. Throws RegistryError
  // (404 has code MANIFEST_UNKNOWN), or mlist::Error when the bytes do not
  // match the digest asked for or Docker-Content-Digest, or exceed 4 MiB.
  Manifest GetManifest(const reference::Reference& ref);

  // HEAD a manifest; nullopt when the registry has none. Falls back to GET
  // when the registry sends no Docker-Content-Digest.
  std::optional<Descriptor> HeadManifest(const reference::Reference& ref);

  // PUT bytes as ref's tag (or digest when it has one). Returns the digest
  // of bytes; throws RegistryError when refused, its message naming what
  // was pushed as `kind` ("pushing manifest list "ref": ...").
  std::string PutManifest(const reference::Reference& ref,
                          const std::string& media_type,
                          const std::string& bytes,
                          const std::string& kind = "manifest");

  // DELETE a manifest by ref's digest (distribution spec, "Deleting
  // Manifests"; distribution 2.8 refuses tags, and removes every tag that
  // points at the digest with it). Throws RegistryError when refused: 405
  // with code UNSUPPORTED where the registry has deletes turned off, 404
  // MANIFEST_UNKNOWN when there is no such manifest.
  void DeleteManifest(const reference::Reference& ref);

  // HEAD a blob: its size, or nullopt when absent.
  std::optional<uint64_t> HeadBlob(const reference::Reference& repo,
                                   const std::string& digest);

  // GET a small blob (a config) whole, digest-checked. Throws mlist::Error
  // ("...: the blob exceeds MAX bytes") past max bytes, and as StreamBlob.
  std::string GetBlob(const reference::Reference& repo,
                      const std::string& digest, uint64_t max = 16 << 20);

  // GET a blob in pieces into sink, checking its digest at the end
  // (throws mlist::Error on a mismatch: the data seen is then wrong). A
  // sink returning false stops the download (NetworkError kCanceled).
  void StreamBlob(const reference::Reference& repo, const std::string& digest,
                  const std::function<bool(const char*, size_t)>& sink);

  // DELETE a blob from repo (distribution spec, "Deleting Blobs"): the
  // repository's link to it goes; the bytes stay until the registry
  // collects garbage. Throws RegistryError as DeleteManifest does (404
  // BLOB_UNKNOWN).
  void DeleteBlob(const reference::Reference& repo, const std::string& digest);

  // An upload the registry opened: where its bytes go.
  struct OpenUpload {
    transport::Url location;
  };

  // Asks the registry to mount digest from repository `from` (same
  // registry) into repo. Returns true when mounted (201); false when the
  // registry refused (202) and the blob must be uploaded. A refusal opens
  // an ordinary upload: its location goes to *refused when given, so
  // that the copy needs no upload of its own.
  bool MountBlob(const reference::Reference& repo, const std::string& digest,
                 const std::string& from,
                 std::optional<OpenUpload>* refused = nullptr);

  // Uploads data as digest into repo in one PUT (monolithic upload).
  void UploadBlob(const reference::Reference& repo, const std::string& digest,
                  const std::string& data);

  // Uploads a blob of the given size read from source, in chunks of
  // chunk_size bytes (PATCH), then closes the upload with its digest.
  // chunk_size 0 sends it in one streamed PUT. Into opened when given,
  // else into an upload it opens (POST).
  void UploadBlobStream(const reference::Reference& repo,
                        const std::string& digest, uint64_t size,
                        std::shared_ptr<transport::BodySource> source,
                        uint64_t chunk_size = 0,
                        std::optional<OpenUpload> opened = std::nullopt);

  // Copies a blob from repository `from` (any registry) into repo,
  // streamed: it is never held in memory whole, and its digest is checked
  // on the way. Into opened when given (see MountBlob).
  void CopyBlob(const reference::Reference& from,
                const reference::Reference& repo, const std::string& digest,
                uint64_t size, std::optional<OpenUpload> opened = std::nullopt);

  // Requests sent to token endpoints so far.
  int token_requests() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The API address of a reference's registry: https://HOST[:PORT].
transport::Url RegistryUrl(const reference::Reference& ref);

}  // namespace mlist::registry
