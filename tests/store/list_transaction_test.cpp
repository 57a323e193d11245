#include "store/list_transaction.h"

#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <atomic>
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

const char* const kImages[] = {"a:1", "b:1", "c:1"};

std::vector<NewEntry> Generation(long n, size_t pad = 0) {
  std::vector<NewEntry> entries;
  for (const char* image : kImages) {
    entries.push_back({Ref(image), Record(Ref(image), n, pad)});
  }
  return entries;
}

std::set<std::string> ImageNames() {
  std::set<std::string> names;
  for (const char* image : kImages) {
    names.insert(reference::FileSafeName(Ref(image)));
  }
  return names;
}

// One locked read-modify-write adding 1 to every entry, by Save or by
// Replace.
void IncrementAll(const Store& store, const reference::Reference& list,
                  bool replace) {
  ListTransaction tx = store.Lock(list);
  std::vector<Entry> entries = tx.Entries().value();
  std::vector<NewEntry> next;
  for (const Entry& entry : entries) {
    auto ref = Ref(entry.ref.value());
    next.push_back({ref, Record(ref, CountOf(entry.bytes) + 1)});
  }
  if (replace) {
    tx.Replace(next);
    return;
  }
  for (const NewEntry& entry : next) {
    tx.Save(entry.ref, entry.bytes);
  }
}

class StoreConcurrency : public StoreTest,
                         public ::testing::WithParamInterface<bool> {
 protected:
  StoreConcurrency() {
    StoreOptions options;
    options.swap_list_folders = GetParam();
    store_ = MakeStore(options);
  }
};

TEST_P(StoreConcurrency, ProcessesIncrementingUnderTheLockLoseNothing) {
  constexpr int kProcesses = 6;
  constexpr int kRounds = 25;
  auto list = Ref("127.0.0.1:5000/app:1");
  store_.Lock(list).Replace(Generation(0));
  std::vector<pid_t> children;
  for (int k = 0; k < kProcesses; ++k) {
    children.push_back(Spawn([&, k] {
      for (int round = 0; round < kRounds; ++round) {
        IncrementAll(store_, list, (k + round) % 2 == 0);
      }
    }));
  }
  for (pid_t child : children) {
    EXPECT_EQ(Wait(child), 0);
  }
  std::vector<Entry> entries = store_.Entries(list).value();
  for (const Entry& entry : entries) {
    SCOPED_TRACE(entry.name);
    EXPECT_EQ(CountOf(entry.bytes), kProcesses * kRounds);
  }
}

// Reads the list folder over and over the way docker does (names, then
// each file) and counts what should never be there.
class FolderWatcher {
 public:
  FolderWatcher(std::string dir, std::set<std::string> allowed)
      : dir_(std::move(dir)),
        allowed_(std::move(allowed)),
        thread_([this] { Run(); }) {}
  ~FolderWatcher() { Stop(); }

  void Stop() {
    stop_ = true;
    if (thread_.joinable()) {
      thread_.join();
    }
  }
  int scans() const { return scans_; }
  const std::vector<std::string>& problems() const { return problems_; }

 private:
  void Run() {
    while (!stop_) {
      for (const std::string& name : SortedNames(dir_)) {
        Check(name);
      }
      ++scans_;
    }
  }

  void Check(const std::string& name) {
    if (allowed_.count(name) == 0) {
      problems_.push_back("foreign file " + name);
      return;
    }
    auto bytes = ReadFileIfExists(dir_ + "/" + name);
    if (bytes && !IsWhole(*bytes)) {
      problems_.push_back("torn file " + name);
    }
  }

  std::string dir_;
  std::set<std::string> allowed_;
  std::atomic<bool> stop_{false};
  std::atomic<int> scans_{0};
  std::vector<std::string> problems_;
  std::thread thread_;
};

struct Event {
  int watch;
  uint32_t mask;
  std::string name;
};

// The events queued on the inotify descriptor fd.
std::vector<Event> ReadEvents(int fd) {
  std::vector<Event> events;
  alignas(inotify_event) char buffer[1 << 16];
  ssize_t n = 0;
  while ((n = ::read(fd, buffer, sizeof buffer)) > 0) {
    for (char* at = buffer; at < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(at);
      events.push_back(
          {event->wd, event->mask, event->len > 0 ? event->name : ""});
      at += sizeof(inotify_event) + event->len;
    }
  }
  return events;
}

TEST_P(StoreConcurrency, NothingButWholeEntriesEverAppearInAListFolder) {
  auto list = Ref("l:1");
  store_.Lock(list).Replace(Generation(0));
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  ASSERT_GE(fd, 0);
  // The list folder is watched until a swap moves it away; the manifests
  // folder throughout.
  const uint32_t kMask = IN_CREATE | IN_MODIFY | IN_MOVED_TO;
  int list_watch = ::inotify_add_watch(fd, ListDir(list).c_str(), kMask);
  int root_watch = ::inotify_add_watch(fd, Manifests().c_str(), kMask);
  ASSERT_GE(list_watch, 0);
  ASSERT_GE(root_watch, 0);
  FolderWatcher watcher(ListDir(list), ImageNames());
  std::vector<pid_t> children;
  for (int k = 0; k < 3; ++k) {
    children.push_back(Spawn([&, k] {
      for (int round = 0; round < 30; ++round) {
        IncrementAll(store_, list, k == 0);
      }
    }));
  }
  for (pid_t child : children) {
    EXPECT_EQ(Wait(child), 0);
  }
  watcher.Stop();
  EXPECT_GT(watcher.scans(), 10);
  EXPECT_EQ(watcher.problems(), std::vector<std::string>{});
  // Only whole files and folders are renamed in: nothing is created or
  // written in place.
  int moves = 0;
  for (const Event& event : ReadEvents(fd)) {
    SCOPED_TRACE(event.name);
    ASSERT_EQ(event.mask & (IN_CREATE | IN_MODIFY | IN_Q_OVERFLOW), 0u);
    if ((event.mask & IN_IGNORED) != 0) {
      continue;  // the list folder went away, swapped out
    }
    if (event.watch == list_watch) {
      EXPECT_EQ(ImageNames().count(event.name), 1u);
    } else {
      EXPECT_EQ(event.name, reference::FileSafeName(list));
    }
    ++moves;
  }
  EXPECT_GT(moves, 0);
  ::close(fd);
}

INSTANTIATE_TEST_SUITE_P(StoreFolderSwap, StoreConcurrency, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "Swap" : "EntryByEntry";
                         });

}  // namespace
}  // namespace mlist::store
