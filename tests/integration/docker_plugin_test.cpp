// docker-mlist driven by the real docker CLI through the plugin mechanism,
// checked against what `docker manifest` itself prints.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "metadata.h"
#include "support/docker_cli.h"
#include "support/paths.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

class DockerPluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(HaveDocker()) << "the docker CLI is needed (install/deps.sh)";
  }

  // What docker prints for `docker manifest ARGS`, with the command name
  // changed to ours: the text docker-mlist must print.
  std::string AsMlist(std::string text) {
    text =
        std::regex_replace(text, std::regex("docker manifest"), "docker mlist");
    return text;
  }

  DockerCli cli_;
};

TEST_F(DockerPluginTest, DockerHelpListsThePlugin) {
  auto r = cli_.Docker({"--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Plugins are marked with a star in docker's command list.
  std::regex line("\\n  mlist\\*\\s+Manage multi-platform manifest lists\\n");
  EXPECT_TRUE(std::regex_search(r.out, line)) << r.out;
  EXPECT_EQ(r.err.find("mlist"), std::string::npos) << r.err;
}

TEST_F(DockerPluginTest, HelpFlagShowsTheCommands) {
  auto r = cli_.Docker({"mlist", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage:  docker mlist COMMAND"), std::string::npos)
      << r.out;
  for (const char* cmd :
       {"annotate", "create", "inspect", "ls", "push", "rm"}) {
    std::regex row(std::string("\\n  ") + cmd + "\\s+\\S");
    EXPECT_TRUE(std::regex_search(r.out, row)) << cmd << "\n" << r.out;
  }
}

TEST_F(DockerPluginTest, HelpCommandPrintsTheSameHelp) {
  auto flag = cli_.Docker({"mlist", "--help"});
  auto command = cli_.Docker({"help", "mlist"});
  EXPECT_EQ(command.exit_code, 0) << command.err;
  EXPECT_EQ(command.out, flag.out);
}

TEST_F(DockerPluginTest, SubcommandHelpShowsItsFlags) {
  auto r = cli_.Docker({"mlist", "annotate", "--help"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage:  docker mlist annotate [OPTIONS] "
                       "MANIFEST_LIST MANIFEST"),
            std::string::npos)
      << r.out;
  for (const char* flag :
       {"--arch", "--os", "--os-features", "--os-version", "--variant"}) {
    EXPECT_NE(r.out.find(flag), std::string::npos) << flag;
  }
}

// Usage errors read exactly as docker manifest's and exit with its codes.
TEST_F(DockerPluginTest, UsageErrorsMatchDockerManifest) {
  const std::vector<std::vector<std::string>> cases = {
      {"create", "--bogus"},
      {"create"},
      {"bogus"},
      {"annotate", "a"},
      {"push"},
      {"push", "a", "b"},
      {"rm"},
      {"inspect", "a", "b", "c"},
      {"annotate", "a", "b", "--os"},
  };
  for (const auto& args : cases) {
    std::string shown;
    for (const auto& a : args) {
      shown += a + " ";
    }
    SCOPED_TRACE(shown);
    std::vector<std::string> docker_args = {"manifest"};
    std::vector<std::string> our_args = {"mlist"};
    docker_args.insert(docker_args.end(), args.begin(), args.end());
    our_args.insert(our_args.end(), args.begin(), args.end());
    auto want = cli_.Docker(docker_args);
    auto got = cli_.Docker(our_args);
    EXPECT_NE(want.exit_code, 0);
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.err, AsMlist(want.err));
    EXPECT_EQ(got.out, "");
  }
}

TEST_F(DockerPluginTest, CloseCommandNameGetsASuggestion) {
  // docker prints no suggestion; we add cobra's after docker's own text.
  auto want = cli_.Docker({"manifest", "crate"});
  auto got = cli_.Docker({"mlist", "crate"});
  EXPECT_EQ(got.exit_code, want.exit_code);
  std::string first_line = AsMlist(want.err.substr(0, want.err.find('\n')));
  EXPECT_EQ(got.err.rfind(first_line + "\n", 0), 0u) << got.err;
  EXPECT_NE(got.err.find("Did you mean this?\n\tcreate\n"), std::string::npos)
      << got.err;
}

TEST_F(DockerPluginTest, BadFlagExits125) {
  auto r = cli_.Docker({"mlist", "push", "--nope", "x"});
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_EQ(r.err.rfind("unknown flag: --nope\n", 0), 0u) << r.err;
}

TEST_F(DockerPluginTest, GlobalFlagsBeforeThePluginAreAccepted) {
  // docker hands its own flags on; they must not be taken for ours.
  auto r = cli_.Docker({"-D", "--log-level", "debug", "mlist", "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Usage:  docker mlist COMMAND"), std::string::npos);
}

TEST_F(DockerPluginTest, ConfigFlagBeatsDockerConfig) {
  // DOCKER_CONFIG names a good config; --config one that is broken: the
  // plugin must read the flag's, which docker does not export for it.
  TempDir other;
  std::filesystem::create_directories(other.Join("cli-plugins"));
  std::filesystem::copy_file(PluginBinary(),
                             other.Join("cli-plugins/docker-mlist"));
  WriteFile(other.Join("config.json"), "{\"auths\": [}");
  WriteFile(cli_.config_dir() + "/config.json", "{}");
  auto r = cli_.Docker({"--config", other.path(), "mlist", "rm", "x"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("parsing config file \"" + other.path() +
                       "/config.json\": invalid JSON at offset 11"),
            std::string::npos)
      << r.err;
  auto standalone = cli_.Plugin({"--config", other.path(), "rm", "x"});
  // docker warns about the file too, in its own words, before running us.
  ASSERT_GE(r.err.size(), standalone.err.size());
  EXPECT_EQ(r.err.substr(r.err.size() - standalone.err.size()), standalone.err);
}

TEST_F(DockerPluginTest, DebugFlagTurnsOnTheDebugLog) {
  auto quiet = cli_.Docker({"mlist", "rm", "x"});
  EXPECT_EQ(quiet.err.find("DEBU"), std::string::npos) << quiet.err;
  auto debug = cli_.Docker({"-D", "mlist", "rm", "x"});
  EXPECT_NE(debug.err.find("DEBU[0000] config directory: " + cli_.config_dir() +
                           "\n"),
            std::string::npos)
      << debug.err;
}

TEST_F(DockerPluginTest, StandaloneUsesItsOwnName) {
  auto r = cli_.Plugin({"create", "--bogus"});
  EXPECT_EQ(r.exit_code, 125);
  EXPECT_NE(r.err.find("Usage:  docker-mlist create"), std::string::npos)
      << r.err;
}

TEST_F(DockerPluginTest, CompletionThroughDockerOffersSubcommands) {
  auto r = cli_.Docker({"__complete", "mlist", "cr"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("create"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("inspect"), std::string::npos) << r.out;
  // cobra's protocol ends with the directive line.
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\\n:[0-9]+\\n$"))) << r.out;
}

}  // namespace
}  // namespace mlist::testing
