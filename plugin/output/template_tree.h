// The parsed form of a --format template (output/template.h) and the
// steps that build it: the scanner cuts the text into literal text and
// actions, the action parser reads one action, Template::Parse nests
// ranges. Used by plugin/output only.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace mlist::output {

// Where an action is, for messages: as written ("{{- .Ref}}") and the
// line:column of its "{{" ("2:7").
struct TemplateSpot {
  std::string written;
  std::string where;
};

// Throws mlist::Error reading `template: <problem> "<written>" at <where>`,
// then ": <detail>" when there is one.
[[noreturn]] void ThrowAt(const std::string& problem, const TemplateSpot& spot,
                          const std::string& detail = "");

// The end of the string, character or raw string constant whose quote is
// at pos, or npos when it does not end. Go's lexer reads constants whole,
// so a "}}" inside one does not close its action.
size_t QuotedEnd(const std::string& text, size_t pos);

// A piece of the template text: literal text (already trimmed as its
// neighbours' trim markers ask) or one action.
struct TemplatePiece {
  bool is_action = false;
  // Text: the literal. Action: what lies between the delimiters and the
  // trim markers.
  std::string text;
  TemplateSpot spot;  // actions only
};

// Cuts text into pieces and hands each to take, in order, dropping
// comments. Throws mlist::Error for an unclosed action or comment, or a
// comment that does not end its action; pieces before it are taken first,
// so that the first problem in the text is the one reported, as in Go.
void ScanTemplate(const std::string& text,
                  const std::function<void(const TemplatePiece&)>& take);

// What an action evaluates: dot, then each member of path in turn, then
// docker's json function when json.
struct TemplateValue {
  std::vector<std::string> path;
  bool json = false;
};

// One action, read.
struct TemplateAction {
  enum class Kind { kPrint, kRange, kElse, kEnd };
  Kind kind = Kind::kPrint;
  TemplateValue value;  // kPrint and kRange
};

// Reads an action piece. Throws mlist::Error naming the construct for
// anything outside the subset.
TemplateAction ParseAction(const TemplatePiece& piece);

// A node of the parsed template.
struct TemplateNode {
  enum class Kind { kText, kPrint, kRange };
  Kind kind = Kind::kText;
  std::string text;                     // kText
  TemplateSpot spot;                    // kPrint and kRange
  TemplateValue value;                  // kPrint and kRange
  std::vector<TemplateNode> body;       // kRange
  std::vector<TemplateNode> otherwise;  // kRange: after {{else}}
};

}  // namespace mlist::output
