// docker mlist logged in through a real credential helper: Debian's
// docker-credential-pass, over pass and a GnuPG key made for the test,
// with the login put there by the helper's own `store` verb. The list is
// pushed through the docker CLI to an HTTPS registry with htpasswd, and
// config.json never holds the password.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/digest.h"
#include "base/process.h"
#include "reference/reference.h"
#include "registry/session.h"
#include "support/cli_text.h"
#include "support/docker_cli.h"
#include "support/fixtures.h"
#include "support/pass_store.h"
#include "support/registry.h"
#include "support/secrets.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

class CredentialPassTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    registry_ = new TestRegistry(TestRegistryOptions::Basic());
    registry::Session session(AsUserOf(*registry_));
    images_ = new std::vector<PushedImage>(
        PushImages(session, Ref("src"),
                   {{"linux", "amd64", "", ""}, {"linux", "arm64", "v8", ""}},
                   ImageFormat::kDocker, "v2"));
  }
  static void TearDownTestSuite() {
    delete images_;
    delete registry_;
    images_ = nullptr;
    registry_ = nullptr;
  }

  // Fails, not skips, without the programs: install/deps.sh installs
  // them.
  void SetUp() override {
    ASSERT_TRUE(HaveDocker()) << "the docker CLI is needed (install/deps.sh)";
    ASSERT_EQ(MissingPassPrograms(), std::vector<std::string>{})
        << "Debian's golang-docker-credential-helpers, pass and gnupg are "
           "needed (install/deps.sh)";
    pass_ = std::make_unique<PassStore>();
    ASSERT_FALSE(HasFailure()) << "the password store could not be made";
    // Trust the registry's CA as a user would: no --insecure anywhere.
    WriteFile(
        cli_.config_dir() + "/certs.d/" + registry_->host_port() + "/ca.crt",
        ReadFile(registry_->ca_file()));
  }

  static std::string Ref(const std::string& rest) {
    return registry_->host_port() + "/" + rest;
  }
  // The seeded images, as a user names them.
  static std::vector<std::string> Images() {
    std::vector<std::string> out;
    for (size_t i = 0; i < images_->size(); ++i) {
      out.push_back(Ref("src:v2-" + std::to_string(i)));
    }
    return out;
  }

  // What pushing Images() into repository repo says when the registry
  // refuses the first blob mount for want of a login. Which image and
  // which of its blobs go first is up to the parallel copy.
  static std::set<std::string> RefusedMountErrors(const std::string& repo) {
    std::set<std::string> out;
    for (size_t i = 0; i < images_->size(); ++i) {
      const PushedImage& image = (*images_)[i];
      for (const auto& blob : {image.config_digest, image.layer_digest}) {
        out.insert("copying \"" + Images()[i] + "\" to \"" + Ref(repo) +
                   "\": mounting blob " + blob + " from \"src\" into \"" +
                   Ref(repo) + "\": unauthorized: authentication required\n");
      }
    }
    return out;
  }

  std::string ConfigPath() const { return cli_.config_dir() + "/config.json"; }

  // Logs in through the helper's store verb, as `docker login` would with
  // this config.json, and checks that the helper lists the login.
  void StoreLogin() {
    auto stored = pass_->Store(registry_->host_port(), registry_->user(),
                               registry_->password());
    ASSERT_EQ(stored.exit_code, 0) << stored.out << stored.err;
    EXPECT_NE(pass_->List().out.find("\"" + registry_->host_port() + "\":"),
              std::string::npos);
  }

  // docker mlist ARGS..., with the store's GnuPG home and folder in the
  // environment docker hands the plugin (and the plugin the helper).
  base::ProcessResult Mlist(const std::vector<std::string>& args) const {
    return cli_.Docker(Cat({"mlist"}, args), pass_->Env());
  }

  // Creates list from Images() and pushes it with config (a config.json
  // naming the helper) as the only configuration; expects config.json
  // unchanged after, with no secret in it.
  void PushWithHelperConfig(const std::string& config,
                            const std::string& list) {
    WriteFile(ConfigPath(), config);
    StoreLogin();
    auto created = Mlist(Cat({"create", list}, Images()));
    ASSERT_EQ(created.exit_code, 0) << created.err;
    auto pushed = Mlist({"push", list});
    ASSERT_EQ(pushed.exit_code, 0) << pushed.err;
    ExpectPushed(list, LastLine(pushed.out));
    EXPECT_EQ(ReadFile(ConfigPath()), config);
    EXPECT_EQ(SecretsIn(ReadFile(ConfigPath())), std::vector<std::string>{});
  }

  // The registry holds list's bytes under digest, and list's tag names
  // them.
  static void ExpectPushed(const std::string& list, const std::string& digest) {
    registry::Session session(AsUserOf(*registry_));
    auto by_digest = session.GetManifest(
        reference::Parse(list.substr(0, list.rfind(':')) + "@" + digest));
    EXPECT_EQ(by_digest.digest, digest);
    EXPECT_EQ(base::Sha256Digest(by_digest.bytes), digest);
    EXPECT_EQ(session.GetManifest(reference::Parse(list)).digest, digest);
  }

  static TestRegistry* registry_;
  static std::vector<PushedImage>* images_;
  DockerCli cli_;
  std::unique_ptr<PassStore> pass_;
};

TestRegistry* CredentialPassTest::registry_ = nullptr;
std::vector<PushedImage>* CredentialPassTest::images_ = nullptr;

TEST_F(CredentialPassTest, CredsStorePassPushesWithTheStoredLogin) {
  PushWithHelperConfig("{\"credsStore\":\"pass\"}\n", Ref("store:list"));
}

TEST_F(CredentialPassTest, CredHelperForTheHostPushesWithTheStoredLogin) {
  PushWithHelperConfig(
      "{\"credHelpers\":{\"" + registry_->host_port() + "\":\"pass\"}}\n",
      Ref("helper:list"));
}

TEST_F(CredentialPassTest, ErasedLoginFailsThePushAndKeepsTheList) {
  WriteFile(ConfigPath(), "{\"credsStore\":\"pass\"}\n");
  StoreLogin();
  std::string list = Ref("erased:list");
  auto created = Mlist(Cat({"create", list}, Images()));
  ASSERT_EQ(created.exit_code, 0) << created.err;
  std::string before = Mlist({"inspect", list}).out;

  auto erased = pass_->Erase(registry_->host_port());
  ASSERT_EQ(erased.exit_code, 0) << erased.out << erased.err;
  EXPECT_EQ(pass_->List().out.find(registry_->host_port()), std::string::npos);
  auto r = Mlist({"push", list});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  // Debian's helper (0.6.4) answers a server it has no login for with an
  // empty one and exit status 0, not "credentials not found": either way
  // the plugin goes anonymous, and the registry's refusal is the error.
  EXPECT_EQ(RefusedMountErrors("erased").count(r.err), 1u) << r.err;
  EXPECT_EQ(registry_->CountRequests("PUT", "/v2/erased/"), 0u);
  auto inspect = Mlist({"inspect", list});
  EXPECT_EQ(inspect.exit_code, 0) << inspect.err;
  EXPECT_EQ(inspect.out, before);
}

}  // namespace
}  // namespace mlist::testing
