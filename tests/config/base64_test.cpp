#include "config/base64.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace mlist::config {
namespace {

TEST(Base64Decode, DecodesPaddedStandardBase64) {
  struct Row {
    const char* text;
    std::string want;
  };
  const Row rows[] = {
      {"", ""},
      {"YQ==", "a"},
      {"YWI=", "ab"},
      {"YWJj", "abc"},
      {"dXNlcjpwYXNz", "user:pass"},
      {"dXNl\r\ncjpw\nYXNz", "user:pass"},
      {"YQ==\n", "a"},
      {"+/+/", "\xfb\xff\xbf"},
      {"dXNlcgA=", std::string("user\0", 5)},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(DecodeBase64(row.text), row.want);
  }
}

TEST(Base64Decode, NamesTheOffendingByte) {
  struct Row {
    const char* text;
    const char* want;
  };
  const Row rows[] = {
      {"!!!!", "illegal base64 data at input byte 0"},
      {"YW-j", "illegal base64 data at input byte 2"},
      {"Y", "illegal base64 data at input byte 0"},
      {"YWJ", "illegal base64 data at input byte 0"},
      {"YQ=", "illegal base64 data at input byte 3"},
      {"Y===", "illegal base64 data at input byte 1"},
      {"YQ=a", "illegal base64 data at input byte 2"},
      {"YQ==YQ==", "illegal base64 data at input byte 4"},
      {"YWJj ", "illegal base64 data at input byte 4"},
      {"dXNl\ncj!w", "illegal base64 data at input byte 7"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    try {
      DecodeBase64(row.text);
      ADD_FAILURE() << "expected an error";
    } catch (const Error& e) {
      EXPECT_STREQ(e.what(), row.want);
    }
  }
}

}  // namespace
}  // namespace mlist::config
