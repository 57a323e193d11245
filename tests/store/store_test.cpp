#include "store/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <thread>

#include "base/error.h"
#include "store/files.h"
#include "store/store_fixtures.h"

namespace mlist::store {
namespace {

using mlist::testing::ReadFile;
using mlist::testing::WriteFile;
using testing::Record;
using testing::Ref;
using testing::StoreTest;

using StoreBasics = StoreTest;

std::vector<std::string> Names(const std::vector<Entry>& entries) {
  std::vector<std::string> names;
  for (const Entry& entry : entries) {
    names.push_back(entry.name);
  }
  return names;
}

TEST_F(StoreBasics, SavedEntryLandsInDockersLayout) {
  auto list = Ref("127.0.0.1:5000/app:1");
  auto image = Ref("127.0.0.1:5000/app:amd64");
  store_.Save(list, image, Record(image));
  EXPECT_EQ(ReadFile(Manifests() + "/127.0.0.1-5000_app-1/" +
                     "127.0.0.1-5000_app-amd64"),
            Record(image));
  EXPECT_EQ(store_.Get(list, image), Record(image));
}

TEST_F(StoreBasics, MissingListOrEntryIsNothing) {
  auto list = Ref("l:1");
  EXPECT_FALSE(store_.Entries(list).has_value());
  EXPECT_FALSE(store_.Get(list, Ref("a:1")).has_value());
  store_.Save(list, Ref("a:1"), Record(Ref("a:1")));
  EXPECT_FALSE(store_.Get(list, Ref("b:1")).has_value());
}

// docker treats an empty folder as an existing list with no entries.
TEST_F(StoreBasics, EmptyFolderIsAnEmptyList) {
  auto list = Ref("l:1");
  MakeDirs(ListDir(list));
  auto entries = store_.Entries(list);
  ASSERT_TRUE(entries.has_value());
  EXPECT_TRUE(entries->empty());
}

TEST_F(StoreBasics, EntriesComeBackInFileNameOrder) {
  auto list = Ref("l:1");
  for (const char* text : {"z:1", "a:2", "m/b:3", "a:10", "m_b:1"}) {
    store_.Save(list, Ref(text), Record(Ref(text)));
  }
  auto entries = store_.Entries(list);
  ASSERT_TRUE(entries.has_value());
  std::vector<std::string> want = {
      "docker.io_library_a-10", "docker.io_library_a-2",
      "docker.io_library_m_b-1", "docker.io_library_z-1", "docker.io_m_b-3"};
  EXPECT_EQ(Names(*entries), want);
  EXPECT_EQ((*entries)[0].ref, "docker.io/library/a:10");
  EXPECT_EQ((*entries)[0].bytes, Record(Ref("a:10")));
}

TEST_F(StoreBasics, SaveReplacesTheSameReferencesRecord) {
  auto list = Ref("l:1");
  auto image = Ref("a:1");
  store_.Save(list, image, Record(image, 1));
  store_.Save(list, image, Record(image, 2));
  EXPECT_EQ(store_.Get(list, image), Record(image, 2));
  EXPECT_EQ(store_.Entries(list)->size(), 1u);
}

TEST_F(StoreBasics, RemoveSaysWhetherTheListExisted) {
  auto list = Ref("l:1");
  EXPECT_FALSE(store_.Remove(list));
  store_.Save(list, Ref("a:1"), Record(Ref("a:1")));
  EXPECT_TRUE(store_.Remove(list));
  EXPECT_FALSE(store_.Entries(list).has_value());
  EXPECT_FALSE(store_.Remove(list));
  EXPECT_TRUE(SortedNames(dir_.Join("mlist/tmp")).empty());
  EXPECT_TRUE(SortedNames(dir_.Join("mlist/lists")).empty());
}

TEST_F(StoreBasics, RemoveTakesAnEmptyFolderAsDockerDoes) {
  auto list = Ref("l:1");
  MakeDirs(ListDir(list));
  EXPECT_TRUE(store_.Remove(list));
  EXPECT_TRUE(SortedNames(Manifests()).empty());
}

TEST_F(StoreBasics, RemoveLeavesOtherListsAlone) {
  store_.Save(Ref("l:1"), Ref("a:1"), Record(Ref("a:1")));
  store_.Save(Ref("l:2"), Ref("a:1"), Record(Ref("a:1")));
  EXPECT_TRUE(store_.Remove(Ref("l:1")));
  EXPECT_TRUE(store_.Entries(Ref("l:2")).has_value());
}

TEST_F(StoreBasics, ListsNamesFoldersAndTheReferencesWeMade) {
  EXPECT_TRUE(store_.Lists().empty());
  store_.Save(Ref("l:2"), Ref("a:1"), Record(Ref("a:1")));
  MakeDirs(Manifests() + "/docker.io_library_d-1");
  WriteFile(Manifests() + "/stray-file", "");
  auto lists = store_.Lists();
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].name, "docker.io_library_d-1");
  EXPECT_FALSE(lists[0].ref.has_value());
  EXPECT_EQ(lists[1].name, "docker.io_library_l-2");
  EXPECT_EQ(lists[1].ref, "docker.io/library/l:2");
}

