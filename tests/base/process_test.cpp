#include "base/process.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::base {
namespace {

TEST(RunProcess, FeedsInputAndCapturesBothStreams) {
  ProcessOptions options;
  options.input = "hello";
  auto r = RunProcess({"sh", "-c", "cat; echo oops >&2; exit 3"}, options);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "hello");
  EXPECT_EQ(r.err, "oops\n");
  EXPECT_FALSE(r.timed_out);
}

TEST(RunProcess, ChangesTheEnvironment) {
  ProcessOptions options;
  options.env = {"MLIST_A=1", "HOME"};
  auto r = RunProcess({"sh", "-c", "echo \"$MLIST_A:${HOME-unset}\""},
                      options);
  EXPECT_EQ(r.out, "1:unset\n");
}

TEST(RunProcess, KillsAProgramPastItsTimeout) {
  ProcessOptions options;
  options.timeout = std::chrono::milliseconds(200);
  auto start = std::chrono::steady_clock::now();
  auto r = RunProcess({"sleep", "30"}, options);
  EXPECT_TRUE(r.timed_out);
  EXPECT_EQ(r.exit_code, 128 + 9);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(RunProcess, MissingProgramIsAClearError) {
  try {
    RunProcess({"mlist-no-such-program"});
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "exec: \"mlist-no-such-program\": executable file not "
                 "found in $PATH");
  }
}

TEST(RunProcess, LargeOutputDoesNotDeadlock) {
  ProcessOptions options;
  options.input = std::string(1 << 20, 'x');
  auto r = RunProcess({"cat"}, options);
  EXPECT_EQ(r.out.size(), size_t{1} << 20);
}

}  // namespace
}  // namespace mlist::base
