// inspect's views beyond docker's: --raw (the exact bytes), --platforms
// (a summary), --platform (one image of a list) and --format (json or a
// template), on local lists and on what a registry holds, with what each
// costs in requests.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "base/digest.h"
#include "base/process.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::testing {
namespace {

class InspectViewsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = StartSeededRegistry("src");
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    index_ = PushAttestedIndex(
        session, reference::Parse(Name("src:bx")),
        {{"linux", "amd64", "", ""}, {"linux", "arm64", "v8", ""}});
  }
  static void TearDownTestSuite() { registry_.reset(); }

  static std::string Name(const std::string& rest) {
    return registry_->host_port() + "/" + rest;
  }
  static std::vector<std::string> Seven(const std::string& prefix) {
    std::vector<std::string> out;
    for (int i = 0; i < 7; ++i) {
      out.push_back(Name("src:" + prefix + "-" + std::to_string(i)));
    }
    return out;
  }
  base::ProcessResult Mlist(const std::vector<std::string>& args) {
    return cli_.Plugin(args);
  }
  // Runs args; returns stdout and how many requests the registry saw.
  std::pair<std::string, size_t> Counted(const std::vector<std::string>& args) {
    size_t before = registry_->AccessLog().size();
    auto r = Mlist(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return {r.out, registry_->AccessLog().size() - before};
  }

  static std::unique_ptr<TestRegistry> registry_;
  static PushedIndex index_;
  DockerCli cli_;
};

std::unique_ptr<TestRegistry> InspectViewsTest::registry_;
PushedIndex InspectViewsTest::index_;

TEST_F(InspectViewsTest, RawIsWhatTheRegistryHoldsInOneRequest) {
  auto [out, requests] =
      Counted({"inspect", "--insecure", "--raw", Name("src:bx")});
  EXPECT_EQ(out, index_.bytes);
  EXPECT_EQ(base::Sha256Digest(out), index_.digest);
  EXPECT_EQ(requests, 1u);
  auto image = Mlist({"inspect", "--insecure", "--raw", Name("src:v2-3")});
  EXPECT_EQ(base::Sha256Digest(image.out),
            FetchInsecure(Name("src:v2-3")).digest);
}

TEST_F(InspectViewsTest, RawOfALocalListIsWhatPushSends) {
  std::string list = Name("app:raw");
  ASSERT_EQ(Mlist(Cat({"create", "--insecure", list}, Seven("oci"))).exit_code,
            0);
  std::string raw = Mlist({"inspect", "--raw", list}).out;
  auto pushed = Mlist({"push", "--insecure", list});
  ASSERT_EQ(pushed.exit_code, 0) << pushed.err;
  EXPECT_EQ(base::Sha256Digest(raw), LastLine(pushed.out));
  // An entry's raw bytes are its manifest's.
  auto entry = Mlist({"inspect", "--raw", list, Seven("oci")[2]});
  EXPECT_EQ(base::Sha256Digest(entry.out),
            FetchInsecure(Seven("oci")[2]).digest);
}

TEST_F(InspectViewsTest, PlatformsSummarisesAListAndMarksAttestations) {
  auto [out, requests] =
      Counted({"inspect", "--insecure", "--platforms", Name("src:bx")});
  std::string want = "Image: " + Name("src:bx") + " (digest: " + index_.digest +
                     ")\n" +
                     " * Manifest List: Yes (Image type: "
                     "application/vnd.oci.image.index.v1+json)\n"
                     " * Supported platforms:\n";
  const char* names[] = {"linux/amd64", "linux/arm64/v8"};
  for (size_t i = 0; i < 2; ++i) {
    const auto& image = index_.images[i];
    const auto& a = index_.attestations[i];
    want += "   - " + std::string(names[i]) + " (" + image.digest + ", " +
            std::to_string(image.size) + " bytes)\n";
    want += "   - " + std::string(names[i]) + " attestation (" + a.digest +
            ", " + std::to_string(a.size) + " bytes)\n";
  }
  EXPECT_EQ(out, want);
  EXPECT_EQ(requests, 1u);
}

