// A real registry for the integration tests: Debian's docker-registry
// (distribution 2.8) on loopback with its own storage, configuration and
// logs in a temporary folder, optionally with TLS and authentication.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "support/server_process.h"
#include "support/temp_dir.h"
#include "support/test_http.h"
#include "support/token_issuer.h"

namespace mlist::testing {

enum class RegistryAuth {
  kNone,
  // htpasswd: Basic credentials checked by the registry itself.
  kBasic,
  // Bearer tokens from a TokenIssuer that the registry starts and owns.
  kToken,
};

// How the server certificate of a TLS registry fails verification, while
// ca_file() still signs it: trusting that CA leaves this one reason.
enum class CertFault {
  kNone,
  // Its validity ended a day ago.
  kExpired,
  // It names registry.invalid only, no loopback address or name.
  kWrongHost,
};

struct TestRegistryOptions {
  RegistryAuth auth = RegistryAuth::kNone;
  // HTTPS with a server certificate from a CA made for this registry.
  bool tls = false;
  // With tls: a server certificate that no client should accept (the
  // token issuer of kToken serves it too).
  CertFault cert_fault = CertFault::kNone;
  // Listen on [::1] instead of 127.0.0.1 (the token issuer too).
  bool ipv6 = false;
  // The one user of kBasic and kToken.
  std::string user = "mlist";
  std::string password = "mlist-password";
  // storage.delete.enabled: false makes every DELETE answer 405
  // UNSUPPORTED, as distribution does by default.
  bool delete_enabled = true;
  // The registry program; empty means docker-registry from $PATH.
  std::string program;
  // For kToken; user and password are added to its users.
  TokenIssuerOptions token;

  // Plain HTTP, no authentication.
  static TestRegistryOptions Plain();
  // HTTPS and htpasswd.
  static TestRegistryOptions Basic();
  // Plain HTTP and bearer tokens.
  static TestRegistryOptions Token();
};

// One request from the registry's access log.
struct AccessLogEntry {
  std::string method;
  std::string target;  // path and query, as requested
  int status = 0;
  std::string user_agent;
};

class TestRegistry {
 public:
  // Starts the registry and waits until GET /v2/ answers (10 s at most).
  // Throws mlist::Error with the registry's log when it does not start.
  explicit TestRegistry(TestRegistryOptions options = {});
  // Stops the registry (also when the test failed) and removes its
  // folder.
  ~TestRegistry();
  TestRegistry(const TestRegistry&) = delete;
  TestRegistry& operator=(const TestRegistry&) = delete;

  // "127.0.0.1:PORT" or "[::1]:PORT": the registry part of references.
  std::string host_port() const;
  // "http://" or "https://" and host_port().
  std::string base_url() const;
  // The PEM file of the CA that signed the server certificate; "" without
  // TLS. Copy it to certs.d/<host_port>/ca.crt to trust the registry.
  const std::string& ca_file() const { return ca_file_; }
  const std::string& user() const { return options_.user; }
  const std::string& password() const { return options_.password; }
  // Where the registry keeps blobs and manifests.
  std::string storage_dir() const;
  // The token issuer of a kToken registry; nullptr otherwise.
  TokenIssuer* token_issuer() const { return issuer_.get(); }

  // A client for this registry that trusts ca_file() (and so fails on a
  // cert_fault).
  TestHttpClient Client() const;

  // The requests the registry has answered since it started (its own
  // readiness checks left out), oldest first.
  std::vector<AccessLogEntry> AccessLog() const;
  // How many of AccessLog() have method and a target starting with
  // target_prefix.
  size_t CountRequests(const std::string& method,
                       const std::string& target_prefix = "") const;

  // The registry's own log (standard error): for failure messages.
  std::string Log() const;

  pid_t pid() const { return process_->pid(); }
  bool Running() const { return process_->Running(); }
  // Stops the registry now; the folder stays until destruction.
  void Stop() { process_->Stop(); }

 private:
  void PrepareTls();
  void PrepareBasic();
  void PrepareToken();
  std::string Config() const;
  bool Launch();
  bool WaitUntilReady(std::string& why) const;

  TestRegistryOptions options_;
  TempDir dir_;
  std::string host_;
  int port_ = 0;
  std::string ca_file_;
  std::unique_ptr<TokenIssuer> issuer_;
  // Last, so that the registry stops before anything else goes away.
  std::unique_ptr<ServerProcess> process_;
};

}  // namespace mlist::testing
