#include "config/config_file.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "config/config_fixtures.h"

namespace mlist::config {
namespace {

using testing::TempDir;

// Returns the error text of parsing text, or "" when it parses.
std::string ParseError(const std::string& text) {
  try {
    ParseConfigFile(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ConfigFile, MissingFileIsEmpty) {
  TempDir dir;
  ConfigFile file = LoadConfigFile(dir.path() + "/config.json");
  EXPECT_FALSE(file.ContainsAuth());
  EXPECT_TRUE(file.http_headers.empty());
  EXPECT_TRUE(file.proxies.empty());
}

TEST(ConfigFile, BlankOrNullDocumentIsEmpty) {
  for (const char* text : {"", "  \n\t", "null", " null "}) {
    SCOPED_TRACE(text);
    ConfigFile file = ParseConfigFile(text);
    EXPECT_FALSE(file.ContainsAuth());
  }
}

TEST(ConfigFile, DecodesAuthIntoUsernameAndPassword) {
  ConfigFile file = ParseConfigFile(
      R"({"auths": {"registry.example:5000": {
            "auth": "YWxpY2U6ZmlsZS1wYXNz"}}})");
  ASSERT_EQ(file.auths.count("registry.example:5000"), 1u);
  const Credential& c = file.auths["registry.example:5000"];
  EXPECT_EQ(c.username, "alice");
  EXPECT_EQ(c.password, "file-pass");
  EXPECT_TRUE(file.ContainsAuth());
}

TEST(ConfigFile, AuthSplitsAtTheFirstColonAndDropsNulPadding) {
  struct Row {
    const char* auth;
    const char* username;
    const char* password;
  };
  const Row rows[] = {
      {"dXNlcjpwYTpzcw==", "user", "pa:ss"},
      {"Ym9iOnB3AAA=", "bob", "pw"},
      {"dXNlcjo=", "user", ""},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.auth);
    ConfigFile file = ParseConfigFile(
        std::string(R"({"auths": {"r": {"auth": ")") + row.auth + "\"}}}");
    EXPECT_EQ(file.auths["r"].username, row.username);
    EXPECT_EQ(file.auths["r"].password, row.password);
  }
}

TEST(ConfigFile, ReadsTokensAndPlainUsernamePassword) {
  ConfigFile file = ParseConfigFile(R"({"auths": {
      "a": {"username": "u", "password": "p"},
      "b": {"identitytoken": "refresh"},
      "c": {"registrytoken": "bearer", "email": "x@example.com"}}})");
  EXPECT_EQ(file.auths["a"].username, "u");
  EXPECT_EQ(file.auths["a"].password, "p");
  EXPECT_EQ(file.auths["b"].identity_token, "refresh");
  EXPECT_EQ(file.auths["c"].registry_token, "bearer");
  EXPECT_TRUE(file.auths["c"].username.empty());
}

TEST(ConfigFile, AuthWinsOverUsernameAndPasswordFields) {
  ConfigFile file = ParseConfigFile(R"({"auths": {"r": {
      "username": "other", "password": "other-pass",
      "auth": "YWxpY2U6ZmlsZS1wYXNz"}}})");
  EXPECT_EQ(file.auths["r"].username, "alice");
  EXPECT_EQ(file.auths["r"].password, "file-pass");
}

TEST(ConfigFile, EmptyAndNullEntriesAreAnonymous) {
  ConfigFile file = ParseConfigFile(
      R"({"auths": {"a": {}, "b": null, "c": {"auth": ""}},
            "credsStore": null})");
  ASSERT_EQ(file.auths.size(), 3u);
  for (const auto& [key, credential] : file.auths) {
    SCOPED_TRACE(key);
    EXPECT_TRUE(credential.Anonymous());
  }
  EXPECT_TRUE(file.creds_store.empty());
}

