// The in-process server hands every request to its handler and sends back
// what it returns; the client talks plain HTTP and verified HTTPS.
#include "support/test_http.h"

#include <gtest/gtest.h>

#include <mutex>

#include "support/certs.h"
#include "support/temp_dir.h"

namespace mlist::testing {
namespace {

TestHttpResponse Status(int status) {
  TestHttpResponse answer;
  answer.status = status;
  return answer;
}

TEST(TestHttpServer, HandlerSeesTheRequestAndAnswers) {
  std::mutex mutex;
  TestHttpRequest seen;
  TestHttpServer server([&](const TestHttpRequest& request) {
    std::lock_guard<std::mutex> lock(mutex);
    seen = request;
    TestHttpResponse answer;
    answer.status = 429;
    answer.headers = {{"Retry-After", "1"}};
    answer.body = "slow down";
    return answer;
  });

  TestHttpRequest request;
  request.method = "PUT";
  request.target = "/v2/a/manifests/x?digest=sha256%3Aab&n=1";
  request.headers = {{"X-Test", "yes"}};
  request.body = "payload";
  auto response = TestHttpClient(server.base_url()).Send(request);

  EXPECT_EQ(response.status, 429) << response.error;
  EXPECT_EQ(response.Header("retry-after"), "1");
  EXPECT_EQ(response.body, "slow down");
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(seen.method, "PUT");
  EXPECT_EQ(seen.target, "/v2/a/manifests/x?digest=sha256%3Aab&n=1");
  EXPECT_EQ(seen.path, "/v2/a/manifests/x");
  EXPECT_EQ(seen.Param("digest"), "sha256:ab");
  EXPECT_EQ(seen.Header("x-test"), "yes");
  EXPECT_EQ(seen.body, "payload");
}

TEST(TestHttpServer, HeadGoesToTheHandler) {
  TestHttpServer server([](const TestHttpRequest& request) {
    TestHttpResponse answer;
    answer.status = 200;
    answer.headers = {{"X-Method", request.method}};
    return answer;
  });
  TestHttpRequest head;
  head.method = "HEAD";
  head.target = "/";
  auto response = TestHttpClient(server.base_url()).Send(head);
  EXPECT_EQ(response.Header("X-Method"), "HEAD");
}

TEST(TestHttpServer, ServesHttpsWithAGeneratedCertificate) {
  TempDir dir;
  TestCert ca = MakeCa("test CA");
  TestCert cert = MakeServerCert(ca, "test server");
  WriteFile(dir.Join("ca.pem"), ca.cert_pem);
  WriteFile(dir.Join("cert.pem"), cert.cert_pem);
  WriteFile(dir.Join("key.pem"), cert.key_pem, 0600);
  TestHttpServerOptions options;
  options.cert_file = dir.Join("cert.pem");
  options.key_file = dir.Join("key.pem");
  TestHttpServer server([](const TestHttpRequest&) { return Status(204); },
                        options);
  ASSERT_EQ(server.base_url().rfind("https://127.0.0.1:", 0), 0u);

  TestHttpClientOptions trusting;
  trusting.ca_file = dir.Join("ca.pem");
  EXPECT_EQ(TestHttpClient(server.base_url(), trusting).Get("/").status, 204);
  auto untrusted = TestHttpClient(server.base_url()).Get("/");
  EXPECT_EQ(untrusted.status, 0);
  TestHttpClientOptions blind;
  blind.verify = false;
  EXPECT_EQ(TestHttpClient(server.base_url(), blind).Get("/").status, 204);
}

TEST(TestHttpClient, ReportsWhyNothingCame) {
  std::string url;
  {
    TestHttpServer server([](const TestHttpRequest&) { return Status(200); });
    url = server.base_url();
  }
  auto response = TestHttpClient(url).Get("/");
  EXPECT_EQ(response.status, 0);
  EXPECT_FALSE(response.error.empty());
}

}  // namespace
}  // namespace mlist::testing
