#include "base/digest.h"

#include <openssl/evp.h>

#include "base/error.h"

namespace mlist::base {

struct Hasher::Impl {
  std::string algorithm;
  EVP_MD_CTX* ctx = nullptr;
};

Hasher::Hasher(const std::string& algorithm) : impl_(new Impl) {
  const EVP_MD* md = nullptr;
  if (algorithm == "sha256") {
    md = EVP_sha256();
  } else if (algorithm == "sha512") {
    md = EVP_sha512();
  } else {
    throw Error("unsupported digest algorithm " + Quote(algorithm));
  }
  impl_->algorithm = algorithm;
  impl_->ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(impl_->ctx, md, nullptr);
}

Hasher::~Hasher() { EVP_MD_CTX_free(impl_->ctx); }

void Hasher::Update(const char* data, size_t size) {
  EVP_DigestUpdate(impl_->ctx, data, size);
}

std::string Hasher::Digest() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(impl_->ctx, out, &n);
  static const char kHex[] = "0123456789abcdef";
  std::string text = impl_->algorithm + ":";
  for (unsigned int i = 0; i < n; ++i) {
    text += kHex[out[i] >> 4];
    text += kHex[out[i] & 15];
  }
  return text;
}

std::string Sha256Digest(std::string_view data) {
  Hasher h;
  h.Update(data.data(), data.size());
  return h.Digest();
}

std::string DigestAlgorithm(const std::string& digest) {
  return digest.substr(0, digest.find(':'));
}

}  // namespace mlist::base
