// create from lists and indexes (what buildx pushes): their images become
// entries, --platform keeps some, attestations go or stay next to their
// images, duplicate platforms are refused unless --amend replaces them.
// Checked against a real registry, with what docker manifest reads of
// the store and what lands on push.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <map>

#include "base/process.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::testing {
namespace {

struct Entry {
  std::string digest;
  std::string platform;
  bool attestation = false;
  std::string attests;  // the image digest an attestation names
};

// The entries of a list document.
std::vector<Entry> EntriesOf(const std::string& bytes) {
  rapidjson::Document doc;
  doc.Parse(bytes.c_str(), bytes.size());
  std::vector<Entry> entries;
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("manifests")) {
    ADD_FAILURE() << "not a list: " << bytes;
    return entries;
  }
  for (const auto& m : doc["manifests"].GetArray()) {
    Entry e;
    e.digest = m["digest"].GetString();
    const auto& p = m["platform"];
    e.platform =
        std::string(p["os"].GetString()) + "/" + p["architecture"].GetString();
    if (p.HasMember("variant")) {
      e.platform += std::string("/") + p["variant"].GetString();
    }
    const auto annotations = m.FindMember("annotations");
    if (annotations != m.MemberEnd()) {
      const auto& a = annotations->value;
      e.attestation = a.HasMember("vnd.docker.reference.type");
      if (a.HasMember("vnd.docker.reference.digest")) {
        e.attests = a["vnd.docker.reference.digest"].GetString();
      }
    }
    entries.push_back(e);
  }
  return entries;
}

class IndexSourcesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = std::make_unique<TestRegistry>(TestRegistryOptions::Plain());
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    three_ = PushAttestedIndex(session, Ref("src:bx"),
                               {{"linux", "amd64", "", ""},
                                {"linux", "arm64", "v8", ""},
                                {"linux", "arm", "v7", ""}});
    other_ = PushAttestedIndex(
        session, Ref("src:bx2"),
        {{"linux", "amd64", "", ""}, {"linux", "s390x", "", ""}}, 1);
  }
  static void TearDownTestSuite() { registry_.reset(); }

  static reference::Reference Ref(const std::string& rest) {
    return reference::Parse(Name(rest));
  }
  static std::string Name(const std::string& rest) {
    return registry_->host_port() + "/" + rest;
  }

  base::ProcessResult Mlist(const std::vector<std::string>& args) {
    return cli_.Plugin(args);
  }
  // The images and attestations of list, by digest.
  std::map<std::string, Entry> ByDigest(const std::vector<Entry>& entries) {
    std::map<std::string, Entry> out;
    for (const auto& e : entries) {
      out[e.digest] = e;
    }
    return out;
  }
  // The document push would send, as inspect --raw prints it.
  std::vector<Entry> LocalEntries(const std::string& list) {
    auto r = Mlist({"inspect", "--raw", list});
    EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
    return EntriesOf(r.out);
  }
  size_t ManifestGets(const std::string& digest) {
    return registry_->CountRequests("GET", "/v2/src/manifests/" + digest);
  }

  static std::unique_ptr<TestRegistry> registry_;
  static PushedIndex three_;
  static PushedIndex other_;
  DockerCli cli_;
};

std::unique_ptr<TestRegistry> IndexSourcesTest::registry_;
PushedIndex IndexSourcesTest::three_;
PushedIndex IndexSourcesTest::other_;

