// The POSIX file operations the store is built from: whole-file reads,
// files written complete before anyone can see them, renames, directory
// syncs and removals. Every failure throws mlist::Error reading
// "<doing> "<path>": <reason>" with Go's lower-case errno wording.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mlist::store {

// Go's wording for an errno value: "permission denied", "no such file or
// directory".
std::string ErrnoText(int error);

// Throws mlist::Error "<doing> "<path>": <ErrnoText(error)>".
[[noreturn]] void ThrowErrno(std::string_view doing, const std::string& path,
                             int error);

// Returns the whole content of path, or nothing when it does not exist.
// Throws when it exists but cannot be read.
std::optional<std::string> ReadFileIfExists(const std::string& path);

// Like ReadFileIfExists for the file name inside the open directory
// dir_fd; path is only used in error messages.
std::optional<std::string> ReadFileAt(int dir_fd, const std::string& name,
                                      const std::string& path);

// Returns the names in directory path (no "." or ".."), sorted bytewise
// as Go's os.ReadDir sorts them; none when path does not exist. With
// only_dirs, keeps only the names of directories.
std::vector<std::string> SortedNames(const std::string& path,
                                     bool only_dirs = false);

// Creates path and the directories above it, mode 0755 less the umask as
// docker's os.MkdirAll(path, 0o755). An existing directory is fine.
void MakeDirs(const std::string& path);

// Creates path, which must not exist, with mode 0644 less the umask (as
// docker's os.WriteFile(path, bytes, 0o644)), writes bytes and fsyncs it.
// On failure the partial file is removed before the error is thrown.
void WriteNewFile(const std::string& path, std::string_view bytes);

// Returns a name for a new file or folder in a staging directory:
// "<stem>.<pid>.<counter>.<nanoseconds>.tmp", unique across the threads
// and processes of one machine.
std::string UniqueName(std::string_view stem);

// Writes bytes to a new file in staging_dir (created when missing), then
// renames it over target, so that target is at every moment either its
// old content or the new one, never a part. The folder of target must
// exist and be on the same file system as staging_dir.
void WriteAtomically(const std::string& staging_dir, const std::string& target,
                     std::string_view bytes);

// rename(2) from to to; throws naming both.
void RenamePath(const std::string& from, const std::string& to);

// Returns whether renameat2(RENAME_EXCHANGE) swapped the two existing
// paths atomically; false when the kernel or file system cannot (EINVAL,
// ENOSYS, EOPNOTSUPP, or overlayfs's EXDEV). Throws on other failures.
bool ExchangePaths(const std::string& a, const std::string& b);

// fsyncs directory path so that renames and unlinks in it are durable.
void SyncDir(const std::string& path);

// Removes the file path; returns false when it did not exist.
bool RemoveFile(const std::string& path);

// Removes path and everything below it; a missing path is fine.
void RemoveTree(const std::string& path);

}  // namespace mlist::store
