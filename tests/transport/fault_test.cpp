// The Client against an in-process server made to misbehave: failures a
// real registry cannot be made to show (server errors, rate limits, cut
// and oversized bodies, redirects, plain HTTP behind an https URL).
#include <gtest/gtest.h>

#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "base/error.h"
#include "support/fault_server.h"
#include "support/test_http.h"
#include "transport/client.h"
#include "transport/httplib_transport.h"
#include "transport/network_error.h"

namespace mlist::transport {
namespace {

using testing::TestFields;
using testing::TestHttpHandler;
using testing::TestHttpRequest;
using testing::TestHttpResponse;
using testing::TestHttpServer;
using testing::TestHttpServerOptions;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;
using Kind = NetworkError::Kind;

constexpr uint64_t kFourMiB = uint64_t{4} << 20;

using testing::Answer;
using testing::FaultServer;
using testing::Script;

// A 200 promising 100 bytes whose connection closes after 7.
TestHttpResponse CutMidBody() {
  TestHttpResponse answer = Answer(200, "partial");
  answer.content_length = 100;
  return answer;
}

ClientOptions FastRetries() {
  ClientOptions options;
  options.user_agent = "docker-mlist-fault-test";
  options.max_retries = 2;
  options.retry_base = milliseconds(10);
  return options;
}

std::unique_ptr<Client> NewClient(ClientOptions options = FastRetries(),
                                  HttplibOptions http = {}) {
  return std::make_unique<Client>(NewHttplibTransport(std::move(http)),
                                  std::move(options));
}

Request Get(const std::string& url) {
  Request request;
  request.url = ParseUrl(url);
  return request;
}

milliseconds Since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The NetworkError that f throws; fails the test when it throws none.
template <typename F>
NetworkError CatchNetworkError(F f) {
  try {
    f();
  } catch (const NetworkError& e) {
    return e;
  }
  ADD_FAILURE() << "expected a NetworkError";
  return NetworkError(Kind::kCanceled, "no error");
}

TEST(FaultClient, RetriesOnlyRateLimitsAndServerErrors) {
  struct Row {
    int status;
    int requests;
    int final_status;
  };
  const Row rows[] = {
      {429, 2, 200}, {500, 2, 200}, {502, 2, 200}, {503, 2, 200},
      {504, 2, 200}, {400, 1, 400}, {404, 1, 404}, {501, 1, 501},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.status);
    FaultServer server(Script({Answer(row.status), Answer(200, "ok")}));
    Response response = NewClient()->Do(Get(server.Url("/v2/")));
    EXPECT_EQ(response.status, row.final_status);
    EXPECT_EQ(server.requests(), row.requests);
  }
}

TEST(FaultClient, ServerErrorThenSuccessTakesTwoRequests) {
  FaultServer server(Script({Answer(500), Answer(200, "ok")}));
  Response response = NewClient()->Do(Get(server.Url("/v2/")));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");
  EXPECT_EQ(server.requests(), 2);
}

TEST(FaultClient, EndlessServerErrorsStopAfterMaxRetries) {
  FaultServer server(Script({Answer(503, "down")}));
  auto start = Clock::now();
  Response response = NewClient()->Do(Get(server.Url("/v2/")));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.body, "down");
  EXPECT_EQ(server.requests(), 3);  // the first try and max_retries (2)
  EXPECT_LT(Since(start), milliseconds(2000));
}

TEST(FaultClient, RetryAfterIsWaitedOut) {
  FaultServer server(
      Script({Answer(429, "", {{"Retry-After", "1"}}), Answer(200, "ok")}));
  auto start = Clock::now();
  Response response = NewClient()->Do(Get(server.Url("/v2/")));
  // The backoff alone would wait 10-15 ms.
  EXPECT_GE(Since(start), milliseconds(900));
  EXPECT_LT(Since(start), milliseconds(5000));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(server.requests(), 2);
}

TEST(FaultClient, RetryAfterPastTheBudgetReturnsTheAnswerAtOnce) {
  FaultServer server(Script({Answer(429, "", {{"Retry-After", "120"}})}));
  ClientOptions options = FastRetries();
  options.retry_budget = std::chrono::seconds(5);
  auto start = Clock::now();
  Response response = NewClient(options)->Do(Get(server.Url("/v2/")));
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(server.requests(), 1);
  EXPECT_LT(Since(start), milliseconds(1000));
}

TEST(FaultClient, ResponseCutMidBodyIsRetried) {
  FaultServer server(Script({CutMidBody(), Answer(200, "whole body")}));
  Response response = NewClient()->Do(Get(server.Url("/blob")));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "whole body");
  EXPECT_EQ(server.requests(), 2);
}

