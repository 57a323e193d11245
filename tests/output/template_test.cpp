// The --format template subset. Expected outputs follow Go's text/template
// documentation (doc.go: "Text and spaces", the range and comment
// actions) and its executor (a nil value prints "<no value>", a range over
// nil runs the else part, errors "can't evaluate field X", "range can't
// iterate over V"); docker's json function is an Encoder with
// SetEscapeHTML(false), its newline trimmed. The outputs of the rows that
// succeed were also checked against Go 1.19's text/template run over the
// same JSON decoded into interface{} (with UseNumber).
#include "output/template.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "support/error_text.h"

namespace mlist::output {
namespace {

using mlist::testing::ErrorOf;

// An inspected list, as --format will see it.
constexpr const char* kList = R"({
  "Ref": "localhost:5000/app:1.0",
  "Digest": "sha256:abc",
  "MediaType": "application/vnd.oci.image.index.v1+json",
  "Size": 1234,
  "Platform": {"OS": "linux", "Architecture": "arm64", "Variant": ""},
  "Config": {"Labels": {"version": "1.0"}},
  "Manifests": [
    {"Digest": "sha256:a1",
     "Platform": {"OS": "linux", "Architecture": "amd64"}},
    {"Digest": "sha256:a2",
     "Platform": {"OS": "linux", "Architecture": "arm", "Variant": "v7"}}
  ],
  "Empty": [],
  "Nothing": null,
  "Annotations": {"b": "2", "c": "3", "a": "1"}
})";

// Values of each JSON type.
constexpr const char* kTypes = R"({
  "s": "text", "e": "", "html": "<a&b>", "ctrl": "a\"b\\c\n\t",
  "i": 42, "neg": -7, "f": 1.5, "big": 1e21, "u": 18446744073709551615,
  "t": true, "no": false, "n": null,
  "a": [1, "x", null, {"k": []}], "o": {"k": "v", "n": 1, "z": {}}
})";

constexpr const char* kSupported =
    " (supported: {{.}}, {{.Field.Path}}, {{json .Field}}, "
    "{{range .Field}}...{{else}}...{{end}}, {{/* comments */}})";

rapidjson::Document Data(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  EXPECT_FALSE(doc.HasParseError()) << json;
  return doc;
}

std::string Render(const std::string& format, const std::string& json = kList) {
  return Template::Parse(format).Execute(Data(json));
}

std::string ParseError(const std::string& format) {
  return ErrorOf([&] { Template::Parse(format); });
}

std::string RenderError(const std::string& format,
                        const std::string& json = kList) {
  Template parsed = Template::Parse(format);
  rapidjson::Document data = Data(json);
  return ErrorOf([&] { parsed.Execute(data); });
}

struct Row {
  std::string format;
  std::string want;
};

void ExpectRuns(const std::vector<Row>& rows, const std::string& json) {
  for (const Row& row : rows) {
    SCOPED_TRACE(row.format);
    EXPECT_EQ(Render(row.format, json), row.want);
  }
}

TEST(TemplateExecute, TextWithoutActionsIsCopied) {
  ExpectRuns({{"", ""},
              {"plain", "plain"},
              {"a }} b", "a }} b"},
              {"{ {.Ref} }", "{ {.Ref} }"},
              {"line\n\tnext\r\n", "line\n\tnext\r\n"},
              {"ends in {", "ends in {"},
              {"-}} {- -", "-}} {- -"}},
             kList);
}

TEST(TemplateExecute, FieldsPrintTheirValues) {
  ExpectRuns({{"{{.Ref}}", "localhost:5000/app:1.0"},
              {"{{.Digest}}", "sha256:abc"},
              {"{{.MediaType}}", "application/vnd.oci.image.index.v1+json"},
              {"{{.Platform.OS}}/{{.Platform.Architecture}}", "linux/arm64"},
              {"[{{.Platform.Variant}}]", "[]"},
              {"{{.Config.Labels.version}}", "1.0"},
              {"ref={{.Ref}} size={{.Size}}\n",
               "ref=localhost:5000/app:1.0 size=1234\n"}},
             kList);
}