TEST(ConfigFile, ReadsCredsStoreAndCredHelpers) {
  ConfigFile file = ParseConfigFile(R"({
      "credsStore": "desktop",
      "credHelpers": {"gcr.io": "gcloud", "x.example": "",
                      "y.example": null}})");
  EXPECT_EQ(file.creds_store, "desktop");
  std::map<std::string, std::string> want = {
      {"gcr.io", "gcloud"}, {"x.example", ""}, {"y.example", ""}};
  EXPECT_EQ(file.cred_helpers, want);
  EXPECT_TRUE(file.ContainsAuth());
}

TEST(ConfigFile, ReadsHttpHeaders) {
  ConfigFile file = ParseConfigFile(
      R"({"HttpHeaders": {"X-Meta-Team": "infra", "User-Agent": "x/1"}})");
  std::map<std::string, std::string> want = {{"User-Agent", "x/1"},
                                             {"X-Meta-Team", "infra"}};
  EXPECT_EQ(file.http_headers, want);
  EXPECT_FALSE(file.ContainsAuth());
}

TEST(ConfigFile, ReadsProxies) {
  ConfigFile file = ParseConfigFile(R"({"proxies": {
      "default": {"httpProxy": "http://p:3128", "httpsProxy": "http://s:3128",
                  "noProxy": "localhost,.internal", "ftpProxy": "ftp://f",
                  "allProxy": "socks5://a"},
      "tcp://docker.example:2376": {"httpProxy": "http://other:8080"}}})");
  ProxyConfig def = file.ProxyFor("anything");
  EXPECT_EQ(def.http_proxy, "http://p:3128");
  EXPECT_EQ(def.https_proxy, "http://s:3128");
  EXPECT_EQ(def.no_proxy, "localhost,.internal");
  EXPECT_EQ(def.ftp_proxy, "ftp://f");
  EXPECT_EQ(def.all_proxy, "socks5://a");
  ProxyConfig host = file.ProxyFor("tcp://docker.example:2376");
  EXPECT_EQ(host.http_proxy, "http://other:8080");
  EXPECT_TRUE(host.https_proxy.empty());
  EXPECT_TRUE(ParseConfigFile("{}").ProxyFor("x").http_proxy.empty());
}

TEST(ConfigFile, FieldNamesIgnoreCaseAsInDocker) {
  ConfigFile file = ParseConfigFile(R"({
      "CREDSSTORE": "pass", "Auths": {"r": {"AUTH": "YWxpY2U6ZmlsZS1wYXNz"}},
      "httpheaders": {"X-A": "1"},
      "Proxies": {"default": {"HTTPPROXY": "p"}}})");
  EXPECT_EQ(file.creds_store, "pass");
  EXPECT_EQ(file.auths["r"].username, "alice");
  EXPECT_EQ(file.http_headers["X-A"], "1");
  EXPECT_EQ(file.ProxyFor("x").http_proxy, "p");
}

TEST(ConfigFile, LastDuplicateFieldWins) {
  ConfigFile file =
      ParseConfigFile(R"({"credsStore": "first", "credsstore": "second"})");
  EXPECT_EQ(file.creds_store, "second");
}

TEST(ConfigFile, IgnoresUnknownFieldsAndTrailingText) {
  ConfigFile file = ParseConfigFile(
      R"({"psFormat": "table", "plugins": {"x": {"y": "z"}},
          "credsStore": "s"} junk)");
  EXPECT_EQ(file.creds_store, "s");
}

