// Session::DeleteManifest and DeleteBlob against real registries, with
// deletes enabled and, as distribution ships, disabled.
#include <gtest/gtest.h>

#include <chrono>

#include "base/digest.h"
#include "registry/registry_error.h"
#include "registry/session.h"
#include "support/cli_text.h"
#include "support/fixtures.h"
#include "support/registry.h"

namespace mlist::testing {
namespace {

using reference::Parse;

registry::SessionOptions Insecure(const TestRegistry& r) {
  registry::SessionOptions options = AsUserOf(r);
  options.retry_base = std::chrono::milliseconds(10);
  return options;
}

// The RegistryError f throws; fails the test when it throws none.
template <typename F>
registry::RegistryError RegistryErrorOf(F f) {
  try {
    f();
  } catch (const registry::RegistryError& e) {
    return e;
  }
  ADD_FAILURE() << "no RegistryError";
  return registry::RegistryError("none", 0, {});
}

TEST(SessionDelete, ManifestGoesWithItsTag) {
  TestRegistry r(TestRegistryOptions::Plain());
  registry::Session session(Insecure(r));
  auto tagged = Parse(r.host_port() + "/app:1");
  PushedImage image =
      PushImage(session, tagged, SevenPlatforms()[0], ImageFormat::kOci);
  auto by_digest = Parse(r.host_port() + "/app@" + image.digest);

  session.DeleteManifest(by_digest);
  EXPECT_FALSE(session.HeadManifest(by_digest).has_value());
  // distribution removes the tags that pointed at it.
  EXPECT_FALSE(session.HeadManifest(tagged).has_value());
  auto again = RegistryErrorOf([&] { session.DeleteManifest(by_digest); });
  EXPECT_EQ(again.status(), 404);
  EXPECT_TRUE(again.HasCode("MANIFEST_UNKNOWN"));
  EXPECT_EQ(std::string(again.what()),
            "deleting manifest \"" + by_digest.String() +
                "\": manifest unknown: manifest unknown");
  EXPECT_EQ(r.CountRequests("DELETE", "/v2/app/manifests/" + image.digest), 2u);
}

TEST(SessionDelete, BlobLeavesTheRepository) {
  TestRegistry r(TestRegistryOptions::Plain());
  registry::Session session(Insecure(r));
  auto repo = Parse(r.host_port() + "/app");
  PushedImage image = PushImage(session, Parse(r.host_port() + "/app:1"),
                                SevenPlatforms()[0], ImageFormat::kDocker);
  ASSERT_TRUE(session.HeadBlob(repo, image.config_digest).has_value());

  session.DeleteBlob(repo, image.config_digest);
  EXPECT_FALSE(session.HeadBlob(repo, image.config_digest).has_value());
  auto again =
      RegistryErrorOf([&] { session.DeleteBlob(repo, image.config_digest); });
  EXPECT_EQ(again.status(), 404);
  EXPECT_TRUE(again.HasCode("BLOB_UNKNOWN"));
  // The other blob is untouched.
  EXPECT_TRUE(session.HeadBlob(repo, image.layer_digest).has_value());
}

// distribution's default: every DELETE is 405 UNSUPPORTED, and nothing
// goes.
TEST(SessionDelete, DisabledDeletesAreUnsupported) {
  auto options = TestRegistryOptions::Plain();
  options.delete_enabled = false;
  TestRegistry r(options);
  registry::Session session(Insecure(r));
  auto repo = Parse(r.host_port() + "/app");
  PushedImage image = PushImage(session, Parse(r.host_port() + "/app:1"),
                                SevenPlatforms()[0], ImageFormat::kOci);
  auto by_digest = Parse(r.host_port() + "/app@" + image.digest);

  auto manifest = RegistryErrorOf([&] { session.DeleteManifest(by_digest); });
  EXPECT_EQ(manifest.status(), 405);
  EXPECT_TRUE(manifest.HasCode("UNSUPPORTED"));
  EXPECT_EQ(
      std::string(manifest.what()),
      "deleting manifest \"" + by_digest.String() + "\": " + manifest.reason());
  EXPECT_EQ(manifest.reason().rfind("unsupported: ", 0), 0u)
      << manifest.reason();
  auto blob =
      RegistryErrorOf([&] { session.DeleteBlob(repo, image.config_digest); });
  EXPECT_EQ(blob.status(), 405);
  EXPECT_TRUE(blob.HasCode("UNSUPPORTED"));
  EXPECT_TRUE(session.HeadManifest(by_digest).has_value());
  EXPECT_TRUE(session.HeadBlob(repo, image.config_digest).has_value());
}

// A token registry wants the "delete" action for DELETE: the token asked
// for must carry it.
TEST(SessionDelete, TokenAsksForTheDeleteAction) {
  TestRegistry r(TestRegistryOptions::Token());
  registry::Session session(Insecure(r));
  PushedImage image = PushImage(session, Parse(r.host_port() + "/app:1"),
                                SevenPlatforms()[0], ImageFormat::kOci);
  auto by_digest = Parse(r.host_port() + "/app@" + image.digest);
  session.DeleteManifest(by_digest);
  EXPECT_FALSE(session.HeadManifest(by_digest).has_value());
  bool asked = false;
  for (const auto& request : r.token_issuer()->Requests()) {
    for (const auto& scope : request.scopes) {
      asked = asked || scope == "repository:app:delete";
    }
  }
  EXPECT_TRUE(asked);
}

}  // namespace
}  // namespace mlist::testing
