// docker's records: made from fetched manifests, written and read back
// byte for byte as docker 28 writes its store (files in testdata/store
// are docker's own).
#include "manifest/record.h"

#include <gtest/gtest.h>

#include "manifest/go_json.h"
#include "manifest/manifest_testdata.h"
#include "manifest/parse.h"
#include "registry/media_types.h"
#include "support/error_text.h"

namespace mlist::manifest {
namespace {

using mlist::testing::ErrorOf;

struct Captured {
  const char* tag;
  const char* content_type;
};

const Captured kCaptured[] = {
    {"v2a", registry::kDockerManifest},
    {"ocia", registry::kOciManifest},
    // HTML characters, U+2028, pretty-printed, white space around it.
    {"weird", registry::kOciManifest},
};

std::string StoreFile(const char* tag) {
  return ManifestTestData(std::string("store/127.0.0.1-5555_app-") + tag);
}

Record Fetched(const Captured& c) {
  std::string tag = c.tag;
  Manifest m =
      ParseManifest(ManifestTestData(tag + ".manifest"), c.content_type);
  return MakeRecord(std::string(kCapturedRepo) + ":" + tag, m,
                    PlatformFromConfig(ManifestTestData(tag + ".config")));
}

TEST(ManifestRecord, FetchedManifestEncodesAsDockerStoresIt) {
  for (const Captured& c : kCaptured) {
    SCOPED_TRACE(c.tag);
    EXPECT_EQ(EncodeRecord(Fetched(c)), StoreFile(c.tag));
  }
}

TEST(ManifestRecord, StoreFilesReadBackAndWriteTheSameBytes) {
  for (const Captured& c : kCaptured) {
    SCOPED_TRACE(c.tag);
    std::string file = StoreFile(c.tag);
    Record record = DecodeRecord(file);
    EXPECT_EQ(EncodeRecord(record), file);
    Record fetched = Fetched(c);
    EXPECT_EQ(record.ref, fetched.ref);
    EXPECT_EQ(record.descriptor, fetched.descriptor);
    EXPECT_EQ(record.raw, fetched.raw);
    EXPECT_EQ(record.format, fetched.format);
  }
}

TEST(ManifestRecord, PayloadReadBackIsTheCompactedMember) {
  // docker keeps the member's bytes: compact and HTML-escaped, no longer
  // the fetched bytes (which Raw still holds).
  Record record = DecodeRecord(StoreFile("weird"));
  EXPECT_EQ(record.raw, ManifestTestData("weird.manifest"));
  EXPECT_EQ(record.payload, GoCompact(record.raw));
  EXPECT_NE(record.payload.find("a\\u003cb\\u003e\\u0026c"), std::string::npos);
  EXPECT_EQ(record.manifest.annotations.at("z").substr(0, 5), "a<b>&");
}

TEST(ManifestRecord, HandWrittenRecordReadsAsDockerReadsIt) {
  // Member names in any case, pretty-printed, unknown members, "data",
  // "urls", "artifactType", no mediaType, "features" in the platform.
  Record record = DecodeRecord(ManifestTestData("crafted.record"));
  EXPECT_EQ(record.ref, "127.0.0.1:5555/app:ocia");
  EXPECT_EQ(record.format, RecordFormat::kOci);
  EXPECT_EQ(record.payload.substr(0, 25), "{\n\n    \"schemaVersion\": 2");
  const Descriptor& d = record.descriptor;
  EXPECT_EQ(d.media_type, "");
  EXPECT_EQ(d.urls, std::vector<std::string>{"http://a/<b>"});
  EXPECT_EQ(d.annotations.at("a"), "\xc3\xa9<");
  EXPECT_EQ(d.data, "hi");
  EXPECT_EQ(d.artifact_type, "application/x");
  ASSERT_TRUE(d.platform.has_value());
  EXPECT_EQ(*d.platform, (Platform{"amd64", "linux", "", {}, "v1", {}}));
}

TEST(ManifestRecord, LegacyRecordGetsItsDescriptorFromDigestAndPlatform) {
  Record record = DecodeRecord(ManifestTestData("legacy.record"));
  EXPECT_EQ(record.descriptor.media_type, registry::kDockerManifest);
  EXPECT_EQ(record.descriptor.digest,
            "sha256:a31ce88bfd948960b34c20ba65c65b18ed0508761e3df8fbc20d628e2"
            "334d4bd");
  EXPECT_EQ(record.descriptor.size, 420);
  EXPECT_EQ(record.descriptor.platform,
            (Platform{"arm", "linux", "", {}, "v7", {}}));
  EXPECT_TRUE(record.raw.empty());
}

TEST(ManifestRecord, BadRecordsSayWhatIsWrong) {
  const std::string v2 = R"({"schemaVersion":2,"mediaType":")" +
                         std::string(registry::kDockerManifest) + R"("})";
  struct Row {
    std::string record;
    std::string want;
  };
  const Row rows[] = {
      {"", "invalid JSON at offset 0: unexpected end of JSON input"},
      {"{} {}",
       "invalid JSON at offset 3: invalid character '{' after "
       "top-level value"},
      {"[]", "document is an array, want an object"},
      {R"({"Ref":1})", R"("Ref" is a number, want a string)"},
      {R"({"Ref":"app:1"})",
       R"("Ref" "app:1": repository name must be canonical)"},
      {R"({"Ref":"a b"})", R"("Ref" "a b": invalid reference format)"},
      {R"({"Descriptor":{"size":"1"}})",
       R"("Descriptor.size" is a string, want an integer)"},
      {R"({"Descriptor":[]})", R"("Descriptor" is an array, want an object)"},
      {R"({"Raw":"e30"})", R"("Raw": illegal base64 data at input byte 0)"},
      {R"({"SchemaV2Manifest":{"schemaVersion":2}})",
       R"("SchemaV2Manifest": mediaType "" does not match the content type )"
       R"("application/vnd.docker.distribution.manifest.v2+json")"},
      {R"({"OCIManifest":{"mediaType":)"
       R"("application/vnd.oci.image.index.v1+json"}})",
       R"("OCIManifest": mediaType "application/vnd.oci.image.index.v1+json")"
       R"( does not match the content type )"
       R"("application/vnd.oci.image.manifest.v1+json")"},
      {R"({"Ref":"x.io/a:1","Digest":"sha256:0"})",
       R"("x.io/a:1" has no payload)"},
      {R"({"Digest":"sha256:0","SchemaV2Manifest":)" + v2 + "}",
       "image manifest digest mismatch (sha256:0 != sha256:"
       "74650f9ea72d624d418435f57b997feec86725c0dccb55d3c9e96d6b8d0669b0)"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.record);
    EXPECT_EQ(ErrorOf([&] { DecodeRecord(row.record); }), row.want);
  }
}

