// `docker-mlist push --insecure [--purge] LIST` of seven images into
// another repository (so it mounts blobs, puts each child manifest, then
// the list) killed with SIGKILL at random moments of a typical run,
// kRounds times, with and without --purge in turn. After each kill docker
// manifest and docker mlist read the store alike and every file in
// manifests/ is a whole record; without --purge the local list is exactly
// as before; with it, the list is as before or gone, and gone only once
// the registry holds the list. A clean push ends the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "reference/reference.h"
#include "registry/media_types.h"
#include "store/layout.h"
#include "support/cli_text.h"
#include "support/crash_kit.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/paths.h"
#include "support/registry.h"
#include "support/server_process.h"
#include "support/temp_dir.h"
#include "support/test_http.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

constexpr int kRounds = 160;
constexpr int kTimingRuns = 3;
constexpr size_t kTypicalOf = 5;
constexpr auto kPoll = microseconds(500);

// The files of a list folder by name, with their bytes; empty when the
// folder is missing.
using Snapshot = std::map<std::string, std::string>;

Snapshot TakeSnapshot(const std::string& dir) {
  Snapshot files;
  for (const std::string& name : DirNames(dir)) {
    files[name] = ReadFile(dir + "/" + name);
  }
  return files;
}

microseconds Since(Clock::time_point start) {
  return std::chrono::duration_cast<microseconds>(Clock::now() - start);
}

// What the rounds left, for the summary line.
struct Tally {
  int killed = 0;
  int ended_first = 0;
  int list_in_registry = 0;  // the list was put before the kill
  int purged = 0;            // a --purge round left no local list
};

class PushCrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ =
        StartRegistryWithImages("app", SevenPlatforms(), ImageFormat::kDocker);
  }
  static void TearDownTestSuite() { registry_.reset(); }

  void SetUp() override {
    seed_ = CrashSeed();
    rng_.seed(seed_);
    list_ = registry_->host_port() + "/pushed:crash";
    list_dir_ = cli_.config_dir() + "/manifests/" +
                store::ListName(reference::Parse(list_));
    Create();
  }

  // REGISTRY/app:p-<n> for the seven platforms.
  static std::vector<std::string> Images() {
    std::vector<std::string> out;
    for (size_t n = 0; n < SevenPlatforms().size(); ++n) {
      out.push_back(registry_->host_port() + "/app:p-" + std::to_string(n));
    }
    return out;
  }

  void Create() {
    auto r = cli_.Plugin(Cat({"create", "--insecure", list_}, Images()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::unique_ptr<ServerProcess> StartPush(bool purge) {
    std::vector<std::string> argv = {PluginBinary(), "--config",
                                     cli_.config_dir(), "push", "--insecure"};
    if (purge) {
      argv.push_back("--purge");
    }
    argv.push_back(list_);
    return std::make_unique<ServerProcess>(argv, logs_.Join("out"),
                                           logs_.Join("err"));
  }

  // Waits for p, which started at start, to end by itself: its time
  // joins timings_, so that kill times follow the machine's pace.
  void Finish(ServerProcess& p, Clock::time_point start) {
    while (p.Running()) {
      std::this_thread::sleep_for(kPoll);
    }
    timings_.push_back(Since(start));
    EXPECT_EQ(p.exit_code(), 0) << ReadFile(logs_.Join("err"));
  }

  // Runs a push to its end; returns the digest it printed.
  std::string RunPush(bool purge) {
    auto start = Clock::now();
    auto p = StartPush(purge);
    Finish(*p, start);
    return LastLine(ReadFile(logs_.Join("out")));
  }

  // Starts a push and kills it after delay. Returns false when it ended
  // first.
  bool PushAndKill(bool purge, microseconds delay) {
    auto start = Clock::now();
    auto p = StartPush(purge);
    while (p->Running()) {
      if (Since(start) >= delay) {
        return KillNow(*p);
      }
      std::this_thread::sleep_for(kPoll);
    }
    Finish(*p, start);
    return false;
  }

  // The median of the last kTypicalOf runs that were not killed.
  microseconds Typical() const {
    size_t n = std::min(timings_.size(), kTypicalOf);
    std::vector<microseconds> runs(timings_.end() - n, timings_.end());
    std::sort(runs.begin(), runs.end());
    return runs.at(runs.size() / 2);
  }

  // When to kill, from the start: in half the rounds anywhere in a
  // typical run; in the other half late, from its last quarter to a
  // quarter past its end, where the list is put and --purge removes it
  // (a short moment that uniform times seldom hit). Rounds go in pairs,
  // one without --purge and one with it.
  microseconds PickDelay(int round) {
    long typical = Typical().count();
    bool late = round / 2 % 2 == 1;
    std::uniform_int_distribution<long> pick(late ? typical * 3 / 4 : 0,
                                             late ? typical * 5 / 4 : typical);
    return microseconds(pick(rng_));
  }

  // The digest the registry gives the list's tag; "" when it has none.
  static std::string RegistryDigest() {
    auto r =
        registry_->Client().Get("/v2/pushed/manifests/crash",
                                {{"Accept", registry::kDockerManifestList}});
    return r.status == 200 ? r.Header("Docker-Content-Digest") : "";
  }

  // Deletes the list from the registry (its tag goes with it), so that
  // a round shows whether the push it killed had put the list.
  static void DeleteFromRegistry(const std::string& digest) {
    TestHttpRequest request;
    request.method = "DELETE";
    request.target = "/v2/pushed/manifests/" + digest;
    int status = registry_->Client().Send(request).status;
    EXPECT_TRUE(status == 202 || status == 404) << status;
  }

  // Checks the store after a kill; returns whether the list is still
  // there. Only a --purge push may remove it, and only once the list is
  // in the registry.
  bool CheckStore(bool purge, bool in_registry) {
    ExpectWholeRecords(cli_.config_dir());
    std::string plain = InspectBoth(cli_, list_);
    InspectBoth(cli_, list_, {"--verbose"});
    if (!fs::exists(list_dir_)) {
      EXPECT_TRUE(purge) << "a push without --purge removed the list";
      EXPECT_TRUE(in_registry) << "the list went before it was pushed";
      return false;
    }
    EXPECT_EQ(TakeSnapshot(list_dir_), files_);
    EXPECT_EQ(plain, before_);
    return true;
  }

  void PrintRounds(const Tally& t) const {
    std::cout << "[ crash ] push of 7 into another repository: typical run "
              << Typical().count() / 1000 << " ms; " << kRounds << " rounds, "
              << t.killed << " killed (" << t.ended_first
              << " ended first); the list reached the registry in "
              << t.list_in_registry << " rounds, --purge removed the local "
              << "list in " << t.purged << "; seed " << seed_ << "\n";
  }

  static std::unique_ptr<TestRegistry> registry_;
  TempDir logs_;
  DockerCli cli_;
  unsigned seed_ = 0;
  std::mt19937 rng_;
  std::string list_;
  std::string list_dir_;
  std::vector<microseconds> timings_;
  // The local list before any push, and its files.
  std::string before_;
  Snapshot files_;
};

std::unique_ptr<TestRegistry> PushCrashTest::registry_;

TEST_F(PushCrashTest, KilledPushKeepsTheListOrPurgesItOncePushed) {
  SCOPED_TRACE("MLIST_CRASH_SEED=" + std::to_string(seed_));
  before_ = InspectBoth(cli_, list_);
  files_ = TakeSnapshot(list_dir_);
  ASSERT_NE(before_, "");
  ASSERT_EQ(files_.size(), SevenPlatforms().size());
  std::string digest;
  for (int i = 0; i < kTimingRuns; ++i) {
    digest = RunPush(false);
  }
  ASSERT_EQ(RegistryDigest(), digest);

  Tally tally;
  for (int round = 0; round < kRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    bool purge = round % 2 == 1;
    DeleteFromRegistry(digest);
    bool killed = PushAndKill(purge, PickDelay(round));
    tally.killed += killed ? 1 : 0;
    tally.ended_first += killed ? 0 : 1;
    std::string pushed = RegistryDigest();
    EXPECT_TRUE(pushed == "" || pushed == digest) << pushed;
    tally.list_in_registry += pushed == digest ? 1 : 0;
    if (!CheckStore(purge, pushed == digest)) {
      ++tally.purged;
      Create();
    }
  }
  PrintRounds(tally);

  // A clean push over what the kills left.
  std::string last = RunPush(false);
  EXPECT_EQ(last, digest);
  EXPECT_EQ(RegistryDigest(), last);
  EXPECT_EQ(TakeSnapshot(list_dir_), files_);
}

}  // namespace
}  // namespace mlist::testing
