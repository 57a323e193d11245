// The subset of Go's text/template that `inspect --format` accepts, run
// over the inspected data as a JSON object:
//
//   text          copied as is; "}}" outside an action is text too
//   {{.}}         dot, the data (in a range: the element)
//   {{.A.B}}      members of JSON objects, by exact name, from dot
//   {{json .A}}   docker's json function: compact JSON, no HTML escaping,
//                 members in the data's order (as Go keeps a struct's)
//   {{range .A}} T1 {{else}} T0 {{end}}
//                 T1 for each element of an array, or each member value
//                 of an object in key order (Go ranges over a map so);
//                 T0, optional, when there are none or the value is null
//   {{/* c */}}   a comment
//   {{- and -}}   trim markers: drop the white space (space, tab, CR, LF)
//                 before or after the action, as Go does
//
// A value prints as Go prints the same JSON decoded into interface{}, with
// two exceptions: objects and arrays print as compact JSON (Go prints
// "map[...]" and "[...]"), and numbers print as encoding/json writes them
// (Go's %v of a float64 writes 1e+06 where JSON has 1000000). Null prints
// as "<no value>". A missing member is an error, as a missing field of a
// Go struct is (a missing map key would print "<no value>"); so is a
// member of a non-object, null included. A range over a number is an
// error too (Go 1.22 counts up to an int).
//
// Positions in messages are "line:column" of the action's "{{", both from
// 1, the column in bytes.
#pragma once

#include <rapidjson/document.h>

#include <memory>
#include <string>
#include <vector>

namespace mlist::output {

struct TemplateNode;  // output/template_tree.h

// A parsed --format template. Copies share the parsed form; Execute may
// run from several threads at once.
class Template {
 public:
  // Parses text. Throws mlist::Error naming the construct and where it is,
  // for example `template: unsupported action "{{if .Ref}}" at 1:1: "if"
  // is not supported (supported: ...)`, `template: unclosed action
  // "{{.Ref" at 1:1` or `template: unterminated range "{{range .M}}" at
  // 1:1: no matching {{end}}`.
  static Template Parse(const std::string& text);

  // Runs the template over data and returns the text. Throws mlist::Error
  // for a member the data lacks or a path through a non-object, naming it
  // as Go does: `template: executing "{{.Foo}}" at 1:1: can't evaluate
  // field Foo in type object`; and for a range over a string, number or
  // boolean (`range can't iterate over abc`).
  std::string Execute(const rapidjson::Value& data) const;

 private:
  explicit Template(std::shared_ptr<const std::vector<TemplateNode>> root)
      : root_(std::move(root)) {}

  std::shared_ptr<const std::vector<TemplateNode>> root_;
};

// Whether text is the special format "json", exactly: callers then print
// the data as one compact JSON object per line instead of parsing text.
bool IsJsonFormat(const std::string& text);

}  // namespace mlist::output