TEST(TemplateExecute, ValuesPrintByType) {
  ExpectRuns({{"{{.s}}", "text"},
              {"[{{.e}}]", "[]"},
              {"{{.html}}", "<a&b>"},
              {"{{.ctrl}}", "a\"b\\c\n\t"},
              {"{{.i}} {{.neg}} {{.f}}", "42 -7 1.5"},
              {"{{.big}}", "1e+21"},
              {"{{.u}}", "18446744073709551615"},
              {"{{.t}} {{.no}}", "true false"},
              {"{{.n}}", "<no value>"},
              {"{{.a}}", R"([1,"x",null,{"k":[]}])"},
              {"{{.o}}", R"({"k":"v","n":1,"z":{}})"}},
             kTypes);
}

TEST(TemplateExecute, DotIsTheData) {
  EXPECT_EQ(Render("{{.}}", R"({"b": 1, "a": "x"})"), R"({"b":1,"a":"x"})");
  EXPECT_EQ(Render("{{.}}", R"("just text")"), "just text");
  EXPECT_EQ(Render("{{.}}", "null"), "<no value>");
}

TEST(TemplateExecute, JsonPrintsCompactJsonWithoutHtmlEscapes) {
  ExpectRuns({{"{{json .s}}", R"("text")"},
              {"{{json .e}}", R"("")"},
              {"{{json .html}}", R"("<a&b>")"},
              {"{{json .ctrl}}", R"("a\"b\\c\n\t")"},
              {"{{json .i}} {{json .f}} {{json .t}}", "42 1.5 true"},
              {"{{json .n}}", "null"},
              {"{{json .a}}", R"([1,"x",null,{"k":[]}])"},
              {"{{json .o}}", R"({"k":"v","n":1,"z":{}})"}},
             kTypes);
  EXPECT_EQ(Render("{{json .}}", R"({ "a" : [ 1 , 2 ] })"), R"({"a":[1,2]})");
  EXPECT_EQ(Render("{{json .Platform}}"),
            R"({"OS":"linux","Architecture":"arm64","Variant":""})");
}

TEST(TemplateExecute, RangeSetsDotToEachElement) {
  ExpectRuns(
      {{"{{range .Manifests}}{{.Digest}} {{end}}", "sha256:a1 sha256:a2 "},
       {"{{range .Manifests}}{{.Platform.Architecture}}\n{{end}}",
        "amd64\narm\n"},
       {"{{range .Manifests}}{{json .Platform}}{{end}}",
        R"({"OS":"linux","Architecture":"amd64"})"
        R"({"OS":"linux","Architecture":"arm","Variant":"v7"})"},
       {"{{range .Manifests}}x{{else}}empty{{end}}", "xx"}},
      kList);
  EXPECT_EQ(Render("{{range .}}<{{.}}>{{end}}", R"([1, "two", null])"),
            "<1><two><<no value>>");
}

TEST(TemplateExecute, RangeOverNothingRunsTheElsePartWithDotUnchanged) {
  ExpectRuns(
      {{"a{{range .Empty}}x{{end}}b", "ab"},
       {"a{{range .Nothing}}x{{end}}b", "ab"},
       {"{{range .Empty}}x{{else}}{{.Ref}}{{end}}", "localhost:5000/app:1.0"},
       {"{{range .Nothing}}x{{else}}none{{end}}", "none"}},
      kList);
  EXPECT_EQ(Render("{{range .o}}x{{else}}none{{end}}", R"({"o": {}})"), "none");
}

TEST(TemplateExecute, RangeOverAnObjectVisitsValuesInKeyOrder) {
  EXPECT_EQ(Render("{{range .Annotations}}{{.}}{{end}}"), "123");
  EXPECT_EQ(
      Render("{{range .}}{{.}}{{end}}", R"({"b": "B", "a": "A", "b": "C"})"),
      "AC");
}

