// The os/arch pairs docker manifest annotate knows (from Go's list of
// ports, as docker keeps it).
#pragma once

#include <string>

namespace mlist::cli {

// Whether os/arch is a pair docker knows.
bool IsKnownOsArch(const std::string& os, const std::string& arch);

// The known architectures for os, comma separated ("386, amd64, ..."),
// or "" when os is unknown.
std::string KnownArchitectures(const std::string& os);

}  // namespace mlist::cli
