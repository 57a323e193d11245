// docker mlist inspect, create and push, run as the user runs them (the
// binary, with -D), against a registry that fails in each way a registry,
// its token server or a credential helper can: one row per fault, one
// column per command. Each cell checks what the command printed (the
// exact error text), its exit code, that it left no partial state in the
// config directory, and (through DockerCli) that no secret was shown.
//
// The registry is a MemoryRegistry with bearer tokens, which refuses
// cross-repository mounts so that push reads blobs too; the faults stand
// in front of it. The plugin's waits are shortened through its test-only
// variables (cli/context.h).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>

#include "base/digest.h"
#include "registry/media_types.h"
#include "registry/session.h"
#include "store/layout.h"
#include "support/crypto.h"
#include "support/docker_cli.h"
#include "support/fault_injector.h"
#include "support/fault_server.h"
#include "support/fixtures.h"
#include "support/memory_registry.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

enum class Command { kInspect, kCreate, kPush };

enum class FaultKind {
  kServerErrorThenSuccess,
  kUnavailableForever,
  kTooManyRequestsWithRetryAfter,
  kResetMidBodyThenSuccess,
  kTruncatedBody,
  kWrongDigest,
  kOver4MiB,
  kEndlessBody,
  kSlowServer,
  kRedirectLoop,
  kRedirectToAnotherHost,
  kMalformedJson,
  kTokenEndpointDown,
  kTokenEndpointGarbage,
  kTokenEndpointEchoesLogin,
  kHelperMissing,
  kHelperHangs,
  kHelperFailsShowingSecret,
  kHelperPrintsGarbage,
};

const char* CommandName(Command command) {
  switch (command) {
    case Command::kInspect:
      return "Inspect";
    case Command::kCreate:
      return "Create";
    case Command::kPush:
      return "Push";
  }
  return "?";
}

const char* FaultName(FaultKind fault) {
  switch (fault) {
    case FaultKind::kServerErrorThenSuccess:
      return "ServerErrorThenSuccess";
    case FaultKind::kUnavailableForever:
      return "UnavailableForever";
    case FaultKind::kTooManyRequestsWithRetryAfter:
      return "TooManyRequestsWithRetryAfter";
    case FaultKind::kResetMidBodyThenSuccess:
      return "ResetMidBodyThenSuccess";
    case FaultKind::kTruncatedBody:
      return "TruncatedBody";
    case FaultKind::kWrongDigest:
      return "WrongDigest";
    case FaultKind::kOver4MiB:
      return "Over4MiB";
    case FaultKind::kEndlessBody:
      return "EndlessBody";
    case FaultKind::kSlowServer:
      return "SlowServer";
    case FaultKind::kRedirectLoop:
      return "RedirectLoop";
    case FaultKind::kRedirectToAnotherHost:
      return "RedirectToAnotherHost";
    case FaultKind::kMalformedJson:
      return "MalformedJson";
    case FaultKind::kTokenEndpointDown:
      return "TokenEndpointDown";
    case FaultKind::kTokenEndpointGarbage:
      return "TokenEndpointGarbage";
    case FaultKind::kTokenEndpointEchoesLogin:
      return "TokenEndpointEchoesLogin";
    case FaultKind::kHelperMissing:
      return "HelperMissing";
    case FaultKind::kHelperHangs:
      return "HelperHangs";
    case FaultKind::kHelperFailsShowingSecret:
      return "HelperFailsShowingSecret";
    case FaultKind::kHelperPrintsGarbage:
      return "HelperPrintsGarbage";
  }
  return "?";
}

// Every run is bounded by this, whatever the fault: retries, timeouts
// and redirects all end. Generous for a loaded 2-core machine; a run
// that is not bounded takes DockerCli's 60 s.
constexpr auto kRunBound = std::chrono::seconds(20);
// The plugin's waits, shortened (cli/context.h): the backoff base, the
// read timeout of the slow server's row and of the others, and the
// credential helper's timeout.
constexpr int kRetryBaseMs = 10;
constexpr int kShortReadTimeoutMs = 300;
constexpr int kReadTimeoutMs = 10000;
constexpr int kShortHelperTimeoutMs = 300;
// The slow server's pause before each piece of a body: past the short
// read timeout.
constexpr milliseconds kSlowPause{1000};

