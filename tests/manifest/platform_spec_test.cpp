#include "manifest/platform_spec.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::manifest {
namespace {

Platform Of(const std::string& os, const std::string& arch,
            const std::string& variant = "") {
  Platform p;
  p.os = os;
  p.architecture = arch;
  p.variant = variant;
  return p;
}

TEST(PlatformSpec, ParsesOsArchAndVariant) {
  PlatformSpec spec = ParsePlatformSpec("linux/arm/v7");
  EXPECT_EQ(spec.os, "linux");
  EXPECT_EQ(spec.architecture, "arm");
  EXPECT_EQ(spec.variant, "v7");
  EXPECT_EQ(spec.String(), "linux/arm/v7");
  EXPECT_EQ(ParsePlatformSpec("Linux/AMD64").String(), "linux/amd64");
}

TEST(PlatformSpec, NormalisesOtherToolsArchitectureNames) {
  EXPECT_EQ(ParsePlatformSpec("linux/x86_64").String(), "linux/amd64");
  EXPECT_EQ(ParsePlatformSpec("linux/aarch64").String(), "linux/arm64");
  EXPECT_EQ(ParsePlatformSpec("linux/armhf").String(), "linux/arm/v7");
  EXPECT_EQ(ParsePlatformSpec("linux/i386").String(), "linux/386");
}

TEST(PlatformSpec, RefusesWhatIsNotOsSlashArch) {
  for (const char* bad : {"linux", "linux/", "/amd64", "a/b/c/d", ""}) {
    SCOPED_TRACE(bad);
    try {
      ParsePlatformSpec(bad);
      FAIL() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "invalid platform " + Quote(bad) +
                    ": want os/arch[/variant], as in linux/arm/v7");
    }
  }
}

TEST(PlatformSpec, FlagValuesMayBeCommaLists) {
  auto specs = ParsePlatformSpecs({"linux/amd64,linux/arm64", "linux/386"});
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[1].String(), "linux/arm64");
  EXPECT_EQ(specs[2].String(), "linux/386");
}

TEST(PlatformSpec, NoVariantMatchesEveryVariant) {
  PlatformSpec arm = ParsePlatformSpec("linux/arm");
  EXPECT_TRUE(Matches(Of("linux", "arm", "v6"), arm));
  EXPECT_TRUE(Matches(Of("linux", "arm", "v7"), arm));
  EXPECT_FALSE(Matches(Of("linux", "arm64", "v8"), arm));
  EXPECT_FALSE(Matches(Of("windows", "arm", "v7"), arm));
}

TEST(PlatformSpec, DefaultVariantsAreTheSameAsNone) {
  EXPECT_TRUE(
      Matches(Of("linux", "arm64"), ParsePlatformSpec("linux/arm64/v8")));
  EXPECT_TRUE(
      Matches(Of("linux", "arm64", "v8"), ParsePlatformSpec("linux/arm64")));
  EXPECT_TRUE(
      Matches(Of("linux", "amd64"), ParsePlatformSpec("linux/amd64/v1")));
  EXPECT_FALSE(
      Matches(Of("linux", "amd64"), ParsePlatformSpec("linux/amd64/v3")));
  EXPECT_FALSE(
      Matches(Of("linux", "arm", "v6"), ParsePlatformSpec("linux/arm/v7")));
}

TEST(PlatformSpec, SamePlatformNeedsTheSameOsVersion) {
  Platform a = Of("windows", "amd64");
  Platform b = a;
  a.os_version = "10.0.17763.1";
  b.os_version = "10.0.20348.1";
  EXPECT_FALSE(SamePlatform(a, b));
  EXPECT_TRUE(SamePlatform(Of("linux", "arm64"), Of("linux", "arm64", "v8")));
}

TEST(PlatformSpec, StringOfAPlatform) {
  EXPECT_EQ(PlatformString(Of("linux", "arm", "v7")), "linux/arm/v7");
  EXPECT_EQ(PlatformString(Of("unknown", "unknown")), "unknown/unknown");
  EXPECT_EQ(PlatformString(Platform{}), "");
}

}  // namespace
}  // namespace mlist::manifest
