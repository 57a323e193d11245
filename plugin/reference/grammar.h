// The reference grammar of github.com/distribution/reference
// (regexp.go), as hand-written matchers: no std::regex, no allocation.
// Used by parse.cpp; exposed here so the tests can check each rule.
//
//   reference   := name [ ":" tag ] [ "@" digest ]
//   name        := [ domain "/" ] path
//   domain      := host [ ":" port-number ]
//   host        := domain-name | "[" [a-fA-F0-9:]+ "]"
//   domain-name := component ( "." component )*
//   component   := [a-zA-Z0-9] | [a-zA-Z0-9] [a-zA-Z0-9-]* [a-zA-Z0-9]
//   port-number := [0-9]+
//   path        := path-component ( "/" path-component )*
//   path-component := [a-z0-9]+ ( separator [a-z0-9]+ )*
//   separator   := "." | "_" | "__" | "-"+
//   tag         := [\w] [\w.-]{0,127}
//   digest      := algorithm ":" [0-9a-fA-F]{32,}
//   algorithm   := [A-Za-z][A-Za-z0-9]* ( [-_+.] [A-Za-z][A-Za-z0-9]* )*
#pragma once

#include <optional>
#include <string_view>

namespace mlist::reference {

// True when s is a registry domain with an optional port:
// "example.com", "Example.COM:5000", "localhost", "10.0.0.1:80",
// "[::1]:5000".
bool IsDomain(std::string_view s);

// True when s is a repository path: lowercase components joined by '/'.
bool IsPath(std::string_view s);

// True when s is one path component ("a__b", "a---b", "a.b").
bool IsPathComponent(std::string_view s);

// True when s is a tag: 1 to 128 of [A-Za-z0-9_.-], not starting with '.'
// or '-'.
bool IsTag(std::string_view s);

// True when s has the shape of a digest in a reference. Says nothing of
// the algorithm being known or the length being right (see parse.cpp).
bool IsDigest(std::string_view s);

// The pieces of a reference string as the grammar splits them. domain is
// empty when the first component cannot be a domain but the whole name
// is a valid path (as distribution decides); the views point into the
// parsed string.
struct ReferenceParts {
  std::string_view domain;
  std::string_view path;
  std::string_view tag;
  std::string_view digest;
};

// Splits s by the whole grammar, or returns nullopt when s does not match
// it.
std::optional<ReferenceParts> SplitReference(std::string_view s);

}  // namespace mlist::reference