TEST_F(InspectViewsTest, PlatformsOfAnImageReadsItsConfig) {
  auto [out, requests] =
      Counted({"inspect", "--insecure", "--platforms", Name("src:v2-2")});
  EXPECT_NE(out.find(" * Manifest List: No"), std::string::npos) << out;
  EXPECT_NE(out.find("   - linux/arm/v7 ("), std::string::npos) << out;
  EXPECT_EQ(requests, 2u);
}

TEST_F(InspectViewsTest, PlatformInspectsThatImageAsDockerWould) {
  auto [out, requests] = Counted(
      {"inspect", "--insecure", "--platform", "linux/arm64", Name("src:bx")});
  EXPECT_EQ(requests, 2u);
  std::string by_digest = Name("src@" + index_.images[1].digest);
  EXPECT_EQ(out, Mlist({"inspect", "--insecure", by_digest}).out);
  if (HaveDocker()) {
    auto docker = cli_.Docker({"manifest", "inspect", "--insecure", by_digest});
    ASSERT_EQ(docker.exit_code, 0) << docker.err;
    EXPECT_EQ(out, docker.out);
  }
}

TEST_F(InspectViewsTest, PlatformOfALocalListPicksItsEntry) {
  std::string list = Name("app:local-platform");
  ASSERT_EQ(Mlist(Cat({"create", "--insecure", list}, Seven("v2"))).exit_code,
            0);
  auto r = Mlist({"inspect", "-v", "--platform", "linux/s390x", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Mlist({"inspect", "-v", list, Seven("v2")[6]}).out);
  // arm/v6 and arm/v7 both match linux/arm.
  auto ambiguous = Mlist({"inspect", "--platform", "linux/arm", list});
  EXPECT_EQ(ambiguous.exit_code, 1);
  EXPECT_NE(ambiguous.err.find("platform linux/arm matches 2 manifests"),
            std::string::npos)
      << ambiguous.err;
  auto missing = Mlist({"inspect", "--platform", "windows/amd64", list});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no manifest for platform windows/amd64"),
            std::string::npos)
      << missing.err;
}

TEST_F(InspectViewsTest, FormatJsonIsOneCompactObject) {
  auto [out, requests] =
      Counted({"inspect", "--insecure", "--format", "json", Name("src:bx")});
  EXPECT_EQ(requests, 1u);
  ASSERT_EQ(out.find('\n'), out.size() - 1) << out;
  rapidjson::Document doc;
  doc.Parse(out.c_str(), out.size());
  ASSERT_FALSE(doc.HasParseError()) << out;
  EXPECT_STREQ(doc["Digest"].GetString(), index_.digest.c_str());
  EXPECT_TRUE(doc["ManifestList"].GetBool());
  ASSERT_EQ(doc["Manifests"].Size(), 4u);
  EXPECT_STREQ(doc["Manifests"][1]["Digest"].GetString(),
               index_.attestations[0].digest.c_str());
  EXPECT_TRUE(doc["Manifests"][1]["Attestation"].GetBool());
}

TEST_F(InspectViewsTest, FormatTemplateRangesOverTheManifests) {
  auto r = Mlist({"inspect", "--insecure", "--format",
                  "{{.Digest}}:{{range .Manifests}} "
                  "{{.Platform.OS}}/{{.Platform.Architecture}}{{end}}",
                  Name("src:bx")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, index_.digest +
                       ": linux/amd64 unknown/unknown linux/arm64 "
                       "unknown/unknown\n");
  auto image = Mlist({"inspect", "--insecure", "--format",
                      "{{.Platform.Architecture}}/{{.Platform.Variant}}",
                      Name("src:oci-2")});
  EXPECT_EQ(image.out, "arm/v7\n");
}

TEST_F(InspectViewsTest, AFormatOutsideTheSubsetFailsBeforeAnyRequest) {
  size_t before = registry_->AccessLog().size();
  auto r = Mlist({"inspect", "--insecure", "--format", "{{if .Ref}}x{{end}}",
                  Name("src:bx")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("template: "), std::string::npos) << r.err;
  EXPECT_EQ(registry_->AccessLog().size(), before);
}

TEST_F(InspectViewsTest, ViewsCannotBeCombined) {
  auto r = Mlist({"inspect", "--raw", "--platforms", Name("src:bx")});
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_NE(r.err.find("cannot be used together"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace mlist::testing
