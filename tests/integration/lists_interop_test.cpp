// create, annotate, inspect and rm of local lists, run with `docker
// manifest` in one config directory and `docker mlist` in another on the
// same inputs: the same output, the same exit codes and the same store,
// file for file and byte for byte. Then each tool reads what the other
// wrote.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;

// Every file under dir/manifests, by relative path.
std::map<std::string, std::string> StoreFiles(const std::string& dir) {
  std::map<std::string, std::string> files;
  fs::path root = fs::path(dir) / "manifests";
  if (!fs::exists(root)) {
    return files;
  }
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) {
      files[fs::relative(e.path(), root).string()] = ReadFile(e.path());
    }
  }
  return files;
}

class ListsInteropTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { registry_ = StartSeededRegistry("app"); }
  static void TearDownTestSuite() { registry_.reset(); }

  std::string Ref(const std::string& rest) const {
    return registry_->host_port() + "/" + rest;
  }
  std::vector<std::string> Images(const std::string& prefix) const {
    std::vector<std::string> out;
    for (int i = 0; i < 7; ++i) {
      out.push_back(Ref("app:" + prefix + "-" + std::to_string(i)));
    }
    return out;
  }

  // Runs `docker manifest ARGS` in docker_'s config directory and `docker
  // mlist ARGS` in ours; expects the same output and exit code, and the
  // same store afterwards. Returns docker's exit code.
  int ExpectSame(const std::vector<std::string>& args) {
    std::string shown;
    for (const auto& a : args) {
      shown += a + " ";
    }
    SCOPED_TRACE(shown);
    std::vector<std::string> d = {"manifest"};
    std::vector<std::string> m = {"mlist"};
    d.insert(d.end(), args.begin(), args.end());
    m.insert(m.end(), args.begin(), args.end());
    auto want = docker_.Docker(d);
    auto got = ours_.Docker(m);
    EXPECT_EQ(got.exit_code, want.exit_code);
    EXPECT_EQ(got.out, want.out);
    EXPECT_EQ(got.err, want.err);
    EXPECT_EQ(StoreFiles(ours_.config_dir()), StoreFiles(docker_.config_dir()));
    return want.exit_code;
  }

  static std::unique_ptr<TestRegistry> registry_;
  DockerCli docker_;
  DockerCli ours_;
};

std::unique_ptr<TestRegistry> ListsInteropTest::registry_;

TEST_F(ListsInteropTest, CreateSevenPlatformsInBothFormats) {
  for (const char* format : {"v2", "oci"}) {
    std::string list = Ref(std::string("app:list-") + format);
    EXPECT_EQ(ExpectSame(Cat({"create", "--insecure", list}, Images(format))),
              0);
    EXPECT_EQ(StoreFiles(ours_.config_dir()).size(),
              format == std::string("v2") ? 7u : 14u);
    EXPECT_EQ(ExpectSame({"inspect", list}), 0);
    EXPECT_EQ(ExpectSame({"inspect", "-v", list}), 0);
    EXPECT_EQ(ExpectSame({"inspect", list, Images(format)[2]}), 0);
    EXPECT_EQ(ExpectSame({"inspect", "-v", list, Images(format)[2]}), 0);
  }
}

TEST_F(ListsInteropTest, CreateTwiceNeedsAmend) {
  std::string list = Ref("app:amend");
  auto first = Images("v2");
  first.resize(3);
  EXPECT_EQ(ExpectSame(Cat({"create", "--insecure", list}, first)), 0);
  // docker's refusal, with the other way out added.
  auto theirs = docker_.Docker(
      {"manifest", "create", "--insecure", list, Images("v2")[3]});
  auto ours =
      ours_.Docker({"mlist", "create", "--insecure", list, Images("v2")[3]});
  EXPECT_EQ(theirs.exit_code, 1);
  EXPECT_EQ(ours.exit_code, 1);
  std::string want = theirs.err;
  want.insert(want.size() - 1, " (or remove it first with `docker mlist rm`)");
  EXPECT_EQ(ours.err, want);
  EXPECT_EQ(
      ExpectSame({"create", "--amend", "--insecure", list, Images("v2")[3]}),
      0);
  EXPECT_EQ(StoreFiles(ours_.config_dir()).size(), 4u);
}

TEST_F(ListsInteropTest, AnnotateEachFlag) {
  std::string list = Ref("app:annotated");
  EXPECT_EQ(ExpectSame(Cat({"create", "--insecure", list}, Images("oci"))), 0);
  std::string arm = Images("oci")[2];
  const std::vector<std::vector<std::string>> steps = {
      {"--os-features", "a,b"},
      {"--os-features", "b", "--os-features", "c"},
      {"--variant", "v8"},
      {"--os-version", "10.0.1"},
      {"--os", "linux", "--arch", "arm64"},
      {"--os", "windows", "--arch", "amd64", "--os-version", "10.0.17763"},
  };
  for (const auto& flags : steps) {
    EXPECT_EQ(ExpectSame(Cat(Cat({"annotate"}, flags), {list, arm})), 0);
  }
  EXPECT_EQ(ExpectSame({"inspect", list}), 0);
  EXPECT_EQ(ExpectSame({"inspect", "--verbose", list}), 0);
}

