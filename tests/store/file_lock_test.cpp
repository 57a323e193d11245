#include "store/file_lock.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "base/error.h"
#include "store/store_fixtures.h"

namespace mlist::store {
namespace {

using std::chrono::milliseconds;
using testing::Spawn;
using testing::TempDir;
using testing::Wait;

TEST(StoreFileLock, SecondHolderTimesOutWithTheLockFileNamed) {
  TempDir dir;
  std::string path = dir.Join("lock");
  FileLock held = FileLock::Acquire(path, milliseconds(100));
  try {
    FileLock::Acquire(path, milliseconds(100));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "timed out after 100ms waiting for \"" +
                                         path +
                                         "\", locked by another process");
  }
}

TEST(StoreFileLock, ReleasedWhenTheHolderGoesAway) {
  TempDir dir;
  std::string path = dir.Join("lock");
  { FileLock held = FileLock::Acquire(path, milliseconds(100)); }
  FileLock again = FileLock::Acquire(path, milliseconds(100));
}

TEST(StoreFileLock, WaiterGetsTheLockWhenItIsReleased) {
  TempDir dir;
  std::string path = dir.Join("lock");
  auto held =
      std::make_unique<FileLock>(FileLock::Acquire(path, milliseconds(100)));
  std::thread releaser([&] {
    std::this_thread::sleep_for(milliseconds(50));
    held.reset();
  });
  auto start = std::chrono::steady_clock::now();
  FileLock waited = FileLock::Acquire(path, std::chrono::seconds(10));
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(40));
  releaser.join();
}

TEST(StoreFileLock, KilledHolderLeavesItFree) {
  TempDir dir;
  std::string path = dir.Join("lock");
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  pid_t child = Spawn([&] {
    FileLock held = FileLock::Acquire(path, milliseconds(1000));
    (void)!::write(ready[1], "x", 1);
    ::pause();
  });
  char c = 0;
  ASSERT_EQ(::read(ready[0], &c, 1), 1);
  EXPECT_THROW(FileLock::Acquire(path, milliseconds(20)), Error);
  ::kill(child, SIGKILL);
  EXPECT_EQ(Wait(child), 128 + SIGKILL);
  FileLock after = FileLock::Acquire(path, milliseconds(1000));
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST(StoreFileLock, MissingFolderIsReported) {
  TempDir dir;
  std::string path = dir.Join("none/lock");
  try {
    FileLock::Acquire(path, milliseconds(10));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "opening lock file \"" + path + "\": no such file or directory");
  }
}

}  // namespace
}  // namespace mlist::store
