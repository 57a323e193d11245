#include "manifest/attestation.h"

#include <gtest/gtest.h>

namespace mlist::manifest {
namespace {

Record Image(const std::string& digest) {
  Record r;
  r.ref = "localhost:5000/app:1@" + digest;
  r.descriptor.digest = digest;
  return r;
}

Record AttestationOf(const std::string& digest, const std::string& subject) {
  Record r = Image(digest);
  r.descriptor.annotations[kReferenceTypeAnnotation] = kAttestationManifest;
  r.descriptor.annotations[kReferenceDigestAnnotation] = subject;
  return r;
}

std::vector<std::string> Digests(const std::vector<Record>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) {
    out.push_back(r.descriptor.digest);
  }
  return out;
}

TEST(Attestation, IsKnownByItsAnnotation) {
  EXPECT_TRUE(IsAttestation(AttestationOf("sha256:a", "sha256:b").descriptor));
  EXPECT_EQ(AttestedDigest(AttestationOf("sha256:a", "sha256:b").descriptor),
            "sha256:b");
  EXPECT_FALSE(IsAttestation(Image("sha256:a").descriptor));
  EXPECT_EQ(AttestedDigest(Image("sha256:a").descriptor), "");
}

TEST(Attestation, EachGoesRightAfterItsImage) {
  // As the store lists them: by file name, so by digest.
  std::vector<Record> records = {AttestationOf("sha256:1", "sha256:c"),
                                 AttestationOf("sha256:2", "sha256:a"),
                                 Image("sha256:a"), Image("sha256:b"),
                                 Image("sha256:c")};
  EXPECT_EQ(Digests(GroupAttestations(records)),
            (std::vector<std::string>{"sha256:a", "sha256:2", "sha256:b",
                                      "sha256:c", "sha256:1"}));
}

TEST(Attestation, ThoseOfNoImageInTheListGoLast) {
  std::vector<Record> records = {AttestationOf("sha256:1", "sha256:z"),
                                 Image("sha256:a")};
  EXPECT_EQ(Digests(GroupAttestations(records)),
            (std::vector<std::string>{"sha256:a", "sha256:1"}));
}

TEST(Attestation, ListsWithoutAttestationsKeepTheirOrder) {
  std::vector<Record> records = {Image("sha256:c"), Image("sha256:a")};
  EXPECT_EQ(Digests(GroupAttestations(records)),
            (std::vector<std::string>{"sha256:c", "sha256:a"}));
}

}  // namespace
}  // namespace mlist::manifest