TEST_F(ListsInteropTest, AnnotateOfAMissingEntryFailsAlike) {
  std::string list = Ref("app:missing-entry");
  EXPECT_EQ(ExpectSame({"create", "--insecure", list, Images("v2")[0]}), 0);
  EXPECT_EQ(ExpectSame({"annotate", "--os", "linux", list, Images("v2")[1]}),
            1);
  EXPECT_EQ(ExpectSame({"annotate", "--os", "linux", Ref("app:nolist"),
                        Images("v2")[1]}),
            1);
}

TEST_F(ListsInteropTest, RemoveListsAndMissingOnes) {
  std::string a = Ref("app:rm-a");
  std::string b = Ref("app:rm-b");
  EXPECT_EQ(ExpectSame({"create", "--insecure", a, Images("v2")[0]}), 0);
  EXPECT_EQ(ExpectSame({"create", "--insecure", b, Images("v2")[1]}), 0);
  EXPECT_EQ(ExpectSame({"rm", a, Ref("app:rm-none"), b}), 1);
  EXPECT_TRUE(StoreFiles(ours_.config_dir()).empty());
  EXPECT_EQ(ExpectSame({"rm", a}), 1);
}

TEST_F(ListsInteropTest, EachToolReadsWhatTheOtherWrote) {
  // One config directory, both tools.
  DockerCli both;
  std::string by_docker = Ref("app:by-docker");
  std::string by_us = Ref("app:by-us");
  auto r1 = both.Docker(
      Cat({"manifest", "create", "--insecure", by_docker}, Images("v2")));
  ASSERT_EQ(r1.exit_code, 0) << r1.err;
  auto r2 =
      both.Docker(Cat({"mlist", "create", "--insecure", by_us}, Images("v2")));
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  for (const char* verbose : {"", "-v"}) {
    std::vector<std::string> flags;
    if (*verbose != '\0') {
      flags.push_back(verbose);
    }
    auto theirs_by_us =
        both.Docker(Cat(Cat({"mlist", "inspect"}, flags), {by_docker}));
    auto theirs =
        both.Docker(Cat(Cat({"manifest", "inspect"}, flags), {by_docker}));
    auto ours_by_them =
        both.Docker(Cat(Cat({"manifest", "inspect"}, flags), {by_us}));
    EXPECT_EQ(theirs_by_us.exit_code, 0) << theirs_by_us.err;
    EXPECT_EQ(ours_by_them.exit_code, 0) << ours_by_them.err;
    EXPECT_EQ(theirs_by_us.out, theirs.out);
    // The same images give the same list, whoever stored it.
    EXPECT_EQ(ours_by_them.out, theirs.out);
  }
}

TEST_F(ListsInteropTest, UnknownOsArchIsAWarningNotARefusal) {
  // docker refuses pairs outside its table; we warn and keep the change.
  std::string list = Ref("app:new-port");
  ASSERT_EQ(ExpectSame({"create", "--insecure", list, Images("v2")[0]}), 0);
  auto theirs = docker_.Docker(
      {"manifest", "annotate", "--arch", "loong64", list, Images("v2")[0]});
  EXPECT_EQ(theirs.exit_code, 1);
  auto r = ours_.Docker(
      {"mlist", "annotate", "--arch", "loong64", list, Images("v2")[0]});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "WARNING: unknown os/arch combination linux/loong64 (known for "
            "linux: 386, amd64, arm, arm64, ppc64le, mips64, mips64le, "
            "riscv64, s390x)\n");
  auto inspect = ours_.Docker({"mlist", "inspect", list});
  EXPECT_NE(inspect.out.find("\"architecture\": \"loong64\""),
            std::string::npos)
      << inspect.out;
}

TEST_F(ListsInteropTest, AListSourceGivesItsEntriesAndDockerReadsThem) {
  std::string list = Ref("app:lists-in");
  ASSERT_EQ(ExpectSame(Cat({"create", "--insecure", list}, Images("v2"))), 0);
  // A list in the registry, pushed by docker, named as a source.
  auto pushed = docker_.Docker({"manifest", "push", "--insecure", list});
  ASSERT_EQ(pushed.exit_code, 0) << pushed.err;
  std::string of_lists = Ref("app:of-lists");
  auto r = ours_.Docker({"mlist", "create", "--insecure", of_lists, list});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Its entries are the pushed list's; docker reads them from our store
  // and rebuilds the very list it pushed.
  auto theirs = ours_.Docker({"manifest", "inspect", of_lists});
  ASSERT_EQ(theirs.exit_code, 0) << theirs.err;
  auto ours = ours_.Docker({"mlist", "inspect", of_lists});
  EXPECT_EQ(ours.out, theirs.out);
  // The same entries; their order is the store's (file names), as in
  // every list docker manifest keeps.
  auto raw = ours_.Docker({"mlist", "inspect", "--raw", of_lists}).out;
  for (const auto& image : Images("v2")) {
    EXPECT_NE(raw.find(FetchInsecure(image).digest), std::string::npos);
  }
  EXPECT_EQ(std::count(raw.begin(), raw.end(), '{'),
            std::count(theirs.out.begin(), theirs.out.end(), '{'));
}

}  // namespace
}  // namespace mlist::testing
