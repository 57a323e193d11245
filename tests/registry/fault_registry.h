// An in-process registry that misbehaves on cue, and the helpers the
// Session fault tests share.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "base/digest.h"
#include "base/error.h"
#include "reference/reference.h"
#include "registry/media_types.h"
#include "registry/registry_error.h"
#include "registry/session.h"
#include "support/certs.h"
#include "support/temp_dir.h"
#include "support/test_http.h"

namespace mlist::registry::fault_testing {

using testing::BasicAuthorization;
using testing::TestFields;
using testing::TestHttpHandler;
using testing::TestHttpRequest;
using testing::TestHttpResponse;
using testing::TestHttpServer;
using testing::TestHttpServerOptions;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

const std::string kManifest = R"({"schemaVersion":2,"mediaType":")" +
                              std::string(kOciIndex) + R"(","manifests":[]})";
const std::string kTokenOne = "token-one-7f3a9c";
const std::string kTokenTwo = "token-two-41d2e8";

// A TestHttpServer that keeps every request its handler answered.
class FaultRegistry {
 public:
  explicit FaultRegistry(TestHttpHandler handler,
                         TestHttpServerOptions options = {})
      : handler_(std::move(handler)),
        server_([this](const TestHttpRequest& r) { return Record(r); },
                std::move(options)) {}

  // Requests seen, all of them or those for path.
  std::vector<TestHttpRequest> seen(const std::string& path = "") const {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<TestHttpRequest> out;
    for (const auto& r : seen_) {
      if (path.empty() || r.path == path) {
        out.push_back(r);
      }
    }
    return out;
  }
  int requests(const std::string& path = "") const {
    return static_cast<int>(seen(path).size());
  }
  std::string host_port() const { return server_.host_port(); }
  std::string Url(const std::string& target) const {
    return server_.base_url() + target;
  }
  // A reference into this registry: Ref("a/b:1").
  reference::Reference Ref(const std::string& rest) const {
    return reference::Parse(host_port() + "/" + rest);
  }

 private:
  TestHttpResponse Record(const TestHttpRequest& request) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      seen_.push_back(request);
    }
    return handler_(request);
  }

  mutable std::mutex mu_;
  std::vector<TestHttpRequest> seen_;
  TestHttpHandler handler_;
  TestHttpServer server_;  // last: stopped before the rest goes away
};

inline TestHttpResponse Answer(int status, std::string body = "",
                               TestFields headers = {}) {
  TestHttpResponse answer;
  answer.status = status;
  answer.body = std::move(body);
  answer.headers = std::move(headers);
  return answer;
}

inline TestHttpResponse ManifestAnswer(TestFields headers = {}) {
  headers.emplace_back("Content-Type", kOciIndex);
  return Answer(200, kManifest, std::move(headers));
}

// Answers with script in order, then repeats its last answer.
inline TestHttpHandler Script(std::vector<TestHttpResponse> script) {
  auto next = std::make_shared<size_t>(0);
  auto mu = std::make_shared<std::mutex>();
  return [script = std::move(script), next, mu](const TestHttpRequest&) {
    std::lock_guard<std::mutex> lock(*mu);
    size_t at = std::min(*next, script.size() - 1);
    ++*next;
    return script[at];
  };
}

// Answers 401 with a Basic challenge until the request carries
// authorization, then hands it to next.
inline TestHttpHandler RequireBasic(std::string authorization,
                                    TestHttpHandler next) {
  return [=](const TestHttpRequest& request) {
    if (request.Header("Authorization") != authorization) {
      return Answer(401, "", {{"WWW-Authenticate", R"(Basic realm="x")"}});
    }
    return next(request);
  };
}

// The token endpoint of TokenRegistry: kTokenTwo when pull,push on a/b is
// asked for, else kTokenOne.
inline TestHttpResponse IssueToken(const TestHttpRequest& request) {
  bool push = false;
  for (const auto& scope : request.Params("scope")) {
    push = push || scope == "repository:a/b:pull,push";
  }
  return Answer(200,
                R"({"token":")" + (push ? kTokenTwo : kTokenOne) +
                    R"(","expires_in":300})",
                {{"Content-Type", "application/json"}});
}

// A registry with bearer tokens from token_endpoint at /token on the same
// server. Manifest "2" wants the pull,push token; any other manifest
// takes either token.
inline TestHttpHandler TokenRegistry(
    TestHttpHandler token_endpoint = IssueToken) {
  return [=](const TestHttpRequest& request) {
    if (request.path == "/token") {
      return token_endpoint(request);
    }
    bool push = request.path == "/v2/a/b/manifests/2";
    std::string auth = request.Header("Authorization");
    if (auth == "Bearer " + kTokenTwo ||
        (auth == "Bearer " + kTokenOne && !push)) {
      return ManifestAnswer();
    }
    std::string challenge =
        R"(Bearer realm="http://)" + request.Header("Host") +
        R"(/token",service="fault",scope="repository:a/b:)" +
        (push ? "pull,push" : "pull") + "\"";
    if (!auth.empty()) {
      challenge += R"(,error="insufficient_scope")";
    }
    return Answer(401, "", {{"WWW-Authenticate", challenge}});
  };
}

// Plain HTTP behind the https URLs Session uses, anonymous, quick
// retries.
inline SessionOptions FastOptions() {
  SessionOptions options;
  options.insecure = true;
  options.max_retries = 2;
  options.retry_base = milliseconds(10);
  options.credentials = [](const std::string&) { return config::Credential{}; };
  return options;
}

inline SessionOptions AliceOptions() {
  SessionOptions options = FastOptions();
  options.credentials = [](const std::string&) {
    config::Credential credential;
    credential.username = "alice";
    credential.password = "s3cret";
    return credential;
  };
  return options;
}

// The text of the mlist::Error that f throws, or "no error".
template <typename F>
inline std::string ErrorText(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}
}  // namespace mlist::registry::fault_testing
