#include "base/digest.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "base/parallel.h"

namespace mlist::base {
namespace {

TEST(Digest, KnownValues) {
  EXPECT_EQ(Sha256Digest(""),
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
            "7852b855");
  Hasher h("sha512");
  h.Update("abc", 3);
  EXPECT_EQ(h.Digest().substr(0, 23), "sha512:ddaf35a193617aba");
}

TEST(Digest, PiecesEqualWhole) {
  Hasher h;
  h.Update("hello ", 6);
  h.Update("world", 5);
  EXPECT_EQ(h.Digest(), Sha256Digest("hello world"));
}

TEST(Digest, UnknownAlgorithmIsAnError) {
  EXPECT_THROW(Hasher("md5"), Error);
}

TEST(ParallelFor, RunsEveryIndexAndRethrowsTheFirstError) {
  std::vector<int> seen(100, 0);
  ParallelFor(100, 8, [&](size_t i) { seen[i]++; });
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 100);
  try {
    ParallelFor(10, 4, [](size_t i) {
      if (i == 3 || i == 7) {
        throw Error("failed " + std::to_string(i));
      }
    });
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "failed 3");
  }
}

}  // namespace
}  // namespace mlist::base