// What a cell expects.
struct Outcome {
  int exit_code = 0;
  std::string out;
  // The standard error without its debug lines.
  std::string error;
};

// The files under dir, by path relative to it, with their content
// (folders as "<dir>"). The plugin's own folders and its lock files (empty
// files a list's writers take turns on, kept by design) are not state;
// anything staged in mlist/tmp is.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    std::string rel = fs::relative(entry.path(), dir).string();
    if (rel.rfind("cli-plugins", 0) == 0 || rel.rfind("mlist/locks", 0) == 0 ||
        rel == "mlist" || rel == "mlist/tmp") {
      continue;
    }
    files[rel] = entry.is_directory() ? "<dir>" : ReadFile(entry.path());
  }
  return files;
}

// text without the debug log's lines ("DEBU[0000] ...").
std::string WithoutDebugLines(const std::string& text) {
  std::istringstream lines(text);
  std::string out;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("DEBU[", 0) != 0) {
      out += line + "\n";
    }
  }
  return out;
}

bool IsGet(const TestHttpRequest& r, const std::string& prefix) {
  return r.method == "GET" && r.path.rfind(prefix, 0) == 0;
}

class FaultMatrixTest
    : public ::testing::TestWithParam<std::tuple<Command, FaultKind>> {
 protected:
  void SetUp() override {
    host_ = server_.host_port();
    registry::Session session(registry_.LoginOptions());
    image_ = PushImage(session, reference::Parse(Ref("src:amd64")),
                       {"linux", "amd64", "", ""}, ImageFormat::kDocker);
    WriteConfig(registry_.LoginConfig(host_));
    if (command() == Command::kPush) {
      auto made = Run({"create", "--insecure", Ref("app:list"), Image()});
      ASSERT_EQ(made.exit_code, 0) << made.err;
    }
  }

  Command command() const { return std::get<0>(GetParam()); }
  FaultKind fault() const { return std::get<1>(GetParam()); }

  std::string Ref(const std::string& rest) const { return host_ + "/" + rest; }
  std::string Image() const { return Ref("src:amd64"); }
  std::string Url(const std::string& target) const {
    return "http://" + host_ + target;
  }
  std::string ManifestPath() const { return "/v2/src/manifests/amd64"; }
  std::string ConfigPath() const {
    return "/v2/src/blobs/" + image_.config_digest;
  }
  std::string ListPutPath() const { return "/v2/app/manifests/list"; }
  // The path BodyTarget() takes.
  std::string BodyPath() const {
    return command() == Command::kInspect ? ManifestPath() : ConfigPath();
  }
  // The digest of the config as the wrong-digest fault spoils it.
  std::string SpoiledConfig() const {
    std::string config = image_.config;
    config[config.size() / 2] ^= 1;
    return base::Sha256Digest(config);
  }

  void WriteConfig(const std::string& json) const {
    WriteFile(cli_.config_dir() + "/config.json", json);
  }

  // The plugin, standalone, with -D and the shortened waits.
  base::ProcessResult Run(const std::vector<std::string>& args) const {
    std::vector<std::string> argv = {"-D"};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env = env_;
    env.push_back("MLIST_TEST_RETRY_BASE_MS=" + std::to_string(kRetryBaseMs));
    return cli_.Plugin(argv, env);
  }

  std::vector<std::string> CommandArgs() const {
    switch (command()) {
      case Command::kInspect:
        return {"inspect", "--insecure", Image()};
      case Command::kCreate:
        return {"create", "--insecure", Ref("app:list"), Image()};
      case Command::kPush:
        return {"push", "--insecure", Ref("app:list")};
    }
    return {};
  }

  // The request of this column that a fault in a body spoils: inspect's
  // manifest, create's config blob, the blob push copies.
  std::function<bool(const TestHttpRequest&)> BodyTarget() const {
    std::string path = BodyPath();
    return [path](const TestHttpRequest& r) { return IsGet(r, path); };
  }
  // The request of this column that a failing status hits: the manifest
  // of inspect and create, push's list.
  std::function<bool(const TestHttpRequest&)> StatusTarget() const {
    if (command() == Command::kPush) {
      std::string path = ListPutPath();
      return [path](const TestHttpRequest& r) {
        return r.method == "PUT" && r.path == path;
      };
    }
    std::string path = ManifestPath();
    return [path](const TestHttpRequest& r) { return IsGet(r, path); };
  }

  // What success prints: docker's view of the image, the created list,
  // the pushed child and list.
  std::string SuccessOut() const {
    switch (command()) {
      case Command::kInspect:
        return inspect_view_;
      case Command::kCreate:
        return "Created manifest list " + Ref("app:list") + "\n";
      case Command::kPush:
        return "Pushed ref " + Ref("app") + "@" + image_.digest +
               " with digest: " + image_.digest + "\n" + ListDigest() + "\n";
    }
    return "";
  }
  std::string ListDigest() const {
    auto list = registry_.Manifest("app", "list");
    return list ? base::Sha256Digest(*list) : "(no list pushed)";
  }

  void InstallFault(Fault fault) { injector_.Set(std::move(fault)); }
  void UseHelper(const std::string& name, const std::string& script) {
    if (!script.empty()) {
      helpers_.Write("docker-credential-" + name, script, 0755);
    }
    WriteConfig(R"({"credHelpers":{")" + host_ + R"(":")" + name + R"("}})");
    const char* path = std::getenv("PATH");
    env_.push_back("PATH=" + helpers_.path() + ":" +
                   (path != nullptr ? path : "/usr/bin:/bin"));
  }

  Outcome Plan();
  Outcome PlanServerError();
  Outcome PlanUnavailable();
  Outcome PlanTooManyRequests();
  Outcome PlanResetMidBody();
  Outcome PlanTruncatedBody();
  Outcome PlanWrongDigest();
  Outcome PlanOver4MiB();
  Outcome PlanEndlessBody();
  Outcome PlanSlowServer();
  Outcome PlanRedirectLoop();
  Outcome PlanRedirectToAnotherHost();
  Outcome PlanMalformedJson();
  Outcome PlanTokenEndpoint(FaultKind kind);
  Outcome PlanHelper(FaultKind kind);
  // A success: what it prints is SuccessOut(), known after the run.
  static Outcome Success() { return {0, "", ""}; }
  // The error of a failure met at this column's first request, after
  // "what: " of that request.
  std::string FirstRequestError(const std::string& why) const;
  // The error of a failure met where a body fault strikes (BodyTarget):
  // inspect's manifest, create's config, push's copy of the config.
  std::string BodyError(const std::string& why) const;
  // push's failure met at the list's PUT: its child was pushed first.
  Outcome ListPutFailure(const std::string& why) const;
  void CheckState(const Outcome& want,
                  const std::map<std::string, std::string>& before) const;

  MemoryRegistry registry_{{"matrix", "", true}};
  FaultInjector injector_{
      [this](const TestHttpRequest& r) { return registry_.Handle(r); }};
  FaultServer server_{
      [this](const TestHttpRequest& r) { return injector_.Handle(r); }};
  // Another host for redirects (all of 127.0.0.0/8 is loopback): it
  // answers what the registry gave for the request redirected.
  std::mutex cdn_mu_;
  std::map<std::string, TestHttpResponse> cdn_answers_;
  FaultServer cdn_{[this](const TestHttpRequest& r) {
                     std::lock_guard<std::mutex> lock(cdn_mu_);
                     auto it = cdn_answers_.find(r.path);
                     return it == cdn_answers_.end() ? Answer(404) : it->second;
                   },
                   TestHttpServerOptions{"127.0.0.2", "", ""}};
  std::string host_;
  PushedImage image_;
  std::string inspect_view_;
  DockerCli cli_;
  TempDir helpers_;
  std::vector<std::string> env_ = {"MLIST_TEST_READ_TIMEOUT_MS=" +
                                   std::to_string(kReadTimeoutMs)};
  // Checks of a row beyond the outcome, run after the command.
  std::function<void(Clock::duration elapsed)> more_;
};

