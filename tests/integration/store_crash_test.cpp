// `docker-mlist create` and `create --amend` killed with SIGKILL at
// random moments, over a hundred times in all (a run that ends before
// its kill time counts as no kill): afterwards docker manifest and
// docker mlist read the store alike, and find the old list or the new one
// (none at all before a first create), never a mix; every file in
// manifests/ is a whole record. Kills land anywhere in a typical run, or,
// in two rounds of three, once the store has begun writing or has nearly
// staged the list.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "support/crash_kit.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/paths.h"
#include "support/registry.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::microseconds;

// Few enough that over a hundred rounds, each read back by both tools, take
// well under a minute on two cores; many enough that a create spends a
// while staging records.
constexpr size_t kImages = 32;
constexpr int kCreateRounds = 70;
// Fewer: a round that leaves the new list costs a create to undo.
constexpr int kAmendRounds = 50;
// Before each amend the list holds [0, kOldEnd); the amend names
// [kAmendFrom, kImages).
constexpr size_t kOldEnd = kImages * 3 / 4;
constexpr size_t kAmendFrom = kImages / 4;
constexpr int kTimingRuns = 3;
constexpr size_t kTypicalOf = 5;
constexpr auto kPoll = microseconds(500);

// What a create has done so far, seen from the staging folder mlist/tmp
// where the store writes every file before renaming it into place.
class StagingProbe {
 public:
  // entries: how many records the new list will hold.
  StagingProbe(std::string dir, size_t entries)
      : dir_(std::move(dir)), entries_(entries), before_(DirNames(dir_)) {}

  // Whether anything new appeared: the store began writing.
  bool Writing() const { return DirNames(dir_) != before_; }

  // Whether a new folder holds three quarters of the records: the list
  // is nearly staged, and soon renamed into place. (The moment it holds
  // all of them is often too short for polling to see.)
  bool Staged() const {
    for (const auto& name : DirNames(dir_)) {
      if (before_.count(name) == 0 &&
          DirNames(dir_ + "/" + name).size() >= entries_ * 3 / 4) {
        return true;
      }
    }
    return false;
  }

 private:
  std::string dir_;
  size_t entries_;
  std::set<std::string> before_;
};

// When, from its start, a create began writing, had nearly staged the
// list and ended, as seen by polling.
struct Watched {
  std::optional<microseconds> writing;
  std::optional<microseconds> staged;
  microseconds total{0};
};

// Follows one create through its staging folder.
class Watcher {
 public:
  explicit Watcher(StagingProbe probe)
      : probe_(std::move(probe)), start_(Clock::now()) {}

  // Looks once, noting the steps seen for the first time; returns the
  // time since the start.
  microseconds Look() {
    microseconds now = Since();
    if (!seen_.writing && probe_.Writing()) {
      seen_.writing = now;
    }
    if (!seen_.staged && probe_.Staged()) {
      seen_.staged = now;
    }
    return now;
  }

  // What was seen, the create having ended now.
  Watched Ended() {
    seen_.total = Since();
    return seen_;
  }

  const Watched& seen() const { return seen_; }

 private:
  microseconds Since() const {
    return std::chrono::duration_cast<microseconds>(Clock::now() - start_);
  }

  StagingProbe probe_;
  Clock::time_point start_;
  Watched seen_;
};

class StoreCrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = StartRegistryWithImages("app", ManyPlatforms(kImages),
                                        ImageFormat::kOci);
  }
  static void TearDownTestSuite() { registry_.reset(); }

  void SetUp() override {
    seed_ = CrashSeed();
    rng_.seed(seed_);
    list_ = registry_->host_port() + "/app:crash";
  }

  // REGISTRY/app:p-<n> for n in [begin, end).
  static std::vector<std::string> Images(size_t begin, size_t end) {
    std::vector<std::string> out;
    for (size_t i = begin; i < end; ++i) {
      out.push_back(registry_->host_port() + "/app:p-" + std::to_string(i));
    }
    return out;
  }

  // Starts `docker-mlist --config DIR create --insecure [--amend] LIST
  // IMAGES...` in cli's config directory.
  std::unique_ptr<ServerProcess> StartCreate(
      const DockerCli& cli, bool amend,
      const std::vector<std::string>& images) {
    std::vector<std::string> argv = {PluginBinary(), "--config",
                                     cli.config_dir(), "create", "--insecure"};
    if (amend) {
      argv.push_back("--amend");
    }
    argv.push_back(list_);
    argv.insert(argv.end(), images.begin(), images.end());
    return std::make_unique<ServerProcess>(argv, logs_.Join("out"),
                                           logs_.Join("err"));
  }

  static std::string Staging(const DockerCli& cli) {
    return cli.config_dir() + "/mlist/tmp";
  }

  // Runs a create to its end in cli's config directory, expecting
  // success; returns how long it took.
  Watched RunCreate(const DockerCli& cli, bool amend,
                    const std::vector<std::string>& images) {
    Watcher watcher(StagingProbe(Staging(cli), kImages));
    auto p = StartCreate(cli, amend, images);
    while (p->Running()) {
      watcher.Look();
      std::this_thread::sleep_for(kPoll);
    }
    Watched w = watcher.Ended();
    EXPECT_EQ(p->exit_code(), 0) << ReadFile(logs_.Join("err"));
    return w;
  }

  // The list before each amend: images [0, kOldEnd), three of them
  // annotated. The amend keeps [0, kAmendFrom) as they were, fetches
  // [kAmendFrom, kOldEnd) afresh (dropping their annotation) and adds the
  // rest.
  void MakeOldList(const DockerCli& cli) {
    cli.Plugin({"rm", list_});
    RunCreate(cli, false, Images(0, kOldEnd));
    for (size_t i : {size_t{0}, kAmendFrom + 1, kOldEnd - 1}) {
      auto r = cli.Plugin(
          {"annotate", "--os-features", "old", list_, Images(i, i + 1)[0]});
      EXPECT_EQ(r.exit_code, 0) << r.err;
    }
  }

  // When to kill, by round: at any moment of a typical run; once the
  // store began writing; once the list is nearly staged (its last
  // records, the rename and the clean-up after it). Uniform over the
  // rest of a typical run.
  enum class From { kStart, kWriting, kStaged };
  struct KillPlan {
    From from = From::kStart;
    microseconds delay{0};
  };
  KillPlan Plan(int round) {
    Watched typical = Typical();
    KillPlan plan;
    microseconds begin{0};
    if (round % 3 == 1 && typical.writing) {
      plan.from = From::kWriting;
      begin = *typical.writing;
    } else if (round % 3 == 2 && typical.staged) {
      plan.from = From::kStaged;
      begin = *typical.staged;
    }
    std::uniform_int_distribution<long> pick(0,
                                             (typical.total - begin).count());
    plan.delay = microseconds(pick(rng_));
    return plan;
  }

  // Starts a create and kills it as planned. Returns false when it
  // ended first; its timing then joins timings_, so that the kill times
  // follow the machine's pace.
  bool CreateAndKill(bool amend, const std::vector<std::string>& images,
                     const KillPlan& plan) {
    Watcher watcher(StagingProbe(Staging(cli_), kImages));
    auto p = StartCreate(cli_, amend, images);
    while (p->Running()) {
      microseconds now = watcher.Look();
      std::optional<microseconds> from =
          plan.from == From::kStart     ? microseconds(0)
          : plan.from == From::kWriting ? watcher.seen().writing
                                        : watcher.seen().staged;
      if (from && now >= *from + plan.delay) {
        return KillNow(*p);
      }
      std::this_thread::sleep_for(kPoll);
    }
    timings_.push_back(watcher.Ended());
    return false;
  }

  // The run of median length among the last kTypicalOf runs that were
  // not killed.
  Watched Typical() const {
    size_t n = std::min(timings_.size(), kTypicalOf);
    std::vector<Watched> runs(timings_.end() - n, timings_.end());
    std::sort(runs.begin(), runs.end(),
              [](const auto& a, const auto& b) { return a.total < b.total; });
    return runs.at(runs.size() / 2);
  }

  void PrintTimings(const std::string& what) const {
    Watched typical = Typical();
    auto at = [](const std::optional<microseconds>& t) {
      return t ? std::to_string(t->count() / 1000) + " ms" : "unseen";
    };
    std::cout << "[ crash ] " << what << ": typical run "
              << typical.total.count() / 1000 << " ms, writing began at "
              << at(typical.writing) << ", list nearly staged at "
              << at(typical.staged) << "; seed " << seed_ << "\n";
  }

  // One line on what the rounds left: how often each of the two allowed
  // states, and how many staged files and folders the kills left behind.
  void PrintRounds(const std::string& what, int rounds, int killed,
                   const char* before, int before_count, const char* after,
                   int after_count) const {
    std::cout << "[ crash ] " << what << ": " << rounds << " rounds, " << killed
              << " killed (" << rounds - killed << " ended first); left "
              << before << " " << before_count << " times, " << after << " "
              << after_count << " times; " << DirNames(Staging(cli_)).size()
              << " staging leftovers in mlist/tmp\n";
  }

  static std::unique_ptr<TestRegistry> registry_;
  TempDir logs_;
  DockerCli cli_;
  unsigned seed_ = 0;
  std::mt19937 rng_;
  std::string list_;
  std::vector<Watched> timings_;
};

