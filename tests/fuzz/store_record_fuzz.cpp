// The store's record reader and docker's record codec: the store asks
// each entry file for its reference through DecodeRecord (cli/context.cpp)
// and must never see anything but a reference or nothing; a record that
// decodes encodes back to bytes that decode to the same record, and its
// list entry survives the list push builds.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "base/error.h"
#include "fuzz_check.h"
#include "manifest/go_json.h"
#include "manifest/manifest_list.h"
#include "manifest/parse.h"
#include "manifest/record.h"
#include "reference/reference.h"

namespace mlist::fuzz {
namespace {

// The store's RecordRefReader, as the cli gives it: any other exception
// would escape the store.
std::optional<std::string> RecordRef(const std::string& bytes) {
  try {
    return manifest::DecodeRecord(bytes).ref;
  } catch (const Error&) {
    return std::nullopt;
  }
}

// A record's reference is canonical: it parses and prints as written.
void CheckRef(const std::string& ref) {
  if (ref.empty()) {
    return;
  }
  try {
    Require(reference::Parse(ref).String() == ref, "the Ref is canonical");
  } catch (const Error&) {
    Require(false, "the Ref parses");
  }
}

void CheckRoundTrip(const manifest::Record& record) {
  std::string encoded = manifest::EncodeRecord(record);
  manifest::Record again;
  try {
    again = manifest::DecodeRecord(encoded);
  } catch (const Error&) {
    Require(false, "an encoded record decodes");
  }
  Require(SameButPayload(again, record), "a record reads back the same");
  Require(again.payload == (record.payload.empty()
                                ? std::string()
                                : manifest::GoCompact(record.payload)),
          "a record keeps its manifest, compacted");
  Require(manifest::EncodeRecord(again) == encoded,
          "a record read back encodes to the same bytes");
}

// push makes a list entry of each record; the list must carry it.
void CheckListEntry(const manifest::Record& record) {
  manifest::Descriptor entry = manifest::ListEntry(record);
  std::string list = manifest::BuildManifestList({entry});
  manifest::Manifest parsed = manifest::ParseManifest(list);
  Require(parsed.IsIndex(), "the list of one record is a list");
  Require(parsed.index().manifests.size() == 1, "the list has the entry");
  Require(parsed.index().manifests[0] == entry, "the entry is kept");
}

}  // namespace
}  // namespace mlist::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mlist;
  std::string bytes(fuzz::Text(data, size));
  std::optional<std::string> ref = fuzz::RecordRef(bytes);
  if (!ref) {
    return 0;
  }
  manifest::Record record = manifest::DecodeRecord(bytes);
  fuzz::Require(record.ref == *ref, "decoding is deterministic");
  fuzz::CheckRef(record.ref);
  reference::FileSafeName(record.ref);
  fuzz::CheckRoundTrip(record);
  fuzz::CheckListEntry(record);
  return 0;
}
