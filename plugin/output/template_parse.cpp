// Template::Parse: the pieces of a template nested into ranges.
#include "output/template.h"
#include "output/template_tree.h"

namespace mlist::output {
namespace {

// Far beyond any real format; it bounds the recursion of Execute.
constexpr size_t kMaxRangeDepth = 100;

// A {{range}} waiting for its {{end}}.
struct OpenRange {
  TemplateNode node;
  bool in_else = false;
};

class TreeBuilder {
 public:
  void Add(const TemplatePiece& piece) {
    if (!piece.is_action) {
      TemplateNode node;
      node.text = piece.text;
      Current().push_back(std::move(node));
      return;
    }
    TemplateAction action = ParseAction(piece);
    switch (action.kind) {
      case TemplateAction::Kind::kPrint:
        Current().push_back(ValueNode(TemplateNode::Kind::kPrint, piece,
                                      std::move(action.value)));
        break;
      case TemplateAction::Kind::kRange:
        Open(piece, std::move(action.value));
        break;
      case TemplateAction::Kind::kElse:
        Else(piece.spot);
        break;
      case TemplateAction::Kind::kEnd:
        End(piece.spot);
        break;
    }
  }

  std::vector<TemplateNode> Finish() {
    if (!open_.empty()) {
      ThrowAt("unterminated range", open_.back().node.spot,
              "no matching {{end}}");
    }
    return std::move(root_);
  }

 private:
  static TemplateNode ValueNode(TemplateNode::Kind kind,
                                const TemplatePiece& piece,
                                TemplateValue value) {
    TemplateNode node;
    node.kind = kind;
    node.spot = piece.spot;
    node.value = std::move(value);
    return node;
  }

  // Where the next node goes: the innermost open range's body or else
  // part, or the top.
  std::vector<TemplateNode>& Current() {
    if (open_.empty()) {
      return root_;
    }
    OpenRange& range = open_.back();
    return range.in_else ? range.node.otherwise : range.node.body;
  }

  void Open(const TemplatePiece& piece, TemplateValue value) {
    if (open_.size() == kMaxRangeDepth) {
      ThrowAt("bad action", piece.spot,
              "ranges nested more than " + std::to_string(kMaxRangeDepth) +
                  " deep");
    }
    open_.push_back(
        {ValueNode(TemplateNode::Kind::kRange, piece, std::move(value)),
         false});
  }

  void Else(const TemplateSpot& spot) {
    if (open_.empty()) {
      ThrowAt("unexpected", spot, "no {{range}} to go with");
    }
    if (open_.back().in_else) {
      ThrowAt("unexpected", spot,
              "the {{range}} at " + open_.back().node.spot.where +
                  " already has an {{else}}");
    }
    open_.back().in_else = true;
  }

  void End(const TemplateSpot& spot) {
    if (open_.empty()) {
      ThrowAt("unexpected", spot, "no {{range}} to end");
    }
    TemplateNode node = std::move(open_.back().node);
    open_.pop_back();
    Current().push_back(std::move(node));
  }

  std::vector<TemplateNode> root_;
  std::vector<OpenRange> open_;
};

}  // namespace

Template Template::Parse(const std::string& text) {
  TreeBuilder builder;
  ScanTemplate(text, [&](const TemplatePiece& piece) { builder.Add(piece); });
  return Template(
      std::make_shared<const std::vector<TemplateNode>>(builder.Finish()));
}

}  // namespace mlist::output
