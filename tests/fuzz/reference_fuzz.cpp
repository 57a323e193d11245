// The reference parser: whatever Parse accepts is a reference the grammar
// allows, and its printed form parses back to the same reference.
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "fuzz_check.h"
#include "reference/grammar.h"
#include "reference/reference.h"

namespace mlist::fuzz {
namespace {

// Store names never hold the two characters FileSafeName replaces.
void CheckFileSafeName(std::string_view text) {
  std::string name = reference::FileSafeName(text);
  Require(name.size() == text.size(), "FileSafeName keeps the length");
  Require(name.find_first_of(":/") == std::string::npos,
          "FileSafeName leaves no ':' or '/'");
}

void CheckShape(const reference::Reference& ref) {
  Require(reference::IsDomain(ref.domain), "the domain is a domain");
  Require(reference::IsPath(ref.path), "the path is a path");
  Require(ref.path.size() <= reference::kMaxPathLength, "the path fits");
  Require(ref.tag.empty() || reference::IsTag(ref.tag), "the tag is a tag");
  Require(ref.digest.empty() || reference::IsDigest(ref.digest),
          "the digest is a digest");
}

// String() is what the store keeps and push prints: it must read back.
void CheckRoundTrip(const reference::Reference& ref) {
  std::string full = ref.String();
  reference::Reference again;
  try {
    again = reference::Parse(full);
  } catch (const Error&) {
    Require(false, "String() of a parsed reference parses");
  }
  Require(again == ref, "String() parses back to the same reference");
  Require(again.String() == full, "String() is stable");
  Require(reference::FileSafeName(ref) == reference::FileSafeName(full),
          "FileSafeName of a reference is that of its String()");
  CheckFileSafeName(full);
}

}  // namespace
}  // namespace mlist::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mlist;
  std::string_view text = fuzz::Text(data, size);
  fuzz::CheckFileSafeName(text);
  reference::Reference ref;
  try {
    ref = reference::Parse(text);
  } catch (const Error&) {
    try {
      reference::ParseWithDefaultTag(text);
    } catch (const Error&) {
      return 0;
    }
    fuzz::Require(false, "ParseWithDefaultTag fails where Parse fails");
  }
  fuzz::CheckShape(ref);
  fuzz::CheckRoundTrip(ref);
  reference::Reference tagged = reference::ParseWithDefaultTag(text);
  fuzz::Require(tagged == ref.WithDefaultTag(),
                "ParseWithDefaultTag is Parse then WithDefaultTag");
  fuzz::Require(!tagged.tag.empty() || !tagged.digest.empty(),
                "a defaulted reference has a tag or a digest");
  fuzz::CheckRoundTrip(tagged);
  // The other forms must not fail; Familiar() need not parse back
  // (distribution's "docker.io/localhost/x" is "localhost/x").
  ref.Familiar();
  ref.ApiHost();
  ref.CredentialKey();
  return 0;
}
