// The inspect views and docker's records against the real docker CLI 28:
// images pushed to a real registry on loopback, then `docker manifest
// inspect`, `create` and `annotate` beside our code, compared byte for
// byte (stdout, and the store files docker writes).
#include <gtest/gtest.h>

#include <chrono>

#include "manifest/manifest_list.h"
#include "output/docker_fetch.h"
#include "output/inspect.h"
#include "registry/media_types.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::output {
namespace {

using manifest::Record;
using reference::Parse;
using testing::ImageFormat;
using testing::PushedImage;

class OutputDockerInspectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::HaveDocker())
        << "the docker CLI is needed (install/deps.sh)";
  }

  static registry::SessionOptions Options() {
    registry::SessionOptions options;
    options.insecure = true;
    options.retry_base = std::chrono::milliseconds(10);
    return options;
  }

  std::string Repo(const std::string& name) const {
    return registry_.host_port() + "/" + name;
  }

  // docker ARGS; a failure fails the test and gives "".
  std::string Docker(const std::vector<std::string>& args) const {
    auto r = cli_.Docker(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? r.out : "";
  }

  std::string DockerInspect(const std::vector<std::string>& refs,
                            bool verbose) const {
    std::vector<std::string> args = {"manifest", "inspect", "--insecure"};
    if (verbose) {
      args.push_back("--verbose");
    }
    args.insert(args.end(), refs.begin(), refs.end());
    return Docker(args);
  }

  void DockerCreate(const std::string& list,
                    const std::vector<std::string>& images) const {
    std::vector<std::string> args = {"manifest", "create", "--insecure", list};
    args.insert(args.end(), images.begin(), images.end());
    Docker(args);
  }

  void ExpectImageViewsMatch(const std::string& ref) {
    SCOPED_TRACE(ref);
    Record record = FetchImageRecord(session_, Parse(ref));
    EXPECT_EQ(InspectManifest(record), DockerInspect({ref}, false));
    EXPECT_EQ(InspectManifestVerbose(record), DockerInspect({ref}, true));
  }

  void ExpectRemoteListViewsMatch(const std::string& ref) {
    SCOPED_TRACE(ref);
    std::vector<Record> records = FetchListRecords(session_, Parse(ref));
    EXPECT_EQ(InspectList(records), DockerInspect({ref}, false));
    EXPECT_EQ(InspectListVerbose(records), DockerInspect({ref}, true));
  }

  // The local list's store files are the records we make of the same
  // images, and docker prints the list and each entry as we do.
  void ExpectLocalListMatches(const std::string& list) {
    std::vector<std::string> files;
    std::vector<Record> records =
        ReadStoredList(cli_.config_dir(), list, &files);
    for (size_t i = 0; i < records.size(); ++i) {
      SCOPED_TRACE(records[i].ref);
      EXPECT_EQ(manifest::EncodeRecord(records[i]), files[i]);
      EXPECT_EQ(InspectManifest(records[i]),
                DockerInspect({list, records[i].ref}, false));
      EXPECT_EQ(InspectManifestVerbose(records[i]),
                DockerInspect({list, records[i].ref}, true));
    }
    EXPECT_EQ(InspectList(records), DockerInspect({list}, false));
    EXPECT_EQ(InspectListVerbose(records), DockerInspect({list}, true));
  }

  // An OCI manifest docker must print without changing anything: HTML
  // characters, U+2028, an escape, "1.50", white space around it.
  std::string PushUnusualManifest(const std::string& tag) {
    PushedImage image =
        testing::PushImage(session_, Parse(Repo("odd:base")),
                           {"linux", "riscv64", "", ""}, ImageFormat::kOci);
    std::string body = image.manifest.substr(1);
    std::string bytes =
        "  \n{\n  \"annotations\": {\"z\": \"a<b>&c \\u00e9 \xe2\x80\xa8\", "
        "\"a\": \"1\"},\n  \"n\": 1.50,\n  " +
        body + "\n \n";
    session_.PutManifest(Parse(Repo("odd:" + tag)), registry::kOciManifest,
                         bytes);
    return Repo("odd:" + tag);
  }

  testing::TestRegistry registry_{testing::TestRegistryOptions::Plain()};
  registry::Session session_{Options()};
  testing::DockerCli cli_;
};

std::vector<std::string> Refs(const std::vector<PushedImage>& images) {
  std::vector<std::string> refs;
  for (const PushedImage& image : images) {
    refs.push_back(image.ref.String());
  }
  return refs;
}

TEST_F(OutputDockerInspectTest, SingleImagesPrintAsDockerPrintsThem) {
  std::vector<testing::Platform> platforms = {
      {"linux", "amd64", "", ""},
      {"linux", "arm", "v7", "1.2.3"},
      {"windows", "amd64", "", "10.0.17763.1"}};
  for (auto format : {ImageFormat::kDocker, ImageFormat::kOci}) {
    auto images =
        testing::PushImages(session_, Repo("img"), platforms, format,
                            format == ImageFormat::kOci ? "oci" : "v2");
    for (const std::string& ref : Refs(images)) {
      ExpectImageViewsMatch(ref);
    }
  }
}

