#include "cli/list_folders.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "cli/context.h"
#include "store_dir_test.h"
#include "support/store_seed.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

const std::string kHex(64, 'a');

TEST(CliReferenceFromFileName, UndoesDockersEscaping) {
  struct Case {
    std::string name;
    std::vector<std::string> repositories;
    std::string want;  // empty: no reference is stored under name
  };
  const Case cases[] = {
      {"localhost-5000_app-1", {}, "localhost:5000/app:1"},
      {"docker.io_library_busybox-latest",
       {},
       "docker.io/library/busybox:latest"},
      {"my-registry.example_team_app-v2",
       {},
       "my-registry.example/team/app:v2"},
      {"my-host-5000_app-1", {}, "my-host:5000/app:1"},
      {"[--1]-5000_a_b-v1", {}, "[::1]:5000/a/b:v1"},
      {"registry.example_a__b-1", {}, "registry.example/a__b:1"},
      {"localhost-5000_app@sha256-" + kHex,
       {},
       "localhost:5000/app@sha256:" + kHex},
      {"localhost-5000_app-1@sha256-" + kHex,
       {},
       "localhost:5000/app:1@sha256:" + kHex},
      // Where the tag starts is a guess that only has to name the same
      // folder...
      {"localhost-5000_app-1.0-rc", {}, "localhost:5000/app-1.0:rc"},
      // ...unless the entries' repository tells.
      {"localhost-5000_app-1.0-rc",
       {"localhost:5000/other", "localhost:5000/app"},
       "localhost:5000/app:1.0-rc"},
      {"localhost-5000_app-1.0-rc@sha256-" + kHex,
       {"localhost:5000/app"},
       "localhost:5000/app:1.0-rc@sha256:" + kHex},
      {"", {}, ""},
      {"busybox", {}, ""},
      {"docker.io_library_Busybox-latest", {}, ""},
      {"docker.io_library_busybox", {}, ""},
      {"docker.io_a___b-1", {}, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto ref = ReferenceFromFileName(c.name, c.repositories);
    if (c.want.empty()) {
      EXPECT_FALSE(ref.has_value()) << ref->String();
      continue;
    }
    ASSERT_TRUE(ref.has_value());
    EXPECT_EQ(ref->String(), c.want);
    EXPECT_EQ(reference::FileSafeName(*ref), c.name);
  }
}

using CliListFoldersTest = StoreDirTest;

TEST_F(CliListFoldersTest, NoStoreIsNoLists) {
  EXPECT_TRUE(ListFolders(Store()).empty());
}

TEST_F(CliListFoldersTest, OursAreNamedByTheirReferenceDockersByTheFolder) {
  testing::SeedOurList(dir_.path(), "localhost:5000/ours:1.0-rc",
                       {"v2a", "ocia"});
  testing::SeedDockerList(dir_.path(), "localhost-5000_theirs-1", {"ocia"});
  auto lists = ListFolders(Store());
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].folder, "localhost-5000_ours-1.0-rc");
  EXPECT_EQ(lists[0].DisplayName(), "localhost:5000/ours:1.0-rc");
  ASSERT_TRUE(lists[0].ref.has_value());
  EXPECT_EQ(lists[0].ref->String(), "localhost:5000/ours:1.0-rc");
  EXPECT_EQ(lists[1].DisplayName(), "localhost-5000_theirs-1");
  EXPECT_FALSE(lists[1].recorded.has_value());
  ASSERT_TRUE(lists[1].ref.has_value());
  EXPECT_EQ(lists[1].ref->String(), "localhost:5000/theirs:1");
}

TEST_F(CliListFoldersTest, ReadsEntriesInTheStoresOrder) {
  testing::SeedDockerList(dir_.path(), "localhost-5000_theirs-1",
                          {"v2a", "ocia"});
  auto entries = ReadFolderEntries(Store(), ListFolders(Store()).at(0));
  ASSERT_EQ(entries.size(), 2u);
  // File-name order: "...app-ocia" before "...app-v2a".
  EXPECT_EQ(PlatformOf(entries[0].record), "linux/arm64/v8");
  EXPECT_EQ(PlatformOf(entries[1].record), "linux/amd64");
  EXPECT_EQ(entries[1].file, "127.0.0.1-5555_app-v2a");
  auto ref = RecordReference(entries[1].record, entries[1].file);
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->String(), "127.0.0.1:5555/app:v2a");
}

TEST_F(CliListFoldersTest, ABadRecordNamesTheListAndTheEntry) {
  testing::WriteFile(dir_.Join("manifests/localhost-5000_bad-1/x"), "{");
  try {
    ReadFolderEntries(Store(), ListFolders(Store()).at(0));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("reading manifest list "
                                          "\"localhost-5000_bad-1\": entry "
                                          "\"x\": ",
                                          0),
              0u)
        << e.what();
  }
}

TEST_F(CliListFoldersTest, AFolderNamedForNoReferenceCannotBeRead) {
  std::filesystem::create_directories(dir_.Join("manifests/Not_A_List"));
  auto lists = ListFolders(Store());
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_FALSE(lists[0].ref.has_value());
  EXPECT_THROW(ReadFolderEntries(Store(), lists[0]), Error);
}

TEST(CliPlatformOf, WritesOsArchVariantOrNone) {
  manifest::Record record;
  EXPECT_EQ(PlatformOf(record), kNoPlatform);
  record.descriptor.platform =
      manifest::Platform{"arm", "linux", "", {}, "v7", {}};
  EXPECT_EQ(PlatformOf(record), "linux/arm/v7");
}

}  // namespace
}  // namespace mlist::cli