std::unique_ptr<TestRegistry> StoreCrashTest::registry_;

TEST_F(StoreCrashTest, KilledCreateLeavesNoListOrTheWholeList) {
  SCOPED_TRACE("MLIST_CRASH_SEED=" + std::to_string(seed_));
  std::string what = "create of " + std::to_string(kImages);
  // The list as a create that ran to its end leaves it.
  std::string whole;
  for (int i = 0; i < kTimingRuns; ++i) {
    DockerCli clean;
    timings_.push_back(RunCreate(clean, false, Images(0, kImages)));
    whole = InspectBoth(clean, list_);
  }
  ASSERT_NE(whole, "");
  PrintTimings(what);

  int killed = 0;
  int absent = 0;
  int complete = 0;
  for (int round = 0; round < kCreateRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    KillPlan plan = Plan(round);
    killed += CreateAndKill(false, Images(0, kImages), plan) ? 1 : 0;
    ExpectWholeRecords(cli_.config_dir());
    std::string seen = InspectBoth(cli_, list_);
    EXPECT_TRUE(seen == "" || seen == whole) << seen;
    absent += seen == "" ? 1 : 0;
    complete += seen == whole ? 1 : 0;
    if (seen != "") {
      // The next round creates the list afresh.
      auto rm = cli_.Plugin({"rm", list_});
      ASSERT_EQ(rm.exit_code, 0) << rm.err;
    }
  }
  PrintRounds(what, kCreateRounds, killed, "no list", absent, "the whole list",
              complete);

  // A create, then an amend, run cleanly over what the kills left.
  RunCreate(cli_, false, Images(0, kImages));
  RunCreate(cli_, true, Images(0, kImages));
  ExpectWholeRecords(cli_.config_dir());
  EXPECT_EQ(InspectBoth(cli_, list_), whole);
}

TEST_F(StoreCrashTest, KilledAmendLeavesTheOldListOrTheNewOne) {
  SCOPED_TRACE("MLIST_CRASH_SEED=" + std::to_string(seed_));
  std::string what = "amend of " + std::to_string(kOldEnd) + " by " +
                     std::to_string(kImages - kAmendFrom);
  std::string old_list;
  std::string new_list;
  std::string new_verbose;
  for (int i = 0; i < kTimingRuns; ++i) {
    DockerCli clean;
    MakeOldList(clean);
    old_list = InspectBoth(clean, list_);
    timings_.push_back(RunCreate(clean, true, Images(kAmendFrom, kImages)));
    new_list = InspectBoth(clean, list_);
    new_verbose = InspectBoth(clean, list_, {"--verbose"});
  }
  ASSERT_NE(old_list, "");
  ASSERT_NE(new_list, old_list);
  PrintTimings(what);

  MakeOldList(cli_);
  int killed = 0;
  int old_state = 0;
  int new_state = 0;
  for (int round = 0; round < kAmendRounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    KillPlan plan = Plan(round);
    killed += CreateAndKill(true, Images(kAmendFrom, kImages), plan) ? 1 : 0;
    ExpectWholeRecords(cli_.config_dir());
    std::string seen = InspectBoth(cli_, list_);
    EXPECT_TRUE(seen == old_list || seen == new_list) << seen;
    old_state += seen == old_list ? 1 : 0;
    new_state += seen == new_list ? 1 : 0;
    if (seen != old_list) {
      MakeOldList(cli_);
    }
  }
  PrintRounds(what, kAmendRounds, killed, "the old list", old_state,
              "the new list", new_state);

  RunCreate(cli_, true, Images(kAmendFrom, kImages));
  ExpectWholeRecords(cli_.config_dir());
  EXPECT_EQ(InspectBoth(cli_, list_), new_list);
  EXPECT_EQ(InspectBoth(cli_, list_, {"--verbose"}), new_verbose);
}

}  // namespace
}  // namespace mlist::testing