TEST_F(OutputDockerInspectTest, UnusualManifestPrintsAsDockerPrintsIt) {
  ExpectImageViewsMatch(PushUnusualManifest("1"));
}

TEST_F(OutputDockerInspectTest, RemoteListsOfSevenPrintAsDockerPrintsThem) {
  for (auto format : {ImageFormat::kDocker, ImageFormat::kOci}) {
    bool oci = format == ImageFormat::kOci;
    auto images =
        testing::PushImages(session_, Repo("app"), testing::SevenPlatforms(),
                            format, oci ? "oci" : "v2");
    std::vector<manifest::Descriptor> entries;
    for (const PushedImage& image : images) {
      manifest::Descriptor d;
      d.media_type = image.media_type;
      d.digest = image.digest;
      d.size = static_cast<int64_t>(image.size);
      d.platform =
          manifest::Platform{image.platform.architecture, image.platform.os,
                             image.platform.os_version,   {},
                             image.platform.variant,      {}};
      entries.push_back(d);
    }
    // What docker drops: annotations and CPU features; what it keeps:
    // os.version and os.features.
    entries[0].annotations = {{"org.example", "<x>"}};
    entries[1].platform->features = {"sse4"};
    entries[2].platform->os_features = {"win32k"};
    entries[3].platform->os_version = "10.0";
    std::string list_type =
        oci ? registry::kOciIndex : registry::kDockerManifestList;
    std::string list = Repo(std::string("app:list-") + (oci ? "oci" : "v2"));
    session_.PutManifest(Parse(list), list_type,
                         manifest::BuildManifestList(entries, list_type));
    ExpectRemoteListViewsMatch(list);
  }
}

TEST_F(OutputDockerInspectTest, CreatedListStoresOurRecords) {
  auto v2 =
      testing::PushImages(session_, Repo("app"), testing::SevenPlatforms(),
                          ImageFormat::kDocker, "v2");
  auto oci = testing::PushImages(session_, Repo("app"),
                                 {{"linux", "arm", "v5", "2.0"}},
                                 ImageFormat::kOci, "oci");
  std::vector<std::string> images = Refs(v2);
  images.push_back(oci[0].ref.String());
  images.push_back(PushUnusualManifest("2"));
  std::string list = Repo("app:seven");
  DockerCreate(list, images);
  for (const std::string& ref : images) {
    SCOPED_TRACE(ref);
    Record record = FetchImageRecord(session_, Parse(ref));
    std::string file = cli_.config_dir() + "/manifests/" +
                       reference::FileSafeName(Parse(list)) + "/" +
                       reference::FileSafeName(Parse(ref));
    EXPECT_EQ(manifest::EncodeRecord(record), testing::ReadFile(file));
  }
  ExpectLocalListMatches(list);
}

TEST_F(OutputDockerInspectTest, AnnotatedEntriesStoreOurRecords) {
  auto images = testing::PushImages(
      session_, Repo("app"),
      {{"linux", "amd64", "", ""}, {"linux", "arm", "v6", ""}},
      ImageFormat::kOci, "ann");
  std::string list = Repo("app:annotated");
  DockerCreate(list, Refs(images));
  std::string image = images[0].ref.String();
  Docker({"manifest", "annotate", list, image, "--os-features", "a,b",
          "--variant", "v9", "--os-version", "10.1<&>"});
  // os.features are added to, without duplicates.
  Docker({"manifest", "annotate", list, image, "--os-features", "b,c", "--arch",
          "arm64"});

  Record record = FetchImageRecord(session_, images[0].ref);
  manifest::Platform& platform = *record.descriptor.platform;
  platform.os_features = {"a", "b", "c"};
  platform.variant = "v9";
  platform.os_version = "10.1<&>";  // written \u003c\u0026\u003e
  platform.architecture = "arm64";
  std::string file = cli_.config_dir() + "/manifests/" +
                     reference::FileSafeName(Parse(list)) + "/" +
                     reference::FileSafeName(images[0].ref);
  EXPECT_EQ(manifest::EncodeRecord(record), testing::ReadFile(file));
  ExpectLocalListMatches(list);
}

TEST_F(OutputDockerInspectTest, PushedListIsTheListWeBuild) {
  auto images =
      testing::PushImages(session_, Repo("app"), testing::SevenPlatforms(),
                          ImageFormat::kOci, "push");
  std::string list = Repo("app:pushed");
  DockerCreate(list, Refs(images));
  Docker({"manifest", "annotate", list, images[2].ref.String(), "--os-features",
          "x"});
  std::vector<manifest::Descriptor> entries;
  for (const Record& record : ReadStoredList(cli_.config_dir(), list)) {
    entries.push_back(manifest::ListEntry(record));
  }
  Docker({"manifest", "push", "--insecure", list});
  registry::Manifest pushed = session_.GetManifest(Parse(list));
  EXPECT_EQ(pushed.bytes, manifest::BuildManifestList(entries));
  EXPECT_EQ(pushed.media_type, registry::kOciIndex);
}

}  // namespace
}  // namespace mlist::output
