#include "cli/list_completion.h"

#include <gtest/gtest.h>

#include "cli/context.h"
#include "store_dir_test.h"
#include "support/store_seed.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

using Lines = std::vector<std::string>;

std::string Short(const std::string& tag) {
  return testing::SeedDigest(tag).substr(0, 19);
}

using CliListCompletionTest = StoreDirTest;

TEST_F(CliListCompletionTest, NoStoreOffersNothing) {
  EXPECT_EQ(ListCandidates(Store(), "", {}), Lines{});
  EXPECT_EQ(EntryCandidates(Store(), "localhost:5000/app:1", ""), Lines{});
}

TEST_F(CliListCompletionTest, ListsComeWithTheirEntriesPlatforms) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a"});
  testing::SeedOurList(dir_.path(), "localhost:5000/app:2", {"v2a", "ocia"});
  testing::SeedDockerList(dir_.path(), "localhost-5000_app-3",
                          {"v2a", "ocia", "weird"});
  // A fourth entry: the description is cut after three platforms.
  testing::WriteFile(dir_.Join("manifests/localhost-5000_app-3/zzz"),
                     testing::SeedRecord("ocia"));
  EXPECT_EQ(ListCandidates(Store(), "", {}),
            (Lines{"localhost:5000/app:1\t1 entry: linux/amd64",
                   "localhost:5000/app:2\t2 entries: linux/arm64/v8, "
                   "linux/amd64",
                   "localhost:5000/app:3\t4 entries: linux/arm64/v8, "
                   "linux/amd64, linux/amd64, ..."}));
}

TEST_F(CliListCompletionTest, DockersListsAreNamedAfterTheirEntries) {
  // Without the entries, "127.0.0.1:5555/app-1.0:rc" would name the same
  // folder; pushing to it would pick the wrong repository.
  testing::SeedDockerList(dir_.path(), "127.0.0.1-5555_app-1.0-rc", {"v2a"});
  EXPECT_EQ(ListCandidates(Store(), "", {}),
            Lines{"127.0.0.1:5555/app:1.0-rc\t1 entry: linux/amd64"});
}

TEST_F(CliListCompletionTest, MatchesTheFullOrTheShortForm) {
  testing::SeedOurList(dir_.path(), "app:1", {"v2a"});
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a"});
  EXPECT_EQ(ListCandidates(Store(), "ap", {}),
            Lines{"app:1\t1 entry: linux/amd64"});
  EXPECT_EQ(ListCandidates(Store(), "docker.io/", {}),
            Lines{"docker.io/library/app:1\t1 entry: linux/amd64"});
  EXPECT_EQ(ListCandidates(Store(), "localhost:5000/app:1", {}),
            Lines{"localhost:5000/app:1\t1 entry: linux/amd64"});
  EXPECT_EQ(ListCandidates(Store(), "x", {}), Lines{});
}

TEST_F(CliListCompletionTest, ListsAlreadyNamedAreLeftOut) {
  testing::SeedOurList(dir_.path(), "app:1", {"v2a"});
  testing::SeedOurList(dir_.path(), "app:2", {"v2a"});
  EXPECT_EQ(ListCandidates(Store(), "", {"app:1", "not a reference"}),
            Lines{"docker.io/library/app:2\t1 entry: linux/amd64"});
}

TEST_F(CliListCompletionTest, AnUnreadableListIsStillOffered) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a"});
  testing::WriteFile(dir_.Join("manifests/localhost-5000_app-1/bad"), "{");
  EXPECT_EQ(ListCandidates(Store(), "", {}),
            Lines{"localhost:5000/app:1\tunreadable manifest list"});
  EXPECT_EQ(EntryCandidates(Store(), "localhost:5000/app:1", ""), Lines{});
}

TEST_F(CliListCompletionTest, EntriesWithPlatformAndShortDigest) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1",
                       {"v2a", "ocia", "weird"});
  EXPECT_EQ(EntryCandidates(Store(), "localhost:5000/app:1", ""),
            (Lines{"127.0.0.1:5555/app:ocia\tlinux/arm64/v8 " + Short("ocia"),
                   "127.0.0.1:5555/app:v2a\tlinux/amd64 " + Short("v2a"),
                   "127.0.0.1:5555/app:weird\tlinux/amd64 " + Short("weird")}));
  EXPECT_EQ(
      EntryCandidates(Store(), "localhost:5000/app:1", "127.0.0.1:5555/app:w"),
      Lines{"127.0.0.1:5555/app:weird\tlinux/amd64 " + Short("weird")});
  EXPECT_EQ(EntryCandidates(Store(), "localhost:5000/app:2", ""), Lines{});
  EXPECT_EQ(EntryCandidates(Store(), "Not A Reference", ""), Lines{});
}

TEST_F(CliListCompletionTest, EntriesOfDockersListsToo) {
  testing::SeedDockerList(dir_.path(), "localhost-5000_app-1", {"v2a"});
  EXPECT_EQ(EntryCandidates(Store(), "localhost:5000/app:1", "127"),
            Lines{"127.0.0.1:5555/app:v2a\tlinux/amd64 " + Short("v2a")});
}

TEST_F(CliListCompletionTest, PlatformsCommonOnesThenLocalOnes) {
  EXPECT_EQ(PlatformCandidates(nullptr, "linux/arm"),
            (Lines{"linux/arm64", "linux/arm/v7", "linux/arm/v6"}));
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a", "ocia"});
  store::Store store = Store();
  EXPECT_EQ(PlatformCandidates(&store, "linux/arm64"),
            (Lines{"linux/arm64", "linux/arm64/v8"}));
  EXPECT_EQ(PlatformCandidates(&store, "linux/amd64,linux/s"),
            Lines{"linux/amd64,linux/s390x"});
  EXPECT_EQ(PlatformCandidates(&store, "w"), Lines{"windows/amd64"});
}

}  // namespace
}  // namespace mlist::cli
