#include "support/registry.h"

#include <algorithm>
#include <chrono>
#include <regex>
#include <sstream>
#include <thread>

#include "base/error.h"
#include "base/process.h"
#include "support/certs.h"
#include "support/registry_config.h"
#include "support/secrets.h"

namespace mlist::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kLaunchAttempts = 5;
constexpr auto kStartTimeout = std::chrono::seconds(10);
constexpr auto kPollInterval = std::chrono::milliseconds(10);
constexpr auto kLogSettle = std::chrono::milliseconds(20);
constexpr size_t kLogTailLines = 30;
// The readiness checks send this User-Agent; AccessLog() skips them.
constexpr char kProbeAgent[] = "mlist-test-readiness";

std::string RegistryProgram(const std::string& program) {
  if (!program.empty()) {
    return program;
  }
  std::string path = base::LookPath("docker-registry");
  if (path.empty()) {
    throw Error(
        "starting a registry: docker-registry not found in $PATH "
        "(install/deps.sh installs it)");
  }
  return path;
}

std::string Tail(const std::string& text, size_t lines) {
  size_t pos = text.size();
  while (lines-- > 0 && pos > 0) {
    pos = text.rfind('\n', pos - 1);
    if (pos == std::string::npos) {
      return text;
    }
  }
  return text.substr(pos);
}

std::vector<AccessLogEntry> ParseAccessLog(const std::string& text) {
  // gorilla/handlers' combined format, one line per answered request:
  // 127.0.0.1 - - [03/Dec/2026:17:13:39 +0000] "GET /v2/ HTTP/1.1" 200 2
  // "" "curl/7.88.1"
  static const std::regex kLine(
      R"re(^\S+ \S+ \S+ \[[^\]]*\] "(\S+) (\S+) [^"]*" (\d+) \S+ )re"
      R"re("(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)"$)re");
  std::vector<AccessLogEntry> entries;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, kLine) && m[4] != kProbeAgent) {
      entries.push_back({m[1], m[2], std::stoi(m[3]), m[4]});
    }
  }
  return entries;
}

ServerCertSpec SpecFor(CertFault fault) {
  switch (fault) {
    case CertFault::kNone:
      break;
    case CertFault::kExpired:
      return ExpiredServerCert();
    case CertFault::kWrongHost:
      return WrongHostServerCert();
  }
  return ServerCertSpec();
}

}  // namespace

TestRegistryOptions TestRegistryOptions::Plain() {
  return {};
}

TestRegistryOptions TestRegistryOptions::Basic() {
  TestRegistryOptions options;
  options.auth = RegistryAuth::kBasic;
  options.tls = true;
  return options;
}

TestRegistryOptions TestRegistryOptions::Token() {
  TestRegistryOptions options;
  options.auth = RegistryAuth::kToken;
  return options;
}

TestRegistry::TestRegistry(TestRegistryOptions options)
    : options_(std::move(options)), host_(options_.ipv6 ? "::1" : "127.0.0.1") {
  if (options_.auth != RegistryAuth::kNone) {
    RegisterLogin(options_.user, options_.password);
  }
  if (options_.tls) {
    PrepareTls();
  }
  if (options_.auth == RegistryAuth::kBasic) {
    PrepareBasic();
  } else if (options_.auth == RegistryAuth::kToken) {
    PrepareToken();
  }
  // The free port may be taken by another test before the registry binds
  // it: try again with another.
  for (int attempt = 1; !Launch(); ++attempt) {
    if (attempt == kLaunchAttempts) {
      throw Error("starting docker-registry: no free port on " + host_ + "\n" +
                  Log());
    }
  }
}

TestRegistry::~TestRegistry() {
  process_.reset();
}

void TestRegistry::PrepareTls() {
  TestCert ca = MakeCa("mlist test CA");
  TestCert server = MakeServerCert(ca, SpecFor(options_.cert_fault));
  ca_file_ = dir_.Join("ca.pem");
  WriteFile(ca_file_, ca.cert_pem);
  WriteFile(dir_.Join("server.pem"), server.cert_pem);
  WriteFile(dir_.Join("server-key.pem"), server.key_pem, 0600);
}

void TestRegistry::PrepareBasic() {
  // bcrypt is the only hash distribution's htpasswd accepts.
  base::ProcessOptions limit;
  limit.timeout = std::chrono::seconds(10);
  auto r = base::RunProcess(
      {"htpasswd", "-Bbn", options_.user, options_.password}, limit);
  if (r.exit_code != 0) {
    throw Error("making an htpasswd file: " + r.err);
  }
  WriteFile(dir_.Join("htpasswd"), r.out);
}