TEST(FaultClient, ResponseCutMidBodyReachesASinkOnce) {
  std::string whole;
  for (int i = 0; whole.size() < 200 * 1024; ++i) {
    whole += std::to_string(i) + ",";
  }
  TestHttpResponse cut = Answer(200, whole.substr(0, 70 * 1024));
  cut.content_length = whole.size();
  FaultServer server(Script({cut, Answer(200, whole)}));
  Request request = Get(server.Url("/blob"));
  std::string received;
  request.sink = [&](const char* data, size_t size) {
    received.append(data, size);
    return true;
  };
  Response response = NewClient()->Do(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(server.requests(), 2);
  // The 70 KiB the first answer delivered are not handed over twice.
  EXPECT_EQ(received.size(), whole.size());
  EXPECT_TRUE(received == whole);
}

TEST(FaultClient, ResponseAlwaysCutIsAnIoError) {
  FaultServer server(Script({CutMidBody()}));
  auto client = NewClient();
  NetworkError e =
      CatchNetworkError([&] { client->Do(Get(server.Url("/blob"))); });
  EXPECT_EQ(e.kind(), Kind::kIo);
  EXPECT_EQ(std::string(e.what()),
            "GET " + server.Url("/blob") +
                ": connection closed while reading the response");
  EXPECT_EQ(server.requests(), 3);
}

TEST(FaultClient, OversizedBodyIsRefusedWithoutRetry) {
  TestHttpResponse with_length = Answer(200, std::string(kFourMiB + 1, 'x'));
  TestHttpResponse chunked = with_length;
  chunked.chunked = true;
  TestHttpResponse endless = Answer(200, std::string(64 * 1024, 'y'));
  endless.endless = true;
  struct Row {
    const char* name;
    TestHttpResponse answer;
  };
  const Row rows[] = {{"Content-Length", with_length},
                      {"chunked", chunked},
                      {"endless", endless}};
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    FaultServer server(Script({row.answer}));
    Request request = Get(server.Url("/v2/a/manifests/1"));
    request.max_body = kFourMiB;
    auto client = NewClient();
    NetworkError e = CatchNetworkError([&] { client->Do(request); });
    EXPECT_EQ(e.kind(), Kind::kTooLarge);
    EXPECT_EQ(std::string(e.what()),
              "GET " + server.Url("/v2/a/manifests/1") +
                  ": response body exceeds 4194304 bytes");
    EXPECT_EQ(server.requests(), 1);
  }
}

TEST(FaultClient, SinkStoppingTheDownloadCancelsIt) {
  TestHttpResponse endless = Answer(200, std::string(1024, 'z'));
  endless.endless = true;
  FaultServer server(Script({endless}));
  Request request = Get(server.Url("/blob"));
  size_t received = 0;
  request.sink = [&](const char*, size_t size) {
    received += size;
    return received < 100 * 1024;
  };
  auto client = NewClient();
  NetworkError e = CatchNetworkError([&] { client->Do(request); });
  EXPECT_EQ(e.kind(), Kind::kCanceled);
  EXPECT_EQ(std::string(e.what()),
            "GET " + server.Url("/blob") + ": download stopped");
  EXPECT_EQ(server.requests(), 1);
}

TEST(FaultClient, SilentServerPastTheReadTimeoutIsATimeout) {
  TestHttpResponse slow = Answer(200, "late");
  slow.pause = milliseconds(1500);
  FaultServer server(Script({slow}));
  HttplibOptions http;
  http.read_timeout = milliseconds(200);
  ClientOptions options = FastRetries();
  options.max_retries = 1;
  auto client = NewClient(options, http);
  NetworkError e =
      CatchNetworkError([&] { client->Do(Get(server.Url("/blob"))); });
  EXPECT_EQ(e.kind(), Kind::kTimeout);
  EXPECT_EQ(std::string(e.what()), "GET " + server.Url("/blob") +
                                       ": the server sent nothing for "
                                       "200 ms");
  EXPECT_EQ(server.requests(), 2);
}

TEST(FaultClient, RedirectToAnotherHostDropsAuthorization) {
  // Linux routes all of 127.0.0.0/8 to loopback: a second host.
  FaultServer cdn(Script({Answer(200, "blob bytes")}),
                  TestHttpServerOptions{"127.0.0.2", "", ""});
  FaultServer registry(
      Script({Answer(307, "", {{"Location", cdn.Url("/blob?signature=1")}})}));
  Request request = Get(registry.Url("/v2/a/blobs/sha256:1"));
  request.headers.emplace("Authorization", "Bearer registry-token");
  Response response = NewClient()->Do(request);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "blob bytes");
  EXPECT_EQ(response.url.host, "127.0.0.2");
  ASSERT_EQ(registry.requests(), 1);
  EXPECT_EQ(registry.seen()[0].Header("Authorization"),
            "Bearer registry-token");
  ASSERT_EQ(cdn.requests(), 1);
  EXPECT_EQ(cdn.seen()[0].Header("Authorization"), "");
  EXPECT_EQ(cdn.seen()[0].Param("signature"), "1");
}

