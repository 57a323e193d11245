// A real registry seen through an in-process HTTP proxy on 127.0.0.1,
// for the faults the registry cannot be made to show by itself: refused
// cross-repository mounts and a refused manifest PUT. Everything else is
// the registry's own answer, and every request is classified and counted.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "support/registry.h"
#include "support/test_http.h"

namespace mlist::testing {

// What a request to the distribution API does, from its method and path.
enum class RegistryRequestKind {
  kPing,          // GET /v2/
  kMount,         // POST .../blobs/uploads/?mount=D&from=S
  kUploadStart,   // POST .../blobs/uploads/ without a mount
  kUploadPatch,   // PATCH .../blobs/uploads/ID: a chunk
  kUploadFinish,  // PUT .../blobs/uploads/ID?digest=D: the upload closed
  kBlobHead,
  kBlobGet,
  kManifestHead,
  kManifestGet,
  kManifestPut,
  kOther,
};

// One request as the proxy saw it, and what the client was answered.
struct ProxiedRequest {
  RegistryRequestKind kind = RegistryRequestKind::kOther;
  std::string method;
  std::string target;    // path and query as the client sent them
  int status = 0;        // of the answer the client got
  bool faulted = false;  // answered by a fault instead of the registry
};

// Refuses the nth PUT of a manifest (counted from 1 since the fault was
// set, across every repository and reference) with status and body; the
// registry never sees it. Other PUTs go through.
struct ManifestPutFault {
  int nth = 1;
  int status = 400;
  std::string body =
      R"({"errors":[{"code":"MANIFEST_INVALID","message":"refused"}]})";
};

// Refuses every PUT of a manifest whose Content-Type is one of
// media_types with status and body, as a registry that does not know
// those types does; the registry never sees them. Other PUTs go through.
struct MediaTypeFault {
  std::vector<std::string> media_types;
  int status = 400;
  std::string body =
      R"({"errors":[{"code":"MANIFEST_INVALID","message":"manifest )"
      R"(invalid","detail":"unsupported media type"}]})";
};

class RegistryProxy {
 public:
  // Listens on a free port of 127.0.0.1 and forwards every request
  // (method, path and query, headers, body) to registry, whose answer it
  // returns with absolute Locations into the registry pointed at the
  // proxy. A registry with TLS is reached through its CA. Throws
  // mlist::Error when it cannot listen. registry must outlive the proxy.
  explicit RegistryProxy(const TestRegistry& registry);
  RegistryProxy(const RegistryProxy&) = delete;
  RegistryProxy& operator=(const RegistryProxy&) = delete;

  // "127.0.0.1:PORT": the registry part of references through the proxy.
  std::string host_port() const { return server_.host_port(); }
  // "http://127.0.0.1:PORT".
  std::string base_url() const { return server_.base_url(); }

  // From now on (true) or no longer (false), mount requests lose their
  // mount and from parameters: the registry opens an ordinary upload and
  // answers 202, as a registry that refuses mounts does.
  void RefuseMounts(bool refuse);
  // From now on, refuses one manifest PUT as fault says.
  void RefuseManifestPut(ManifestPutFault fault = {});
  // From now on, refuses manifest PUTs by media type as fault says.
  void RefuseManifestTypes(MediaTypeFault fault);
  // Removes every fault; later requests all reach the registry unchanged.
  void ClearFaults();

  // Every request so far, oldest first.
  std::vector<ProxiedRequest> Requests() const;
  // How many requests of kind there were, all of them or those into
  // repository ("dst", "a/b").
  size_t Count(RegistryRequestKind kind,
               const std::string& repository = "") const;
  // The targets answered by a fault, oldest first.
  std::vector<std::string> FaultedTargets() const;

 private:
  TestHttpResponse Handle(const TestHttpRequest& request);
  // The fault answer for a request of kind, when one applies.
  bool Fault(RegistryRequestKind kind, const TestHttpRequest& request,
             TestHttpResponse& answer);
  bool refuse_mounts() const;
  TestHttpResponse Forward(TestHttpRequest request) const;

  std::string registry_url_;
  TestHttpClient client_;
  mutable std::mutex mu_;
  bool refuse_mounts_ = false;
  bool refuse_put_ = false;
  ManifestPutFault put_fault_;
  int manifest_puts_ = 0;  // since put_fault_ was set
  bool refuse_types_ = false;
  MediaTypeFault type_fault_;
  std::vector<ProxiedRequest> requests_;
  // Last: stopped before the rest goes away.
  TestHttpServer server_;
};

// The name of a kind, for failure messages: "kMount".
const char* KindName(RegistryRequestKind kind);

}  // namespace mlist::testing
