// Content digests (OCI image spec, "Digests"): "sha256:<64 hex>" over
// exact bytes, computed with OpenSSL.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace mlist::base {

// Returns "sha256:" + the lower-case hex SHA-256 of data.
std::string Sha256Digest(std::string_view data);

// A digest computed over data that arrives in pieces.
class Hasher {
 public:
  // algorithm is "sha256" or "sha512"; throws mlist::Error for others
  // ("unsupported digest algorithm").
  explicit Hasher(const std::string& algorithm = "sha256");
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void Update(const char* data, size_t size);
  // "algorithm:hex"; call once, at the end.
  std::string Digest();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The algorithm part of a digest ("sha256" of "sha256:abc...").
std::string DigestAlgorithm(const std::string& digest);

}  // namespace mlist::base
