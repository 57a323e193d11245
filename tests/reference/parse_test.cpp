// Parse against docker 28: every expected value and error text below is
// what `docker manifest rm` printed for the same input, but where a row's
// comment says otherwise.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "reference/reference.h"

namespace mlist::reference {
namespace {

const std::string kHex64 =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const std::string kSha256 = "sha256:" + kHex64;

std::string Repeat(char c, std::size_t n) {
  return std::string(n, c);
}

struct ValidCase {
  std::string input;
  Reference want;
};

struct InvalidCase {
  std::string input;
  std::string error;
};

std::string ErrorOf(const std::string& input) {
  try {
    Parse(input);
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

const std::vector<ValidCase>& ValidCases() {
  static const std::vector<ValidCase> cases = {
      // Docker Hub defaulting.
      {"busybox", {"docker.io", "library/busybox", "", ""}},
      {"busybox:1.36", {"docker.io", "library/busybox", "1.36", ""}},
      {"foo/bar", {"docker.io", "foo/bar", "", ""}},
      {"foo/bar/baz", {"docker.io", "foo/bar/baz", "", ""}},
      {"docker.io/busybox", {"docker.io", "library/busybox", "", ""}},
      {"docker.io/foo/bar", {"docker.io", "foo/bar", "", ""}},
      {"index.docker.io/foo", {"docker.io", "library/foo", "", ""}},
      {"index.docker.io/foo/bar:1", {"docker.io", "foo/bar", "1", ""}},
      {"docker.io", {"docker.io", "library/docker.io", "", ""}},
      // A port with no '/' after it is a tag.
      {"localhost:5000", {"docker.io", "library/localhost", "5000", ""}},
      // Hosts.
      {"localhost/a", {"localhost", "a", "", ""}},
      {"localhost:5000/a:1", {"localhost:5000", "a", "1", ""}},
      {"example.com/a/b", {"example.com", "a/b", "", ""}},
      {"my-registry.example.com:443/a",
       {"my-registry.example.com:443", "a", "", ""}},
      {"10.0.0.1:5000/a", {"10.0.0.1:5000", "a", "", ""}},
      {"[::1]:5000/a", {"[::1]:5000", "a", "", ""}},
      {"[fe80::1]/a:v1", {"[fe80::1]", "a", "v1", ""}},
      {"Example.COM/a", {"Example.COM", "a", "", ""}},
      // An uppercase first component is a host, as in distribution.
      {"Foo/bar", {"Foo", "bar", "", ""}},
      {"INDEX.DOCKER.IO/foo", {"INDEX.DOCKER.IO", "foo", "", ""}},
      // Separators.
      {"a__b", {"docker.io", "library/a__b", "", ""}},
      {"a---b", {"docker.io", "library/a---b", "", ""}},
      {"a.b", {"docker.io", "library/a.b", "", ""}},
      {"a_b", {"docker.io", "library/a_b", "", ""}},
      {"x/a-b.c_d__e/f0", {"docker.io", "x/a-b.c_d__e/f0", "", ""}},
      // Tags.
      {"a:V1.0_rc-1", {"docker.io", "library/a", "V1.0_rc-1", ""}},
      {"a:_x", {"docker.io", "library/a", "_x", ""}},
      {"a:" + Repeat('t', 128),
       {"docker.io", "library/a", Repeat('t', 128), ""}},
      // Digests.
      {"a@" + kSha256, {"docker.io", "library/a", "", kSha256}},
      {"a:1@" + kSha256, {"docker.io", "library/a", "1", kSha256}},
      {"a@sha384:" + kHex64 + kHex64.substr(0, 32),
       {"docker.io", "library/a", "",
        "sha384:" + kHex64 + kHex64.substr(0, 32)}},
      {"a@sha512:" + kHex64 + kHex64,
       {"docker.io", "library/a", "", "sha512:" + kHex64 + kHex64}},
      // A 64-hex name is refused only when it is the whole input.
      {kHex64 + ":1", {"docker.io", "library/" + kHex64, "1", ""}},
      {Repeat('a', 63), {"docker.io", "library/" + Repeat('a', 63), "", ""}},
      // The 255 limit is on the path, not the name with its domain.
      {Repeat('a', 247), {"docker.io", "library/" + Repeat('a', 247), "", ""}},
      {"localhost/" + Repeat('a', 255),
       {"localhost", Repeat('a', 255), "", ""}},
  };
  return cases;
}

const std::vector<InvalidCase>& InvalidCases() {
  static const std::string kFormat = "invalid reference format";
  static const std::string kTooLong =
      "repository name must not be more than 255 characters";
  static const std::vector<InvalidCase> cases = {
      {"", kFormat},
      {"a..b", kFormat},
      {"-a", kFormat},
      {"a-", kFormat},
      {"a___b", kFormat},
      {"_a", kFormat},
      {"a/", kFormat},
      {"/a", kFormat},
      {"a//b", kFormat},
      {":tag", kFormat},
      {"a:", kFormat},
      {"a@", kFormat},
      {"a::b", kFormat},
      {"a:b:c", kFormat},
      {"a:.x", kFormat},
      {"a:-x", kFormat},
      {"a:" + Repeat('t', 129), kFormat},
      {"a:b/c", kFormat},
      {"localhost:/a", kFormat},
      {"localhost:abc/a", kFormat},
      {"::1/a", kFormat},
      {"[fe80::1%eth0]/a", kFormat},
      {"-foo.com/a", kFormat},
      {"foo-.com/a", kFormat},
      {"foo..com/a", kFormat},
      {"a@sha256:", kFormat},
      {"a@sha256:" + kHex64.substr(0, 31), kFormat},
      {"a@md5:" + Repeat('g', 32), kFormat},
      {"a@" + kSha256 + "@" + kSha256, kFormat},
      {"a@" + kSha256 + ":x", kFormat},
      // distribution reads "a_b.c" as a path and returns no domain;
      // docker then dials "https:/v2/". Refused here (our choice).
      {"a_b.c/d", kFormat},
      // Uppercase in the repository, as docker words it.
      {"Foo",
       "invalid reference format: repository name (library/Foo) "
       "must be lowercase"},
      {"foo/Bar",
       "invalid reference format: repository name (foo/Bar) "
       "must be lowercase"},
      {"localhost:5000/Foo:tag",
       "invalid reference format: repository "
       "name (Foo) must be lowercase"},
      {"[::1]/A",
       "invalid reference format: repository name (A) must be "
       "lowercase"},
      // The checked text runs to the first ':', into the digest.
      {"foo/Bar@" + kSha256,
       "invalid reference format: repository name "
       "(foo/Bar@sha256) must be lowercase"},
      {"foo/bar@SHA256:" + kHex64,
       "invalid reference format: repository "
       "name (foo/bar@SHA256) must be "
       "lowercase"},
      // Uppercase in a host the grammar then reads as a path.
      {"a_b.C/d", "repository name must be lowercase"},
      {"A_b/c", "repository name must be lowercase"},
      // Lengths.
      {Repeat('a', 248), kTooLong},
      {"localhost/" + Repeat('a', 256), kTooLong},
      {Repeat('a', 248) + "@sha256:" + kHex64.substr(0, 63), kTooLong},
      // Image IDs.
      {kHex64, "invalid repository name (" + kHex64 +
                   "), cannot specify 64-byte hexadecimal strings"},
      // Digests, as go-digest validates them.
      {"a@sha256:" + kHex64.substr(0, 63), "invalid checksum digest length"},
      {"a@" + kSha256 + "0", "invalid checksum digest length"},
      {"a@sha512:" + kHex64, "invalid checksum digest length"},
      {"a@sha384:" + kHex64, "invalid checksum digest length"},
      {"a@sha256:" + Repeat('A', 64), "invalid checksum digest format"},
      {"a:1@SHA256:" + kHex64, "invalid checksum digest format"},
      {"a@md5:" + kHex64.substr(0, 32), "unsupported digest algorithm"},
      {"a@blake3:" + kHex64, "unsupported digest algorithm"},
      {"a@sha256+b64:" + kHex64, "unsupported digest algorithm"},
  };
  return cases;
}

TEST(ReferenceParse, AcceptsAndNormalisesValidReferences) {
  for (const auto& c : ValidCases()) {
    SCOPED_TRACE(c.input);
    Reference got;
    ASSERT_NO_THROW(got = Parse(c.input));
    EXPECT_EQ(got.domain, c.want.domain);
    EXPECT_EQ(got.path, c.want.path);
    EXPECT_EQ(got.tag, c.want.tag);
    EXPECT_EQ(got.digest, c.want.digest);
  }
}

TEST(ReferenceParse, RefusesInvalidReferencesWithDockersText) {
  for (const auto& c : InvalidCases()) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(ErrorOf(c.input), c.error);
  }
}

TEST(ReferenceParse, ErrorsExitWithOne) {
  try {
    Parse("Foo");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.exit_code(), 1);
  }
}

TEST(ReferenceParse, DefaultTagOnlyWhenNeitherTagNorDigest) {
  struct Case {
    std::string input;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"busybox", "docker.io/library/busybox:latest"},
      {"foo/bar:1", "docker.io/foo/bar:1"},
      {"a@" + kSha256, "docker.io/library/a@" + kSha256},
      {"a:1@" + kSha256, "docker.io/library/a:1@" + kSha256},
      {"localhost:5000/a", "localhost:5000/a:latest"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(ParseWithDefaultTag(c.input).String(), c.want);
  }
}

TEST(ReferenceParse, ParseKeepsAMissingTagMissing) {
  EXPECT_EQ(Parse("busybox").String(), "docker.io/library/busybox");
}

}  // namespace
}  // namespace mlist::reference
