#include "reference/reference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mlist::reference {
namespace {

const std::string kSha256 =
    "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// Each printed form of one parsed input.
struct FormsCase {
  std::string input;
  std::string name;
  std::string full;
  std::string familiar;
  std::string api_host;
  std::string credential_key;
  std::string file_safe;
};

TEST(Reference, PrintsEachForm) {
  const std::string hub_key = "https://index.docker.io/v1/";
  const std::vector<FormsCase> cases = {
      {"busybox", "docker.io/library/busybox",
       "docker.io/library/busybox:latest", "busybox:latest",
       "registry-1.docker.io", hub_key, "docker.io_library_busybox-latest"},
      {"docker.io/foo/bar", "docker.io/foo/bar", "docker.io/foo/bar:latest",
       "foo/bar:latest", "registry-1.docker.io", hub_key,
       "docker.io_foo_bar-latest"},
      {"index.docker.io/library/a/b:1", "docker.io/library/a/b",
       "docker.io/library/a/b:1", "library/a/b:1", "registry-1.docker.io",
       hub_key, "docker.io_library_a_b-1"},
      {"localhost:5000/a:1", "localhost:5000/a", "localhost:5000/a:1",
       "localhost:5000/a:1", "localhost:5000", "localhost:5000",
       "localhost-5000_a-1"},
      {"[::1]:5000/a", "[::1]:5000/a", "[::1]:5000/a:latest",
       "[::1]:5000/a:latest", "[::1]:5000", "[::1]:5000",
       "[--1]-5000_a-latest"},
      {"Example.COM/x/y@" + kSha256, "Example.COM/x/y",
       "Example.COM/x/y@" + kSha256, "Example.COM/x/y@" + kSha256,
       "Example.COM", "Example.COM",
       "Example.COM_x_y@sha256-" + kSha256.substr(7)},
      {"foo/bar:x@" + kSha256, "docker.io/foo/bar",
       "docker.io/foo/bar:x@" + kSha256, "foo/bar:x@" + kSha256,
       "registry-1.docker.io", hub_key,
       "docker.io_foo_bar-x@sha256-" + kSha256.substr(7)},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    Reference r = ParseWithDefaultTag(c.input);
    EXPECT_EQ(r.Name(), c.name);
    EXPECT_EQ(r.String(), c.full);
    EXPECT_EQ(r.Familiar(), c.familiar);
    EXPECT_EQ(r.ApiHost(), c.api_host);
    EXPECT_EQ(r.CredentialKey(), c.credential_key);
    EXPECT_EQ(FileSafeName(r), c.file_safe);
  }
}

TEST(Reference, FamiliarKeepsANameWithoutTag) {
  EXPECT_EQ(Parse("busybox").Familiar(), "busybox");
  EXPECT_EQ(Parse("docker.io/foo/bar").Familiar(), "foo/bar");
}

TEST(Reference, WithDefaultTagLeavesDigestedReferencesAlone) {
  Reference digested = Parse("a@" + kSha256);
  EXPECT_EQ(digested.WithDefaultTag(), digested);
  EXPECT_EQ(Parse("a").WithDefaultTag().tag, "latest");
  EXPECT_NE(Parse("a"), Parse("a:latest"));
}

TEST(ReferenceFileSafeName, EscapesColonsAndSlashes) {
  struct Case {
    std::string input;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"localhost:5000/a:1", "localhost-5000_a-1"},
      {"docker.io/library/busybox:latest", "docker.io_library_busybox-latest"},
      {"", ""},
      // docker's escaping is lossy: these two collide.
      {"x:a-b", "x-a-b"},
      {"x-a:b", "x-a-b"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(FileSafeName(c.input), c.want);
  }
}

}  // namespace
}  // namespace mlist::reference
