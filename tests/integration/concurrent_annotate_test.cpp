// Many annotate processes started at once on one local list, most on the
// same entry: with docker-mlist every one that succeeds keeps its
// feature, since each reads, changes and writes the list under its lock.
// docker manifest annotate, which takes no lock, is run the same way in
// another config directory; the updates it loses are counted and
// printed, not judged.
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
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/paths.h"
#include "support/registry.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

using std::chrono::milliseconds;

constexpr int kRounds = 3;
constexpr int kSameEntry = 16;
constexpr size_t kContended = 3;
constexpr int kPerOtherEntry = 2;
constexpr auto kWaitLimit = std::chrono::seconds(30);

// One annotate process: the feature it adds to which entry.
struct Job {
  std::string feature;
  size_t entry = 0;
  std::unique_ptr<ServerProcess> process;
};

// Feature names by entry: kSameEntry on the contended one, kPerOtherEntry
// on each other one.
std::vector<std::pair<std::string, size_t>> Plan(size_t entries) {
  std::vector<std::pair<std::string, size_t>> plan;
  for (int n = 0; n < kSameEntry; ++n) {
    plan.push_back({"f" + std::to_string(n), kContended});
  }
  for (size_t e = 0; e < entries; ++e) {
    for (int n = 0; e != kContended && n < kPerOtherEntry; ++n) {
      plan.push_back({"g" + std::to_string(e) + "-" + std::to_string(n), e});
    }
  }
  return plan;
}

// Polls the jobs until all have ended or the limit passed.
void WaitAll(std::vector<Job>& jobs) {
  auto deadline = std::chrono::steady_clock::now() + kWaitLimit;
  for (auto& job : jobs) {
    while (job.process->Running() &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(milliseconds(2));
    }
    EXPECT_FALSE(job.process->Running()) << job.feature << " still runs";
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

// How a round of concurrent annotates ended.
struct Outcome {
  int started = 0;
  int failed = 0;        // exited non-zero
  int lost = 0;          // exited 0, feature missing from the final list
  int misplaced = 0;     // a feature on an entry it was not given to
  bool readable = true;  // the final list could be inspected
  std::string first_error;
};

class ConcurrentAnnotateTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = new TestRegistry(TestRegistryOptions::Plain());
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    PushImages(session, registry_->host_port() + "/app", SevenPlatforms(),
               ImageFormat::kDocker, "p");
  }
  static void TearDownTestSuite() {
    delete registry_;
    registry_ = nullptr;
  }

  static std::string Image(size_t n) {
    return registry_->host_port() + "/app:p-" + std::to_string(n);
  }
  static std::vector<std::string> Images() {
    std::vector<std::string> out;
    for (size_t n = 0; n < SevenPlatforms().size(); ++n) {
      out.push_back(Image(n));
    }
    return out;
  }

  // Creates list in cli's config directory with `docker TOOL create`.
  static void Create(const DockerCli& cli, const std::string& tool,
                     const std::string& list) {
    std::vector<std::string> args = {tool, "create", "--insecure", list};
    for (const auto& image : Images()) {
      args.push_back(image);
    }
    auto r = cli.Docker(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  // Starts every annotate of Plan() at once; prefix is the command line
  // up to the subcommand (the config directory given with --config).
  std::vector<Job> StartAll(const std::vector<std::string>& prefix,
                            const std::string& list) {
    std::vector<Job> jobs;
    for (const auto& [feature, entry] : Plan(Images().size())) {
      std::vector<std::string> argv = prefix;
      argv.insert(argv.end(),
                  {"annotate", "--os-features", feature, list, Image(entry)});
      std::string log = logs_.Join(feature + "." + std::to_string(round_));
      jobs.push_back(
          {feature, entry,
           std::make_unique<ServerProcess>(argv, log + ".out", log + ".err")});
    }
    return jobs;
  }

  // Compares what the jobs did with the final verbose inspect output.
  Outcome Judge(const std::vector<Job>& jobs, const std::string& verbose) {
    Outcome o;
    auto read = FeaturesByRef(verbose);
    o.readable = read.has_value();
    FeatureMap features = read.value_or(FeatureMap{});
    std::map<std::string, size_t> owner;
    for (const auto& job : jobs) {
      ++o.started;
      owner[job.feature] = job.entry;
      if (job.process->exit_code() != 0) {
        ++o.failed;
        if (o.first_error.empty()) {
          o.first_error = ReadFile(
              logs_.Join(job.feature + "." + std::to_string(round_) + ".err"));
        }
      } else if (features[Image(job.entry)].count(job.feature) == 0) {
        ++o.lost;
      }
    }
    for (const auto& [ref, set] : features) {
      for (const auto& feature : set) {
        o.misplaced += Image(owner[feature]) == ref ? 0 : 1;
      }
    }
    return o;
  }

  // One round: a new list, every annotate at once, then both tools'
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

  static TestRegistry* registry_;
  TempDir logs_;
  int round_ = 0;
};

TestRegistry* ConcurrentAnnotateTest::registry_ = nullptr;

TEST_F(ConcurrentAnnotateTest, EverySuccessfulAnnotateKeepsItsFeature) {
  DockerCli cli;
  for (int r = 0; r < kRounds; ++r) {
    SCOPED_TRACE("round " + std::to_string(r));
    Outcome o =
        Round(cli, "mlist", {PluginBinary(), "--config", cli.config_dir()});
    ASSERT_TRUE(o.readable);
    EXPECT_EQ(o.failed, 0) << o.first_error;
    EXPECT_EQ(o.lost, 0);
    EXPECT_EQ(o.misplaced, 0);
    std::cout << "[ mlist ] round " << r << ": " << o.started
              << " annotates at once, " << o.failed << " failed, " << o.lost
              << " updates lost\n";
  }
}

TEST_F(ConcurrentAnnotateTest, DockerManifestAnnotateIsCountedNotJudged) {
  DockerCli cli;
  std::string docker = base::LookPath("docker");
  ASSERT_NE(docker, "");
  for (int r = 0; r < kRounds; ++r) {
    Outcome o = Round(cli, "manifest",
                      {docker, "--config", cli.config_dir(), "manifest"});
    std::cout << "[ docker ] round " << r << ": " << o.started
              << " annotates at once, " << o.failed << " failed, " << o.lost
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
