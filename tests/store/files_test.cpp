#include "store/files.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "base/error.h"
#include "support/temp_dir.h"

namespace mlist::store {
namespace {

using testing::ReadFile;
using testing::TempDir;

int Mode(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

// Sets the umask for one test.
class ScopedUmask {
 public:
  explicit ScopedUmask(mode_t mask) : old_(::umask(mask)) {}
  ~ScopedUmask() { ::umask(old_); }

 private:
  mode_t old_;
};

TEST(StoreFiles, ReadingAMissingFileGivesNothing) {
  TempDir dir;
  EXPECT_FALSE(ReadFileIfExists(dir.Join("none")).has_value());
  EXPECT_EQ(ReadFileIfExists(dir.Write("f", "abc")), "abc");
}

TEST(StoreFiles, ReadingADirectorySaysWhyInGosWords) {
  TempDir dir;
  try {
    ReadFileIfExists(dir.path());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "reading \"" + dir.path() + "\": is a directory");
  }
}

TEST(StoreFiles, NamesComeSortedBytewiseAsGoReadsThem) {
  TempDir dir;
  for (const char* name : {"b", "B", "a-1", "a_1", "a", "a-10"}) {
    dir.Write(name, "");
  }
  std::vector<std::string> want = {"B", "a", "a-1", "a-10", "a_1", "b"};
  EXPECT_EQ(SortedNames(dir.path()), want);
  EXPECT_TRUE(SortedNames(dir.Join("none")).empty());
}

TEST(StoreFiles, OnlyDirsSkipsFiles) {
  TempDir dir;
  dir.Write("f", "");
  MakeDirs(dir.Join("d"));
  EXPECT_EQ(SortedNames(dir.path(), true), std::vector<std::string>{"d"});
}

TEST(StoreFiles, NewFileRefusesToOverwrite) {
  TempDir dir;
  std::string path = dir.Write("f", "old");
  EXPECT_THROW(WriteNewFile(path, "new"), Error);
  EXPECT_EQ(ReadFile(path), "old");
}

TEST(StoreFiles, AtomicWriteReplacesAndLeavesNoTempBehind) {
  TempDir dir;
  std::string target = dir.Write("out/f", "old");
  WriteAtomically(dir.Join("tmp"), target, "new");
  EXPECT_EQ(ReadFile(target), "new");
  EXPECT_TRUE(SortedNames(dir.Join("tmp")).empty());
  EXPECT_EQ(SortedNames(dir.Join("out")), std::vector<std::string>{"f"});
}

TEST(StoreFiles, FailedRenameRemovesTheTempFile) {
  TempDir dir;
  EXPECT_THROW(WriteAtomically(dir.Join("tmp"), dir.Join("missing/f"), "bytes"),
               Error);
  EXPECT_TRUE(SortedNames(dir.Join("tmp")).empty());
}

TEST(StoreFiles, ModesFollowDockersLessTheUmask) {
  for (mode_t mask : {022, 077}) {
    SCOPED_TRACE(mask);
    ScopedUmask umask(mask);
    TempDir dir;
    MakeDirs(dir.Join("a/b"));
    WriteAtomically(dir.Join("tmp"), dir.Join("a/b/f"), "x");
    EXPECT_EQ(Mode(dir.Join("a")), 0755 & ~mask);
    EXPECT_EQ(Mode(dir.Join("a/b")), 0755 & ~mask);
    EXPECT_EQ(Mode(dir.Join("a/b/f")), 0644 & ~mask);
  }
}

TEST(StoreFiles, UniqueNamesDifferAndStayShort) {
  std::string long_stem(300, 's');
  std::string a = UniqueName(long_stem);
  EXPECT_NE(a, UniqueName(long_stem));
  EXPECT_LT(a.size(), 255u);
  EXPECT_EQ(a.substr(a.size() - 4), ".tmp");
}

TEST(StoreFiles, ExchangeSwapsTwoFolders) {
  TempDir dir;
  dir.Write("a/x", "1");
  dir.Write("b/y", "2");
  if (!ExchangePaths(dir.Join("a"), dir.Join("b"))) {
    GTEST_SKIP() << "no RENAME_EXCHANGE on this file system";
  }
  EXPECT_EQ(SortedNames(dir.Join("a")), std::vector<std::string>{"y"});
  EXPECT_EQ(SortedNames(dir.Join("b")), std::vector<std::string>{"x"});
}

TEST(StoreFiles, RemoveFileSaysWhetherItExisted) {
  TempDir dir;
  std::string path = dir.Write("f", "");
  EXPECT_TRUE(RemoveFile(path));
  EXPECT_FALSE(RemoveFile(path));
}

}  // namespace
}  // namespace mlist::store