std::string FaultMatrixTest::FirstRequestError(const std::string& why) const {
  switch (command()) {
    case Command::kInspect:
    case Command::kCreate:
      return "fetching manifest \"" + Image() + "\": " + why;
    case Command::kPush:
      return "copying \"" + Image() + "\" to \"" + Ref("app") +
             "\": mounting blob " + image_.config_digest +
             " from \"src\" into \"" + Ref("app") + "\": " + why;
  }
  return "";
}

std::string FaultMatrixTest::BodyError(const std::string& why) const {
  std::string blob = "fetching blob " + image_.config_digest + " from \"" +
                     Ref("src") + "\": " + why;
  switch (command()) {
    case Command::kInspect:
      return FirstRequestError(why);
    case Command::kCreate:
      return blob;
    case Command::kPush:
      return "copying \"" + Image() + "\" to \"" + Ref("app") +
             "\": uploading blob " + image_.config_digest + " to \"" +
             Ref("app") + "\": " + blob;
  }
  return "";
}

Outcome FaultMatrixTest::ListPutFailure(const std::string& why) const {
  return {1,
          "Pushed ref " + Ref("app") + "@" + image_.digest +
              " with digest: " + image_.digest + "\n",
          "pushing manifest list \"" + Ref("app:list") + "\": " + why + "\n"};
}

