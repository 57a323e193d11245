// Encodings, digests and signatures the test servers and the tests need:
// JWS pieces for the token issuer, blob digests for pushes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mlist::testing {

// Standard base64 with padding (RFC 4648 section 4).
std::string Base64(const std::string& data);

// Base64url without padding (RFC 4648 section 5), as JWS uses it.
std::string Base64Url(const std::string& data);

// Decodes standard or url-safe base64, with or without padding; nullopt
// when text is not base64.
std::optional<std::string> Base64Decode(std::string_view text);

// count random bytes from OpenSSL, as lower-case hex.
std::string RandomHex(size_t count);

// The ES256 signature of data with the P-256 key key_pem: SHA-256, then
// ECDSA, encoded as JWS wants it (RFC 7518 section 3.4): r and s as two
// 32-byte big-endian numbers, not DER. Throws mlist::Error when the key
// is unusable.
std::string SignEs256(const std::string& key_pem, const std::string& data);

}  // namespace mlist::testing
