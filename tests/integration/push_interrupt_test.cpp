// A push interrupted while the registry is slow, by a signal or by docker
// closing its plugin socket: the plugin stops, exits non-zero, and the
// local list is intact.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "support/docker_cli.h"
#include "support/fault_server.h"
#include "support/fixtures.h"
#include "support/paths.h"
#include "support/registry.h"
#include "support/scoped_env.h"
#include "support/server_process.h"

namespace mlist::testing {
namespace {

using std::chrono::milliseconds;

// Waits up to 10 s for the process to end; returns its exit code.
int WaitExit(ServerProcess& p) {
  for (int i = 0; i < 200 && p.Running(); ++i) {
    std::this_thread::sleep_for(milliseconds(50));
  }
  return p.exit_code();
}

class PushInterruptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry::SessionOptions options;
    options.insecure = true;
    registry::Session session(options);
    image_ = PushImage(session, reference::Parse(source_.host_port() + "/a:1"),
                       SevenPlatforms()[0], ImageFormat::kDocker);
    // The list's registry answers nothing for a long while.
    TestHttpResponse slow = Answer(500);
    slow.pause = milliseconds(20000);
    stalled_ = std::make_unique<FaultServer>(Script({slow}));
    list_ = stalled_->host_port() + "/app:1";
    auto r = cli_.Plugin({"create", "--insecure", list_, image_.ref.String()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    before_ = cli_.Plugin({"inspect", list_});
    ASSERT_EQ(before_.exit_code, 0) << before_.err;
  }

  // Starts a push that will hang on the stalled registry.
  std::unique_ptr<ServerProcess> StartPush() {
    auto p = std::make_unique<ServerProcess>(
        std::vector<std::string>{PluginBinary(), "--config", cli_.config_dir(),
                                 "push", "--insecure", list_},
        dir_.Join("out"), dir_.Join("err"));
    // Until the registry has the request, the push is under way.
    for (int i = 0; i < 100 && stalled_->requests() == 0; ++i) {
      std::this_thread::sleep_for(milliseconds(50));
    }
    EXPECT_GT(stalled_->requests(), 0);
    return p;
  }

  void ExpectListIntact() {
    auto after = cli_.Plugin({"inspect", list_});
    EXPECT_EQ(after.exit_code, 0) << after.err;
    EXPECT_EQ(after.out, before_.out);
  }

  TestRegistry source_{TestRegistryOptions::Plain()};
  PushedImage image_;
  std::unique_ptr<FaultServer> stalled_;
  std::string list_;
  DockerCli cli_;
  TempDir dir_;
  base::ProcessResult before_;
};

TEST_F(PushInterruptTest, SigintStopsItAndKeepsTheList) {
  auto push = StartPush();
  ::kill(push->pid(), SIGINT);
  EXPECT_EQ(WaitExit(*push), 128 + SIGINT);
  ExpectListIntact();
}

TEST_F(PushInterruptTest, SigtermStopsItAndKeepsTheList) {
  auto push = StartPush();
  ::kill(push->pid(), SIGTERM);
  EXPECT_EQ(WaitExit(*push), 128 + SIGTERM);
  ExpectListIntact();
}

TEST_F(PushInterruptTest, ClosingDockersPluginSocketCancelsIt) {
  // docker listens on an abstract socket and closes it to cancel.
  std::string name = "mlist-test-" + std::to_string(::getpid());
  int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path + 1, name.data(), name.size());
  socklen_t length =
      static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
  ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr*>(&addr), length), 0);
  ASSERT_EQ(::listen(listener, 1), 0);
  ScopedEnv socket_env("DOCKER_CLI_PLUGIN_SOCKET", "@" + name);
  auto push = StartPush();
  int connection = ::accept(listener, nullptr, nullptr);
  ASSERT_GE(connection, 0);
  ::close(connection);
  ::close(listener);
  EXPECT_EQ(WaitExit(*push), 128 + SIGTERM);
  ExpectListIntact();
}

}  // namespace
}  // namespace mlist::testing
