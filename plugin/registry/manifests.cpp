// Manifest operations of Session (distribution spec, "Pulling manifests",
// "Pushing Manifests").
#include "base/digest.h"
#include "base/error.h"
#include "registry/media_types.h"
#include "registry/registry_error.h"
#include "registry/session_impl.h"

namespace mlist::registry {
namespace {

std::string Target(const reference::Reference& ref) {
  if (!ref.digest.empty()) {
    return ref.digest;
  }
  return ref.tag.empty() ? std::string(reference::kDefaultTag) : ref.tag;
}

// Content-Type without parameters ("; charset=utf-8").
std::string MediaType(const transport::Response& response) {
  std::string type = transport::HeaderValue(response.headers, "Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') {
    type.pop_back();
  }
  return type;
}

// The digest of bytes must be the one asked for, and the one the registry
// claims (distribution spec: Docker-Content-Digest).
std::string CheckDigest(const std::string& what,
                        const reference::Reference& ref,
                        const transport::Response& response) {
  std::string algorithm =
      ref.digest.empty() ? "sha256" : base::DigestAlgorithm(ref.digest);
  base::Hasher hasher(algorithm);
  hasher.Update(response.body.data(), response.body.size());
  std::string digest = hasher.Digest();
  if (!ref.digest.empty() && digest != ref.digest) {
    throw Error(what + ": digest mismatch: asked for " + ref.digest +
                ", content is " + digest);
  }
  std::string claimed =
      transport::HeaderValue(response.headers, "Docker-Content-Digest");
  if (!claimed.empty() && base::DigestAlgorithm(claimed) == algorithm &&
      claimed != digest) {
    throw Error(what + ": digest mismatch: registry says " + claimed +
                ", content is " + digest);
  }
  return digest;
}

}  // namespace

Manifest Session::GetManifest(const reference::Reference& ref) {
  std::string what = "fetching manifest " + Quote(ref.String());
  transport::Request request;
  request.url = impl_->ApiUrl(ref, "manifests/" + Target(ref));
  request.headers.emplace("Accept", kManifestAccept);
  request.max_body = kMaxManifestBytes;
  transport::Response response = impl_->Send(what, ref, request, "pull");
  if (response.status != 200) {
    throw ErrorFromResponse(what, response);
  }
  Manifest manifest;
  manifest.digest = CheckDigest(what, ref, response);
  manifest.media_type = MediaType(response);
  manifest.bytes = std::move(response.body);
  return manifest;
}

std::optional<Descriptor> Session::HeadManifest(
    const reference::Reference& ref) {
  std::string what = "checking manifest " + Quote(ref.String());
  transport::Request request;
  request.method = "HEAD";
  request.url = impl_->ApiUrl(ref, "manifests/" + Target(ref));
  request.headers.emplace("Accept", kManifestAccept);
  transport::Response response = impl_->Send(what, ref, request, "pull");
  if (response.status == 404) {
    return std::nullopt;
  }
  if (response.status != 200) {
    throw ErrorFromResponse(what, response);
  }
  Descriptor d;
  d.digest = transport::HeaderValue(response.headers, "Docker-Content-Digest");
  std::string length =
      transport::HeaderValue(response.headers, "Content-Length");
  if (d.digest.empty() || length.empty()) {
    // Some registries answer HEAD without the digest: ask for the bytes.
    Manifest m = GetManifest(ref);
    return Descriptor{m.media_type, m.digest, m.bytes.size()};
  }
  d.media_type = MediaType(response);
  d.size = std::stoull(length);
  return d;
}

std::string Session::PutManifest(const reference::Reference& ref,
                                 const std::string& media_type,
                                 const std::string& bytes,
                                 const std::string& kind) {
  std::string what = "pushing " + kind + " " + Quote(ref.String());
  transport::Request request;
  request.method = "PUT";
  request.url = impl_->ApiUrl(ref, "manifests/" + Target(ref));
  request.headers.emplace("Content-Type", media_type);
  request.body = bytes;
  transport::Response response = impl_->Send(what, ref, request, "pull,push");
  if (response.status != 201 && response.status != 200) {
    throw ErrorFromResponse(what, response);
  }
  std::string digest = base::Sha256Digest(bytes);
  std::string claimed =
      transport::HeaderValue(response.headers, "Docker-Content-Digest");
  if (!claimed.empty() && claimed != digest) {
    throw Error(what + ": registry stored digest " + claimed + ", expected " +
                digest);
  }
  return digest;
}

void Session::DeleteManifest(const reference::Reference& ref) {
  std::string what = "deleting manifest " + Quote(ref.String());
  transport::Request request;
  request.method = "DELETE";
  request.url = impl_->ApiUrl(ref, "manifests/" + Target(ref));
  // distribution's token auth asks for the "delete" action on DELETE.
  transport::Response response = impl_->Send(what, ref, request, "delete");
  // The spec answers 202 Accepted; some registries say 200 or 204.
  if (response.status != 202 && response.status != 200 &&
      response.status != 204) {
    throw ErrorFromResponse(what, response);
  }
}

}  // namespace mlist::registry