TEST(FaultClient, RedirectOnTheSameHostKeepsAuthorization) {
  FaultServer registry([](const TestHttpRequest& request) {
    if (request.path == "/old") {
      return Answer(308, "", {{"Location", "/new"}});
    }
    return Answer(200, "moved");
  });
  Request request = Get(registry.Url("/old"));
  request.headers.emplace("Authorization", "Bearer registry-token");
  Response response = NewClient()->Do(request);
  EXPECT_EQ(response.body, "moved");
  ASSERT_EQ(registry.requests(), 2);
  EXPECT_EQ(registry.seen()[1].Header("Authorization"),
            "Bearer registry-token");
}

TEST(FaultClient, RedirectLoopStopsAfterTenHops) {
  FaultServer server([](const TestHttpRequest& request) {
    return Answer(302, "", {{"Location", request.target}});
  });
  auto client = NewClient();
  try {
    client->Do(Get(server.Url("/loop")));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "GET " + server.Url("/loop") + ": stopped after 10 redirects");
  }
  EXPECT_EQ(server.requests(), 11);
}

TEST(FaultClient, SeeOtherAfterPostBecomesABodilessGet) {
  FaultServer server([](const TestHttpRequest& request) {
    if (request.method == "POST") {
      return Answer(303, "", {{"Location", "/done"}});
    }
    return Answer(200, "done");
  });
  Request request = Get(server.Url("/start"));
  request.method = "POST";
  request.body = "payload";
  Response response = NewClient()->Do(request);
  EXPECT_EQ(response.body, "done");
  auto seen = server.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].body, "payload");
  EXPECT_EQ(seen[1].method, "GET");
  EXPECT_EQ(seen[1].path, "/done");
  EXPECT_EQ(seen[1].body, "");
}

TEST(FaultClient, DebugLogHidesAuthorizationAndQueryTokens) {
  FaultServer server(Script({Answer(500), Answer(200, "ok")}));
  std::mutex mu;
  std::vector<std::string> lines;
  ClientOptions options = FastRetries();
  options.debug_log = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(mu);
    lines.push_back(line);
  };
  Request request =
      Get(server.Url("/token?service=r&access_token=query-secret"));
  request.headers.emplace("Authorization", "Bearer header-secret");
  NewClient(options)->Do(request);
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_EQ(lines.size(), 4u);  // two requests, two responses
  EXPECT_EQ(lines[0],
            "--> GET " + server.Url("/token?service=r&access_token=REDACTED"));
  EXPECT_EQ(lines[1].rfind("<-- 500 GET ", 0), 0u) << lines[1];
  EXPECT_EQ(lines[3].rfind("<-- 200 GET ", 0), 0u) << lines[3];
  for (const auto& line : lines) {
    SCOPED_TRACE(line);
    EXPECT_FALSE(Contains(line, "secret"));
  }
}

TEST(FaultClient, InsecureHttpsUrlFallsBackToPlainHttpOnce) {
  FaultServer server(Script({Answer(200, "plain")}));
  std::string https = "https://" + ParseUrl(server.Url("/")).HostPort();
  std::vector<std::string> lines;
  ClientOptions options = FastRetries();
  options.insecure = [](const Url&) { return true; };
  options.debug_log = [&](const std::string& line) { lines.push_back(line); };
  auto client = NewClient(options);
  Response first = client->Do(Get(https + "/v2/"));
  Response second = client->Do(Get(https + "/v2/"));
  EXPECT_EQ(first.body, "plain");
  EXPECT_EQ(first.url.scheme, "http");
  EXPECT_EQ(second.url.scheme, "http");
  EXPECT_EQ(server.requests(), 2);
  int failures = 0;
  for (const auto& line : lines) {
    failures += line.rfind("<-- error", 0) == 0 ? 1 : 0;
  }
  EXPECT_EQ(failures, 1);  // the plain origin is remembered
}

TEST(FaultClient, PlainHttpBehindHttpsUrlIsAHandshakeError) {
  FaultServer server(Script({Answer(200, "plain")}));
  std::string url = "https://" + ParseUrl(server.Url("/")).HostPort() + "/v2/";
  auto client = NewClient();
  NetworkError e = CatchNetworkError([&] { client->Do(Get(url)); });
  EXPECT_EQ(e.kind(), Kind::kTlsHandshake);
  EXPECT_EQ(
      std::string(e.what()),
      "GET " + url + ": TLS handshake failed (does the server speak HTTPS?)");
  EXPECT_EQ(server.requests(), 0);
}

}  // namespace
}  // namespace mlist::transport
