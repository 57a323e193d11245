// The manifest and index codec, as a round trip: a document ParseManifest
// accepts under any of the four media types (or none) reads the same
// again, compacted (as docker's store keeps it), indented (as inspect
// prints it), rebuilt as a list (as push sends it) and kept in a record.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/digest.h"
#include "base/error.h"
#include "fuzz_check.h"
#include "manifest/go_json.h"
#include "manifest/manifest_list.h"
#include "manifest/parse.h"
#include "manifest/record.h"
#include "registry/media_types.h"

namespace mlist::fuzz {
namespace {

constexpr const char* kContentTypes[] = {
    registry::kDockerManifest, registry::kDockerManifestList,
    registry::kOciManifest, registry::kOciIndex, ""};

std::optional<manifest::Manifest> TryParse(std::string bytes,
                                           std::string_view content_type) {
  try {
    return manifest::ParseManifest(std::move(bytes), content_type);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// Reads text as m was read; it must give m's content.
void CheckReadsAs(const manifest::Manifest& m, const std::string& text,
                  const char* what) {
  std::optional<manifest::Manifest> again = TryParse(text, m.media_type());
  Require(again.has_value(), what);
  Require(Same(*again, m), what);
}

// What a list entry keeps of a descriptor once push writes it
// (WriteListDescriptor): no "data" or "artifactType", always a platform.
manifest::Descriptor AsListEntry(manifest::Descriptor d) {
  d.data.clear();
  d.artifact_type.clear();
  d.platform = d.platform.value_or(manifest::Platform{});
  return d;
}

void CheckRebuiltList(const manifest::Manifest& m) {
  const manifest::Index& index = m.index();
  std::string bytes = manifest::BuildManifestList(
      index.manifests, m.media_type(), index.annotations);
  std::optional<manifest::Manifest> rebuilt = TryParse(bytes, m.media_type());
  Require(rebuilt.has_value(), "a rebuilt list parses");
  Require(rebuilt->IsIndex(), "a rebuilt list is a list");
  const manifest::Index& again = rebuilt->index();
  Require(again.manifests.size() == index.manifests.size(),
          "a rebuilt list keeps its entries");
  for (size_t i = 0; i < index.manifests.size(); ++i) {
    Require(again.manifests[i] == AsListEntry(index.manifests[i]),
            "a rebuilt list keeps each entry");
  }
  Require(again.annotations == index.annotations,
          "a rebuilt list keeps its annotations");
}

void CheckRecord(const manifest::Manifest& m) {
  const manifest::ImageManifest& image = m.image();
  manifest::Record record = manifest::MakeRecord(
      "docker.io/library/fuzz:latest", m, image.config.platform);
  std::string encoded = manifest::EncodeRecord(record);
  manifest::Record again;
  try {
    again = manifest::DecodeRecord(encoded);
  } catch (const Error&) {
    Require(false, "a record made of a parsed manifest decodes");
  }
  Require(SameButPayload(again, record), "a record reads back the same");
  Require(again.payload == manifest::GoCompact(record.payload),
          "a record keeps the compacted manifest");
  Require(manifest::EncodeRecord(again) == encoded,
          "a record read back encodes to the same bytes");
}

void CheckManifest(const manifest::Manifest& m, std::string_view text) {
  Require(m.bytes() == text, "the bytes are kept as they are");
  Require(m.digest() == base::Sha256Digest(text), "the digest is theirs");
  CheckReadsAs(m, m.bytes(), "a manifest reads the same twice");

  std::string compact = manifest::GoCompact(text);
  Require(manifest::GoCompact(compact) == compact, "compacting is stable");
  CheckReadsAs(m, compact, "a compacted manifest reads the same");
  CheckReadsAs(m, manifest::GoIndent(text, "", "\t"),
               "an indented manifest reads the same");
  if (m.IsIndex()) {
    CheckRebuiltList(m);
  } else {
    CheckRecord(m);
  }
}

}  // namespace
}  // namespace mlist::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mlist;
  std::string_view text = fuzz::Text(data, size);
  for (const char* content_type : fuzz::kContentTypes) {
    auto m = fuzz::TryParse(std::string(text), content_type);
    if (m) {
      fuzz::CheckManifest(*m, text);
    }
  }
  // The same bytes as an image config blob, which create reads the
  // platform from.
  try {
    manifest::PlatformFromConfig(text);
  } catch (const Error&) {
  }
  return 0;
}
