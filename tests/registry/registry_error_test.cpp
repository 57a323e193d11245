#include "registry/registry_error.h"

#include <gtest/gtest.h>

namespace mlist::registry {
namespace {

transport::Response Answer(int status, const std::string& body) {
  transport::Response r;
  r.status = status;
  r.body = body;
  return r;
}

TEST(RegistryError, Table) {
  struct Row {
    int status;
    const char* body;
    const char* want;
  };
  const Row rows[] = {
      {404,
       R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest )"
       R"(unknown","detail":{"Tag":"1"}}]})",
       "x: manifest unknown: manifest unknown"},
      {401,
       R"({"errors":[{"code":"UNAUTHORIZED","message":"authentication )"
       R"(required"},{"code":"DENIED","message":"no"}]})",
       "x: unauthorized: authentication required; denied: no"},
      {500, "", "x: 500 Internal Server Error"},
      {502, "<html>bad gateway</html>\n",
       "x: 502 Bad Gateway: <html>bad "
       "gateway</html> "},
      {418, "{\"errors\":", "x: 418: {\"errors\":"},
      {415, "", "x: 415 Unsupported Media Type"},
      {400, std::string("\x01\x02", 2).c_str(), "x: 400 Bad Request"},
  };
  for (const auto& row : rows) {
    SCOPED_TRACE(row.body);
    RegistryError e = ErrorFromResponse("x", Answer(row.status, row.body));
    EXPECT_EQ(std::string(e.what()), row.want);
    EXPECT_EQ(e.status(), row.status);
  }
}

TEST(RegistryError, ReasonLeavesOutWhatWasBeingDone) {
  auto coded = ErrorFromResponse(
      "pushing manifest \"a\"",
      Answer(400,
             R"({"errors":[{"code":"MANIFEST_INVALID","message":"no"}]})"));
  EXPECT_EQ(coded.reason(), "manifest invalid: no");
  auto bare = ErrorFromResponse("x", Answer(405, ""));
  EXPECT_EQ(bare.reason(), "405 Method Not Allowed");
  // Built without one, the reason is the whole message.
  EXPECT_EQ(RegistryError("x: y", 400, {}).reason(), "x: y");
}

TEST(RegistryError, KeepsCodes) {
  auto e = ErrorFromResponse(
      "x", Answer(404, R"({"errors":[{"code":"BLOB_UNKNOWN"}]})"));
  EXPECT_TRUE(e.HasCode("BLOB_UNKNOWN"));
  EXPECT_FALSE(e.HasCode("MANIFEST_UNKNOWN"));
}

// A registry's body is not ours to trust: a megabyte of nesting is read
// without recursion, and a megabyte of text is shown cut short.
TEST(RegistryError, HostileBodiesAreReadSafelyAndCutShort) {
  std::string nested = R"({"errors":)" + std::string(1 << 20, '[');
  RegistryError deep = ErrorFromResponse("x", Answer(400, nested));
  EXPECT_EQ(std::string(deep.what()).substr(0, 31),
            "x: 400 Bad Request: {\"errors\":[");
  EXPECT_LT(std::string(deep.what()).size(), 1100u);
  std::string long_message = R"({"errors":[{"code":"DENIED","message":")" +
                             std::string(1 << 20, 'm') + "\"}]}";
  RegistryError wordy = ErrorFromResponse("x", Answer(403, long_message));
  EXPECT_EQ(std::string(wordy.what()),
            "x: denied: " + std::string(200, 'm') + "...");
}

}  // namespace
}  // namespace mlist::registry
