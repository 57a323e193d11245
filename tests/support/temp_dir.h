// Temporary folders and small file helpers for the tests.
#pragma once

#include <string>

namespace mlist::testing {

// A fresh folder under $TMPDIR (or /tmp), removed with all it holds when
// the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string Join(const std::string& name) const;
  // Writes content to name inside the folder; returns the file's path.
  std::string Write(const std::string& name, const std::string& content,
                    int mode = 0644) const;

 private:
  std::string path_;
};

// Writes content to path, creating the folders above it. mode is applied
// to the file (for example 0755 for a script).
void WriteFile(const std::string& path, const std::string& content,
               int mode = 0644);

// The whole content of path; fails the calling test when it is missing.
std::string ReadFile(const std::string& path);

}  // namespace mlist::testing
