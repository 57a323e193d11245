// Tiny images for `docker mlist check` to push: linux/amd64 and
// linux/arm64, each a config blob and one shared empty layer, as Docker
// v2 or OCI manifests, and the lists over them. Built in memory, without
// the network. The same id always gives the same bytes; another id gives
// other configs, and so other manifests, so that concurrent checks of one
// repository never delete each other's manifests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "manifest/descriptor.h"

namespace mlist::manifest {

// A blob and its digest.
struct ScratchBlob {
  std::string digest;
  std::string data;
};

// An image manifest.
struct ScratchImage {
  // Media type, digest and size of bytes, and the image's platform: the
  // entry a list gives it.
  Descriptor descriptor;
  std::string bytes;
};

// A manifest list or image index over scratch images.
struct ScratchList {
  std::string media_type;
  std::string digest;  // of bytes
  std::string bytes;
  // The index's own annotations (empty but for kAnnotatedIndex).
  std::map<std::string, std::string> annotations;
  // In the order the list names them, with the annotations of their
  // entries.
  std::vector<ScratchImage> images;
};

enum class ScratchKind {
  kDockerList,      // Docker v2 images in a Docker manifest list
  kOciIndex,        // OCI images in an OCI image index
  kAnnotatedIndex,  // kOciIndex's images; the index and entries annotated
};

// The layer every scratch image has: an uncompressed, empty tar archive
// (its two closing zero blocks, 1024 bytes), so its digest is its
// diff_id.
ScratchBlob ScratchLayer();

// Every blob the scratch images of id need: one config per platform
// (Docker and OCI images share them), then the layer.
std::vector<ScratchBlob> ScratchBlobs(const std::string& id);

// The list of kind over the scratch images of id.
ScratchList BuildScratchList(ScratchKind kind, const std::string& id);

}  // namespace mlist::manifest