Outcome FaultMatrixTest::PlanServerError() {
  InstallFault({StatusTarget(), 1, false,
                [](auto&, auto) { return StatusAnswer(500, ""); }});
  more_ = [this](Clock::duration) { EXPECT_EQ(injector_.taken(), 1); };
  return Success();
}

Outcome FaultMatrixTest::PlanUnavailable() {
  InstallFault(
      {[](const TestHttpRequest& r) { return r.path.rfind("/v2/", 0) == 0; },
       -1, false,
       [](auto&, auto) {
         return StatusAnswer(503,
                             R"({"errors":[{"code":"UNAVAILABLE","message":)"
                             R"("try later"}]})");
       }});
  // One try and four retries, then the registry's own words.
  more_ = [this](Clock::duration) { EXPECT_EQ(injector_.taken(), 5); };
  return {1, "", FirstRequestError("unavailable: try later") + "\n"};
}

Outcome FaultMatrixTest::PlanTooManyRequests() {
  InstallFault({StatusTarget(), 1, false, [](auto&, auto) {
                  return StatusAnswer(
                      429,
                      R"({"errors":[{"code":"TOOMANYREQUESTS","message":)"
                      R"("slow down"}]})",
                      {{"Retry-After", "1"}});
                }});
  // The backoff alone would wait 10 to 15 ms.
  more_ = [this](Clock::duration elapsed) {
    EXPECT_EQ(injector_.taken(), 1);
    EXPECT_GE(elapsed, std::chrono::seconds(1));
  };
  return Success();
}

Outcome FaultMatrixTest::PlanResetMidBody() {
  InstallFault({BodyTarget(), 1, true,
                [](auto&, TestHttpResponse real) { return CutMidBody(real); }});
  more_ = [this](Clock::duration) { EXPECT_EQ(injector_.taken(), 1); };
  return Success();
}

Outcome FaultMatrixTest::PlanTruncatedBody() {
  InstallFault({BodyTarget(), -1, true,
                [](auto&, TestHttpResponse real) { return CutMidBody(real); }});
  more_ = [this](Clock::duration) { EXPECT_EQ(injector_.taken(), 5); };
  return {1, "",
          BodyError("GET " + Url(BodyPath()) +
                    ": connection closed while reading the response") +
              "\n"};
}

Outcome FaultMatrixTest::PlanWrongDigest() {
  InstallFault({BodyTarget(), -1, true, [](auto&, TestHttpResponse real) {
                  real.body[real.body.size() / 2] ^= 1;
                  return real;
                }});
  switch (command()) {
    case Command::kInspect: {
      std::string spoiled = *registry_.Manifest("src", "amd64");
      spoiled[spoiled.size() / 2] ^= 1;
      return {
          1, "",
          FirstRequestError("digest mismatch: registry says " + image_.digest +
                            ", content is " + base::Sha256Digest(spoiled)) +
              "\n"};
    }
    case Command::kCreate:
      // The spoiled config's digest is checked when it has all come.
      return {
          1, "",
          BodyError("digest mismatch: content is " + SpoiledConfig()) + "\n"};
    case Command::kPush:
      // The copy streams the bytes on as they come: the registry checks
      // the whole and refuses it.
      return {1, "",
              "copying \"" + Image() + "\" to \"" + Ref("app") +
                  "\": uploading blob " + image_.config_digest + " to \"" +
                  Ref("app") +
                  "\": digest invalid: provided digest did not match "
                  "uploaded content\n"};
  }
  return {};
}

