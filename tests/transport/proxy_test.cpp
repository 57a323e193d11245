#include "transport/proxy.h"

#include <gtest/gtest.h>

#include "support/scoped_env.h"

namespace mlist::transport {
namespace {

using testing::ScopedEnv;

class ProxyTest : public ::testing::Test {
 protected:
  ScopedEnv a_{"HTTPS_PROXY", std::nullopt};
  ScopedEnv b_{"https_proxy", std::nullopt};
  ScopedEnv c_{"HTTP_PROXY", std::nullopt};
  ScopedEnv d_{"http_proxy", std::nullopt};
  ScopedEnv e_{"NO_PROXY", std::nullopt};
  ScopedEnv f_{"no_proxy", std::nullopt};
};

TEST_F(ProxyTest, EnvironmentChoosesByScheme) {
  ScopedEnv https("HTTPS_PROXY", "http://user:pw@proxy.corp:3128");
  ScopedEnv http("http_proxy", "plain.corp:8080");
  auto p = ProxyFor(ParseUrl("https://registry.example/v2/"), {});
  EXPECT_EQ(p.host, "proxy.corp");
  EXPECT_EQ(p.port, 3128);
  EXPECT_EQ(p.username, "user");
  EXPECT_EQ(p.password, "pw");
  auto q = ProxyFor(ParseUrl("http://registry.example/v2/"), {});
  EXPECT_EQ(q.host, "plain.corp");
  EXPECT_EQ(q.port, 8080);
}

TEST_F(ProxyTest, LoopbackIsNeverProxied) {
  ScopedEnv https("HTTPS_PROXY", "http://proxy:3128");
  for (const char* url : {"https://127.0.0.1:5000/", "https://localhost/",
                          "https://[::1]:5000/"}) {
    SCOPED_TRACE(url);
    EXPECT_EQ(ProxyFor(ParseUrl(url), {}).host, "");
  }
}

TEST_F(ProxyTest, ConfigFileIsTheFallback) {
  config::ProxyConfig file;
  file.https_proxy = "http://fileproxy:9000";
  file.no_proxy = "internal.example";
  EXPECT_EQ(ProxyFor(ParseUrl("https://r.example/"), file).host, "fileproxy");
  EXPECT_EQ(ProxyFor(ParseUrl("https://r.internal.example/"), file).host, "");
  ScopedEnv env("HTTPS_PROXY", "http://envproxy:1");
  EXPECT_EQ(ProxyFor(ParseUrl("https://r.example/"), file).host, "envproxy");
}

TEST(NoProxy, Table) {
  struct Row {
    const char* no_proxy;
    const char* url;
    bool exempt;
  };
  const Row rows[] = {
      {"*", "https://any.example/", true},
      {"example.com", "https://example.com/", true},
      {"example.com", "https://r.example.com/", true},
      {".example.com", "https://r.example.com/", true},
      {"example.com", "https://notexample.com/", false},
      {"a.b, registry:5000", "https://registry:5000/", true},
      {"registry:5000", "https://registry:5001/", false},
      {"10.0.0.1", "https://10.0.0.1:5000/", true},
      {"", "https://r/", false},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(std::string(row.no_proxy) + " / " + row.url);
    EXPECT_EQ(NoProxyMatches(row.no_proxy, ParseUrl(row.url)), row.exempt);
  }
}

}  // namespace
}  // namespace mlist::transport
