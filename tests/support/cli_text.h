// Small helpers the command-line integration tests share: argument lists,
// output lines, and reading pushed manifests back.
#pragma once

#include <string>
#include <vector>

#include "registry/session.h"

namespace mlist::testing {

// a followed by b.
std::vector<std::string> Cat(std::vector<std::string> a,
                             const std::vector<std::string>& b);

// The last non-empty line of out, without its newline (a push's digest).
std::string LastLine(const std::string& out);

// The manifest the registry holds for ref, read with --insecure and no
// credentials.
registry::Manifest FetchInsecure(const std::string& ref);

class TestRegistry;

// Options for a session that reads back what a test pushed: as
// registry's user, with any certificate or plain HTTP.
registry::SessionOptions AsUserOf(const TestRegistry& registry);
// The same for any user and password.
registry::SessionOptions AsUser(const std::string& user,
                                const std::string& password);

// sha256 of what `skopeo inspect --raw` reads for ref (no TLS checks):
// a second, independent reader of pushed bytes.
std::string SkopeoDigest(const std::string& ref);

}  // namespace mlist::testing