Outcome FaultMatrixTest::PlanOver4MiB() {
  std::string big(registry::kMaxManifestBytes + 1, ' ');
  if (command() == Command::kPush) {
    // push reads no manifest: the registry's refusal of the list is the
    // body it reads, and it is as large.
    InstallFault({StatusTarget(), -1, false, [big](auto&, auto) {
                    return StatusAnswer(
                        400, R"({"errors":[{"code":"MANIFEST_INVALID",)"
                             R"("message":")" +
                                 big + "\"}]}");
                  }});
    // The registry's words are cut to 200 characters.
    return ListPutFailure("manifest invalid: " + big.substr(0, 200) + "...");
  }
  std::string path = ManifestPath();
  InstallFault({[path](auto& r) { return IsGet(r, path); }, -1, true,
                [big](auto&, TestHttpResponse real) {
                  real.body = big;
                  return real;
                }});
  return {1, "",
          FirstRequestError("GET " + Url(path) +
                            ": response body exceeds 4194304 bytes") +
              "\n"};
}

Outcome FaultMatrixTest::PlanEndlessBody() {
  InstallFault({BodyTarget(), -1, true, [](auto&, TestHttpResponse real) {
                  return EndlessBody(real);
                }});
  switch (command()) {
    case Command::kInspect:
      return {1, "",
              FirstRequestError("GET " + Url(BodyPath()) +
                                ": response body exceeds 4194304 bytes") +
                  "\n"};
    case Command::kCreate:
      // Cut off at the size the manifest gives the config.
      return {1, "",
              BodyError("the blob exceeds " +
                        std::to_string(image_.config.size()) + " bytes") +
                  "\n"};
    case Command::kPush:
      // The copy reads the blob's size and no more: what follows is
      // never read.
      return Success();
  }
  return {};
}

Outcome FaultMatrixTest::PlanSlowServer() {
  env_ = {"MLIST_TEST_READ_TIMEOUT_MS=" + std::to_string(kShortReadTimeoutMs)};
  InstallFault({BodyTarget(), -1, true, [](auto&, TestHttpResponse real) {
                  return SlowBody(real, kSlowPause);
                }});
  // One try and four retries; push's copy is not tried again on top.
  more_ = [this](Clock::duration) { EXPECT_EQ(injector_.taken(), 5); };
  return {
      1, "",
      BodyError("GET " + Url(BodyPath()) + ": the server sent nothing for " +
                std::to_string(kShortReadTimeoutMs) + " ms") +
          "\n"};
}

Outcome FaultMatrixTest::PlanRedirectLoop() {
  auto target = command() == Command::kPush ? StatusTarget() : BodyTarget();
  InstallFault(
      {target, -1, false, [](auto& r, auto) { return RedirectTo(r.target); }});
  more_ = [this](Clock::duration) { EXPECT_EQ(injector_.taken(), 11); };
  if (command() == Command::kPush) {
    return ListPutFailure("PUT " + Url(ListPutPath()) +
                          ": stopped after 10 redirects");
  }
  return {1, "",
          BodyError("GET " + Url(BodyPath()) + ": stopped after 10 redirects") +
              "\n"};
}

Outcome FaultMatrixTest::PlanRedirectToAnotherHost() {
  InstallFault({BodyTarget(), -1, true,
                [this](const TestHttpRequest& r, TestHttpResponse real) {
                  std::lock_guard<std::mutex> lock(cdn_mu_);
                  std::string path = "/cdn" + r.path;
                  cdn_answers_[path] = real;
                  return RedirectTo(cdn_.Url(path + "?sig=1"));
                }});
  more_ = [this](Clock::duration) {
    auto seen = cdn_.seen();
    EXPECT_GE(seen.size(), 1u);
    for (const auto& request : seen) {
      EXPECT_EQ(request.Header("Authorization"), "") << request.target;
    }
  };
  return Success();
}

