#include "support/secrets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>

#include "support/crypto.h"

namespace mlist::testing {
namespace {

constexpr size_t kShortest = 8;

struct Secret {
  SecretKind kind;
  std::string name;
  std::string value;
};

// Never emptied: a secret of an earlier test must not show up later
// either, and the list stays small (a few per test).
struct Registry {
  std::mutex mu;
  std::vector<Secret> secrets;
};

Registry& TheRegistry() {
  static Registry* registry = new Registry;
  return *registry;
}

}  // namespace

void RegisterSecret(SecretKind kind, const std::string& name,
                    const std::string& secret) {
  if (secret.size() < kShortest) {
    return;
  }
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mu);
  for (const Secret& known : registry.secrets) {
    if (known.value == secret && known.kind == kind) {
      return;
    }
  }
  registry.secrets.push_back({kind, name, secret});
}

void RegisterLogin(const std::string& user, const std::string& password) {
  RegisterSecret(SecretKind::kPassword, "password of " + user, password);
  RegisterSecret(SecretKind::kPassword, "base64 login of " + user,
                 Base64(user + ":" + password));
}

std::vector<std::string> SecretsIn(const std::string& text,
                                   const std::vector<SecretKind>& kinds) {
  std::vector<std::string> found;
  Registry& registry = TheRegistry();
  std::lock_guard<std::mutex> lock(registry.mu);
  for (const Secret& secret : registry.secrets) {
    bool wanted =
        std::find(kinds.begin(), kinds.end(), secret.kind) != kinds.end();
    if (wanted && text.find(secret.value) != std::string::npos) {
      found.push_back(secret.name);
    }
  }
  return found;
}

void ExpectNoSecret(const std::string& what, const std::string& text) {
  for (const std::string& name : SecretsIn(text)) {
    ADD_FAILURE() << what << " shows a secret: the " << name;
  }
}

}  // namespace mlist::testing
