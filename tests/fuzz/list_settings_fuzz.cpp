// A list's settings file, as a round trip: settings that decode encode
// to bytes that decode to the same settings, and encode the same again.
#include <cstddef>
#include <cstdint>

#include "base/error.h"
#include "fuzz_check.h"
#include "manifest/list_settings.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace mlist;
  manifest::ListSettings settings;
  try {
    settings = manifest::DecodeListSettings(fuzz::Text(data, size));
  } catch (const Error&) {
    return 0;
  }
  std::string encoded = manifest::EncodeListSettings(settings);
  // Settings that say nothing are kept as no file at all.
  fuzz::Require(encoded.empty() == settings.empty(),
                "only empty settings encode to nothing");
  if (encoded.empty()) {
    return 0;
  }
  manifest::ListSettings again;
  try {
    again = manifest::DecodeListSettings(encoded);
  } catch (const Error&) {
    fuzz::Require(false, "encoded settings decode");
  }
  fuzz::Require(again.media_type == settings.media_type &&
                    again.annotations == settings.annotations,
                "settings read back the same");
  fuzz::Require(manifest::EncodeListSettings(again) == encoded,
                "settings read back encode to the same bytes");
  return 0;
}
