// Go's encoding/json output rules, row by row. The expected texts are what
// Go 1.24 (docker 28's) writes.
#include "manifest/go_json.h"

#include <gtest/gtest.h>

#include <limits>

#include "base/error.h"
#include "support/error_text.h"

namespace mlist::manifest {
namespace {

using mlist::testing::ErrorOf;

TEST(ManifestGoJson, QuotesStringsAsMarshalDoes) {
  struct Row {
    std::string in;
    std::string html;     // json.Marshal
    std::string no_html;  // an Encoder with SetEscapeHTML(false)
  };
  const Row rows[] = {
      {"", R"("")", R"("")"},
      {"plain text", R"("plain text")", R"("plain text")"},
      {"\"\\/", R"("\"\\/")", R"("\"\\/")"},
      {"\b\f\n\r\t", R"("\b\f\n\r\t")", R"("\b\f\n\r\t")"},
      {std::string("\x00\x01\x1f", 3), R"("\u0000\u0001\u001f")",
       R"("\u0000\u0001\u001f")"},
      {"<a&b>", R"("\u003ca\u0026b\u003e")", R"("<a&b>")"},
      {"\x7f", "\"\x7f\"", "\"\x7f\""},
      {"\xc3\xa9\xf0\x9f\x98\x80", "\"\xc3\xa9\xf0\x9f\x98\x80\"",
       "\"\xc3\xa9\xf0\x9f\x98\x80\""},
      {"\xe2\x80\xa8\xe2\x80\xa9", R"("\u2028\u2029")", R"("\u2028\u2029")"},
      {"a\xffz", R"("a\ufffdz")", R"("a\ufffdz")"},
      {"\xe2\x80", R"("\ufffd\ufffd")", R"("\ufffd\ufffd")"},
      {"\xc0\xaf", R"("\ufffd\ufffd")", R"("\ufffd\ufffd")"},
      {"\xed\xa0\x80", R"("\ufffd\ufffd\ufffd")", R"("\ufffd\ufffd\ufffd")"},
      {"\xf4\x90\x80\x80", R"("\ufffd\ufffd\ufffd\ufffd")",
       R"("\ufffd\ufffd\ufffd\ufffd")"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(GoQuote(row.in), row.html);
    EXPECT_EQ(GoQuote(row.in, /*escape_html=*/false), row.no_html);
  }
}

TEST(ManifestGoJson, FormatsFloatsAsMarshalDoes) {
  struct Row {
    double in;
    const char* want;
  };
  const Row rows[] = {
      {0, "0"},
      {-0.0, "-0"},
      {1, "1"},
      {-1.5, "-1.5"},
      {0.1, "0.1"},
      {1.0 / 3, "0.3333333333333333"},
      {123456789.125, "123456789.125"},
      {1e20, "100000000000000000000"},
      {1e21, "1e+21"},
      {1.5e300, "1.5e+300"},
      {1e-6, "0.000001"},
      {1e-7, "1e-7"},
      {1.25e-10, "1.25e-10"},
      {5e-324, "5e-324"},
      {std::numeric_limits<double>::max(), "1.7976931348623157e+308"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.want);
    EXPECT_EQ(FormatGoFloat(row.in), row.want);
  }
  EXPECT_EQ(
      ErrorOf([] { FormatGoFloat(std::numeric_limits<double>::quiet_NaN()); }),
      "json: unsupported value: NaN");
  EXPECT_EQ(
      ErrorOf([] { FormatGoFloat(-std::numeric_limits<double>::infinity()); }),
      "json: unsupported value: -Inf");
}

TEST(ManifestGoJson, EncodesBytesAsPaddedBase64) {
  struct Row {
    std::string in;
    const char* want;
  };
  const Row rows[] = {
      {"", ""},
      {"a", "YQ=="},
      {"ab", "YWI="},
      {"abc", "YWJj"},
      {"hi", "aGk="},
      {"\xfb\xff\xbf", "+/+/"},
      {std::string("\0\0\0\0", 4), "AAAAAA=="},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.want);
    EXPECT_EQ(EncodeBase64(row.in), row.want);
  }
}

TEST(ManifestGoJson, CompactKeepsKeyOrderAndNumberText) {
  struct Row {
    std::string in;
    std::string html;
    std::string no_html;
  };
  const Row rows[] = {
      {" { \"b\" : 1.50 ,\n\t\"a\" : [ 1E2 , -0 ] } \n",
       R"({"b":1.50,"a":[1E2,-0]})", R"({"b":1.50,"a":[1E2,-0]})"},
      {R"({"x":"<&>","y":"\u00e9\/"})",
       R"({"x":"\u003c\u0026\u003e","y":"\u00e9\/"})",
       R"({"x":"<&>","y":"\u00e9\/"})"},
      {"[\"\xe2\x80\xa8 \xe2\x80\xa9\"]", R"(["\u2028 \u2029"])",
       "[\"\xe2\x80\xa8 \xe2\x80\xa9\"]"},
      {"[ ]", "[]", "[]"},
      {"\"s p\"", "\"s p\"", "\"s p\""},
      {"null", "null", "null"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(GoCompact(row.in), row.html);
    EXPECT_EQ(GoCompact(row.in, /*escape_html=*/false), row.no_html);
  }
}

TEST(ManifestGoJson, IndentPutsEachElementOnItsLine) {
  struct Row {
    std::string in;
    std::string prefix;
    std::string indent;
    std::string want;
  };
  const Row rows[] = {
      {"{}", "", "\t", "{}"},
      {"[ ]", "", "\t", "[]"},
      {R"({"a":[],"b":{}})", "", "\t", "{\n\t\"a\": [],\n\t\"b\": {}\n}"},
      {R"({"a":[1,{"b":null}]})", "", "   ",
       "{\n   \"a\": [\n      1,\n      {\n         \"b\": null\n      }\n"
       "   ]\n}"},
      {R"([1,2])", ">", "..", "[\n>..1,\n>..2\n>]"},
      // Leading white space goes, what follows the value stays.
      {"  \n{\"a\":1}\n \n", "", "\t", "{\n\t\"a\": 1\n}\n \n"},
      // Punctuation inside strings is not structure.
      {R"({"k,:{":"[\"]"})", "", "\t", "{\n\t\"k,:{\": \"[\\\"]\"\n}"},
      {R"({"x":"<>"})", "", "\t", "{\n\t\"x\": \"<>\"\n}"},
      {"7 ", "", "\t", "7 "},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(GoIndent(row.in, row.prefix, row.indent), row.want);
  }
}

TEST(ManifestGoJson, InvalidJsonIsNamedWithItsOffset) {
  struct Row {
    std::string in;
    const char* want;
  };
  const Row rows[] = {
      {"", "invalid JSON at offset 0: unexpected end of JSON input"},
      {"  ", "invalid JSON at offset 2: unexpected end of JSON input"},
      {"{", "invalid JSON at offset 1: unexpected end of JSON input"},
      {"x",
       "invalid JSON at offset 0: invalid character 'x' looking for "
       "beginning of value"},
      {R"({"a"})",
       "invalid JSON at offset 4: invalid character '}' after "
       "object key"},
      {R"({"a":1,})",
       "invalid JSON at offset 7: invalid character '}' "
       "looking for beginning of object key string"},
      {R"({1:2})",
       "invalid JSON at offset 1: invalid character '1' looking "
       "for beginning of object key string"},
      {"[1,]",
       "invalid JSON at offset 3: invalid character ']' looking for "
       "beginning of value"},
      {"[1 2]",
       "invalid JSON at offset 3: invalid character '2' after array "
       "element"},
      {R"({"a":1 "b":2})",
       "invalid JSON at offset 7: invalid character '\"' "
       "after object key:value pair"},
      {"01",
       "invalid JSON at offset 1: invalid character '1' after "
       "top-level value"},
      {"{} x",
       "invalid JSON at offset 3: invalid character 'x' after "
       "top-level value"},
      {"-", "invalid JSON at offset 1: unexpected end of JSON input"},
      {"-a",
       "invalid JSON at offset 1: invalid character 'a' in numeric "
       "literal"},
      {"1.", "invalid JSON at offset 2: unexpected end of JSON input"},
      {"1.e",
       "invalid JSON at offset 2: invalid character 'e' after "
       "decimal point in numeric literal"},
      {"1e+", "invalid JSON at offset 3: unexpected end of JSON input"},
      {"tru", "invalid JSON at offset 3: unexpected end of JSON input"},
      {"trUe",
       "invalid JSON at offset 2: invalid character 'U' in literal "
       "true (expecting 'u')"},
      {"\"a\nb\"",
       "invalid JSON at offset 2: invalid character '\\x0a' in "
       "string literal"},
      {R"("\x")",
       "invalid JSON at offset 2: invalid character 'x' in string "
       "escape code"},
      {R"("\u12g4")",
       "invalid JSON at offset 5: invalid character 'g' in "
       "\\u hexadecimal character escape"},
      {"\"abc", "invalid JSON at offset 4: unexpected end of JSON input"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(ErrorOf([&] { TokenizeJson(row.in); }), row.want);
    EXPECT_EQ(ErrorOf([&] { GoIndent(row.in, "", "\t"); }), row.want);
  }
}

TEST(ManifestGoJson, NestingStopsAtGoDepthLimit) {
  std::string ok = std::string(10000, '[') + std::string(10000, ']');
  EXPECT_NO_THROW(TokenizeJson(ok));
  std::string deep = std::string(10001, '[') + std::string(10001, ']');
  EXPECT_EQ(ErrorOf([&] { TokenizeJson(deep); }),
            "invalid JSON at offset 10000: exceeded max depth");
}

TEST(ManifestGoJson, ObjectMembersKeepTheExactValueBytes) {
  std::string text =
      "{ \"A\" : {\"x\": [1, 2]} , \"b\\u0041\":  \"s\" ,\"A\":null,"
      "\"n\":-1.50e3}";
  auto members = JsonObjectMembers(text);
  ASSERT_EQ(members.size(), 4u);
  EXPECT_EQ(members[0].name, "A");
  EXPECT_EQ(members[0].value, "{\"x\": [1, 2]}");
  EXPECT_EQ(members[1].name, "bA");
  EXPECT_EQ(members[1].value, "\"s\"");
  EXPECT_EQ(members[2].value, "null");
  EXPECT_EQ(members[3].value, "-1.50e3");
  EXPECT_TRUE(JsonObjectMembers("{}").empty());
  EXPECT_EQ(ErrorOf([] { JsonObjectMembers("[]"); }),
            "invalid JSON: not an object");
}

TEST(ManifestGoJson, DecodesStringsAsGoReadsThem) {
  struct Row {
    std::string quoted;
    std::string want;
  };
  const Row rows[] = {
      {R"("")", ""},
      {R"("a\"\\\/\b\f\n\r\tz")", "a\"\\/\b\f\n\r\tz"},
      {R"("\u00e9\u20AC")", "\xc3\xa9\xe2\x82\xac"},
      {R"("\ud83d\ude00")", "\xf0\x9f\x98\x80"},
      {R"("\ud83d")", "\xef\xbf\xbd"},
      {R"("\ude00x")", "\xef\xbf\xbdx"},
      {R"("\ud83d\u0041")",
       "\xef\xbf\xbd"
       "A"},
      {"\"a\xff\"", "a\xef\xbf\xbd"},
      {R"("\u0000")", std::string("\0", 1)},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.quoted);
    EXPECT_EQ(DecodeJsonString(row.quoted), row.want);
  }
}

TEST(ManifestGoJson, WriterAddsCommasAndCompactsMarshalers) {
  GoJsonWriter w;
  w.BeginObject();
  w.Key("s");
  w.String("<x>");
  w.Key("n");
  w.Int(-42);
  w.Key("f");
  w.Float(2.5);
  w.Key("list");
  w.BeginArray();
  w.Bool(true);
  w.Null();
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.EndArray();
  w.Key("b");
  w.Bytes("hi");
  w.Key("m");
  w.Marshaler("{ \"z\" : 1.0,\n \"a\": \"&\" }\n");
  w.EndObject();
  EXPECT_EQ(w.str(),
            R"({"s":"\u003cx\u003e","n":-42,"f":2.5,"list":[true,null,{},[]],)"
            R"("b":"aGk=","m":{"z":1.0,"a":"\u0026"}})");
}

}  // namespace
}  // namespace mlist::manifest
