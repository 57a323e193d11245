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

TEST(TestCrypto, RandomHexHasTwoDigitsPerByte) {
  EXPECT_EQ(RandomHex(16).size(), 32u);
  EXPECT_NE(RandomHex(16), RandomHex(16));
}

}  // namespace
}  // namespace mlist::testing
