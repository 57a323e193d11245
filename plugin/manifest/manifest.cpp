#include "manifest/manifest.h"

#include "base/digest.h"
#include "base/error.h"
#include "registry/media_types.h"

namespace mlist::manifest {

Manifest::Manifest(std::string media_type, std::string bytes,
                   std::variant<ImageManifest, Index> content)
    : media_type_(std::move(media_type)),
      bytes_(std::move(bytes)),
      digest_(base::Sha256Digest(bytes_)),
      content_(std::move(content)) {}

bool Manifest::IsOci() const {
  return media_type_ == registry::kOciManifest ||
         media_type_ == registry::kOciIndex;
}

const ImageManifest& Manifest::image() const {
  if (IsIndex()) {
    throw Error("manifest " + digest_ + " is " +
                (IsOci() ? "an index" : "a manifest list") +
                ", not an image manifest");
  }
  return std::get<ImageManifest>(content_);
}

const Index& Manifest::index() const {
  if (!IsIndex()) {
    throw Error("manifest " + digest_ +
                " is an image manifest, not a manifest list or index");
  }
  return std::get<Index>(content_);
}

}  // namespace mlist::manifest
