// Standard base64 (RFC 4648 section 4, padded), as the "auth" field of
// config.json holds "username:password".
#pragma once

#include <string>
#include <string_view>

namespace mlist::config {

// Decodes padded standard base64. Line breaks (CR, LF) are skipped, as Go
// skips them. Throws mlist::Error reading "illegal base64 data at input
// byte N" (N from zero, as Go's decoder counts) on any other character
// outside the alphabet, wrong padding, text after the padding or a
// truncated last group; the message never quotes the text.
std::string DecodeBase64(std::string_view text);

}  // namespace mlist::config
