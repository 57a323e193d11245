// The inspect views against what docker 28.2.2 printed for the same
// manifests and store files (tests/output/testdata, captured with a local
// registry; the inputs are in tests/manifest/testdata).
#include "output/inspect.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "manifest/manifest_testdata.h"
#include "manifest/parse.h"
#include "registry/media_types.h"

namespace mlist::output {
namespace {

using manifest::ManifestTestData;
using manifest::Record;

std::string Printed(const std::string& name) {
  return testing::ReadFile(testing::SourceDir() + "/tests/output/testdata/" +
                           name);
}

std::string Repo() {
  return manifest::kCapturedRepo;
}

// What docker makes of a single remote image.
Record FetchedImage(const std::string& tag, const char* content_type) {
  auto m = manifest::ParseManifest(ManifestTestData(tag + ".manifest"),
                                   content_type);
  return manifest::MakeRecord(
      Repo() + ":" + tag, m,
      manifest::PlatformFromConfig(ManifestTestData(tag + ".config")));
}

// What docker makes of a remote list: each child by digest, its reference
// "name:tag@digest", its platform the list's.
std::vector<Record> FetchedList(const std::string& tag) {
  auto list = manifest::ParseManifest(ManifestTestData(tag + ".manifest"));
  std::vector<Record> records;
  for (const manifest::Descriptor& d : list.index().manifests) {
    for (const char* child : {"v2a", "ocia"}) {
      auto m = manifest::ParseManifest(
          ManifestTestData(std::string(child) + ".manifest"));
      if (m.digest() == d.digest) {
        records.push_back(
            manifest::MakeRecord(Repo() + ":" + tag + "@" + d.digest, m,
                                 manifest::EntryPlatform(d)));
      }
    }
  }
  return records;
}

// A local list: its store files in file-name order.
std::vector<Record> StoredList() {
  std::vector<std::string> names;
  std::string dir = testing::SourceDir() + "/tests/manifest/testdata/store";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename());
  }
  std::sort(names.begin(), names.end());
  std::vector<Record> records;
  for (const std::string& name : names) {
    records.push_back(
        manifest::DecodeRecord(ManifestTestData("store/" + name)));
  }
  return records;
}

TEST(OutputInspect, SingleImagePrintsAsDockerDoes) {
  struct Row {
    const char* tag;
    const char* content_type;
  };
  const Row rows[] = {
      {"v2a", registry::kDockerManifest},
      {"ocia", registry::kOciManifest},
      // HTML characters, U+2028, "1.50", white space after the document.
      {"weird", registry::kOciManifest},
      // A config naming its platform in odd case.
      {"cfgcase", registry::kDockerManifest},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.tag);
    Record record = FetchedImage(row.tag, row.content_type);
    std::string tag = row.tag;
    EXPECT_EQ(InspectManifest(record), Printed(tag + ".inspect"));
    EXPECT_EQ(InspectManifestVerbose(record),
              Printed(tag + ".inspect-verbose"));
  }
}

TEST(OutputInspect, RemoteListPrintsAsDockerDoes) {
  // dlist: a Docker list whose first entry has features, annotations,
  // os.version, os.features. olist: an OCI index whose first entry has no
  // platform.
  for (const char* tag : {"dlist", "olist"}) {
    SCOPED_TRACE(tag);
    std::vector<Record> records = FetchedList(tag);
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(InspectList(records), Printed(std::string(tag) + ".inspect"));
    EXPECT_EQ(InspectListVerbose(records),
              Printed(std::string(tag) + ".inspect-verbose"));
  }
}

TEST(OutputInspect, LocalListPrintsAsDockerDoes) {
  std::vector<Record> records = StoredList();
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(InspectList(records), Printed("list.inspect"));
  EXPECT_EQ(InspectListVerbose(records), Printed("list.inspect-verbose"));
}

TEST(OutputInspect, LocalEntryPrintsItsStoredPayload) {
  // Compacted and HTML-escaped when stored, so not the fetched bytes.
  Record weird = manifest::DecodeRecord(
      ManifestTestData("store/127.0.0.1-5555_app-weird"));
  EXPECT_EQ(InspectManifest(weird), Printed("list-weird.inspect"));
  EXPECT_NE(InspectManifest(weird), Printed("weird.inspect"));
}

TEST(OutputInspect, HandWrittenRecordsPrintAsDockerPrintsThem) {
  Record crafted = manifest::DecodeRecord(ManifestTestData("crafted.record"));
  EXPECT_EQ(InspectListVerbose({crafted}), Printed("crafted.inspect-verbose"));
  EXPECT_EQ(InspectManifest(crafted), Printed("crafted-entry.inspect"));
  Record legacy = manifest::DecodeRecord(ManifestTestData("legacy.record"));
  EXPECT_EQ(InspectListVerbose({legacy}), Printed("legacy.inspect-verbose"));
}

TEST(OutputInspect, EmptyListsAreEmptyArrays) {
  EXPECT_EQ(InspectListVerbose({}), "[]\n");
  EXPECT_EQ(InspectList({}),
            "{\n   \"schemaVersion\": 2,\n   \"mediaType\": "
            "\"application/vnd.docker.distribution.manifest.list.v2+json\",\n"
            "   \"manifests\": []\n}\n");
}

TEST(OutputInspect, RecordWithoutManifestCannotBePrinted) {
  Record record;
  record.ref = "x.io/a:1";
  try {
    InspectManifest(record);
    ADD_FAILURE() << "no error";
  } catch (const std::exception& e) {
    EXPECT_STREQ(e.what(), "\"x.io/a:1\" has no payload");
  }
}

}  // namespace
}  // namespace mlist::output
