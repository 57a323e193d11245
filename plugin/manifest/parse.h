// Reading manifests and image configs from bytes.
#pragma once

#include <string>
#include <string_view>

#include "manifest/descriptor.h"
#include "manifest/manifest.h"

namespace mlist::manifest {

// Reads bytes as a manifest sent with content_type (a Content-Type value;
// parameters and case ignored). When content_type is not one of the four
// manifest types (empty, "application/json", ...), the document's own
// "mediaType" decides, else its members ("manifests": an OCI index, else
// an OCI image manifest). The bytes are kept as they are.
//
// Checks what distribution checks: a Docker document's "mediaType" must
// be its type; an OCI document's, when present; an image manifest must
// have no "manifests", an index no "config" or "layers". Throws
// mlist::Error naming what is wrong, for example "invalid JSON at offset
// 3: ...", `"layers[1].size" is a string, want an integer`, `mediaType
// "application/x" does not match the content type
// "application/vnd.oci.image.index.v1+json"`, `expected an image manifest
// but the document has "manifests"`, `unsupported manifest media type
// "text/html"`.
Manifest ParseManifest(std::string bytes, std::string_view content_type = "");

// The platform docker reads from an image config blob: json.Unmarshal of
// the whole config into an OCI platform, so "architecture", "os",
// "os.version", "os.features" and "variant" (names in any case), never
// "features". Throws mlist::Error when config is not a JSON object or one
// of those has the wrong type (`"architecture" is a number, want a
// string`).
Platform PlatformFromConfig(std::string_view config);

}  // namespace mlist::manifest
