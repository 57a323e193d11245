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

TEST_F(StoreSettings, SavedSettingsAreReadBackWithTheList) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  {
    ListTransaction tx = store.Lock(list);
    tx.Replace({{Ref("localhost:5000/app:amd64"),
                 Record("localhost:5000/app:amd64")}});
    tx.SaveSettings("{\"mediaType\":\"x\"}");
  }
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
  auto list = Ref("localhost:5000/app:1");
  ListTransaction tx = store.Lock(list);
  tx.Replace({{Ref("localhost:5000/app:a"), Record("localhost:5000/app:a")}});
  tx.SaveSettings("{}");
  tx.SaveSettings("");
  EXPECT_EQ(tx.Settings(), std::nullopt);
  EXPECT_EQ(
      ReadFileIfExists(store.layout().SettingsPath("localhost-5000_app-1")),
      std::nullopt);
}

TEST_F(StoreSettings, RemovingTheListRemovesItsSettings) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  {
    ListTransaction tx = store.Lock(list);
    tx.Replace({{Ref("localhost:5000/app:a"), Record("localhost:5000/app:a")}});
    tx.SaveSettings("{}");
  }
  EXPECT_TRUE(store.Remove(list));
  EXPECT_EQ(
      ReadFileIfExists(store.layout().SettingsPath("localhost-5000_app-1")),
      std::nullopt);
}

TEST_F(StoreSettings, AFolderMadeAgainByAnotherToolDoesNotInheritThem) {
  Store store = MakeStore();
  auto list = Ref("localhost:5000/app:1");
  {
    ListTransaction tx = store.Lock(list);
    tx.Replace({{Ref("localhost:5000/app:a"), Record("localhost:5000/app:a")}});
    tx.SaveSettings("{}");
  }
  // As docker manifest rm, then create: the folder goes and comes back,
  // our settings file stays.
  std::string dir = store.layout().ListDir("localhost-5000_app-1");
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
  auto list = Ref("localhost:5000/app:1");
  ListTransaction tx = store.Lock(list);
  tx.Replace({{Ref("localhost:5000/app:a"), Record("localhost:5000/app:a")}});
  tx.SaveSettings("{\"n\":1}");
  // A whole-list replace makes a new folder: settings written for the
  // old one no longer apply until saved for the new one.
  tx.Replace({{Ref("localhost:5000/app:b"), Record("localhost:5000/app:b")}});
  EXPECT_EQ(tx.Settings(), std::nullopt);
  tx.SaveSettings("{\"n\":2}");
  EXPECT_EQ(tx.Settings(), "{\"n\":2}");
}

}  // namespace
}  // namespace mlist::store
