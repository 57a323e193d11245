#include "support/cli_text.h"

#include <gtest/gtest.h>

#include "base/digest.h"
#include "base/process.h"
#include "support/registry.h"

namespace mlist::testing {

std::vector<std::string> Cat(std::vector<std::string> a,
                             const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::string LastLine(const std::string& out) {
  std::string text = out;
  while (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text.substr(text.rfind('\n') + 1);
}

registry::Manifest FetchInsecure(const std::string& ref) {
  registry::SessionOptions options;
  options.insecure = true;
  registry::Session session(options);
  return session.GetManifest(reference::Parse(ref));
}

std::string SkopeoDigest(const std::string& ref) {
  auto r = base::RunProcess(
      {"skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + ref});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return base::Sha256Digest(r.out);
}

registry::SessionOptions AsUserOf(const TestRegistry& registry) {
  return AsUser(registry.user(), registry.password());
}

registry::SessionOptions AsUser(const std::string& user,
                                const std::string& password) {
  registry::SessionOptions options;
  options.insecure = true;
  options.credentials = [user, password](const std::string&) {
    config::Credential credential;
    credential.username = user;
    credential.password = password;
    return credential;
  };
  return options;
}

}  // namespace mlist::testing
