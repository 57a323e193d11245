#include "store/layout.h"

#include <gtest/gtest.h>

#include "reference/reference.h"

namespace mlist::store {
namespace {

const std::string kHex(64, 'a');

TEST(StoreLayout, KeepsDockersFoldersAndOursApart) {
  Layout layout("/c");
  EXPECT_EQ(layout.ManifestsDir(), "/c/manifests");
  EXPECT_EQ(layout.ListDir("l"), "/c/manifests/l");
  EXPECT_EQ(layout.EntryPath("l", "e"), "/c/manifests/l/e");
  EXPECT_EQ(layout.StagingDir(), "/c/mlist/tmp");
  EXPECT_EQ(layout.LockPath("l"), "/c/mlist/locks/l");
  EXPECT_EQ(layout.OwnerPath("l"), "/c/mlist/lists/l");
  EXPECT_EQ(layout.PendingPath("l"), "/c/mlist/pending/l");
}

// docker names list folders and entry files after the normalised
// reference string, tag "latest" added unless there is a digest.
TEST(StoreLayout, NamesFilesAsDockerDoes) {
  struct Row {
    std::string text;
    std::string name;
  };
  const Row rows[] = {
      {"127.0.0.1:5000/app:1", "127.0.0.1-5000_app-1"},
      {"busybox", "docker.io_library_busybox-latest"},
      {"foo/bar@sha256:" + kHex, "docker.io_foo_bar@sha256-" + kHex},
      {"localhost:5000/a:1@sha256:" + kHex,
       "localhost-5000_a-1@sha256-" + kHex},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    auto ref = reference::ParseWithDefaultTag(row.text);
    EXPECT_EQ(ListName(ref), row.name);
    EXPECT_EQ(EntryName(ref), row.name);
  }
}

}  // namespace
}  // namespace mlist::store
