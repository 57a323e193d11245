#include "transport/challenge.h"

#include <gtest/gtest.h>

namespace mlist::transport {
namespace {

// One row: a header, then the challenges it must yield, each written as
// "scheme k=v k=v" (or "scheme #token68") for compact comparison.
struct Row {
  const char* header;
  std::vector<std::string> want;
};

std::string Describe(const Challenge& c) {
  std::string out = c.scheme;
  if (!c.token68.empty()) {
    out += " #" + c.token68;
  }
  for (const auto& [k, v] : c.params) {
    out += " " + k + "=" + v;
  }
  return out;
}

TEST(ChallengeParse, Table) {
  const std::vector<Row> rows = {
      // Registries as they answer.
      {"Basic realm=\"Registry Realm\"", {"basic realm=Registry Realm"}},
      {"Bearer realm=\"https://auth.example/token\",service=\"reg\","
       "scope=\"repository:a/b:pull,push\"",
       {"bearer realm=https://auth.example/token "
        "scope=repository:a/b:pull,push service=reg"}},
      {"Bearer "
       "realm=\"https://h/t\",service=\"r\",error=\"insufficient_scope\"",
       {"bearer error=insufficient_scope realm=https://h/t service=r"}},
      // Any case for scheme and names; values keep theirs.
      {"BEARER Realm=\"X\",SERVICE=Y", {"bearer realm=X service=Y"}},
      // Several challenges in one header.
      {"Basic realm=\"a\", Bearer realm=\"b\",service=\"c\"",
       {"basic realm=a", "bearer realm=b service=c"}},
      {"Negotiate, Basic realm=x", {"negotiate", "basic realm=x"}},
      {"Newauth realm=\"apps\", type=1, title=\"Login\", Basic realm=\"s\"",
       {"newauth realm=apps title=Login type=1", "basic realm=s"}},
      // White space around "=" and empty list elements.
      {"Bearer realm = \"r\" , , service=s", {"bearer realm=r service=s"}},
      {" , Basic realm=r", {"basic realm=r"}},
      // Escapes inside quotes, commas and equals inside quotes.
      {"Basic realm=\"a \\\"b\\\" c\"", {"basic realm=a \"b\" c"}},
      {"Bearer scope=\"repository:x:pull,push\",realm=\"u?a=b\"",
       {"bearer realm=u?a=b scope=repository:x:pull,push"}},
      // token68.
      {"Negotiate abc+/==", {"negotiate #abc+/=="}},
      {"Negotiate abc==, Basic realm=r", {"negotiate #abc==", "basic realm=r"}},
      // A scheme alone.
      {"Basic", {"basic"}},
      // Malformed: nothing usable, or what was complete before the error.
      {"", {}},
      {"   ", {}},
      {"=realm", {}},
      {"Basic realm=\"unterminated", {}},
      {"Basic realm=\"a\\", {}},
      // By the grammar a trailing "=" makes a token68, not a param.
      {"Basic realm=", {"basic #realm="}},
      {"Basic realm=a b", {}},
      {"Basic realm=\"a\", Bearer realm=\"b", {"basic realm=a"}},
      {"Bearer realm=\"r\"junk", {}},
      {"Basic=x", {}},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.header);
    std::vector<std::string> got;
    for (const auto& c : ParseChallenges(std::string_view(row.header))) {
      got.push_back(Describe(c));
    }
    EXPECT_EQ(got, row.want);
  }
}

TEST(ChallengeParse, SeveralHeadersKeepTheirOrder) {
  auto got = ParseChallenges(
      std::vector<std::string>{"Basic realm=a", "Bearer realm=b"});
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].scheme, "basic");
  EXPECT_EQ(got[1].Param("realm"), "b");
  EXPECT_EQ(got[1].Param("service"), "");
}

}  // namespace
}  // namespace mlist::transport
