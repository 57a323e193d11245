// A registry held in memory, for the fault tests of whole commands: the
// part of the distribution API that inspect, create and push use
// (manifests and blobs by tag and digest, uploads, mounts) behind bearer
// tokens from its own /token endpoint, which wants one user's Basic
// credentials. A FaultServer serves it; the faults stand in front of it.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "registry/session.h"
#include "support/test_http.h"

namespace mlist::testing {

struct MemoryRegistryOptions {
  std::string user = "matrix";
  // Empty: a random one, registered as a test secret.
  std::string password;
  // Mounts are answered 202 with an ordinary upload, as registries that
  // do not mount across repositories answer.
  bool refuse_mounts = false;
};

class MemoryRegistry {
 public:
  explicit MemoryRegistry(MemoryRegistryOptions options = {});

  // Answers one request as distribution does; thread-safe. Every request
  // but GET /token needs a bearer token /token handed out.
  TestHttpResponse Handle(const TestHttpRequest& request);

  const std::string& user() const { return options_.user; }
  const std::string& password() const { return options_.password; }

  // Options for a test's own session, logged in as the registry's user,
  // over plain HTTP.
  registry::SessionOptions LoginOptions() const;
  // A config.json that logs docker in as the registry's user at host.
  std::string LoginConfig(const std::string& host) const;

  // The bytes of the manifest repo holds under reference (a tag or a
  // digest); nullopt when there is none.
  std::optional<std::string> Manifest(const std::string& repo,
                                      const std::string& reference) const;
  // Whether repo holds the blob digest.
  bool HasBlob(const std::string& repo, const std::string& digest) const;
  // The bearer tokens handed out so far.
  std::vector<std::string> Tokens() const;

 private:
  struct Stored {
    std::string media_type;
    std::string bytes;
  };
  struct Repository {
    std::map<std::string, Stored> manifests;  // by digest
    std::map<std::string, std::string> tags;  // tag -> digest
    std::set<std::string> blobs;              // digests linked here
  };

  TestHttpResponse Token(const TestHttpRequest& request);
  bool Authorized(const TestHttpRequest& request) const;
  TestHttpResponse Manifests(const TestHttpRequest& request,
                             const std::string& repo,
                             const std::string& reference);
  TestHttpResponse PutManifest(const TestHttpRequest& request,
                               const std::string& repo,
                               const std::string& reference);
  TestHttpResponse Blob(const std::string& repo, const std::string& digest);
  TestHttpResponse Uploads(const TestHttpRequest& request,
                           const std::string& repo, const std::string& id);
  TestHttpResponse StartUpload(const TestHttpRequest& request,
                               const std::string& repo);
  TestHttpResponse FinishUpload(const TestHttpRequest& request,
                                const std::string& repo, const std::string& id);
  const Stored* Find(const std::string& repo,
                     const std::string& reference) const;

  MemoryRegistryOptions options_;
  mutable std::mutex mu_;
  std::map<std::string, Repository> repos_;
  std::map<std::string, std::string> blobs_;    // digest -> bytes
  std::map<std::string, std::string> uploads_;  // id -> bytes so far
  int next_upload_ = 0;
  std::vector<std::string> tokens_;
};

}  // namespace mlist::testing
