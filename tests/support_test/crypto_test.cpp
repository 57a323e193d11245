// Encodings and digests of the test support against known values.
#include "support/crypto.h"

#include <gtest/gtest.h>

namespace mlist::testing {
namespace {

TEST(TestCrypto, Base64MatchesRfc4648) {
  struct Row {
    std::string data, standard, url;
  };
  const Row rows[] = {
      {"", "", ""},
      {"f", "Zg==", "Zg"},
      {"fo", "Zm8=", "Zm8"},
      {"foo", "Zm9v", "Zm9v"},
      {"\xfb\xff", "+/8=", "-_8"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.standard);
    EXPECT_EQ(Base64(row.data), row.standard);
    EXPECT_EQ(Base64Url(row.data), row.url);
    EXPECT_EQ(Base64Decode(row.standard), row.data);
    EXPECT_EQ(Base64Decode(row.url), row.data);
  }
  EXPECT_FALSE(Base64Decode("Z"));
  EXPECT_FALSE(Base64Decode("Zm9v!A=="));
}

TEST(TestCrypto, Sha256DigestOfEmptyBlob) {
  EXPECT_EQ(Sha256Digest(""),
            "sha256:"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(TestCrypto, RandomHexHasTwoDigitsPerByte) {
  EXPECT_EQ(RandomHex(16).size(), 32u);
  EXPECT_NE(RandomHex(16), RandomHex(16));
}

}  // namespace
}  // namespace mlist::testing
