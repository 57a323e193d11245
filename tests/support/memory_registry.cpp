#include "support/memory_registry.h"

#include "base/digest.h"
#include "support/cli_text.h"
#include "support/crypto.h"
#include "support/secrets.h"

namespace mlist::testing {
namespace {

constexpr char kService[] = "memory";

TestHttpResponse Reply(int status, std::string body = "",
                       TestFields headers = {}) {
  TestHttpResponse answer;
  answer.status = status;
  answer.body = std::move(body);
  answer.headers = std::move(headers);
  return answer;
}

// An error answer as distribution words it (spec, "Error Codes").
TestHttpResponse Refuse(int status, const std::string& code,
                        const std::string& message) {
  return Reply(status,
               R"({"errors":[{"code":")" + code + R"(","message":")" + message +
                   R"("}]})",
               {{"Content-Type", "application/json; charset=utf-8"}});
}

// A request of the distribution API, split: /v2/<repo>/<kind>/<rest>.
struct ApiPath {
  std::string repo;
  std::string kind;  // "manifests", "blobs", "uploads"
  std::string rest;
};

std::optional<ApiPath> SplitApiPath(const std::string& path) {
  const std::string prefix = "/v2/";
  if (path.rfind(prefix, 0) != 0) {
    return std::nullopt;
  }
  for (const char* kind : {"/blobs/uploads/", "/manifests/", "/blobs/"}) {
    size_t at = path.rfind(kind);
    if (at != std::string::npos && at > prefix.size()) {
      std::string name = kind;
      // "/manifests/" -> "manifests"; the uploads' path is one kind.
      name = name == "/blobs/uploads/" ? "uploads"
                                       : name.substr(1, name.size() - 2);
      return ApiPath{path.substr(prefix.size(), at - prefix.size()), name,
                     path.substr(at + std::string(kind).size())};
    }
  }
  return std::nullopt;
}

// Every "sha256:<hex>" the document names: what it refers to.
std::vector<std::string> Referenced(const std::string& bytes) {
  std::vector<std::string> out;
  const std::string marker = "\"sha256:";
  for (size_t at = bytes.find(marker); at != std::string::npos;
       at = bytes.find(marker, at + 1)) {
    size_t end = bytes.find('"', at + 1);
    if (end != std::string::npos) {
      out.push_back(bytes.substr(at + 1, end - at - 1));
    }
  }
  return out;
}

}  // namespace

MemoryRegistry::MemoryRegistry(MemoryRegistryOptions options)
    : options_(std::move(options)) {
  if (options_.password.empty()) {
    options_.password = "memory-password-" + RandomHex(8);
  }
  RegisterLogin(options_.user, options_.password);
}

registry::SessionOptions MemoryRegistry::LoginOptions() const {
  return AsUser(options_.user, options_.password);
}

std::string MemoryRegistry::LoginConfig(const std::string& host) const {
  return R"({"auths":{")" + host + R"(":{"auth":")" +
         Base64(options_.user + ":" + options_.password) + R"("}}})";
}

TestHttpResponse MemoryRegistry::Handle(const TestHttpRequest& request) {
  if (request.path == "/token") {
    return Token(request);
  }
  auto api = SplitApiPath(request.path);
  if (!Authorized(request)) {
    std::string challenge = R"(Bearer realm="http://)" +
                            request.Header("Host") + R"(/token",service=")" +
                            kService + "\"";
    if (api) {
      bool pull = request.method == "GET" || request.method == "HEAD";
      challenge += R"(,scope="repository:)" + api->repo +
                   (pull ? ":pull\"" : ":pull,push\"");
    }
    TestHttpResponse answer =
        Refuse(401, "UNAUTHORIZED", "authentication required");
    answer.headers.emplace_back("WWW-Authenticate", challenge);
    return answer;
  }
  if (request.path == "/v2/" || request.path == "/v2") {
    return Reply(200, "{}", {{"Content-Type", "application/json"}});
  }
  if (!api) {
    return Refuse(404, "NAME_UNKNOWN", "no such route");
  }
  if (api->kind == "manifests") {
    return Manifests(request, api->repo, api->rest);
  }
  if (api->kind == "uploads") {
    return Uploads(request, api->repo, api->rest);
  }
  if (request.method == "GET" || request.method == "HEAD") {
    return Blob(api->repo, api->rest);
  }
  return Refuse(405, "UNSUPPORTED", "the operation is unsupported");
}

TestHttpResponse MemoryRegistry::Token(const TestHttpRequest& request) {
  if (request.Header("Authorization") !=
      BasicAuthorization(options_.user, options_.password)) {
    return Reply(401, R"({"details":"incorrect username or password"})",
                 {{"Content-Type", "application/json"}});
  }
  std::string token = "memory-token-" + RandomHex(16);
  RegisterSecret(SecretKind::kToken, "memory registry token", token);
  {
    std::lock_guard<std::mutex> lock(mu_);
    tokens_.push_back(token);
  }
  return Reply(200, R"({"token":")" + token + R"(","expires_in":300})",
               {{"Content-Type", "application/json"}});
}

bool MemoryRegistry::Authorized(const TestHttpRequest& request) const {
  const std::string bearer = "Bearer ";
  std::string header = request.Header("Authorization");
  if (header.rfind(bearer, 0) != 0) {
    return false;
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& token : tokens_) {
    if (header.substr(bearer.size()) == token) {
      return true;
    }
  }
  return false;
}