TEST_F(IndexSourcesTest, AnIndexGivesItsImagesAndDropsAttestations) {
  std::string list = Name("app:from-index");
  auto r = Mlist({"create", "--insecure", list, Name("src:bx")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto entries = ByDigest(LocalEntries(list));
  ASSERT_EQ(entries.size(), 3u);
  for (const auto& image : three_.images) {
    ASSERT_EQ(entries.count(image.digest), 1u) << image.platform.String();
    EXPECT_EQ(entries[image.digest].platform, image.platform.String());
    EXPECT_FALSE(entries[image.digest].attestation);
  }
  if (HaveDocker()) {
    // docker manifest reads the same list from the store.
    auto ours = cli_.Docker({"mlist", "inspect", list});
    auto theirs = cli_.Docker({"manifest", "inspect", list});
    ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
    EXPECT_EQ(ours.out, theirs.out);
  }
}

TEST_F(IndexSourcesTest, KeptAttestationsSitNextToTheirImagesAndArePushed) {
  std::string list = Name("app:attested");
  ASSERT_EQ(Mlist({"create", "--insecure", "--keep-attestations", list,
                   Name("src:bx")})
                .exit_code,
            0);
  auto r = Mlist({"push", "--insecure", list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto pushed = FetchInsecure(list);
  EXPECT_EQ(pushed.digest, LastLine(r.out));
  auto entries = EntriesOf(pushed.bytes);
  ASSERT_EQ(entries.size(), 6u);
  // Whatever the images' order, each is followed by its attestation.
  for (size_t i = 0; i < 6; i += 2) {
    EXPECT_FALSE(entries[i].attestation);
    EXPECT_TRUE(entries[i + 1].attestation);
    EXPECT_EQ(entries[i + 1].attests, entries[i].digest);
    EXPECT_EQ(entries[i + 1].platform, "unknown/unknown");
  }
  auto by_digest = ByDigest(entries);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(by_digest.count(three_.images[i].digest), 1u);
    EXPECT_EQ(by_digest[three_.attestations[i].digest].attests,
              three_.images[i].digest);
  }
  // Each attestation landed in the target repository with its blobs.
  for (const auto& a : three_.attestations) {
    EXPECT_EQ(FetchInsecure(Name("app@" + a.digest)).digest, a.digest);
  }
}

TEST_F(IndexSourcesTest, PlatformFilterFetchesOnlyWhatItKeeps) {
  std::string list = Name("app:filtered");
  size_t image_gets = ManifestGets(three_.images[0].digest);
  size_t attestation_gets = ManifestGets(three_.attestations[0].digest);
  auto r = Mlist({"create", "--insecure", "--keep-attestations", "--platform",
                  "linux/arm64,linux/arm/v7", list, Name("src:bx")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto entries = ByDigest(LocalEntries(list));
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[three_.images[1].digest].platform, "linux/arm64/v8");
  EXPECT_EQ(entries[three_.attestations[1].digest].attests,
            three_.images[1].digest);
  EXPECT_EQ(entries[three_.images[2].digest].platform, "linux/arm/v7");
  EXPECT_EQ(entries[three_.attestations[2].digest].attests,
            three_.images[2].digest);
  // The amd64 image and its attestation were never fetched.
  EXPECT_EQ(ManifestGets(three_.images[0].digest), image_gets);
  EXPECT_EQ(ManifestGets(three_.attestations[0].digest), attestation_gets);
}

TEST_F(IndexSourcesTest, PlatformFilterAppliesToImagesToo) {
  std::string list = Name("app:mixed");
  auto r =
      Mlist({"create", "--insecure", "--platform", "linux/s390x", "--platform",
             "linux/arm64", list, Name("src:bx"), Name("src:bx2-image-1")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto entries = ByDigest(LocalEntries(list));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[three_.images[1].digest].platform, "linux/arm64/v8");
  EXPECT_EQ(entries[other_.images[1].digest].platform, "linux/s390x");
}

TEST_F(IndexSourcesTest, APlatformNoImageHasIsAnErrorAndMakesNoList) {
  std::string list = Name("app:riscv");
  auto r = Mlist({"create", "--insecure", "--platform", "linux/riscv64", list,
                  Name("src:bx")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "no image for platform linux/riscv64 in the images given (they "
            "have linux/amd64, linux/arm64/v8, linux/arm/v7)\n");
  EXPECT_NE(Mlist({"inspect", list}).exit_code, 0);
}

TEST_F(IndexSourcesTest, TwoImagesOfOnePlatformAreRefused) {
  std::string list = Name("app:dup");
  auto r =
      Mlist({"create", "--insecure", list, Name("src:bx"), Name("src:bx2")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("are both linux/amd64"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(three_.images[0].digest), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(other_.images[0].digest), std::string::npos) << r.err;
  EXPECT_NE(Mlist({"inspect", list}).exit_code, 0);
}

TEST_F(IndexSourcesTest, AmendReplacesAPlatformAndItsAttestation) {
  std::string list = Name("app:amend");
  ASSERT_EQ(Mlist({"create", "--insecure", "--keep-attestations", list,
                   Name("src:bx")})
                .exit_code,
            0);
  auto r = Mlist({"create", "--insecure", "--amend", "--platform",
                  "linux/amd64", list, Name("src:bx2")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto entries = LocalEntries(list);
  std::vector<std::string> digests;
  for (const auto& e : entries) {
    digests.push_back(e.digest);
  }
  // The new amd64 image; the old one and its attestation are gone.
  std::vector<std::string> want = {
      other_.images[0].digest,       three_.images[1].digest,
      three_.attestations[1].digest, three_.images[2].digest,
      three_.attestations[2].digest,
  };
  std::sort(digests.begin(), digests.end());
  std::sort(want.begin(), want.end());
  EXPECT_EQ(digests, want);
}

TEST_F(IndexSourcesTest, AnnotatedEntriesKeepTheListAnOciIndex) {
  // A source index of Docker images whose entries carry annotations.
  registry::SessionOptions options;
  options.insecure = true;
  registry::Session session(options);
  auto images =
      PushImages(session, Name("plain"),
                 {{"linux", "amd64", "", ""}, {"linux", "386", "", ""}},
                 ImageFormat::kDocker, "d");
  std::string source = Name("src:annotated");
  ASSERT_EQ(Mlist({"create", "--insecure", "--oci", source,
                   images[0].ref.String(), images[1].ref.String()})
                .exit_code,
            0);
  ASSERT_EQ(Mlist({"annotate", "--annotation", "team=build", source,
                   images[0].ref.String()})
                .exit_code,
            0);
  ASSERT_EQ(Mlist({"push", "--insecure", source}).exit_code, 0);

  // Taken as it is, the list stays an OCI index with the annotation.
  std::string list = Name("app:annotated");
  auto r = Mlist({"create", "--insecure", list, source});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto raw = Mlist({"inspect", "--raw", list});
  ASSERT_EQ(raw.exit_code, 0) << raw.err;
  EXPECT_NE(raw.out.find("\"mediaType\": \"application/vnd.oci.image.index"),
            std::string::npos)
      << raw.out;
  EXPECT_NE(raw.out.find("\"team\": \"build\""), std::string::npos) << raw.out;

  // Asked for a Docker list, it is refused with the way out.
  std::string docker = Name("app:annotated-docker");
  r = Mlist({"create", "--insecure", "--docker", docker, source});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cannot carry annotations on"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("with --oci"), std::string::npos) << r.err;
  EXPECT_EQ(Mlist({"inspect", docker}).exit_code, 1);
}

}  // namespace
}  // namespace mlist::testing
