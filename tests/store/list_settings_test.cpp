#include "store/list_settings.h"

#include <gtest/gtest.h>

#include "store/files.h"
#include "store/store.h"
#include "store/store_fixtures.h"

namespace mlist::store {
namespace {

using testing::Record;
using testing::Ref;
using testing::StoreTest;

using StoreSettings = StoreTest;

const char kListName[] = "localhost-5000_app-1";

// Makes the list localhost:5000/app:1 with entry tag and settings.
ListTransaction MakeList(const Store& store, const std::string& tag,
                         const std::string& settings) {
  ListTransaction tx = store.Lock(Ref("localhost:5000/app:1"));
  std::string entry = "localhost:5000/app:" + tag;
  tx.Replace({{Ref(entry), Record(entry)}});
  tx.SaveSettings(settings);
  return tx;
}

TEST_F(StoreSettings, SavedSettingsAreReadBackWithTheList) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  MakeList(store, "amd64", "{\"mediaType\":\"x\"}");
  EXPECT_EQ(store.Settings(list), "{\"mediaType\":\"x\"}");
  EXPECT_EQ(store.Lock(list).Settings(), "{\"mediaType\":\"x\"}");
}

TEST_F(StoreSettings, AListWithoutSettingsHasNone) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  EXPECT_EQ(store.Settings(list), std::nullopt);
  store.Save(list, Ref("localhost:5000/app:amd64"),
             Record("localhost:5000/app:amd64"));
  EXPECT_EQ(store.Settings(list), std::nullopt);
}

TEST_F(StoreSettings, EmptySettingsRemoveTheFile) {
  Store store = MakeStore();
  ListTransaction tx = MakeList(store, "a", "{}");
  tx.SaveSettings("");
  EXPECT_EQ(tx.Settings(), std::nullopt);
  EXPECT_EQ(ReadFileIfExists(store.layout().SettingsPath(kListName)),
            std::nullopt);
}

TEST_F(StoreSettings, RemovingTheListRemovesItsSettings) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  MakeList(store, "a", "{}");
  EXPECT_TRUE(store.Remove(list));
  EXPECT_EQ(ReadFileIfExists(store.layout().SettingsPath(kListName)),
            std::nullopt);
}

TEST_F(StoreSettings, AFolderMadeAgainByAnotherToolDoesNotInheritThem) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  MakeList(store, "a", "{}");
  // As docker manifest rm, then create: the folder goes and comes back,
  // our settings file stays.
  std::string dir = store.layout().ListDir(kListName);
  std::string entry = dir + "/localhost-5000_app-a";
  std::string bytes = *ReadFileIfExists(entry);
  RemoveTree(dir);
  EXPECT_EQ(store.Settings(list), std::nullopt);
  MakeDirs(dir);
  WriteNewFile(entry, bytes);
  EXPECT_EQ(store.Settings(list), std::nullopt);
}

TEST_F(StoreSettings, AReplaceKeepsSettingsOnlyWhenSavedAgain) {
  Store store = MakeStore();
  ListTransaction tx = MakeList(store, "a", "{\"n\":1}");
  // A whole-list replace makes a new folder: settings written for the
  // old one no longer apply until saved for the new one.
  tx.Replace({{Ref("localhost:5000/app:b"), Record("localhost:5000/app:b")}});
  EXPECT_EQ(tx.Settings(), std::nullopt);
  tx.SaveSettings("{\"n\":2}");
  EXPECT_EQ(tx.Settings(), "{\"n\":2}");
}

}  // namespace
}  // namespace mlist::store
