#include "metadata.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <filesystem>

#include "base/process.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

constexpr bool kStaticBuild = MLIST_STATIC_BUILD;

// Parses text as exactly one JSON object, failing the test otherwise.
void ExpectPluginMetadata(const std::string& text) {
  rapidjson::Document doc;
  rapidjson::StringStream stream(text.c_str());
  doc.ParseStream<rapidjson::kParseStopWhenDoneFlag>(stream);
  ASSERT_FALSE(doc.HasParseError()) << text;
  ASSERT_TRUE(doc.IsObject()) << text;
  // The parse stops after the object: only a newline may follow it, since
  // docker decodes the whole output as one document.
  EXPECT_EQ(text.substr(stream.Tell()), "\n") << text;
  EXPECT_EQ(text.back(), '\n');
  for (const char* key :
       {"SchemaVersion", "Vendor", "Version", "ShortDescription", "URL"}) {
    ASSERT_TRUE(doc.HasMember(key) && doc[key].IsString()) << key;
    EXPECT_NE(std::string(doc[key].GetString()), "") << key;
  }
  EXPECT_STREQ(doc["SchemaVersion"].GetString(), "0.1.0");
  EXPECT_EQ(std::string(doc["Version"].GetString()),
            std::string(metadata::Version()));
  EXPECT_EQ(doc.MemberCount(), 5u);
}

TEST(MetadataHandshake, PrintsOneJsonObjectAndNothingElse) {
  auto r = base::RunProcess({PluginBinary(), "docker-cli-plugin-metadata"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  ExpectPluginMetadata(r.out);
}

TEST(MetadataHandshake, ReadsNoConfig) {
  // A config directory that cannot be read must not matter: docker asks
  // for the metadata before anything else, on every `docker --help`.
  TempDir dir;
  WriteFile(dir.Join("config.json"), "{ not json");
  base::ProcessOptions options;
  options.env = {"DOCKER_CONFIG=" + dir.path(), "HOME=/nonexistent"};
  auto r =
      base::RunProcess({PluginBinary(), "docker-cli-plugin-metadata"}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err, "");
  ExpectPluginMetadata(r.out);
}

TEST(MetadataHandshake, RunsInAnEmptyRoot) {
  if (!kStaticBuild) {
    GTEST_SKIP() << "built with -DMLIST_STATIC=OFF";
  }
  // A root holding nothing but the binary proves it needs no shared
  // library, no loader and no file of the host.
  ASSERT_EQ(::geteuid(), 0u) << "chroot needs root (CI runs as root)";
  TempDir root;
  std::filesystem::copy_file(PluginBinary(), root.Join("docker-mlist"));
  base::ProcessOptions options;
  options.clear_env = true;
  auto r = base::RunProcess(
      {"chroot", root.path(), "/docker-mlist", "docker-cli-plugin-metadata"},
      options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ExpectPluginMetadata(r.out);
}

TEST(MetadataHandshake, BinaryIsStaticallyLinked) {
  if (!kStaticBuild) {
    GTEST_SKIP() << "built with -DMLIST_STATIC=OFF";
  }
  // Static PIE ("static-pie linked"): no interpreter, no shared library.
  auto r = base::RunProcess({"file", "-L", PluginBinary()});
  EXPECT_NE(r.out.find("static-pie linked"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("dynamically linked"), std::string::npos) << r.out;
  auto headers = base::RunProcess({"readelf", "-l", "-d", PluginBinary()});
  EXPECT_EQ(headers.out.find("INTERP"), std::string::npos) << headers.out;
  EXPECT_EQ(headers.out.find("NEEDED"), std::string::npos) << headers.out;
}

}  // namespace
}  // namespace mlist::testing