TEST_F(StoreBasics, ReplaceKeepsExactlyTheNewEntries) {
  auto list = Ref("l:1");
  store_.Save(list, Ref("old:1"), Record(Ref("old:1")));
  store_.Save(list, Ref("kept:1"), Record(Ref("kept:1"), 1));
  store_.Lock(list).Replace({{Ref("kept:1"), Record(Ref("kept:1"), 2)},
                             {Ref("new:1"), Record(Ref("new:1"))}});
  auto entries = store_.Entries(list);
  ASSERT_TRUE(entries.has_value());
  std::vector<std::string> want = {"docker.io_library_kept-1",
                                   "docker.io_library_new-1"};
  EXPECT_EQ(Names(*entries), want);
  EXPECT_EQ((*entries)[0].bytes, Record(Ref("kept:1"), 2));
  EXPECT_TRUE(SortedNames(dir_.Join("mlist/tmp")).empty());
}

TEST_F(StoreBasics, ReplaceCreatesAMissingList) {
  auto list = Ref("l:1");
  store_.Lock(list).Replace({{Ref("a:1"), Record(Ref("a:1"))}});
  EXPECT_EQ(store_.Get(list, Ref("a:1")), Record(Ref("a:1")));
  EXPECT_FALSE(store_.Incomplete(list));
}

TEST_F(StoreBasics, ReplaceTakesTheLastRecordOfAReferenceGivenTwice) {
  auto list = Ref("l:1");
  store_.Lock(list).Replace(
      {{Ref("a:1"), Record(Ref("a:1"), 1)}, {Ref("a"), Record(Ref("a"), 2)}});
  EXPECT_EQ(store_.Get(list, Ref("a:latest")), Record(Ref("a"), 2));
  EXPECT_EQ(store_.Entries(list)->size(), 2u);
}

TEST_F(StoreBasics, ReplaceWithoutFolderSwapGivesTheSameList) {
  StoreOptions options;
  options.swap_list_folders = false;
  Store store = MakeStore(options);
  auto list = Ref("l:1");
  store.Save(list, Ref("old:1"), Record(Ref("old:1")));
  store.Lock(list).Replace({{Ref("new:1"), Record(Ref("new:1"))}});
  auto entries = store.Entries(list);
  ASSERT_TRUE(entries.has_value());
  EXPECT_EQ(Names(*entries),
            std::vector<std::string>{"docker.io_library_new-1"});
  EXPECT_FALSE(store.Incomplete(list));
  EXPECT_TRUE(SortedNames(dir_.Join("mlist/pending")).empty());
}

TEST_F(StoreBasics, TransactionSeesItsOwnWrites) {
  auto list = Ref("l:1");
  ListTransaction tx = store_.Lock(list);
  EXPECT_FALSE(tx.Exists());
  tx.Save(Ref("a:1"), Record(Ref("a:1"), 7));
  EXPECT_TRUE(tx.Exists());
  EXPECT_EQ(tx.Get(Ref("a:1")), Record(Ref("a:1"), 7));
  EXPECT_EQ(tx.Entries()->size(), 1u);
  EXPECT_TRUE(tx.Remove());
  EXPECT_FALSE(tx.Exists());
}

TEST_F(StoreBasics, LockedListMakesASecondLockTimeOut) {
  StoreOptions options;
  options.lock_timeout = std::chrono::milliseconds(50);
  Store impatient = MakeStore(options);
  auto list = Ref("l:1");
  ListTransaction held = store_.Lock(list);
  try {
    impatient.Lock(list);
    FAIL() << "no error";
  } catch (const Error& e) {
    std::string text = e.what();
    EXPECT_EQ(text.rfind("locking manifest list \"docker.io/library/l:1\": "
                         "timed out after 50ms waiting for \"",
                         0),
              0u)
        << text;
  }
  impatient.Lock(Ref("l:2"));
}

TEST_F(StoreBasics, UnreadableEntryIsReportedWithTheList) {
  auto list = Ref("l:1");
  MakeDirs(ListDir(list) + "/docker.io_library_sub-1");
  try {
    store_.Entries(list);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "reading manifest list \"docker.io/library/l:1\": reading \"" +
                  ListDir(list) + "/docker.io_library_sub-1\": is a directory");
  }
}

TEST_F(StoreBasics, StagingLeftoversAreSweptOnceOld) {
  StoreOptions options;
  options.staging_max_age = std::chrono::seconds(0);
  Store store = MakeStore(options);
  WriteFile(dir_.Join("mlist/tmp/left.1.2.3.tmp"), "x");
  MakeDirs(dir_.Join("mlist/tmp/dir.1.2.3.tmp/sub"));
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  store.Lock(Ref("l:1"));
  EXPECT_TRUE(SortedNames(dir_.Join("mlist/tmp")).empty());
}

TEST_F(StoreBasics, FreshStagingLeftoversStay) {
  WriteFile(dir_.Join("mlist/tmp/left.1.2.3.tmp"), "x");
  store_.Lock(Ref("l:1"));
  EXPECT_EQ(SortedNames(dir_.Join("mlist/tmp")).size(), 1u);
}

}  // namespace
}  // namespace mlist::store