TEST(TemplateExecute, RangesNest) {
  const char* data = R"({"Lists": [
      {"Name": "a", "Items": [1, 2]},
      {"Name": "b", "Items": []},
      {"Name": "c", "Items": [[3, 4], [5]]}]})";
  EXPECT_EQ(Render("{{range .Lists}}{{.Name}}:{{range .Items}}[{{.}}]"
                   "{{else}}none{{end}};{{end}}",
                   data),
            "a:[1][2];b:none;c:[[3,4]][[5]];");
  EXPECT_EQ(
      Render("{{range .Lists}}{{range .Items}}{{range .}}{{.}}{{end}}"
             "{{end}}{{end}}",
             R"({"Lists": [{"Items": [[1, 2], [3]]}, {"Items": [[4]]}]})"),
      "1234");
}

// doc.go: "{{23 -}} < {{- 45}}" gives "23<45"; trimming removes space,
// tab, carriage return and newline, and only next to the marker.
TEST(TemplateExecute, TrimMarkersDropAdjacentWhiteSpace) {
  ExpectRuns({{"{{.A -}} < {{- .B}}", "23<45"},
              {"a \t\r\n{{- .A}}", "a23"},
              {"{{.A -}} \n\t b", "23b"},
              {"a {{.A}} b", "a 23 b"},
              {"x {{- .A}} {{.B}}", "x23 45"},
              {"{{.A -}}   {{- .B}}", "2345"},
              {"\n{{- .A -}}\n", "23"},
              {"{{.A\t-}} b", "23b"},
              {"a {{-\n.A}}", "a23"},
              {"{{range .L -}}\n  {{.}}\n{{end -}}\n", "1\n2\n"},
              {"{{range .E}}x{{- else -}} \n none \n{{- end}}", "none"}},
             R"({"A": 23, "B": 45, "L": [1, 2], "E": []})");
}

TEST(TemplateExecute, CommentsAreDropped) {
  ExpectRuns({{"a{{/* note */}}b", "ab"},
              {"a{{/**/}}b", "ab"},
              {"a{{/* one\ntwo }} {{.X}} */}}b", "ab"},
              {"a {{- /* trimmed */ -}} b", "ab"},
              {"a {{/* kept */}} b", "a  b"},
              {"{{range .Manifests}}{{/* each */}}{{.Digest}}{{end}}",
               "sha256:a1sha256:a2"}},
             kList);
}

TEST(TemplateExecute, ActionsMayHoldSpacesAndNewlines) {
  ExpectRuns({{"{{ .Ref }}", "localhost:5000/app:1.0"},
              {"{{\n.Digest\n}}", "sha256:abc"},
              {"{{\tjson  .Size\t}}", "1234"},
              {"{{ range .Empty }}x{{ else }}y{{ end }}", "y"}},
             kList);
}

TEST(TemplateExecute, ParsedTemplateRunsOverManyDocuments) {
  Template parsed = Template::Parse("{{.Ref}};");
  Template copy = parsed;
  EXPECT_EQ(parsed.Execute(Data(R"({"Ref": "a"})")), "a;");
  EXPECT_EQ(copy.Execute(Data(R"({"Ref": "b"})")), "b;");
}

