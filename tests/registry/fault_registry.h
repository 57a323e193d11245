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
#include "support/fault_server.h"
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

using testing::Answer;
using testing::Script;
using FaultRegistry = testing::FaultServer;

inline TestHttpResponse ManifestAnswer(TestFields headers = {}) {
  headers.emplace_back("Content-Type", kOciIndex);
  return Answer(200, kManifest, std::move(headers));
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
