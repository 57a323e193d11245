// Where the tests find the built plugin, the sources and their data.
#pragma once

#include <string>

namespace mlist::testing {

// The docker-mlist executable this build made.
std::string PluginBinary();

// The top of the source tree.
std::string SourceDir();

// A file under tests/testdata/.
std::string TestData(const std::string& name);

}  // namespace mlist::testing
