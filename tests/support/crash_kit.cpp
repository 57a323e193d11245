#include "support/crash_kit.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <thread>

#include "manifest/json_read.h"
#include "manifest/record.h"
#include "support/cli_text.h"
#include "support/temp_dir.h"

namespace mlist::testing {

namespace fs = std::filesystem;

std::set<std::string> DirNames(const std::string& dir) {
  std::set<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    names.insert(it->path().filename().string());
  }
  return names;
}

bool KillNow(ServerProcess& p) {
  bool running = p.Running();
  if (running) {
    ::kill(p.pid(), SIGKILL);
  }
  while (p.Running()) {
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  return running;
}

unsigned CrashSeed() {
  if (const char* s = std::getenv("MLIST_CRASH_SEED")) {
    return static_cast<unsigned>(std::strtoul(s, nullptr, 10));
  }
  return std::random_device{}();
}

void ExpectWholeRecords(const std::string& config_dir) {
  fs::path root = fs::path(config_dir) / "manifests";
  std::error_code ec;
  for (const auto& list : fs::directory_iterator(root, ec)) {
    ASSERT_TRUE(list.is_directory()) << list.path();
    for (const auto& entry : fs::directory_iterator(list.path())) {
      SCOPED_TRACE(entry.path().string());
      ASSERT_TRUE(entry.is_regular_file());
      std::string bytes = ReadFile(entry.path());
      rapidjson::Document doc;
      EXPECT_NO_THROW(manifest::ParseJsonStrictly(bytes, doc));
      EXPECT_NO_THROW(manifest::DecodeRecord(bytes));
    }
  }
}

std::string InspectBoth(const DockerCli& cli, const std::string& list,
                        const std::vector<std::string>& flags) {
  std::vector<std::string> args = Cat({"inspect"}, flags);
  args.push_back(list);
  auto want = cli.Docker(Cat({"manifest"}, args));
  auto got = cli.Docker(Cat({"mlist"}, args));
  EXPECT_EQ(got.exit_code, want.exit_code) << got.err << want.err;
  EXPECT_EQ(got.out, want.out);
  if (want.exit_code != 0) {
    // No local list, and the registry has no such tag either.
    EXPECT_EQ(want.out, "");
    EXPECT_NE(want.err.find("no such manifest"), std::string::npos) << want.err;
  }
  return want.out;
}

}  // namespace mlist::testing
