// Attestations in image indexes (what buildx pushes next to each image:
// provenance and SBOM in an in-toto manifest). Each is an index entry of
// platform unknown/unknown whose annotations say what it is and which
// image it describes:
//
//   "vnd.docker.reference.type": "attestation-manifest"
//   "vnd.docker.reference.digest": "<digest of the image>"
#pragma once

#include <string>
#include <vector>

#include "manifest/descriptor.h"
#include "manifest/record.h"

namespace mlist::manifest {

inline constexpr const char* kReferenceTypeAnnotation =
    "vnd.docker.reference.type";
inline constexpr const char* kReferenceDigestAnnotation =
    "vnd.docker.reference.digest";
inline constexpr const char* kAttestationManifest = "attestation-manifest";

// Returns whether entry is an attestation manifest.
bool IsAttestation(const Descriptor& entry);

// The digest of the image an attestation describes; "" for other
// entries.
std::string AttestedDigest(const Descriptor& entry);

// Returns records with every attestation moved right after the image it
// describes, the images in their order; attestations of no image in
// records go last. Without attestations, records as they are.
std::vector<Record> GroupAttestations(std::vector<Record> records);

}  // namespace mlist::manifest