TEST(TemplateExecute, ErrorsNameTheFieldAsGoDoes) {
  const Row rows[] = {
      {"{{.Foo}}", R"(template: executing "{{.Foo}}" at 1:1: )"
                   "can't evaluate field Foo in type object"},
      {"{{.ref}}", R"(template: executing "{{.ref}}" at 1:1: )"
                   "can't evaluate field ref in type object"},
      {"{{.Platform.Foo}}", R"(template: executing "{{.Platform.Foo}}" at )"
                            "1:1: can't evaluate field Foo in type object"},
      {"{{.Ref.Name}}", R"(template: executing "{{.Ref.Name}}" at 1:1: )"
                        "can't evaluate field Name in type string"},
      {"{{.Manifests.Digest}}",
       R"(template: executing "{{.Manifests.Digest}}" at 1:1: )"
       "can't evaluate field Digest in type array"},
      {"{{.Nothing.X}}", R"(template: executing "{{.Nothing.X}}" at 1:1: )"
                         "can't evaluate field X in type null"},
      {"{{.Size.X}}", R"(template: executing "{{.Size.X}}" at 1:1: )"
                      "can't evaluate field X in type number"},
      {"x\n  {{json .Foo}}", R"(template: executing "{{json .Foo}}" at )"
                             "2:3: can't evaluate field Foo in type object"},
      {"{{range .Manifests}}{{.Nope}}{{end}}",
       R"(template: executing "{{.Nope}}" at 1:21: )"
       "can't evaluate field Nope in type object"},
      {"{{range .Foo}}{{end}}", R"(template: executing "{{range .Foo}}" at )"
                                "1:1: can't evaluate field Foo in type object"},
      {"{{range .Ref}}{{end}}", R"(template: executing "{{range .Ref}}" at )"
                                "1:1: range can't iterate over "
                                "localhost:5000/app:1.0"},
      {"{{range .Size}}{{end}}", R"(template: executing "{{range .Size}}" )"
                                 "at 1:1: range can't iterate over 1234"},
      {"{{range json .Ref}}{{end}}",
       R"(template: executing "{{range json .Ref}}" at 1:1: )"
       R"(range can't iterate over "localhost:5000/app:1.0")"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.format);
    EXPECT_EQ(RenderError(row.format), row.want);
  }
}

