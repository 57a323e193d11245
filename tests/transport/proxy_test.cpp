#include "transport/proxy.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace mlist::transport {
namespace {

// Sets environment variables for one test and puts them back after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    const char* old = std::getenv(name);
    had_ = old != nullptr;
    old_ = had_ ? old : "";
    if (value != nullptr) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (had_) {
      ::setenv(name_, old_.c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  bool had_;
  std::string old_;
};

class ProxyTest : public ::testing::Test {
 protected:
  ScopedEnv a_{"HTTPS_PROXY", nullptr};
  ScopedEnv b_{"https_proxy", nullptr};
  ScopedEnv c_{"HTTP_PROXY", nullptr};
  ScopedEnv d_{"http_proxy", nullptr};
  ScopedEnv e_{"NO_PROXY", nullptr};
  ScopedEnv f_{"no_proxy", nullptr};
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
