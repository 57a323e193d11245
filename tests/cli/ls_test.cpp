#include "cli/ls.h"

#include <gtest/gtest.h>

#include <sstream>

#include "run_cli.h"
#include "support/store_seed.h"
#include "support/temp_dir.h"

namespace mlist::cli {
namespace {

class CliLsTest : public ::testing::Test {
 protected:
  CliResult Ls(std::vector<std::string> args = {}) {
    args.insert(args.begin(), {"mlist", "ls"});
    Environment env;
    env.Set("DOCKER_CONFIG", dir_.path());
    return RunCli(args, true, env);
  }

  // One list of ours and one of docker's, in folder-name order.
  void SeedTwo() {
    testing::SeedOurList(dir_.path(), "localhost:5000/app:1.0",
                         {"v2a", "ocia", "weird"});
    testing::SeedDockerList(dir_.path(), "localhost-5000_other-2", {"v2a"});
  }

  testing::TempDir dir_;
};

TEST_F(CliLsTest, AnEmptyStoreIsTheHeaderAlone) {
  auto r = Ls();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "NAME      ENTRIES   PLATFORMS\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliLsTest, TableNamesEntriesAndPlatformsInTheStoresOrder) {
  SeedTwo();
  auto r = Ls();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "NAME                     ENTRIES   PLATFORMS\n"
            "localhost:5000/app:1.0   3         linux/arm64/v8, linux/amd64, "
            "linux/amd64\n"
            "localhost-5000_other-2   1         linux/amd64\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliLsTest, QuietPrintsTheNamesAlone) {
  SeedTwo();
  for (const char* flag : {"-q", "--quiet"}) {
    auto r = Ls({flag});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "localhost:5000/app:1.0\nlocalhost-5000_other-2\n");
  }
}

TEST_F(CliLsTest, JsonIsOneCompactObjectALine) {
  SeedTwo();
  auto r = Ls({"--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "{\"Name\":\"localhost:5000/app:1.0\",\"Entries\":3,\"Platforms\":"
            "[\"linux/arm64/v8\",\"linux/amd64\",\"linux/amd64\"]}\n"
            "{\"Name\":\"localhost-5000_other-2\",\"Entries\":1,\"Platforms\":"
            "[\"linux/amd64\"]}\n");
  EXPECT_EQ(Ls({"--format=table"}).out, Ls().out);
}

TEST_F(CliLsTest, AnUnreadableListIsMarkedAndWarnedAbout) {
  SeedTwo();
  testing::WriteFile(dir_.Join("manifests/localhost-5000_bad-1/entry"),
                     "{\"Ref\":");
  auto r = Ls();
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "NAME                     ENTRIES   PLATFORMS\n"
            "localhost:5000/app:1.0   3         linux/arm64/v8, linux/amd64, "
            "linux/amd64\n"
            "localhost-5000_bad-1     ?         <unreadable>\n"
            "localhost-5000_other-2   1         linux/amd64\n");
  EXPECT_EQ(r.err.rfind("WARNING: reading manifest list "
                        "\"localhost-5000_bad-1\": entry \"entry\": ",
                        0),
            0u)
      << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);

  auto json = Ls({"--format", "json"});
  EXPECT_NE(json.out.find("{\"Name\":\"localhost-5000_bad-1\",\"Entries\":"
                          "null,\"Platforms\":null,\"Error\":\"reading "
                          "manifest list \\\"localhost-5000_bad-1\\\": "),
            std::string::npos)
      << json.out;
  // Names need no records.
  auto quiet = Ls({"-q"});
  EXPECT_EQ(quiet.err, "");
  EXPECT_NE(quiet.out.find("localhost-5000_bad-1\n"), std::string::npos);
}

TEST_F(CliLsTest, ATemplateRunsOverEachListsObject) {
  SeedTwo();
  auto r = Ls({"--format",
               "{{.Name}} {{.Entries}}{{range .Platforms}} "
               "{{.}}{{end}}"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "localhost:5000/app:1.0 3 linux/arm64/v8 linux/amd64 linux/amd64\n"
            "localhost-5000_other-2 1 linux/amd64\n");
}

TEST_F(CliLsTest, ATemplateOutsideTheSubsetFailsBeforeReadingTheStore) {
  SeedTwo();
  auto r = Ls({"--format", "{{if .Name}}x{{end}}"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.rfind("template: unsupported action", 0), 0u) << r.err;
}

TEST_F(CliLsTest, UsageErrorsAsDockersNoArgs) {
  // docker's NoArgs, as `docker context ls x` words it.
  auto args = Ls({"x"});
  EXPECT_EQ(args.exit_code, 1);
  EXPECT_EQ(args.err,
            "docker: 'docker mlist ls' accepts no arguments\n\nUsage:  docker "
            "mlist ls [OPTIONS]\n\nRun 'docker mlist ls --help' for more "
            "information\n");
}

TEST(CliLsTable, AlignsAsDockersTabwriter) {
  // Columns are the widest cell plus 3, at least 10; the last is not
  // padded.
  std::ostringstream out;
  WriteLsTable(
      {{"a", std::vector<std::string>{}, ""},
       {"a-much-longer-name", std::vector<std::string>(12, "x/y"), ""}},
      out);
  EXPECT_EQ(out.str(),
            "NAME                 ENTRIES   PLATFORMS\n"
            "a                    0         \n"
            "a-much-longer-name   12        x/y, x/y, x/y, x/y, x/y, x/y, "
            "x/y, x/y, x/y, x/y, x/y, x/y\n");
}

}  // namespace
}  // namespace mlist::cli
