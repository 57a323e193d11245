// Shared by the store tests: stand-in entry records, a store in a fresh
// configuration directory, and child processes.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <optional>
#include <string>

#include "reference/reference.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace mlist::store::testing {

using mlist::testing::TempDir;

// A stand-in record in the shape of docker's, with the fields the tests
// need: {"Ref":"<ref>","N":<n>,"Pad":"<pad>","End":true}. A record cut
// anywhere lacks its last field.
inline std::string Record(const std::string& ref, long n = 0, size_t pad = 0) {
  return "{\"Ref\":\"" + ref + "\",\"N\":" + std::to_string(n) + ",\"Pad\":\"" +
         std::string(pad, 'x') + "\",\"End\":true}";
}

inline std::string Record(const reference::Reference& ref, long n = 0,
                          size_t pad = 0) {
  return Record(ref.String(), n, pad);
}

// Returns the text between `"<field>":` and the next ',' or '}'
// (quotes dropped), or nothing.
inline std::optional<std::string> Field(const std::string& record,
                                        const std::string& field) {
  std::string key = "\"" + field + "\":";
  size_t at = record.find(key);
  if (at == std::string::npos) {
    return std::nullopt;
  }
  at += key.size();
  size_t end = record.find_first_of(",}", at);
  if (end == std::string::npos) {
    return std::nullopt;
  }
  std::string value = record.substr(at, end - at);
  if (value.size() >= 2 && value.front() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  return value;
}

// The RecordRefReader the tests give the store.
inline std::optional<std::string> RefOf(const std::string& record) {
  return Field(record, "Ref");
}

// Whether record is whole.
inline bool IsWhole(const std::string& record) {
  return record.size() > 12 &&
         record.compare(record.size() - 12, 12, ",\"End\":true}") == 0;
}

inline long CountOf(const std::string& record) {
  return std::stol(Field(record, "N").value_or("-1"));
}

inline reference::Reference Ref(const std::string& text) {
  return reference::ParseWithDefaultTag(text);
}

// A store in a fresh configuration directory.
class StoreTest : public ::testing::Test {
 protected:
  Store MakeStore(StoreOptions options = {}) const {
    return Store(dir_.path(), &RefOf, options);
  }
  std::string Manifests() const { return dir_.Join("manifests"); }
  std::string ListDir(const reference::Reference& list) const {
    return Manifests() + "/" + reference::FileSafeName(list);
  }

  TempDir dir_;
  Store store_ = MakeStore();
};

// Runs body in a child process; returns the child's pid. The child
// exits 0 when body returns, 1 when it throws.
inline pid_t Spawn(const std::function<void()>& body) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int code = 0;
    try {
      body();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "child: %s\n", e.what());
      code = 1;
    }
    ::_exit(code);
  }
  return pid;
}

// Waits for pid; returns its exit status, or 128 + the signal number.
inline int Wait(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace mlist::store::testing
