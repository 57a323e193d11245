#include "support/registry_proxy.h"

#include <strings.h>

#include <algorithm>

namespace mlist::testing {
namespace {

using Kind = RegistryRequestKind;

bool SameName(const std::string& a, const char* b) {
  return ::strcasecmp(a.c_str(), b) == 0;
}

bool Contains(const std::string& s, const char* part) {
  return s.find(part) != std::string::npos;
}

std::string PathOf(const std::string& target) {
  return target.substr(0, target.find('?'));
}

// The query's parameters as written ("mount=sha256%3A..."), in order.
std::vector<std::string> QueryParts(const std::string& target) {
  std::vector<std::string> parts;
  size_t question = target.find('?');
  if (question == std::string::npos) {
    return parts;
  }
  std::string query = target.substr(question + 1);
  for (size_t start = 0; start <= query.size();) {
    size_t end = std::min(query.find('&', start), query.size());
    if (end > start) {
      parts.push_back(query.substr(start, end - start));
    }
    start = end + 1;
  }
  return parts;
}

bool IsParam(const std::string& part, const std::string& name) {
  return part == name || part.rfind(name + "=", 0) == 0;
}

bool HasParam(const std::string& target, const std::string& name) {
  auto parts = QueryParts(target);
  return std::any_of(parts.begin(), parts.end(),
                     [&](const auto& p) { return IsParam(p, name); });
}

// target without its mount and from parameters: an ordinary upload.
std::string WithoutMount(const std::string& target) {
  std::string out = PathOf(target);
  char sep = '?';
  for (const auto& part : QueryParts(target)) {
    if (!IsParam(part, "mount") && !IsParam(part, "from")) {
      out += sep + part;
      sep = '&';
    }
  }
  return out;
}

Kind ClassifyUpload(const std::string& method, const std::string& target) {
  if (method == "POST") {
    return HasParam(target, "mount") ? Kind::kMount : Kind::kUploadStart;
  }
  if (method == "PATCH") {
    return Kind::kUploadPatch;
  }
  return method == "PUT" ? Kind::kUploadFinish : Kind::kOther;
}

// GET, HEAD or PUT of a blob or manifest.
Kind ClassifyContent(const std::string& method, Kind head, Kind get, Kind put) {
  if (method == "HEAD") {
    return head;
  }
  if (method == "GET") {
    return get;
  }
  return method == "PUT" ? put : Kind::kOther;
}

Kind Classify(const std::string& method, const std::string& target) {
  std::string path = PathOf(target);
  if (path == "/v2/" || path == "/v2") {
    return Kind::kPing;
  }
  if (Contains(path, "/blobs/uploads")) {
    return ClassifyUpload(method, target);
  }
  if (Contains(path, "/blobs/")) {
    return ClassifyContent(method, Kind::kBlobHead, Kind::kBlobGet,
                           Kind::kOther);
  }
  if (Contains(path, "/manifests/")) {
    return ClassifyContent(method, Kind::kManifestHead, Kind::kManifestGet,
                           Kind::kManifestPut);
  }
  return Kind::kOther;
}

// Fields of one hop only, and the pseudo-headers httplib's server adds
// (REMOTE_ADDR...): the client sets its own. Range is dropped too:
// httplib's server cuts ranges itself out of the whole body.
bool IsHopField(const std::string& name) {
  for (const char* hop : {"Host", "Connection", "Keep-Alive", "Content-Length",
                          "Transfer-Encoding", "Range", "REMOTE_ADDR",
                          "REMOTE_PORT", "LOCAL_ADDR", "LOCAL_PORT"}) {
    if (SameName(name, hop)) {
      return true;
    }
  }
  return false;
}

TestFields EndToEnd(const TestFields& fields) {
  TestFields out;
  for (const auto& field : fields) {
    if (!IsHopField(field.first)) {
      out.push_back(field);
    }
  }
  return out;
}

// The registry's answer as the proxy's: Locations into the registry now
// point at the proxy, and a HEAD keeps the length of what it describes.
TestHttpResponse Rewrite(TestHttpResponse answer, const std::string& from,
                         const std::string& to, const std::string& method) {
  std::string length = answer.Header("Content-Length");
  answer.headers = EndToEnd(answer.headers);
  for (auto& [name, value] : answer.headers) {
    if (SameName(name, "Location") && value.rfind(from, 0) == 0) {
      value = to + value.substr(from.size());
    }
  }
  if (method == "HEAD" && !length.empty() && length != "0") {
    answer.content_length = std::stoull(length);
  }
  return answer;
}

// An error answer as distribution sends it.
TestHttpResponse ErrorAnswer(int status, const std::string& body) {
  TestHttpResponse answer;
  answer.status = status;
  answer.body = body;
  answer.headers = {{"Content-Type", "application/json; charset=utf-8"},
                    {"Docker-Distribution-Api-Version", "registry/2.0"}};
  return answer;
}

}  // namespace

const char* KindName(RegistryRequestKind kind) {
  switch (kind) {
    case Kind::kPing:
      return "kPing";
    case Kind::kMount:
      return "kMount";
    case Kind::kUploadStart:
      return "kUploadStart";
    case Kind::kUploadPatch:
      return "kUploadPatch";
    case Kind::kUploadFinish:
      return "kUploadFinish";
    case Kind::kBlobHead:
      return "kBlobHead";
    case Kind::kBlobGet:
      return "kBlobGet";
    case Kind::kManifestHead:
      return "kManifestHead";
    case Kind::kManifestGet:
      return "kManifestGet";
    case Kind::kManifestPut:
      return "kManifestPut";
    case Kind::kOther:
      return "kOther";
  }
  return "?";
}

RegistryProxy::RegistryProxy(const TestRegistry& registry)
    : registry_url_(registry.base_url()),
      client_(registry.Client()),
      server_([this](const TestHttpRequest& r) { return Handle(r); }) {}

void RegistryProxy::RefuseMounts(bool refuse) {
  std::lock_guard<std::mutex> lock(mu_);
  refuse_mounts_ = refuse;
}

void RegistryProxy::RefuseManifestPut(ManifestPutFault fault) {
  std::lock_guard<std::mutex> lock(mu_);
  refuse_put_ = true;
  put_fault_ = std::move(fault);
  manifest_puts_ = 0;
}

void RegistryProxy::RefuseManifestTypes(MediaTypeFault fault) {
  std::lock_guard<std::mutex> lock(mu_);
  refuse_types_ = true;
  type_fault_ = std::move(fault);
}

void RegistryProxy::ClearFaults() {
  std::lock_guard<std::mutex> lock(mu_);
  refuse_mounts_ = false;
  refuse_put_ = false;
  refuse_types_ = false;
}

std::vector<ProxiedRequest> RegistryProxy::Requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  return requests_;
}