TEST(ConfigFile, ErrorsNameTheFieldNotTheValue) {
  struct Row {
    const char* text;
    const char* want;
  };
  const Row rows[] = {
      {R"({"auths": )", "invalid JSON at offset 10: invalid value"},
      {R"({"auths": {"r": {"auth": "x",}}})",
       "invalid JSON at offset 29: missing a name for object member"},
      {"[]", "the document is an array, want an object"},
      {"42", "the document is a number, want an object"},
      {R"({"auths": []})", R"("auths" is an array, want an object)"},
      {R"({"auths": {"r": "x"}})", R"(auths "r" is a string, want an object)"},
      {R"({"auths": {"r": {"auth": 5}}})",
       R"(auths "r": "auth" is a number, want a string)"},
      {R"({"auths": {"r": {"password": true}}})",
       R"(auths "r": "password" is a boolean, want a string)"},
      {R"({"auths": {"r": {"auth": "s3cr3t!!"}}})",
       R"(auths "r": decoding "auth": illegal base64 data at input byte 6)"},
      {R"({"auths": {"r": {"auth": "dXNlcg=="}}})",
       R"(auths "r": decoding "auth": not base64 of "username:password")"},
      {R"({"auths": {"r": {"auth": "OnB3"}}})",
       R"(auths "r": decoding "auth": not base64 of "username:password")"},
      {R"({"credsStore": ["x"]})",
       R"("credsStore" is an array, want a string)"},
      {R"({"credHelpers": {"r": 1}})",
       R"("credHelpers" "r" is a number, want a string)"},
      {R"({"HttpHeaders": "x"})",
       R"("HttpHeaders" is a string, want an object)"},
      {R"({"proxies": {"default": 1}})",
       R"(proxies "default" is a number, want an object)"},
      {R"({"proxies": {"default": {"httpProxy": {}}}})",
       R"(proxies "default": "httpProxy" is an object, want a string)"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(ParseError(row.text), row.want);
  }
}

TEST(ConfigFile, ErrorsNeverShowCredentials) {
  const char* texts[] = {
      R"({"auths": {"r": {"auth": "c2VjcmV0LXBhc3M="}}})",  // no colon
      R"({"auths": {"r": {"auth": "secret-pass"}}})",
      R"({"auths": {"r": {"auth": "secret-pass", "password": 1}}})",
      R"({"auths": {"r": {"password": "secret-pass", "auth": 1}}})",
      R"({"auths": {"r": {"password": "secret-pass"} )",
  };
  for (const char* text : texts) {
    SCOPED_TRACE(text);
    std::string error = ParseError(text);
    EXPECT_FALSE(error.empty());
    EXPECT_EQ(error.find("secret"), std::string::npos) << error;
    EXPECT_EQ(error.find("c2Vjc"), std::string::npos) << error;
  }
}

TEST(ConfigFile, MalformedFileErrorNamesTheFileAndOffset) {
  TempDir dir;
  std::string path =
      dir.Write("config.json", "{\"auths\": {\"r\": {\"auth\" 1}}}");
  try {
    LoadConfigFile(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "parsing config file \"" + path +
                  "\": invalid JSON at offset 24: missing a colon after a "
                  "name of object member");
  }
}

TEST(ConfigFile, BadAuthErrorNamesTheFileAndRegistry) {
  TempDir dir;
  std::string path = dir.Write(
      "config.json",
      R"({"auths": {"https://index.docker.io/v1/": {"auth": "%%"}}})");
  try {
    LoadConfigFile(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "parsing config file \"" + path +
                  "\": auths \"https://index.docker.io/v1/\": decoding "
                  "\"auth\": illegal base64 data at input byte 0");
  }
}

TEST(ConfigFile, UnreadableFileIsAnError) {
  TempDir dir;
  try {
    LoadConfigFile(dir.path());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "reading config file \"" + dir.path() + "\": is a directory");
  }
}

TEST(ConfigFile, LoadsAFileFromDisk) {
  TempDir dir;
  std::string path = dir.Write("config.json", R"({
      "auths": {"r.example": {"auth": "YWxpY2U6ZmlsZS1wYXNz"}},
      "credHelpers": {"gcr.io": "gcloud"}})");
  ConfigFile file = LoadConfigFile(path);
  EXPECT_EQ(file.auths["r.example"].password, "file-pass");
  EXPECT_EQ(file.cred_helpers["gcr.io"], "gcloud");
}

}  // namespace
}  // namespace mlist::config
