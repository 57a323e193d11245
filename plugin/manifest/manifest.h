// Image manifests and indexes in both formats docker reads: Docker's image
// manifest v2 schema 2 and manifest list v2, and the OCI image manifest
// and image index. A parsed manifest keeps the exact bytes it was read
// from: its digest is over those bytes, and nothing here ever writes them
// again.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "manifest/descriptor.h"

namespace mlist::manifest {

// An image: a config blob and its layers. JSON names: "schemaVersion",
// "mediaType", "artifactType", "config", "layers", "subject",
// "annotations".
struct ImageManifest {
  int64_t schema_version = 0;
  // As written in the document: empty when an OCI manifest leaves it out.
  std::string media_type;
  std::string artifact_type;
  Descriptor config;
  std::vector<Descriptor> layers;
  std::optional<Descriptor> subject;
  std::map<std::string, std::string> annotations;
};

// A manifest list (Docker) or image index (OCI): one descriptor per
// platform. JSON names: "schemaVersion", "mediaType", "artifactType",
// "manifests", "subject", "annotations".
struct Index {
  int64_t schema_version = 0;
  // As written in the document: empty when an OCI index leaves it out.
  std::string media_type;
  std::string artifact_type;
  std::vector<Descriptor> manifests;
  std::optional<Descriptor> subject;
  std::map<std::string, std::string> annotations;
};

// A manifest read from bytes: what kind it is, the bytes themselves and
// their digest.
class Manifest {
 public:
  Manifest(std::string media_type, std::string bytes,
           std::variant<ImageManifest, Index> content);

  // One of the four media types of registry/media_types.h: what the
  // document was read as.
  const std::string& media_type() const { return media_type_; }
  // The exact bytes, as the registry sent them.
  const std::string& bytes() const { return bytes_; }
  // "sha256:<hex>" over bytes().
  const std::string& digest() const { return digest_; }

  bool IsIndex() const { return content_.index() == 1; }
  // True for the OCI formats, false for Docker's.
  bool IsOci() const;

  // The content; each throws mlist::Error when the manifest is of the
  // other kind ("... is an index, not an image manifest").
  const ImageManifest& image() const;
  const Index& index() const;

 private:
  std::string media_type_;
  std::string bytes_;
  std::string digest_;
  std::variant<ImageManifest, Index> content_;
};

}  // namespace mlist::manifest