size_t RegistryProxy::Count(RegistryRequestKind kind,
                            const std::string& repository) const {
  std::string prefix = "/v2/" + repository + (repository.empty() ? "" : "/");
  auto all = Requests();
  return std::count_if(all.begin(), all.end(), [&](const auto& r) {
    return r.kind == kind && r.target.rfind(prefix, 0) == 0;
  });
}

std::vector<std::string> RegistryProxy::FaultedTargets() const {
  std::vector<std::string> out;
  for (const auto& r : Requests()) {
    if (r.faulted) {
      out.push_back(r.target);
    }
  }
  return out;
}

bool RegistryProxy::refuse_mounts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return refuse_mounts_;
}

bool RegistryProxy::Fault(RegistryRequestKind kind,
                          const TestHttpRequest& request,
                          TestHttpResponse& answer) {
  std::lock_guard<std::mutex> lock(mu_);
  if (kind != Kind::kManifestPut) {
    return false;
  }
  const auto& types = type_fault_.media_types;
  std::string type = request.Header("Content-Type");
  type = type.substr(0, type.find(';'));
  if (refuse_types_ &&
      std::find(types.begin(), types.end(), type) != types.end()) {
    answer = ErrorAnswer(type_fault_.status, type_fault_.body);
    return true;
  }
  if (!refuse_put_ || ++manifest_puts_ != put_fault_.nth) {
    return false;
  }
  answer = ErrorAnswer(put_fault_.status, put_fault_.body);
  return true;
}

TestHttpResponse RegistryProxy::Forward(TestHttpRequest request) const {
  std::string method = request.method;
  request.headers = EndToEnd(request.headers);
  TestHttpResponse answer = client_.Send(request);
  if (answer.status == 0) {
    answer.status = 502;
    answer.body = "proxy: " + registry_url_ + ": " + answer.error;
    return answer;
  }
  return Rewrite(std::move(answer), registry_url_, base_url(), method);
}

TestHttpResponse RegistryProxy::Handle(const TestHttpRequest& request) {
  ProxiedRequest seen;
  seen.kind = Classify(request.method, request.target);
  seen.method = request.method;
  seen.target = request.target;
  TestHttpResponse answer;
  seen.faulted = Fault(seen.kind, request, answer);
  if (!seen.faulted) {
    TestHttpRequest out = request;
    if (seen.kind == Kind::kMount && refuse_mounts()) {
      out.target = WithoutMount(request.target);
    }
    answer = Forward(std::move(out));
  }
  seen.status = answer.status;
  std::lock_guard<std::mutex> lock(mu_);
  requests_.push_back(std::move(seen));
  return answer;
}

}  // namespace mlist::testing