void TestRegistry::PrepareToken() {
  TokenIssuerOptions token = options_.token;
  token.users[options_.user] = options_.password;
  token.host = host_;
  if (options_.tls) {
    token.cert_file = dir_.Join("server.pem");
    token.key_file = dir_.Join("server-key.pem");
  }
  issuer_ = std::make_unique<TokenIssuer>(token);
  WriteFile(dir_.Join("token-issuer.pem"), issuer_->cert_pem());
}

std::string TestRegistry::Config() const {
  RegistryConfig config;
  config.storage_dir = storage_dir();
  config.addr = host_port();
  config.delete_enabled = options_.delete_enabled;
  if (options_.tls) {
    config.cert_file = dir_.Join("server.pem");
    config.key_file = dir_.Join("server-key.pem");
  }
  if (options_.auth == RegistryAuth::kBasic) {
    config.htpasswd_file = dir_.Join("htpasswd");
  } else if (options_.auth == RegistryAuth::kToken) {
    config.token_realm = issuer_->realm();
    config.token_service = issuer_->service();
    config.token_issuer = issuer_->issuer();
    config.token_cert_bundle = dir_.Join("token-issuer.pem");
  }
  return RegistryConfigYaml(config);
}

bool TestRegistry::Launch() {
  port_ = FreePort(host_);
  std::string config = dir_.Join("config.yml");
  WriteFile(config, Config());
  // Fresh logs, so that only this attempt's errors are looked at.
  WriteFile(dir_.Join("registry.out"), "");
  WriteFile(dir_.Join("registry.err"), "");
  process_ = std::make_unique<ServerProcess>(
      std::vector<std::string>{RegistryProgram(options_.program), "serve",
                               config},
      dir_.Join("registry.out"), dir_.Join("registry.err"));
  std::string why;
  if (WaitUntilReady(why)) {
    return true;
  }
  process_->Stop();
  if (Log().find("address already in use") != std::string::npos) {
    return false;
  }
  throw Error("starting docker-registry on " + host_port() + ": " + why + "\n" +
              Tail(Log(), kLogTailLines));
}

bool TestRegistry::WaitUntilReady(std::string& why) const {
  TestHttpClientOptions trust;
  trust.ca_file = ca_file_;
  // A certificate made to be refused must not keep the probe out.
  trust.verify = options_.cert_fault == CertFault::kNone;
  TestHttpClient client(base_url(), trust);
  TestFields probe = {{"User-Agent", kProbeAgent}};
  auto deadline = Clock::now() + kStartTimeout;
  while (process_->Running()) {
    // Any answer will do: 401 means it is up and wants credentials.
    TestHttpResponse response = client.Get("/v2/", probe);
    if (response.status != 0) {
      return true;
    }
    if (Clock::now() > deadline) {
      why = "no answer to GET /v2/ within 10 s: " + response.error;
      return false;
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  why = "exited with status " + std::to_string(process_->exit_code());
  return false;
}

std::string TestRegistry::host_port() const {
  return HostPort(host_, port_);
}

std::string TestRegistry::base_url() const {
  return (options_.tls ? "https://" : "http://") + host_port();
}

std::string TestRegistry::storage_dir() const {
  return dir_.Join("storage");
}

TestHttpClient TestRegistry::Client() const {
  TestHttpClientOptions options;
  options.ca_file = ca_file_;
  return TestHttpClient(base_url(), options);
}

std::vector<AccessLogEntry> TestRegistry::AccessLog() const {
  // The registry writes a line as the handler returns, which can be just
  // after the client has read the whole answer: wait until the log stops
  // growing.
  std::string path = dir_.Join("registry.out");
  std::string text = ReadFile(path);
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(kLogSettle);
    std::string again = ReadFile(path);
    if (again == text) {
      break;
    }
    text = std::move(again);
  }
  return ParseAccessLog(text);
}

size_t TestRegistry::CountRequests(const std::string& method,
                                   const std::string& target_prefix) const {
  auto entries = AccessLog();
  return std::count_if(entries.begin(), entries.end(), [&](const auto& e) {
    return e.method == method && e.target.rfind(target_prefix, 0) == 0;
  });
}

std::string TestRegistry::Log() const {
  return ReadFile(dir_.Join("registry.err"));
}

}  // namespace mlist::testing
