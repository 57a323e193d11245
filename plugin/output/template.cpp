// Template::Execute: a parsed template run over JSON data.
#include "output/template.h"

#include <algorithm>
#include <string_view>

#include "manifest/go_json.h"
#include "output/template_tree.h"

namespace mlist::output {
namespace {

using Value = rapidjson::Value;

std::string_view TextOf(const Value& s) {
  return {s.GetString(), s.GetStringLength()};
}

void WriteJson(const Value& value, manifest::GoJsonWriter& out) {
  if (value.IsObject()) {
    out.BeginObject();
    for (const auto& member : value.GetObject()) {
      out.Key(TextOf(member.name));
      WriteJson(member.value, out);
    }
    out.EndObject();
  } else if (value.IsArray()) {
    out.BeginArray();
    for (const Value& element : value.GetArray()) {
      WriteJson(element, out);
    }
    out.EndArray();
  } else if (value.IsString()) {
    out.String(TextOf(value));
  } else if (value.IsBool()) {
    out.Bool(value.GetBool());
  } else if (value.IsInt64()) {
    out.Int(value.GetInt64());
  } else if (value.IsUint64()) {
    // Past int64: its digits are already valid JSON.
    out.Marshaler(std::to_string(value.GetUint64()));
  } else if (value.IsNumber()) {
    out.Float(value.GetDouble());
  } else {
    out.Null();
  }
}

// docker's json function: an Encoder with SetEscapeHTML(false), its
// trailing newline trimmed.
std::string CompactJson(const Value& value) {
  manifest::GoJsonWriter out(/*escape_html=*/false);
  WriteJson(value, out);
  return out.str();
}

// What {{...}} prints for value (see the header for where this is not Go).
std::string Printed(const Value& value) {
  if (value.IsString()) {
    return std::string(TextOf(value));
  }
  // Go prints a nil interface{} so.
  return value.IsNull() ? "<no value>" : CompactJson(value);
}

std::string TypeName(const Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "bool";
    case rapidjson::kObjectType:
      return "object";
    case rapidjson::kArrayType:
      return "array";
    case rapidjson::kStringType:
      return "string";
    case rapidjson::kNumberType:
      return "number";
  }
  return "unknown";
}

// The member name of object, the last when repeated (as Go's decoder
// keeps it), or nullptr.
const Value* Member(const Value& object, const std::string& name) {
  const Value* found = nullptr;
  for (const auto& member : object.GetObject()) {
    if (TextOf(member.name) == name) {
      found = &member.value;
    }
  }
  return found;
}

// The value of the path of node from dot.
const Value& Follow(const TemplateNode& node, const Value& dot) {
  const Value* value = &dot;
  for (const std::string& name : node.value.path) {
    const Value* next = value->IsObject() ? Member(*value, name) : nullptr;
    if (next == nullptr) {
      ThrowAt("executing", node.spot,
              "can't evaluate field " + name + " in type " + TypeName(*value));
    }
    value = next;
  }
  return *value;
}

// The member values of object in key order, as Go ranges over a map; a
// repeated key once, with its last value.
std::vector<const Value*> ValuesByKey(const Value& object) {
  std::vector<const Value::Member*> members;
  for (const auto& member : object.GetObject()) {
    members.push_back(&member);
  }
  std::stable_sort(members.begin(), members.end(), [](auto* a, auto* b) {
    return TextOf(a->name) < TextOf(b->name);
  });
  std::vector<const Value*> values;
  for (size_t i = 0; i < members.size(); ++i) {
    bool repeated = i + 1 < members.size() &&
                    TextOf(members[i]->name) == TextOf(members[i + 1]->name);
    if (!repeated) {
      values.push_back(&members[i]->value);
    }
  }
  return values;
}

void Run(const std::vector<TemplateNode>& nodes, const Value& dot,
         std::string& out);

// The elements a range visits; none for null, as Go finds nothing in a
// nil value.
std::vector<const Value*> Elements(const TemplateNode& node, const Value& dot) {
  const Value& value = Follow(node, dot);
  if (node.value.json) {
    ThrowAt("executing", node.spot,
            "range can't iterate over " + CompactJson(value));
  }
  std::vector<const Value*> elements;
  if (value.IsArray()) {
    for (const Value& element : value.GetArray()) {
      elements.push_back(&element);
    }
  } else if (value.IsObject()) {
    elements = ValuesByKey(value);
  } else if (!value.IsNull()) {
    ThrowAt("executing", node.spot,
            "range can't iterate over " + Printed(value));
  }
  return elements;
}

// Go's else part runs with dot unchanged.
void RunRange(const TemplateNode& node, const Value& dot, std::string& out) {
  std::vector<const Value*> elements = Elements(node, dot);
  for (const Value* element : elements) {
    Run(node.body, *element, out);
  }
  if (elements.empty()) {
    Run(node.otherwise, dot, out);
  }
}

void Run(const std::vector<TemplateNode>& nodes, const Value& dot,
         std::string& out) {
  for (const TemplateNode& node : nodes) {
    switch (node.kind) {
      case TemplateNode::Kind::kText:
        out += node.text;
        break;
      case TemplateNode::Kind::kPrint: {
        const Value& value = Follow(node, dot);
        out += node.value.json ? CompactJson(value) : Printed(value);
        break;
      }
      case TemplateNode::Kind::kRange:
        RunRange(node, dot, out);
        break;
    }
  }
}

}  // namespace

std::string Template::Execute(const rapidjson::Value& data) const {
  std::string out;
  Run(*root_, data, out);
  return out;
}

bool IsJsonFormat(const std::string& text) {
  return text == "json";
}

}  // namespace mlist::output