Outcome FaultMatrixTest::PlanMalformedJson() {
  const std::string cut = R"({"schemaVersion":2,"mediaType":")";
  if (command() == Command::kPush) {
    InstallFault({StatusTarget(), -1, false,
                  [cut](auto&, auto) { return StatusAnswer(400, cut); }});
    return ListPutFailure("400 Bad Request: " + cut);
  }
  std::string path = ManifestPath();
  InstallFault({[path](auto& r) { return IsGet(r, path); }, -1, true,
                [cut](auto&, TestHttpResponse real) {
                  real.body = cut;
                  real.headers = {{"Content-Type", registry::kDockerManifest}};
                  return real;
                }});
  return {1, "",
          "parsing manifest \"" + Image() +
              "\": invalid JSON at offset 32: unexpected end of JSON input\n"};
}

Outcome FaultMatrixTest::PlanTokenEndpoint(FaultKind kind) {
  auto token = [](const TestHttpRequest& r) { return r.path == "/token"; };
  std::string why;
  if (kind == FaultKind::kTokenEndpointDown) {
    InstallFault({token, -1, false,
                  [](auto&, auto) { return StatusAnswer(503, "down"); }});
    why = "503 down";
  } else if (kind == FaultKind::kTokenEndpointGarbage) {
    InstallFault({token, -1, false, [](auto&, auto) {
                    return StatusAnswer(200, "<html>oops</html>");
                  }});
    why = "the answer is not a JSON object";
  } else {
    // A token server that quotes the credentials it refuses.
    InstallFault({token, -1, false, [](const TestHttpRequest& r, auto) {
                    return StatusAnswer(
                        401, "refused: " + r.Header("Authorization"));
                  }});
    why = "401 refused: Basic <redacted>";
  }
  return {1, "",
          FirstRequestError("getting a token from \"" + Url("/token") +
                            "\": " + why) +
              "\n"};
}

Outcome FaultMatrixTest::PlanHelper(FaultKind kind) {
  std::string program = "docker-credential-mlistmatrix";
  std::string why;
  std::string json = R"({"ServerURL":")" + host_ +
                     R"(","Username":"matrix","Secret":")" +
                     registry_.password() + "\"";
  if (kind == FaultKind::kHelperMissing) {
    UseHelper("mlist-absent", "");
    why =
        "exec: \"docker-credential-mlist-absent\": executable file not "
        "found in $PATH";
  } else if (kind == FaultKind::kHelperHangs) {
    UseHelper("mlistmatrix", "#!/bin/sh\nexec sleep 30\n");
    env_.push_back("MLIST_TEST_HELPER_TIMEOUT_MS=" +
                   std::to_string(kShortHelperTimeoutMs));
    why = program + ": no answer within 300ms";
  } else if (kind == FaultKind::kHelperFailsShowingSecret) {
    UseHelper("mlistmatrix",
              "#!/bin/sh\necho 'keychain is locked: " + json + "}'\nexit 1\n");
    why = program + ": exit status 1: keychain is locked: {\"ServerURL\":\"" +
          host_ + "\",\"Username\":\"matrix\",\"Secret\":\"<redacted>\"}";
  } else {
    UseHelper("mlistmatrix", "#!/bin/sh\nprintf '%s' '" + json + "'\n");
    why = program + ": invalid output: invalid JSON at offset " +
          std::to_string(json.size()) +
          ": missing a comma or '}' after an object member";
  }
  return {
      1, "",
      FirstRequestError("getting credentials for \"" + host_ + "\": " + why) +
          "\n"};
}

