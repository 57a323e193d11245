// The answer to docker's plugin handshake, `docker-cli-plugin-metadata`.
#pragma once

#include <string_view>

namespace mlist::metadata {

// The plugin's version: the project version, plus `git describe` of the
// tree it was built from when that was a git checkout.
std::string_view Version();

// The one JSON object docker reads on `docker-cli-plugin-metadata`, with a
// trailing newline. Built at compile time: it reads nothing and allocates
// nothing, since docker asks for it on every `docker --help`.
std::string_view Document();

}  // namespace mlist::metadata
