// docker mlist push --purge while another command changes the list: the
// registry is held back on the list's PUT, an annotate lands meanwhile,
// and push keeps the changed list (with a warning) instead of removing
// it, so the annotation is not lost. Without a change, --purge removes
// the list, as docker manifest push --purge does.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "registry/session.h"
#include "support/crypto.h"
#include "support/docker_cli.h"
#include "support/fault_injector.h"
#include "support/fault_server.h"
#include "support/fixtures.h"
#include "support/memory_registry.h"

namespace mlist::testing {
namespace {

using std::chrono::milliseconds;

// How long the registry holds the list's PUT back: time for an annotate.
constexpr milliseconds kHold{2000};

class PushPurgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry::Session session(registry_.LoginOptions());
    PushImage(session, reference::Parse(Ref("src:amd64")),
              {"linux", "amd64", "", ""}, ImageFormat::kDocker);
    WriteFile(cli_.config_dir() + "/config.json",
              registry_.LoginConfig(server_.host_port()));
    auto made = Mlist({"create", "--insecure", List(), Ref("src:amd64")});
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }

  std::string Ref(const std::string& rest) const {
    return server_.host_port() + "/" + rest;
  }
  std::string List() const { return Ref("app:list"); }
  base::ProcessResult Mlist(const std::vector<std::string>& args) const {
    return cli_.Plugin(args);
  }

  // Holds the answer to the list's PUT back for kHold.
  void HoldListPut() {
    injector_.Set({[](const TestHttpRequest& r) {
                     return r.method == "PUT" &&
                            r.path == "/v2/app/manifests/list";
                   },
                   1, true,
                   [](auto&, TestHttpResponse real) {
                     std::this_thread::sleep_for(kHold);
                     return real;
                   }});
  }

  // Waits until the held PUT has come; false after kHold.
  bool WaitForHeldPut() const {
    auto deadline = std::chrono::steady_clock::now() + kHold;
    while (injector_.taken() == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        return false;
      }
      std::this_thread::sleep_for(milliseconds(5));
    }
    return true;
  }

  MemoryRegistry registry_{{"purger", "", false}};
  FaultInjector injector_{
      [this](const TestHttpRequest& r) { return registry_.Handle(r); }};
  FaultServer server_{
      [this](const TestHttpRequest& r) { return injector_.Handle(r); }};
  DockerCli cli_;
};

TEST_F(PushPurgeTest, AnAnnotateDuringThePushKeepsTheList) {
  HoldListPut();
  auto push = std::async(std::launch::async, [this] {
    return Mlist({"push", "--insecure", "--purge", List()});
  });
  ASSERT_TRUE(WaitForHeldPut());
  auto annotate =
      Mlist({"annotate", "--os-features", "late", List(), Ref("src:amd64")});
  EXPECT_EQ(annotate.exit_code, 0) << annotate.err;
  auto pushed = push.get();
  EXPECT_EQ(pushed.exit_code, 0) << pushed.err;
  EXPECT_EQ(pushed.err, "WARNING: not purging " + List() +
                            ": it changed during the push\n");
  // The list is kept with the change, and both tools read it.
  auto ours = Mlist({"inspect", "--verbose", List()});
  ASSERT_EQ(ours.exit_code, 0) << ours.err;
  EXPECT_NE(ours.out.find("\"late\""), std::string::npos) << ours.out;
  if (HaveDocker()) {
    auto theirs = cli_.Docker({"manifest", "inspect", "--verbose", List()});
    EXPECT_EQ(theirs.out, ours.out);
  }
}

TEST_F(PushPurgeTest, AnUnchangedListIsPurged) {
  auto pushed = Mlist({"push", "--insecure", "--purge", List()});
  EXPECT_EQ(pushed.exit_code, 0) << pushed.err;
  EXPECT_EQ(pushed.err, "");
  // No local list any more.
  EXPECT_EQ(Mlist({"rm", List()}).exit_code, 1);
}

}  // namespace
}  // namespace mlist::testing
