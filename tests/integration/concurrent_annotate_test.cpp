// Fifty docker-mlist processes started at once on one local list:
// annotates, most of them on the same entry, and amends that each add an
// image the list lacks. Every one that succeeds keeps its change, since
// each reads, changes and writes the list under its lock, and docker
// manifest reads the list alike afterwards. docker manifest, which takes
// no lock, is run the same way in another config directory; the updates
// it loses are counted and printed, not judged.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "base/process.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/paths.h"
#include "support/registry.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

using std::chrono::milliseconds;

constexpr int kRounds = 5;
constexpr int kProcesses = 50;
// The list starts with the seven platforms; one entry takes most
// annotates, the others a few each.
constexpr size_t kEntries = 7;
constexpr size_t kContended = 3;
constexpr int kSameEntry = 24;
constexpr int kPerOtherEntry = 2;
// The rest are amends, each adding an image of a platform of its own: an
// amend that replaced an entry would drop its features, as docker's does.
constexpr int kAmends =
    kProcesses - kSameEntry - kPerOtherEntry * static_cast<int>(kEntries - 1);
static_assert(kAmends > 0);
constexpr auto kWaitLimit = std::chrono::seconds(30);

// One change a process makes: an annotate adds feature to image's entry;
// an amend (feature empty) adds image.
struct Change {
  std::string name;  // the feature, or "amend-<n>": names its logs
  std::string feature;
  std::string image;
};

// One process started, and the change it makes.
struct Job {
  Change change;
  std::unique_ptr<ServerProcess> process;
};

// Polls the jobs until all have ended or the limit passed.
void WaitAll(std::vector<Job>& jobs) {
  auto deadline = std::chrono::steady_clock::now() + kWaitLimit;
  for (auto& job : jobs) {
    while (job.process->Running() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(2));
    }
    EXPECT_FALSE(job.process->Running()) << job.change.name << " still runs";
  }
}

using FeatureMap = std::map<std::string, std::set<std::string>>;

// The member called name of value, when value is an object that has it.
const rapidjson::Value* Member(const rapidjson::Value& value,
                               const char* name) {
  if (!value.IsObject()) {
    return nullptr;
  }
  auto it = value.FindMember(name);
  return it == value.MemberEnd() ? nullptr : &it->value;
}

// The "os.features" of each entry of `inspect --verbose LIST` output, by
// the entry's "Ref"; nothing when the output is no array of records.
std::optional<FeatureMap> FeaturesByRef(const std::string& verbose) {
  FeatureMap out;
  rapidjson::Document doc;
  doc.Parse(verbose.c_str());
  if (doc.HasParseError() || !doc.IsArray()) {
    return std::nullopt;
  }
  for (const auto& record : doc.GetArray()) {
    const auto* ref = Member(record, "Ref");
    const auto* descriptor = Member(record, "Descriptor");
    if (ref == nullptr || !ref->IsString() || descriptor == nullptr) {
      return std::nullopt;
    }
    std::set<std::string>& features = out[ref->GetString()];
    const auto* platform = Member(*descriptor, "platform");
    const auto* list =
        platform == nullptr ? nullptr : Member(*platform, "os.features");
    if (list == nullptr || !list->IsArray()) {
      continue;
    }
    for (const auto& f : list->GetArray()) {
      features.insert(f.IsString() ? f.GetString() : "?");
    }
  }
  return out;
}

// How a round of concurrent changes ended.
struct Outcome {
  int started = 0;
  int failed = 0;        // exited non-zero
  int lost = 0;          // exited 0, change missing from the final list
  int misplaced = 0;     // a feature on an entry it was not given to
  bool readable = true;  // the final list could be inspected
  std::string first_error;
};

class ConcurrentAnnotateTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::vector<Platform> platforms = ManyPlatforms(kEntries + kAmends);
    registry_ = StartRegistryWithImages(
        "app", {platforms.begin(), platforms.begin() + kEntries},
        ImageFormat::kDocker);
    registry::Session session(PlainSessionOptions());
    PushImages(session, registry_->host_port() + "/app",
               {platforms.begin() + kEntries, platforms.end()},
               ImageFormat::kDocker, "x");
  }
  static void TearDownTestSuite() { registry_.reset(); }

  // The n-th image of the list as created.
  static std::string Image(size_t n) {
    return registry_->host_port() + "/app:p-" + std::to_string(n);
  }
  // The image the n-th amend adds.
  static std::string Extra(int n) {
    return registry_->host_port() + "/app:x-" + std::to_string(n);
  }
  static std::vector<std::string> Images() {
    std::vector<std::string> out;
    for (size_t n = 0; n < kEntries; ++n) {
      out.push_back(Image(n));
    }
    return out;
  }

  // Every change of a round: kSameEntry annotates of the contended
  // entry, kPerOtherEntry of each other one, and kAmends amends, mixed
  // so that amends start among the annotates.
  static std::vector<Change> Plan() {
    std::vector<Change> plan;
    for (int n = 0; n < kSameEntry; ++n) {
      std::string feature = "f" + std::to_string(n);
      plan.push_back({feature, feature, Image(kContended)});
    }
    for (size_t e = 0; e < kEntries; ++e) {
      for (int n = 0; e != kContended && n < kPerOtherEntry; ++n) {
        std::string feature = "g" + std::to_string(e) + "-" + std::to_string(n);
        plan.push_back({feature, feature, Image(e)});
      }
    }
    // Amend n goes n/kAmends of the way in.
    for (int n = 0; n < kAmends; ++n) {
      auto at = plan.begin() + n * static_cast<long>(plan.size()) / kAmends;
      plan.insert(at, {"amend-" + std::to_string(n), "", Extra(n)});
    }
    return plan;
  }

  // Creates list in cli's config directory with `docker TOOL create`.
  static void Create(const DockerCli& cli, const std::string& tool,
                     const std::string& list) {
    auto r = cli.Docker(Cat({tool, "create", "--insecure", list}, Images()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  std::string LogPath(const Change& change, const char* ext) const {
    return logs_.Join(change.name + "." + std::to_string(round_) + ext);
  }

  // Starts every change of Plan() at once; prefix is the command line
  // up to the subcommand (the config directory given with --config).
  std::vector<Job> StartAll(const std::vector<std::string>& prefix,
                            const std::string& list) {
    std::vector<Job> jobs;
    for (Change& change : Plan()) {
      std::vector<std::string> args =
          change.feature.empty()
              ? std::vector<std::string>{"create", "--insecure", "--amend"}
              : std::vector<std::string>{"annotate", "--os-features",
                                         change.feature};
      args.insert(args.end(), {list, change.image});
      auto process = std::make_unique<ServerProcess>(
          Cat(prefix, args), LogPath(change, ".out"), LogPath(change, ".err"));
      jobs.push_back({std::move(change), std::move(process)});
    }
    return jobs;
  }

  // Whether the final list holds what a job that succeeded did.
  static bool Kept(const Change& change, const FeatureMap& features) {
    auto it = features.find(change.image);
    return it != features.end() &&
           (change.feature.empty() || it->second.count(change.feature) > 0);
  }

  // Compares what the jobs did with the final verbose inspect output.
  Outcome Judge(const std::vector<Job>& jobs, const std::string& verbose) {
    Outcome o;
    auto read = FeaturesByRef(verbose);
    o.readable = read.has_value();
    FeatureMap features = read.value_or(FeatureMap{});
    std::map<std::string, std::string> owner;
    for (const auto& job : jobs) {
      ++o.started;
      owner[job.change.feature] = job.change.image;
      if (job.process->exit_code() != 0) {
        ++o.failed;
        if (o.first_error.empty()) {
          o.first_error = ReadFile(LogPath(job.change, ".err"));
        }
      } else if (!Kept(job.change, features)) {
        ++o.lost;
      }
    }
    for (const auto& [ref, set] : features) {
      for (const auto& feature : set) {
        o.misplaced += owner[feature] == ref ? 0 : 1;
      }
    }
    return o;
  }

  // One round: a new list, every change at once, then both tools'
  // verbose inspect of it. tool is "mlist" or "manifest".
  Outcome Round(const DockerCli& cli, const std::string& tool,
                const std::vector<std::string>& prefix) {
    std::string list =
        registry_->host_port() + "/app:list-" + std::to_string(round_);
    Create(cli, tool, list);
    std::vector<Job> jobs = StartAll(prefix, list);
    WaitAll(jobs);
    auto theirs = cli.Docker({"manifest", "inspect", "-v", list});
    auto ours = cli.Docker({"mlist", "inspect", "-v", list});
    EXPECT_EQ(ours.exit_code, theirs.exit_code) << ours.err << theirs.err;
    EXPECT_EQ(ours.out, theirs.out);
    Outcome o = Judge(jobs, ours.out);
    ++round_;
    return o;
  }

  static std::unique_ptr<TestRegistry> registry_;
  TempDir logs_;
  int round_ = 0;
};

std::unique_ptr<TestRegistry> ConcurrentAnnotateTest::registry_;

TEST_F(ConcurrentAnnotateTest, EverySuccessfulAnnotateAndAmendKeepsItsChange) {
  DockerCli cli;
  for (int r = 0; r < kRounds; ++r) {
    SCOPED_TRACE("round " + std::to_string(r));
    Outcome o =
        Round(cli, "mlist", {PluginBinary(), "--config", cli.config_dir()});
    ASSERT_TRUE(o.readable);
    EXPECT_EQ(o.failed, 0) << o.first_error;
    EXPECT_EQ(o.lost, 0);
    EXPECT_EQ(o.misplaced, 0);
    std::cout << "[ mlist ] round " << r << ": " << o.started << " at once ("
              << kAmends << " amends), " << o.failed << " failed, " << o.lost
              << " updates lost\n";
  }
}

TEST_F(ConcurrentAnnotateTest, DockerManifestIsCountedNotJudged) {
  DockerCli cli;
  std::string docker = base::LookPath("docker");
  ASSERT_NE(docker, "");
  for (int r = 0; r < kRounds; ++r) {
    Outcome o = Round(cli, "manifest",
                      {docker, "--config", cli.config_dir(), "manifest"});
    std::cout << "[ docker ] round " << r << ": " << o.started << " at once ("
              << kAmends << " amends), " << o.failed << " failed, " << o.lost
              << " of " << o.started - o.failed << " successful updates lost, "
              << o.misplaced << " misplaced"
              << (o.readable ? "" : "; the list is unreadable") << "\n";
    if (!o.first_error.empty()) {
      std::cout << "[ docker ] first failure: " << o.first_error;
    }
  }
}

}  // namespace
}  // namespace mlist::testing