Outcome FaultMatrixTest::Plan() {
  switch (fault()) {
    case FaultKind::kServerErrorThenSuccess:
      return PlanServerError();
    case FaultKind::kUnavailableForever:
      return PlanUnavailable();
    case FaultKind::kTooManyRequestsWithRetryAfter:
      return PlanTooManyRequests();
    case FaultKind::kResetMidBodyThenSuccess:
      return PlanResetMidBody();
    case FaultKind::kTruncatedBody:
      return PlanTruncatedBody();
    case FaultKind::kWrongDigest:
      return PlanWrongDigest();
    case FaultKind::kOver4MiB:
      return PlanOver4MiB();
    case FaultKind::kEndlessBody:
      return PlanEndlessBody();
    case FaultKind::kSlowServer:
      return PlanSlowServer();
    case FaultKind::kRedirectLoop:
      return PlanRedirectLoop();
    case FaultKind::kRedirectToAnotherHost:
      return PlanRedirectToAnotherHost();
    case FaultKind::kMalformedJson:
      return PlanMalformedJson();
    case FaultKind::kTokenEndpointDown:
    case FaultKind::kTokenEndpointGarbage:
    case FaultKind::kTokenEndpointEchoesLogin:
      return PlanTokenEndpoint(fault());
    case FaultKind::kHelperMissing:
    case FaultKind::kHelperHangs:
    case FaultKind::kHelperFailsShowingSecret:
    case FaultKind::kHelperPrintsGarbage:
      return PlanHelper(fault());
  }
  return {};
}

// A failure leaves the config directory as it was: no list for create,
// the list intact for push, nothing for inspect. A success of create
// leaves the list; of push, the list and the registry's copy.
void FaultMatrixTest::CheckState(
    const Outcome& want,
    const std::map<std::string, std::string>& before) const {
  auto after = Snapshot(cli_.config_dir());
  if (want.exit_code != 0 || command() != Command::kCreate) {
    EXPECT_EQ(after, before);
  } else {
    std::string folder = store::ListName(reference::Parse(Ref("app:list")));
    EXPECT_EQ(fs::is_directory(cli_.config_dir() + "/manifests/" + folder),
              true)
        << folder;
  }
  if (want.exit_code == 0 && command() == Command::kPush) {
    EXPECT_TRUE(registry_.Manifest("app", image_.digest).has_value());
    EXPECT_TRUE(registry_.HasBlob("app", image_.config_digest));
    EXPECT_TRUE(registry_.HasBlob("app", image_.layer_digest));
  }
}

TEST_P(FaultMatrixTest, Cell) {
  if (command() == Command::kInspect) {
    auto control = Run(CommandArgs());
    ASSERT_EQ(control.exit_code, 0) << control.err;
    inspect_view_ = control.out;
  }
  Outcome want = Plan();
  auto before = Snapshot(cli_.config_dir());
  auto start = Clock::now();
  auto r = Run(CommandArgs());
  auto elapsed = Clock::now() - start;
  if (want.exit_code == 0) {
    want.out = SuccessOut();
  }
  EXPECT_LT(elapsed, kRunBound);
  EXPECT_EQ(r.exit_code, want.exit_code);
  EXPECT_EQ(r.out, want.out);
  EXPECT_EQ(WithoutDebugLines(r.err), want.error);
  CheckState(want, before);
  if (more_) {
    more_(elapsed);
  }
}

std::string CellName(
    const ::testing::TestParamInfo<FaultMatrixTest::ParamType>& info) {
  return std::string(CommandName(std::get<0>(info.param))) +
         FaultName(std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(
    Faults, FaultMatrixTest,
    ::testing::Combine(
        ::testing::Values(Command::kInspect, Command::kCreate, Command::kPush),
        ::testing::Values(
            FaultKind::kServerErrorThenSuccess, FaultKind::kUnavailableForever,
            FaultKind::kTooManyRequestsWithRetryAfter,
            FaultKind::kResetMidBodyThenSuccess, FaultKind::kTruncatedBody,
            FaultKind::kWrongDigest, FaultKind::kOver4MiB,
            FaultKind::kEndlessBody, FaultKind::kSlowServer,
            FaultKind::kRedirectLoop, FaultKind::kRedirectToAnotherHost,
            FaultKind::kMalformedJson, FaultKind::kTokenEndpointDown,
            FaultKind::kTokenEndpointGarbage,
            FaultKind::kTokenEndpointEchoesLogin, FaultKind::kHelperMissing,
            FaultKind::kHelperHangs, FaultKind::kHelperFailsShowingSecret,
            FaultKind::kHelperPrintsGarbage)),
    CellName);

}  // namespace
}  // namespace mlist::testing