TEST(TemplateParse, RefusesWhatTheSubsetLacks) {
  const std::string u = "template: unsupported action ";
  const Row rows[] = {
      {"{{if .Ref}}x{{end}}",
       u + R"("{{if .Ref}}" at 1:1: "if" is not supported)" + kSupported},
      {"{{with .Platform}}{{.OS}}{{end}}",
       u + R"("{{with .Platform}}" at 1:1: "with" is not supported)" +
           kSupported},
      {R"({{define "x"}}{{end}})",
       u + R"("{{define \"x\"}}" at 1:1: "define" is not supported)" +
           kSupported},
      {R"({{template "x"}})",
       u + R"("{{template \"x\"}}" at 1:1: "template" is not supported)" +
           kSupported},
      {R"({{block "x" .}}{{end}})",
       u + R"("{{block \"x\" .}}" at 1:1: "block" is not supported)" +
           kSupported},
      {"{{range .M}}{{break}}{{end}}",
       u + R"("{{break}}" at 1:13: "break" is not supported)" + kSupported},
      {"{{range .M}}{{continue}}{{end}}",
       u + R"("{{continue}}" at 1:13: "continue" is not supported)" +
           kSupported},
      {"{{range .M}}{{else if .X}}{{end}}",
       u + R"("{{else if .X}}" at 1:13: "else if" is not supported)" +
           kSupported},
      {"{{range .M}}{{else with .X}}{{end}}",
       u + R"("{{else with .X}}" at 1:13: "else with" is not supported)" +
           kSupported},
      {"{{.Ref | json}}",
       u + R"("{{.Ref | json}}" at 1:1: pipelines ("|") are not supported)" +
           kSupported},
      {"{{.Ref|json}}",
       u + R"("{{.Ref|json}}" at 1:1: pipelines ("|") are not supported)" +
           kSupported},
      {"{{$x := .Ref}}",
       u + R"("{{$x := .Ref}}" at 1:1: variables ("$x") are not supported)" +
           kSupported},
      {"{{$.Ref}}",
       u + R"("{{$.Ref}}" at 1:1: variables ("$") are not supported)" +
           kSupported},
      {"{{range $i, $m := .M}}{{end}}",
       u +
           R"("{{range $i, $m := .M}}" at 1:1: variables ("$i") are not )"
           "supported" +
           kSupported},
      {R"({{printf "%s" .Ref}})",
       u +
           R"("{{printf \"%s\" .Ref}}" at 1:1: function "printf" is not )"
           "supported" +
           kSupported},
      {"{{len .Manifests}}",
       u + R"("{{len .Manifests}}" at 1:1: function "len" is not supported)" +
           kSupported},
      {"{{upper .Ref}}",
       u + R"("{{upper .Ref}}" at 1:1: function "upper" is not supported)" +
           kSupported},
      {"{{json index}}",
       u + R"("{{json index}}" at 1:1: function "index" is not supported)" +
           kSupported},
      {R"({{"text"}})",
       u + R"("{{\"text\"}}" at 1:1: constant "text" is not supported)" +
           kSupported},
      {"{{3}}",
       u + R"("{{3}}" at 1:1: constant 3 is not supported)" + kSupported},
      {"{{-3}}",
       u + R"("{{-3}}" at 1:1: constant -3 is not supported)" + kSupported},
      {"{{true}}",
       u + R"("{{true}}" at 1:1: constant true is not supported)" + kSupported},
      {"{{nil}}",
       u + R"("{{nil}}" at 1:1: constant nil is not supported)" + kSupported},
      {"{{json 'x'}}",
       u + R"("{{json 'x'}}" at 1:1: constant 'x' is not supported)" +
           kSupported},
      {"{{(.Ref)}}",
       u + R"("{{(.Ref)}}" at 1:1: parentheses are not supported)" +
           kSupported},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.format);
    EXPECT_EQ(ParseError(row.format), row.want);
  }
}

TEST(TemplateParse, RefusesBadActions) {
  const std::string b = "template: bad action ";
  const Row rows[] = {
      {"{{}}", b + R"("{{}}" at 1:1: missing value for command)"},
      {"{{ \n }}", b + "\"{{ \n }}\" at 1:1: missing value for command"},
      {"{{- -}}", b + R"("{{- -}}" at 1:1: unexpected "-")"},
      {"{{range}}{{end}}",
       b + R"("{{range}}" at 1:1: missing value for range)"},
      {"{{.Ref .Digest}}",
       b + R"("{{.Ref .Digest}}" at 1:1: Ref is not a method but has )"
           "arguments"},
      {"{{.Platform.OS .Ref}}",
       b + R"("{{.Platform.OS .Ref}}" at 1:1: OS is not a method but has )"
           "arguments"},
      {"{{. .Ref}}",
       b + R"("{{. .Ref}}" at 1:1: can't give argument to non-function .)"},
      {"{{json}}",
       b + R"("{{json}}" at 1:1: wrong number of args for json: want 1 got 0)"},
      {"{{json .A .B}}",
       b + R"("{{json .A .B}}" at 1:1: wrong number of args for json: )"
           "want 1 got 2"},
      {"{{foo .Ref}}", b + R"("{{foo .Ref}}" at 1:1: function "foo" not )"
                           "defined"},
      {"{{json foo}}", b + R"("{{json foo}}" at 1:1: function "foo" not )"
                           "defined"},
      {"{{json.Ref}}", b + R"("{{json.Ref}}" at 1:1: unexpected "json.Ref")"},
      {"{{.Ref-}}", b + R"("{{.Ref-}}" at 1:1: unexpected "-")"},
      {"{{.A.}}", b + R"("{{.A.}}" at 1:1: bad field path ".A.")"},
      {"{{.A..B}}", b + R"("{{.A..B}}" at 1:1: bad field path ".A..B")"},
      {"{{.A.0}}", b + R"("{{.A.0}}" at 1:1: bad field path ".A.0")"},
      {"{{#}}", b + R"("{{#}}" at 1:1: unexpected "#")"},
      {"{{ /* not a comment */ }}",
       b + R"("{{ /* not a comment */ }}" at 1:1: unexpected "/")"},
      {"{{range .M}}{{end .M}}",
       b + R"("{{end .M}}" at 1:13: end takes no arguments)"},
      {"{{range .M}}{{else .M}}{{end}}",
       b + R"("{{else .M}}" at 1:13: else takes no arguments)"},
      {R"({{printf "}}"}})",
       "template: unsupported action " +
           std::string(R"("{{printf \"}}\"}}" at 1:1: function "printf" )") +
           "is not supported" + kSupported},
      {R"({{printf "a\"}}"}})",
       "template: unsupported action " +
           std::string(R"("{{printf \"a\\\"}}\"}}" at 1:1: function )") +
           R"("printf" is not supported)" + kSupported},
      {R"({{"abc}})", b + R"("{{\"abc}}" at 1:1: unterminated quoted string)"},
      {"{{'a}}", b + R"("{{'a}}" at 1:1: unterminated character constant)"},
      {"{{`a}}", b + R"("{{`a}}" at 1:1: unterminated raw quoted string)"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.format);
    EXPECT_EQ(ParseError(row.format), row.want);
  }
}

TEST(TemplateParse, RefusesUnbalancedStructure) {
  const Row rows[] = {
      {"{{.Ref", R"(template: unclosed action "{{.Ref" at 1:1)"},
      {"abc {{.Ref}} {{", R"(template: unclosed action "{{" at 1:14)"},
      {"a\nb {{.Ref }\nc", R"(template: unclosed action "{{.Ref }" at 2:3)"},
      {"{{range .Manifests | and a long text that never closes",
       "template: unclosed action "
       R"("{{range .Manifests | and a long text tha..." at 1:1)"},
      {"{{/* note", R"(template: unclosed comment "{{/* note" at 1:1)"},
      {"{{/* a */ .Ref}}",
       R"(template: bad comment "{{/* a */ .Ref}}" at 1:1: )"
       "comment ends before closing delimiter"},
      {"{{range .Manifests}}x",
       R"(template: unterminated range "{{range .Manifests}}" at 1:1: )"
       "no matching {{end}}"},
      {"{{range .A}}{{range .B}}{{end}}",
       R"(template: unterminated range "{{range .A}}" at 1:1: )"
       "no matching {{end}}"},
      {"{{range .A}}\n {{range .B}}",
       R"(template: unterminated range "{{range .B}}" at 2:2: )"
       "no matching {{end}}"},
      {"{{end}}", R"(template: unexpected "{{end}}" at 1:1: )"
                  "no {{range}} to end"},
      {"x{{range .M}}{{end}}{{- end}}",
       R"(template: unexpected "{{- end}}" at 1:21: no {{range}} to end)"},
      {"{{else}}", R"(template: unexpected "{{else}}" at 1:1: )"
                   "no {{range}} to go with"},
      {"{{range .M}}{{else}}{{else}}{{end}}",
       R"(template: unexpected "{{else}}" at 1:21: the {{range}} at 1:1 )"
       "already has an {{else}}"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.format);
    EXPECT_EQ(ParseError(row.format), row.want);
  }
}

TEST(TemplateParse, UnsupportedConstructsReportedBeforeLaterErrors) {
  // Parsing stops at the first problem, in text order, as Go's does.
  EXPECT_EQ(ParseError("{{.Ref}}{{if .A}}{{.B"),
            R"(template: unsupported action "{{if .A}}" at 1:9: "if" is )"
            "not supported" +
                std::string(kSupported));
}

TEST(TemplateParse, RangeNestingIsBounded) {
  std::string ok, too_deep;
  for (int i = 0; i < 100; ++i) {
    ok = "{{range .}}" + ok + "{{end}}";
  }
  EXPECT_EQ(Render(ok, "[]"), "");
  too_deep = "{{range .}}" + ok + "{{end}}";
  EXPECT_EQ(ParseError(too_deep),
            R"(template: bad action "{{range .}}" at 1:1101: )"
            "ranges nested more than 100 deep");
}

TEST(TemplateJsonFormat, IsExactlyTheWordJson) {
  EXPECT_TRUE(IsJsonFormat("json"));
  for (const char* other : {"", "JSON", " json", "json ", "{{json .}}"}) {
    SCOPED_TRACE(other);
    EXPECT_FALSE(IsJsonFormat(other));
  }
}

}  // namespace
}  // namespace mlist::output
