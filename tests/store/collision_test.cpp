#include "store/collision.h"

#include <gtest/gtest.h>

#include "store/files.h"
#include "store/store.h"
#include "store/store_fixtures.h"

namespace mlist::store {
namespace {

using mlist::testing::ReadFile;
using mlist::testing::WriteFile;
using testing::Record;
using testing::Ref;
using testing::StoreTest;

using StoreCollision = StoreTest;

const char* kEscapes = " (':' becomes '-' and '/' becomes '_')";

// Returns the text of the CollisionError action throws, or "".
template <typename Action>
std::string CollisionText(Action action) {
  try {
    action();
  } catch (const CollisionError& e) {
    return e.what();
  }
  return "";
}

TEST(StoreSameReference, ADigestPinnedToTheTagIsTheSame) {
  const std::string digest = "@sha256:" + std::string(64, 'a');
  EXPECT_TRUE(SameReference("d/a:1", "d/a:1"));
  EXPECT_TRUE(SameReference("d/a:1" + digest, "d/a:1"));
  EXPECT_FALSE(SameReference("d/a:1", "d/a:1" + digest));
  EXPECT_FALSE(SameReference("d/a:10", "d/a:1"));
  EXPECT_FALSE(SameReference("d/a-1", "d/a:1"));
}

// "x:a-b" and "x-a:b" both become "..._x-a-b".
TEST_F(StoreCollision, EntryOfAnotherReferenceIsNotOverwritten) {
  auto list = Ref("l:1");
  auto first = Ref("x:a-b");
  auto second = Ref("x-a:b");
  store_.Save(list, first, Record(first));
  std::string text =
      CollisionText([&] { store_.Save(list, second, Record(second)); });
  EXPECT_EQ(text,
            "saving \"docker.io/library/x-a:b\" in manifest list "
            "\"docker.io/library/l:1\": manifest \"docker.io/library/x-a:b\" "
            "collides with \"docker.io/library/x:a-b\": both are stored as "
            "\"docker.io_library_x-a-b\"" +
                std::string(kEscapes));
  EXPECT_EQ(store_.Get(list, first), Record(first));
}

TEST_F(StoreCollision, ReadingAnotherReferencesEntryIsRefused) {
  auto list = Ref("l:1");
  store_.Save(list, Ref("x:a-b"), Record(Ref("x:a-b")));
  EXPECT_NE(CollisionText([&] { store_.Get(list, Ref("x-a:b")); }), "");
  EXPECT_NE(CollisionText([&] { store_.Lock(list).Get(Ref("x-a:b")); }), "");
}

TEST_F(StoreCollision, ReplaceWithTwoCollidingEntriesChangesNothing) {
  auto list = Ref("l:1");
  store_.Save(list, Ref("old:1"), Record(Ref("old:1")));
  std::string text = CollisionText([&] {
    store_.Lock(list).Replace({{Ref("x:a-b"), Record(Ref("x:a-b"))},
                               {Ref("x-a:b"), Record(Ref("x-a:b"))}});
  });
  EXPECT_NE(text.find("manifest \"docker.io/library/x-a:b\" collides with "
                      "\"docker.io/library/x:a-b\""),
            std::string::npos)
      << text;
  EXPECT_EQ(store_.Entries(list)->size(), 1u);
  EXPECT_TRUE(store_.Get(list, Ref("old:1")).has_value());
}

// Replace drops the old entries, so an old record under a new entry's
// name is no collision.
TEST_F(StoreCollision, ReplaceMayReuseTheNameOfAnOldEntry) {
  auto list = Ref("l:1");
  store_.Save(list, Ref("x:a-b"), Record(Ref("x:a-b")));
  store_.Lock(list).Replace({{Ref("x-a:b"), Record(Ref("x-a:b"))}});
  EXPECT_EQ(store_.Get(list, Ref("x-a:b")), Record(Ref("x-a:b")));
}

// "a/b_c:1" and "a_b/c:1" share the folder "docker.io_a_b_c-1".
TEST_F(StoreCollision, ListFolderOfAnotherReferenceIsRefused) {
  auto first = Ref("a/b_c:1");
  auto second = Ref("a_b/c:1");
  store_.Save(first, Ref("i:1"), Record(Ref("i:1")));
  std::string want =
      "manifest list \"docker.io/a_b/c:1\" collides with "
      "\"docker.io/a/b_c:1\": both are stored as \"docker.io_a_b_c-1\"" +
      std::string(kEscapes);
  EXPECT_EQ(CollisionText([&] { store_.Lock(second); }),
            "locking manifest list \"docker.io/a_b/c:1\": " + want);
  EXPECT_EQ(CollisionText([&] { store_.Entries(second); }),
            "reading manifest list \"docker.io/a_b/c:1\": " + want);
  EXPECT_NE(CollisionText([&] { store_.Remove(second); }), "");
  EXPECT_NE(CollisionText([&] { store_.Get(second, Ref("i:1")); }), "");
  EXPECT_TRUE(store_.Entries(first).has_value());
}

TEST_F(StoreCollision, ListFolderIsFreeAgainOnceRemoved) {
  store_.Save(Ref("a/b_c:1"), Ref("i:1"), Record(Ref("i:1")));
  EXPECT_TRUE(store_.Remove(Ref("a/b_c:1")));
  store_.Save(Ref("a_b/c:1"), Ref("i:1"), Record(Ref("i:1")));
  EXPECT_EQ(store_.Lists()[0].ref, "docker.io/a_b/c:1");
}

// docker manifest rm leaves our owner record behind; a folder docker
// makes later is not ours to judge.
TEST_F(StoreCollision, OwnerRecordWithoutItsFolderIsIgnored) {
  store_.Save(Ref("a/b_c:1"), Ref("i:1"), Record(Ref("i:1")));
  RemoveTree(Manifests());
  EXPECT_FALSE(store_.Entries(Ref("a_b/c:1")).has_value());
  store_.Save(Ref("a_b/c:1"), Ref("i:1"), Record(Ref("i:1")));
  EXPECT_EQ(ReadFile(dir_.Join("mlist/lists/docker.io_a_b_c-1")),
            "docker.io/a_b/c:1\n");
}

TEST_F(StoreCollision, ListDockerMadeIsTakenAsTheOneAskedFor) {
  auto list = Ref("l:1");
  WriteFile(ListDir(list) + "/docker.io_library_i-1", Record(Ref("i:1")));
  EXPECT_EQ(store_.Entries(list)->size(), 1u);
  store_.Save(list, Ref("j:1"), Record(Ref("j:1")));
  EXPECT_EQ(store_.Lists()[0].ref, "docker.io/library/l:1");
}

TEST_F(StoreCollision, UnreadableRecordMayBeReplaced) {
  auto list = Ref("l:1");
  WriteFile(ListDir(list) + "/docker.io_library_i-1", "{\"torn");
  store_.Save(list, Ref("i:1"), Record(Ref("i:1")));
  EXPECT_EQ(store_.Get(list, Ref("i:1")), Record(Ref("i:1")));
}

TEST_F(StoreCollision, StoreWithoutRecordReaderCannotTell) {
  Store blind(dir_.path(), nullptr);
  auto list = Ref("l:1");
  blind.Save(list, Ref("x:a-b"), Record(Ref("x:a-b")));
  blind.Save(list, Ref("x-a:b"), Record(Ref("x-a:b")));
  auto entries = blind.Entries(list);
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_FALSE((*entries)[0].ref.has_value());
}

}  // namespace
}  // namespace mlist::store
