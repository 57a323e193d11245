#include "transport/url.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::transport {
namespace {

TEST(UrlParse, Table) {
  struct Row {
    const char* text;
    const char* scheme;
    const char* host;
    int port;
    const char* target;
    const char* host_port;
  };
  const Row rows[] = {
      {"https://registry.example/v2/", "https", "registry.example", 443, "/v2/",
       "registry.example"},
      {"http://127.0.0.1:5000", "http", "127.0.0.1", 5000, "/",
       "127.0.0.1:5000"},
      {"https://[::1]:5443/v2/a/b?x=1#frag", "https", "::1", 5443,
       "/v2/a/b?x=1", "[::1]:5443"},
      {"HTTPS://Host:443/p", "https", "Host", 443, "/p", "Host"},
      {"http://user:pw@proxy:3128", "http", "proxy", 3128, "/", "proxy:3128"},
      {"https://auth.example?service=x", "https", "auth.example", 443,
       "/?service=x", "auth.example"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.text);
    Url url = ParseUrl(row.text);
    EXPECT_EQ(url.scheme, row.scheme);
    EXPECT_EQ(url.host, row.host);
    EXPECT_EQ(url.port, row.port);
    EXPECT_EQ(url.target, row.target);
    EXPECT_EQ(url.HostPort(), row.host_port);
  }
}

TEST(UrlParse, ErrorsNameTheUrl) {
  const std::pair<const char*, const char*> rows[] = {
      {"registry/v2", "parsing URL \"registry/v2\": missing scheme"},
      {"ftp://x/", "parsing URL \"ftp://x/\": unsupported scheme \"ftp\""},
      {"https:///v2", "parsing URL \"https:///v2\": missing host"},
      {"https://h:99999/",
       "parsing URL \"https://h:99999/\": invalid port "
       "\"99999\""},
      {"https://h:x/", "parsing URL \"https://h:x/\": invalid port \"x\""},
      {"https://[::1/", "parsing URL \"https://[::1/\": missing ']' in host"},
  };
  for (const auto& [text, want] : rows) {
    SCOPED_TRACE(text);
    try {
      ParseUrl(text);
      ADD_FAILURE() << "parsed";
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), want);
    }
  }
}

TEST(UrlResolve, LocationForms) {
  Url base = ParseUrl("https://reg:5000/v2/a/blobs/uploads/?x=1");
  EXPECT_EQ(ResolveUrl(base, "https://cdn/blob").String(), "https://cdn/blob");
  EXPECT_EQ(ResolveUrl(base, "//cdn:81/b").String(), "https://cdn:81/b");
  EXPECT_EQ(ResolveUrl(base, "/v2/a/blobs/uploads/u1?_state=s").String(),
            "https://reg:5000/v2/a/blobs/uploads/u1?_state=s");
  EXPECT_EQ(ResolveUrl(base, "u2").String(),
            "https://reg:5000/v2/a/blobs/uploads/u2");
}

TEST(QueryEscape, KeepsUnreservedOnly) {
  EXPECT_EQ(QueryEscape("repository:a/b:pull,push"),
            "repository%3Aa%2Fb%3Apull%2Cpush");
  EXPECT_EQ(QueryEscape("A-z_0.9~"), "A-z_0.9~");
  EXPECT_EQ(QueryEscape("a b"), "a%20b");
}

}  // namespace
}  // namespace mlist::transport
