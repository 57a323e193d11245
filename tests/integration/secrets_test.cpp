// No secret shown, none written: docker mlist with -D pushing to a
// registry with token auth, logged in through config.json or through a
// credential helper that hands out an identity token. The process
// runners check every output for the tests' secrets (support/secrets.h);
// these tests add what they cannot see: the files a run leaves behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <system_error>

#include "support/cli_text.h"
#include "support/crypto.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/registry.h"
#include "support/secrets.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;

// Files larger than this are no config or temporary file of ours.
constexpr uintmax_t kLargestScanned = 16 << 20;

// The entries directly under dir.
std::set<std::string> Entries(const std::string& dir) {
  std::set<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    out.insert(it->path().string());
  }
  return out;
}

// "path: the token's name" for each registered token or identity token
// that a regular file under path (or path itself) holds.
std::vector<std::string> TokensOnDisk(const std::string& path) {
  std::vector<std::string> found;
  auto scan = [&](const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec) ||
        fs::file_size(file, ec) > kLargestScanned || ec) {
      return;
    }
    for (const auto& name :
         SecretsIn(ReadFile(file.string()),
                   {SecretKind::kToken, SecretKind::kIdentityToken})) {
      found.push_back(file.string() + ": " + name);
    }
  };
  std::error_code ec;
  scan(path);
  for (fs::recursive_directory_iterator
           it(path, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    scan(it->path());
  }
  return found;
}

class SecretsTest : public ::testing::Test {
 protected:
  static constexpr const char* kIdentityToken = "mlist-identity-token-4d7e1a";

  static void SetUpTestSuite() {
    TestRegistryOptions options = TestRegistryOptions::Token();
    options.token.refresh_tokens = {{kIdentityToken, options.user}};
    registry_ = new TestRegistry(options);
    registry::Session session(AsUserOf(*registry_));
    image_ = new PushedImage(PushImage(
        session, reference::Parse(registry_->host_port() + "/src:amd64"),
        {"linux", "amd64", "", ""}, ImageFormat::kDocker));
  }
  static void TearDownTestSuite() {
    delete image_;
    delete registry_;
    image_ = nullptr;
    registry_ = nullptr;
  }

  std::string Ref(const std::string& rest) const {
    return registry_->host_port() + "/" + rest;
  }

  // Runs the plugin with -D and its temporary files in tmp_.
  base::ProcessResult Mlist(const std::vector<std::string>& args) const {
    return cli_.Plugin(Cat({"-D"}, args), Cat({"TMPDIR=" + tmp_.path()}, env_));
  }

  // Creates list from the image and pushes it; expects both to succeed,
  // and expects that no token is left under the config directory, the
  // run's TMPDIR or what appeared in /tmp meanwhile.
  void CreateAndPushLeavingNoToken(const std::string& list) {
    auto before = Entries("/tmp");
    auto created = Mlist({"create", "--insecure", list, Ref("src:amd64")});
    ASSERT_EQ(created.exit_code, 0) << created.err;
    auto pushed = Mlist({"push", "--insecure", list});
    ASSERT_EQ(pushed.exit_code, 0) << pushed.err;
    EXPECT_NE(pushed.err.find("DEBU["), std::string::npos);
    std::vector<std::string> found = TokensOnDisk(cli_.config_dir());
    for (const auto& path : {tmp_.path()}) {
      auto more = TokensOnDisk(path);
      found.insert(found.end(), more.begin(), more.end());
    }
    for (const auto& path : Entries("/tmp")) {
      if (before.count(path) == 0) {
        auto more = TokensOnDisk(path);
        found.insert(found.end(), more.begin(), more.end());
      }
    }
    EXPECT_EQ(found, std::vector<std::string>{});
  }

  // How many token requests of grant type (GET: "") the issuer answered
  // 200.
  static size_t Granted(const std::string& grant_type) {
    size_t n = 0;
    for (const auto& r : registry_->token_issuer()->Requests()) {
      n += r.status == 200 && r.grant_type == grant_type && !r.user.empty();
    }
    return n;
  }

  static TestRegistry* registry_;
  static PushedImage* image_;
  DockerCli cli_;
  TempDir tmp_;
  std::vector<std::string> env_;
};

TestRegistry* SecretsTest::registry_ = nullptr;
PushedImage* SecretsTest::image_ = nullptr;

TEST_F(SecretsTest, LoginTokensNeverHitDisk) {
  std::string config =
      "{\"auths\":{\"" + registry_->host_port() + "\":{\"auth\":\"" +
      Base64(registry_->user() + ":" + registry_->password()) + "\"}}}";
  WriteFile(cli_.config_dir() + "/config.json", config);
  size_t granted = Granted("");
  CreateAndPushLeavingNoToken(Ref("login:list"));
  EXPECT_GE(Granted(""), granted + 2) << "a token for create and for push";
  EXPECT_EQ(ReadFile(cli_.config_dir() + "/config.json"), config);
}

TEST_F(SecretsTest, IdentityTokenFromAHelperIsNeverShownNorWritten) {
  TempDir helpers;
  helpers.Write("docker-credential-mlistsecret",
                "#!/bin/sh\ncat >/dev/null\nprintf "
                "'{\"Username\":\"<token>\",\"Secret\":\"%s\"}' " +
                    std::string(kIdentityToken) + "\n",
                0755);
  WriteFile(
      cli_.config_dir() + "/config.json",
      "{\"credHelpers\":{\"" + registry_->host_port() + "\":\"mlistsecret\"}}");
  const char* path = std::getenv("PATH");
  env_ = {"PATH=" + helpers.path() + ":" +
          (path != nullptr ? path : "/usr/bin:/bin")};
  size_t refreshed = Granted("refresh_token");
  CreateAndPushLeavingNoToken(Ref("identity:list"));
  EXPECT_GE(Granted("refresh_token"), refreshed + 2);
}

}  // namespace
}  // namespace mlist::testing
