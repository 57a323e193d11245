#include "reference/grammar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mlist::reference {
namespace {

struct MatchCase {
  std::string input;
  bool want;
};

template <typename Match>
void ExpectMatches(Match match, const std::vector<MatchCase>& cases) {
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(match(c.input), c.want);
  }
}

TEST(ReferenceGrammar, Domains) {
  ExpectMatches(IsDomain,
                {
                    {"localhost", true},    {"localhost:5000", true},
                    {"example.com", true},  {"Example.COM:443", true},
                    {"a-b.c0", true},       {"1.2.3.4:80", true},
                    {"[::1]", true},        {"[::1]:5000", true},
                    {"[FE80::a]", true},    {"", false},
                    {"-a.com", false},      {"a-.com", false},
                    {"a..com", false},      {"a.com.", false},
                    {"a_b.com", false},     {"localhost:", false},
                    {"localhost:x", false}, {"localhost:5000:1", false},
                    {"[]", false},          {"[::1", false},
                    {"[::g]", false},       {"[::1]5000", false},
                });
}

TEST(ReferenceGrammar, PathComponents) {
  ExpectMatches(
      IsPathComponent,
      {
          {"a", true},     {"a0", true},    {"a.b", true},   {"a_b", true},
          {"a__b", true},  {"a-b", true},   {"a---b", true}, {"a.b-c__d", true},
          {"", false},     {"A", false},    {"a..b", false}, {"a___b", false},
          {"a._b", false}, {"a-.b", false}, {"-a", false},   {"a-", false},
          {"_a", false},   {"a.", false},   {"a/b", false},
      });
}

TEST(ReferenceGrammar, Paths) {
  ExpectMatches(IsPath, {
                            {"a/b/c", true},
                            {"library/busybox", true},
                            {"a/", false},
                            {"/a", false},
                            {"a//b", false},
                            {"a/B", false},
                        });
}

TEST(ReferenceGrammar, Tags) {
  ExpectMatches(IsTag, {
                           {"latest", true},
                           {"_x", true},
                           {"V1.0-rc_1", true},
                           {std::string(128, 'a'), true},
                           {std::string(129, 'a'), false},
                           {"", false},
                           {".x", false},
                           {"-x", false},
                           {"a:b", false},
                           {"a/b", false},
                           {"a+b", false},
                       });
}

TEST(ReferenceGrammar, Digests) {
  const std::string hex32(32, 'a');
  ExpectMatches(IsDigest, {
                              {"sha256:" + hex32, true},
                              {"SHA256:" + hex32, true},
                              {"sha256:" + std::string(32, 'F'), true},
                              {"sha256+b64:" + hex32, true},
                              {"a.b-c_d+e:" + hex32, true},
                              {"sha256:" + std::string(31, 'a'), false},
                              {"sha256:" + hex32 + "g", false},
                              {"1sha:" + hex32, false},
                              {"a++b:" + hex32, false},
                              {":" + hex32, false},
                              {"sha256", false},
                          });
}

TEST(ReferenceGrammar, SplitPrefersADomain) {
  // The parts are views into the input, which must outlive them.
  const std::string input =
      "localhost:5000/a/b:1@sha256:" + std::string(64, '0');
  auto parts = SplitReference(input);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->domain, "localhost:5000");
  EXPECT_EQ(parts->path, "a/b");
  EXPECT_EQ(parts->tag, "1");
  EXPECT_EQ(parts->digest, "sha256:" + std::string(64, '0'));
}

TEST(ReferenceGrammar, SplitFallsBackToAPathWithoutDomain) {
  auto parts = SplitReference("a_b.c/d");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->domain, "");
  EXPECT_EQ(parts->path, "a_b.c/d");
}

TEST(ReferenceGrammar, SplitRefusesWhatNoRuleMatches) {
  for (const char* input : {"", "a:", "a@", "[::1]", "a:b/c", "a/B"}) {
    SCOPED_TRACE(input);
    EXPECT_FALSE(SplitReference(input));
  }
}

}  // namespace
}  // namespace mlist::reference
