// The secrets the tests hand out (passwords, their base64 "user:password"
// forms, bearer and identity tokens), and the check that no output of a
// command shows one. The process runners (DockerCli, RunCli) check every
// output they capture, so each test that runs the plugin is covered
// without asking.
#pragma once

#include <string>
#include <vector>

namespace mlist::testing {

enum class SecretKind {
  kPassword,       // a password, and user:password in base64
  kToken,          // a bearer token or a registry token
  kIdentityToken,  // an OAuth2 refresh token
};

// Registers secret, known in messages as name (never by its value). Safe
// to call from any thread; secrets shorter than 8 characters are ignored
// (too likely to occur by chance).
void RegisterSecret(SecretKind kind, const std::string& name,
                    const std::string& secret);

// Registers password, and "user:password" in base64 as an Authorization
// header and config.json's "auth" carry it.
void RegisterLogin(const std::string& user, const std::string& password);

// The names of the registered secrets of kinds that occur in text.
std::vector<std::string> SecretsIn(const std::string& text,
                                   const std::vector<SecretKind>& kinds = {
                                       SecretKind::kPassword,
                                       SecretKind::kToken,
                                       SecretKind::kIdentityToken});

// Fails the calling test (ADD_FAILURE), naming what (the output checked)
// and each secret by name, when text shows any registered secret.
void ExpectNoSecret(const std::string& what, const std::string& text);

}  // namespace mlist::testing