const MemoryRegistry::Stored* MemoryRegistry::Find(
    const std::string& repo, const std::string& reference) const {
  auto r = repos_.find(repo);
  if (r == repos_.end()) {
    return nullptr;
  }
  std::string digest = reference;
  if (auto tag = r->second.tags.find(reference); tag != r->second.tags.end()) {
    digest = tag->second;
  }
  auto m = r->second.manifests.find(digest);
  return m == r->second.manifests.end() ? nullptr : &m->second;
}

TestHttpResponse MemoryRegistry::Manifests(const TestHttpRequest& request,
                                           const std::string& repo,
                                           const std::string& reference) {
  if (request.method == "PUT") {
    return PutManifest(request, repo, reference);
  }
  std::lock_guard<std::mutex> lock(mu_);
  const Stored* stored = Find(repo, reference);
  if (stored == nullptr) {
    return Refuse(404, "MANIFEST_UNKNOWN", "manifest unknown");
  }
  return Reply(200, stored->bytes,
               {{"Content-Type", stored->media_type},
                {"Docker-Content-Digest", base::Sha256Digest(stored->bytes)}});
}

// distribution checks that a manifest's blobs (or a list's manifests) are
// in the repository before it takes the manifest.
TestHttpResponse MemoryRegistry::PutManifest(const TestHttpRequest& request,
                                             const std::string& repo,
                                             const std::string& reference) {
  std::string digest = base::Sha256Digest(request.body);
  if (reference.rfind("sha256:", 0) == 0 && reference != digest) {
    return Refuse(400, "DIGEST_INVALID", "provided digest did not match");
  }
  std::lock_guard<std::mutex> lock(mu_);
  Repository& r = repos_[repo];
  for (const auto& named : Referenced(request.body)) {
    if (r.blobs.count(named) == 0 && r.manifests.count(named) == 0) {
      return Refuse(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry");
    }
  }
  r.manifests[digest] = {request.Header("Content-Type"), request.body};
  if (reference != digest) {
    r.tags[reference] = digest;
  }
  return Reply(201, "",
               {{"Docker-Content-Digest", digest},
                {"Location", "/v2/" + repo + "/manifests/" + digest}});
}

TestHttpResponse MemoryRegistry::Blob(const std::string& repo,
                                      const std::string& digest) {
  std::lock_guard<std::mutex> lock(mu_);
  auto r = repos_.find(repo);
  if (r == repos_.end() || r->second.blobs.count(digest) == 0) {
    return Refuse(404, "BLOB_UNKNOWN", "blob unknown to registry");
  }
  return Reply(200, blobs_.at(digest),
               {{"Content-Type", "application/octet-stream"},
                {"Docker-Content-Digest", digest}});
}

TestHttpResponse MemoryRegistry::Uploads(const TestHttpRequest& request,
                                         const std::string& repo,
                                         const std::string& id) {
  if (request.method == "POST" && id.empty()) {
    return StartUpload(request, repo);
  }
  if (request.method == "PATCH" || request.method == "PUT") {
    return FinishUpload(request, repo, id);
  }
  return Refuse(405, "UNSUPPORTED", "the operation is unsupported");
}

TestHttpResponse MemoryRegistry::StartUpload(const TestHttpRequest& request,
                                             const std::string& repo) {
  std::string mount = request.Param("mount");
  std::lock_guard<std::mutex> lock(mu_);
  auto from = repos_.find(request.Param("from"));
  if (!mount.empty() && !options_.refuse_mounts && from != repos_.end() &&
      from->second.blobs.count(mount) != 0) {
    repos_[repo].blobs.insert(mount);
    return Reply(201, "", {{"Location", "/v2/" + repo + "/blobs/" + mount}});
  }
  std::string id = "upload-" + std::to_string(++next_upload_);
  uploads_[id];
  return Reply(
      202, "",
      {{"Location", "/v2/" + repo + "/blobs/uploads/" + id}, {"Range", "0-0"}});
}

// PATCH adds a chunk; PUT adds the last one and closes the upload, which
// distribution refuses when the bytes are not the digest given.
TestHttpResponse MemoryRegistry::FinishUpload(const TestHttpRequest& request,
                                              const std::string& repo,
                                              const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto upload = uploads_.find(id);
  if (upload == uploads_.end()) {
    return Refuse(404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown");
  }
  upload->second += request.body;
  std::string location = "/v2/" + repo + "/blobs/uploads/" + id;
  if (request.method == "PATCH") {
    return Reply(202, "", {{"Location", location}});
  }
  std::string digest = request.Param("digest");
  std::string bytes = std::move(upload->second);
  uploads_.erase(upload);
  if (base::Sha256Digest(bytes) != digest) {
    return Refuse(400, "DIGEST_INVALID",
                  "provided digest did not match uploaded content");
  }
  blobs_[digest] = std::move(bytes);
  repos_[repo].blobs.insert(digest);
  return Reply(201, "",
               {{"Location", "/v2/" + repo + "/blobs/" + digest},
                {"Docker-Content-Digest", digest}});
}

std::optional<std::string> MemoryRegistry::Manifest(
    const std::string& repo, const std::string& reference) const {
  std::lock_guard<std::mutex> lock(mu_);
  const Stored* stored = Find(repo, reference);
  if (stored == nullptr) {
    return std::nullopt;
  }
  return stored->bytes;
}

bool MemoryRegistry::HasBlob(const std::string& repo,
                             const std::string& digest) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto r = repos_.find(repo);
  return r != repos_.end() && r->second.blobs.count(digest) != 0;
}

std::vector<std::string> MemoryRegistry::Tokens() const {
  std::lock_guard<std::mutex> lock(mu_);
  return tokens_;
}

}  // namespace mlist::testing
