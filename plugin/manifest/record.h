// docker's record of one image manifest: what `docker manifest` keeps per
// entry in its local store and prints in `inspect --verbose` (Go struct
// types.ImageManifest of docker/cli):
//
//   {"Ref": <string>, "Descriptor": <OCI descriptor with platform>,
//    "Raw": <base64 of the exact manifest bytes>,
//    "SchemaV2Manifest" | "OCIManifest": <the manifest>}
//
// The manifest member is the manifest's own bytes (distribution's
// MarshalJSON returns them), compacted by json.Marshal: key order and
// number text as fetched, <, >, & escaped. Read back from a store file,
// docker keeps that member's bytes as the manifest's payload, which is
// what `inspect LIST IMAGE` prints.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "manifest/descriptor.h"
#include "manifest/manifest.h"

namespace mlist::manifest {

// Which member holds the manifest.
enum class RecordFormat {
  kNone,     // neither (a record without a manifest)
  kSchema2,  // "SchemaV2Manifest": Docker image manifest v2 schema 2
  kOci,      // "OCIManifest": OCI image manifest
};

struct Record {
  // The normalised reference, "name:tag" or "name:tag@digest" for an entry
  // of a remote list; empty is written as null.
  std::string ref;
  // Media type, digest and size of the manifest bytes, and the platform.
  Descriptor descriptor;
  // The exact manifest bytes; empty is left out.
  std::string raw;
  RecordFormat format = RecordFormat::kNone;
  // The manifest's canonical bytes (docker's Payload()): the fetched bytes
  // for a new record, the member's bytes for one read from a file.
  std::string payload;
  // payload, parsed.
  ImageManifest manifest;

  // docker's Payload() media type: the document's "mediaType" for schema 2,
  // the OCI manifest type for OCI, "" without a manifest.
  std::string PayloadMediaType() const;
};

// The record docker makes when it fetches an image manifest (create, and
// inspect of remote images): descriptor over manifest.bytes() with the
// payload's media type and the given platform ("features" dropped, as the
// OCI platform has none); raw and payload both the fetched bytes. Throws
// mlist::Error `"<ref>" is a manifest list` for an index.
Record MakeRecord(std::string ref, const Manifest& manifest,
                  std::optional<Platform> platform);

// The platform docker gives an entry of a remote list: the list's own for
// it with "features" dropped, and an empty one (architecture and os "")
// when the list has none.
Platform EntryPlatform(const Descriptor& list_entry);

// The record as compact JSON, byte for byte what docker writes to its
// store (json.Marshal). Throws mlist::Error only when the payload is not
// JSON.
std::string EncodeRecord(const Record& record);

// Reads a record as docker does (json.Unmarshal: member names in any
// case, unknown members ignored), including records written before the
// "Descriptor" member (top-level "Digest" and "Platform", checked against
// the manifest). Throws mlist::Error naming what is wrong: invalid JSON,
// a member of the wrong type (`"Descriptor.size" is a string, want an
// integer`), `"Raw": illegal base64 data at input byte 4`, a reference
// that is not canonical, a manifest whose "mediaType" is not its format's.
Record DecodeRecord(std::string_view bytes);

}  // namespace mlist::manifest
