#include "store/list_writer.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <random>
#include <set>
#include <thread>

#include "store/files.h"
#include "store/store.h"
#include "store/store_fixtures.h"

namespace mlist::store {
namespace {

using testing::CountOf;
using testing::IsWhole;
using testing::Record;
using testing::Ref;
using testing::Spawn;
using testing::StoreTest;
using testing::Wait;

constexpr int kEntries = 5;
// Large records make a kill inside a write likely.
constexpr size_t kPad = 256 * 1024;

std::vector<NewEntry> Generation(long n) {
  std::vector<NewEntry> entries;
  for (int i = 0; i < kEntries; ++i) {
    auto ref = Ref("img:" + std::to_string(i));
    entries.push_back({ref, Record(ref, n, kPad)});
  }
  return entries;
}

// Kills a child process that rewrites a list in a loop at a random
// moment, over and over, and checks what it leaves.
class StoreKillSafety : public StoreTest,
                        public ::testing::WithParamInterface<bool> {
 protected:
  StoreKillSafety() {
    StoreOptions options;
    options.swap_list_folders = GetParam();
    store_ = MakeStore(options);
  }

  // Runs body in a child and kills it after a random pause.
  void KillDuring(const std::function<void()>& body) {
    pid_t child = Spawn([&] {
      for (;;) {
        body();
      }
    });
    std::this_thread::sleep_for(std::chrono::microseconds(pause_(random_)));
    ::kill(child, SIGKILL);
    ASSERT_EQ(Wait(child), 128 + SIGKILL);
  }

  // Every file in the list folder is a whole record of one of ours;
  // returns their counts.
  std::multiset<long> WholeCounts(const reference::Reference& list) {
    std::multiset<long> counts;
    for (const std::string& name : SortedNames(ListDir(list))) {
      SCOPED_TRACE(name);
      EXPECT_EQ(name.rfind("docker.io_library_img-", 0), 0u);
      std::string bytes = ReadFileIfExists(ListDir(list) + "/" + name).value();
      EXPECT_TRUE(IsWhole(bytes));
      counts.insert(CountOf(bytes));
    }
    EXPECT_EQ(SortedNames(Manifests()),
              std::vector<std::string>{reference::FileSafeName(list)});
    return counts;
  }

  std::mt19937 random_{std::random_device{}()};
  std::uniform_int_distribution<int> pause_{500, 40000};
};

TEST_P(StoreKillSafety, KilledReplaceLeavesOneWholeGenerationOrSaysSo) {
  auto list = Ref("l:1");
  store_.Lock(list).Replace(Generation(0));
  int incomplete = 0;
  for (int round = 0; round < 25; ++round) {
    SCOPED_TRACE(round);
    long generation = 0;
    KillDuring([&] { store_.Lock(list).Replace(Generation(++generation)); });
    std::multiset<long> counts = WholeCounts(list);
    bool mixed =
        counts.size() != kEntries || counts.count(*counts.begin()) != kEntries;
    if (store_.Incomplete(list)) {
      ++incomplete;
    } else {
      EXPECT_FALSE(mixed);
    }
    store_.Lock(list).Replace(Generation(0));
    EXPECT_FALSE(store_.Incomplete(list));
  }
  if (GetParam()) {
    EXPECT_EQ(incomplete, 0);
  }
}

TEST_P(StoreKillSafety, KilledSaveLeavesTheOldOrTheNewRecord) {
  auto list = Ref("l:1");
  auto image = Ref("img:0");
  store_.Save(list, image, Record(image, 0, kPad));
  for (int round = 0; round < 25; ++round) {
    SCOPED_TRACE(round);
    long n = 0;
    KillDuring([&] { store_.Save(list, image, Record(image, ++n, kPad)); });
    EXPECT_EQ(WholeCounts(list).size(), 1u);
  }
}

// The settings of a list change with its entries: a kill between the
// folder swap and the settings' write must not leave the new entries
// with no settings (or the old ones with the new).
TEST_P(StoreKillSafety, KilledReplaceKeepsEachGenerationsSettings) {
  auto list = Ref("l:1");
  auto settings = [](long n) { return "{\"n\":" + std::to_string(n) + "}"; };
  store_.Lock(list).Replace(Generation(0), settings(0));
  int checked = 0;
  for (int round = 0; round < 40; ++round) {
    SCOPED_TRACE(round);
    long generation = 0;
    KillDuring([&] {
      ++generation;
      store_.Lock(list).Replace(Generation(generation), settings(generation));
    });
    std::multiset<long> counts = WholeCounts(list);
    if (store_.Incomplete(list) || counts.empty()) {
      continue;
    }
    ++checked;
    EXPECT_EQ(store_.Settings(list), settings(*counts.begin()));
  }
  if (GetParam()) {
    EXPECT_EQ(checked, 40);
  }
}

INSTANTIATE_TEST_SUITE_P(StoreFolderSwap, StoreKillSafety, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "Swap" : "EntryByEntry";
                         });

}  // namespace
}  // namespace mlist::store
