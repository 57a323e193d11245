// GoJsonWriter: compact JSON as json.Marshal writes it.
#include <charconv>
#include <cmath>

#include "base/error.h"
#include "manifest/go_json.h"

namespace mlist::manifest {

std::string FormatGoFloat(double v) {
  if (std::isnan(v) || std::isinf(v)) {
    throw Error("json: unsupported value: " + std::string(std::isnan(v) ? "NaN"
                                                          : v > 0       ? "+Inf"
                                                                  : "-Inf"));
  }
  // Go: 'f' format unless the magnitude is tiny or huge, then 'e'; both
  // with the fewest digits that read back as v.
  double magnitude = std::fabs(v);
  bool exponent = magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21);
  char buf[64];
  auto result = std::to_chars(
      buf, buf + sizeof buf, v,
      exponent ? std::chars_format::scientific : std::chars_format::fixed);
  std::string text(buf, result.ptr);
  // Go writes "e-07" as "e-7" (but keeps "e+21").
  size_t n = text.size();
  if (exponent && n >= 4 && text[n - 4] == 'e' && text[n - 3] == '-' &&
      text[n - 2] == '0') {
    text.erase(n - 2, 1);
  }
  return text;
}

void GoJsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_value_.empty()) {
    if (has_value_.back()) {
      out_ += ',';
    }
    has_value_.back() = true;
  }
}

void GoJsonWriter::Open(char c) {
  BeforeValue();
  out_ += c;
  has_value_.push_back(false);
}

void GoJsonWriter::Close(char c) {
  out_ += c;
  has_value_.pop_back();
}

void GoJsonWriter::BeginObject() {
  Open('{');
}

void GoJsonWriter::EndObject() {
  Close('}');
}

void GoJsonWriter::BeginArray() {
  Open('[');
}

void GoJsonWriter::EndArray() {
  Close(']');
}

void GoJsonWriter::Key(std::string_view name) {
  BeforeValue();
  out_ += GoQuote(name, escape_html_);
  out_ += ':';
  after_key_ = true;
}

void GoJsonWriter::String(std::string_view s) {
  BeforeValue();
  out_ += GoQuote(s, escape_html_);
}

void GoJsonWriter::Int(int64_t v) {
  BeforeValue();
  out_ += std::to_string(v);
}

void GoJsonWriter::Float(double v) {
  std::string text = FormatGoFloat(v);
  BeforeValue();
  out_ += text;
}

void GoJsonWriter::Bool(bool v) {
  BeforeValue();
  out_ += v ? "true" : "false";
}

void GoJsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void GoJsonWriter::Bytes(std::string_view data) {
  BeforeValue();
  out_ += '"' + EncodeBase64(data) + '"';
}

void GoJsonWriter::Marshaler(std::string_view json) {
  std::string compact = GoCompact(json, escape_html_);
  BeforeValue();
  out_ += compact;
}

}  // namespace mlist::manifest
