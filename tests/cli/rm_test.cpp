#include "cli/rm.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "run_cli.h"
#include "support/store_seed.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

namespace fs = std::filesystem;

class CliRmTest : public ::testing::Test {
 protected:
  CliResult Rm(std::vector<std::string> args) {
    args.insert(args.begin(), {"mlist", "rm"});
    Environment env;
    env.Set("DOCKER_CONFIG", dir_.path());
    return RunCli(args, true, env);
  }

  size_t ListCount() const {
    fs::path root = dir_.Join("manifests");
    if (!fs::exists(root)) {
      return 0;
    }
    return std::distance(fs::directory_iterator(root),
                         fs::directory_iterator());
  }

  testing::TempDir dir_;
};

TEST_F(CliRmTest, AllRemovesOursAndDockers) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1.0-rc",
                       {"v2a", "ocia"});
  testing::SeedOurList(dir_.path(), "localhost:5000/app:2", {"weird"});
  testing::SeedDockerList(dir_.path(), "localhost-5000_other-1.0-rc", {"v2a"});
  ASSERT_EQ(ListCount(), 3u);
  auto r = Rm({"--all"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(ListCount(), 0u);
  // Our records of the lists' references went with them.
  EXPECT_TRUE(!fs::exists(dir_.Join("mlist/lists")) ||
              fs::is_empty(dir_.Join("mlist/lists")));
}

TEST_F(CliRmTest, AllOfAnEmptyStoreSucceeds) {
  auto r = Rm({"--all"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST_F(CliRmTest, AllReportsWhatItCannotRemoveAndRemovesTheRest) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a"});
  fs::create_directories(dir_.Join("manifests/Not_A_List"));
  auto r = Rm({"--all"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "removing manifest list \"Not_A_List\": its folder name is no "
            "image reference's\n");
  EXPECT_EQ(ListCount(), 1u);
}

TEST_F(CliRmTest, AllWithListNamesIsAUsageError) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a"});
  auto r = Rm({"--all", "localhost:5000/app:1"});
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_EQ(r.err,
            "--all removes every manifest list and takes no list names\n\n"
            "Usage:  docker mlist rm MANIFEST_LIST [MANIFEST_LIST...]\n\n"
            "Run 'docker mlist rm --help' for more information\n");
  EXPECT_EQ(ListCount(), 1u);
}

TEST_F(CliRmTest, NoListAndNoAllIsDockersArgumentError) {
  auto r = Rm({});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "docker: 'docker mlist rm' requires at least 1 argument\n\n"
            "Usage:  docker mlist rm MANIFEST_LIST [MANIFEST_LIST...]\n\n"
            "See 'docker mlist rm --help' for more information\n");
  // --all=false is no --all.
  EXPECT_EQ(Rm({"--all=false"}).err, r.err);
}

TEST_F(CliRmTest, NamedListsAreRemovedAsBefore) {
  testing::SeedOurList(dir_.path(), "localhost:5000/app:1", {"v2a"});
  testing::SeedDockerList(dir_.path(), "localhost-5000_app-2", {"v2a"});
  auto r = Rm({"localhost:5000/app:1", "localhost:5000/app:none",
               "localhost:5000/app:2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "No such manifest: localhost:5000/app:none\n");
  EXPECT_EQ(ListCount(), 0u);
}

}  // namespace
}  // namespace mlist::cli
