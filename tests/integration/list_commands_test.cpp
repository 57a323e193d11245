// ls, rm --all and shell completion of local lists driven by the real
// docker CLI through the plugin mechanism, on a store that holds lists of
// both tools; docker manifest must agree about what is left.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/docker_cli.h"
#include "support/store_seed.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;

// No switch from the caller's environment may change the answers.
const std::vector<std::string> kPlainEnv = {
    "DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION",
    "DOCKER_COMPLETION_DESCRIPTIONS", "COBRA_COMPLETION_DESCRIPTIONS"};

std::vector<std::string> WithEnv(const std::string& setting) {
  std::vector<std::string> env = kPlainEnv;
  env.push_back(setting);
  return env;
}

class ListCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(HaveDocker()) << "the docker CLI is needed (install/deps.sh)";
    SeedOurList(cli_.config_dir(), "localhost:5000/app:1", {"v2a", "ocia"});
    SeedDockerList(cli_.config_dir(), "localhost-5000_app-2", {"weird"});
  }

  base::ProcessResult Docker(const std::vector<std::string>& args,
                             const std::vector<std::string>& env = kPlainEnv) {
    return cli_.Docker(args, env);
  }

  DockerCli cli_;
};

const char kListsWithDescriptions[] =
    "localhost:5000/app:1\t2 entries: linux/arm64/v8, linux/amd64\n"
    "localhost:5000/app:2\t1 entry: linux/amd64\n"
    ":4\n";
const char kListsBare[] = "localhost:5000/app:1\nlocalhost:5000/app:2\n:4\n";

TEST_F(ListCommandsTest, LsShowsBothToolsLists) {
  auto r = Docker({"mlist", "ls"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "NAME                   ENTRIES   PLATFORMS\n"
            "localhost:5000/app:1   2         linux/arm64/v8, linux/amd64\n"
            "localhost-5000_app-2   1         linux/amd64\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(ListCommandsTest, RmAllLeavesDockerManifestAnEmptyStore) {
  auto r = Docker({"mlist", "rm", "--all"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  // docker manifest rm looks only at the local store: it finds neither.
  auto theirs = Docker(
      {"manifest", "rm", "localhost:5000/app:1", "localhost:5000/app:2"});
  EXPECT_EQ(theirs.exit_code, 1);
  EXPECT_EQ(theirs.err,
            "No such manifest: localhost:5000/app:1\n"
            "No such manifest: localhost:5000/app:2\n");
  EXPECT_TRUE(fs::is_empty(cli_.config_dir() + "/manifests"));
  EXPECT_EQ(Docker({"mlist", "ls", "-q"}).out, "");
}

TEST_F(ListCommandsTest, CompletionThroughDockerOffersLocalLists) {
  for (const char* command : {"push", "rm", "annotate", "inspect"}) {
    SCOPED_TRACE(command);
    auto r = Docker({"__complete", "mlist", command, ""});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, kListsWithDescriptions);
  }
}

TEST_F(ListCommandsTest, CompletionThroughDockerOffersEntries) {
  std::string v2a = SeedDigest("v2a").substr(0, 19);
  auto r = Docker({"__complete", "mlist", "annotate", "localhost:5000/app:1",
                   "127.0.0.1:5555/app:v"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "127.0.0.1:5555/app:v2a\tlinux/amd64 " + v2a + "\n:4\n");
}

TEST_F(ListCommandsTest, DockersSwitchTurnsDescriptionsOff) {
  // What docker's own completion script sends when the variable is set:
  // __completeNoDesc, which docker passes on to plugins as __complete;
  // the variable reaches the plugin through the environment.
  auto env = WithEnv("DOCKER_CLI_DISABLE_COMPLETION_DESCRIPTION=1");
  for (const char* request : {"__complete", "__completeNoDesc"}) {
    SCOPED_TRACE(request);
    auto r = Docker({request, "mlist", "push", ""}, env);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, kListsBare);
  }
  // Set for the plugin alone, run on its own.
  auto standalone = cli_.Plugin({"__complete", "push", ""}, env);
  EXPECT_EQ(standalone.out, kListsBare);
  EXPECT_EQ(cli_.Plugin({"__completeNoDesc", "push", ""}, kPlainEnv).out,
            kListsBare);
  EXPECT_EQ(Docker({"__complete", "mlist", "push", ""},
                   WithEnv("DOCKER_COMPLETION_DESCRIPTIONS=false"))
                .out,
            kListsBare);
}

}  // namespace
}  // namespace mlist::testing