TEST(ManifestRecord, EmptyRecordWritesOnlyWhatGoAlwaysWrites) {
  Record record;
  EXPECT_EQ(EncodeRecord(record),
            R"({"Ref":null,"Descriptor":{"mediaType":"","digest":"",)"
            R"("size":0}})");
  Record back = DecodeRecord(EncodeRecord(record));
  EXPECT_EQ(back.ref, "");
  EXPECT_EQ(back.format, RecordFormat::kNone);
}

TEST(ManifestRecord, IndexCannotBeAnEntry) {
  Manifest list = ParseManifest(ManifestTestData("dlist.manifest"),
                                registry::kDockerManifestList);
  EXPECT_EQ(ErrorOf([&] { MakeRecord("x.io/a:1", list, std::nullopt); }),
            R"("x.io/a:1" is a manifest list)");
}

TEST(ManifestRecord, EntryPlatformIsTheListsWithoutFeatures) {
  Descriptor entry;
  EXPECT_EQ(EntryPlatform(entry), Platform{});
  entry.platform = Platform{"amd64", "linux", "10", {"w"}, "v3", {"sse4"}};
  EXPECT_EQ(EntryPlatform(entry),
            (Platform{"amd64", "linux", "10", {"w"}, "v3", {}}));
}

}  // namespace
}  // namespace mlist::manifest
