#include "support/crypto.h"

#include <openssl/bn.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <memory>
#include <vector>

#include "base/error.h"

namespace mlist::testing {
namespace {

constexpr int kCoordinateSize = 32;  // P-256

void Check(bool ok, const std::string& what) {
  if (!ok) {
    ERR_clear_error();
    throw Error(what);
  }
}

std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> ReadKey(
    const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
      EVP_PKEY_free);
  Check(key != nullptr, "signing with ES256: unreadable private key");
  return key;
}

// The DER ECDSA-Sig-Value OpenSSL produces.
std::string SignDer(EVP_PKEY* key, const std::string& data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                              EVP_MD_CTX_free);
  size_t size = 0;
  Check(ctx && EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr,
                                  key) == 1,
        "signing with ES256: cannot start ECDSA");
  Check(EVP_DigestSign(ctx.get(), nullptr, &size, nullptr, 0) == 1,
        "signing with ES256: cannot size the signature");
  std::vector<unsigned char> sig(size);
  Check(EVP_DigestSign(ctx.get(), sig.data(), &size,
                       reinterpret_cast<const unsigned char*>(data.data()),
                       data.size()) == 1,
        "signing with ES256: ECDSA failed");
  return std::string(reinterpret_cast<char*>(sig.data()), size);
}

std::string Hex(const unsigned char* data, size_t size) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 0xf];
  }
  return out;
}

}  // namespace

std::string Base64(const std::string& data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(data.data()),
                          static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

std::string Base64Url(const std::string& data) {
  std::string out = Base64(data);
  while (!out.empty() && out.back() == '=') {
    out.pop_back();
  }
  for (char& c : out) {
    c = c == '+' ? '-' : c == '/' ? '_' : c;
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  std::string padded(text);
  while (!padded.empty() && padded.back() == '=') {
    padded.pop_back();
  }
  size_t padding = (4 - padded.size() % 4) % 4;
  if (padding == 3) {
    return std::nullopt;
  }
  for (char& c : padded) {
    c = c == '-' ? '+' : c == '_' ? '/' : c;
  }
  padded.append(padding, '=');
  std::string out(padded.size() / 4 * 3, '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(padded.data()),
                          static_cast<int>(padded.size()));
  if (n < 0) {
    return std::nullopt;
  }
  // EVP_DecodeBlock counts the bytes the padding stands for.
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

std::string RandomHex(size_t count) {
  std::vector<unsigned char> bytes(count);
  Check(RAND_bytes(bytes.data(), static_cast<int>(count)) == 1,
        "generating random bytes: RAND_bytes failed");
  return Hex(bytes.data(), count);
}

std::string SignEs256(const std::string& key_pem, const std::string& data) {
  auto key = ReadKey(key_pem);
  std::string der = SignDer(key.get(), data);
  auto* p = reinterpret_cast<const unsigned char*>(der.data());
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(
      d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())),
      ECDSA_SIG_free);
  Check(sig != nullptr, "signing with ES256: unreadable ECDSA signature");

  // JWS wants r || s, each left-padded to the curve's coordinate size.
  unsigned char raw[2 * kCoordinateSize];
  Check(BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), raw, kCoordinateSize) ==
                kCoordinateSize &&
            BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), raw + kCoordinateSize,
                         kCoordinateSize) == kCoordinateSize,
        "signing with ES256: signature is not P-256");
  return std::string(reinterpret_cast<char*>(raw), sizeof raw);
}

}  // namespace mlist::testing
