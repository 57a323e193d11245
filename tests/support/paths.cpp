#include "support/paths.h"

namespace mlist::testing {

std::string PluginBinary() {
  return MLIST_BINARY;
}

std::string SourceDir() {
  return MLIST_SOURCE_DIR;
}

std::string TestData(const std::string& name) {
  return std::string(MLIST_TESTDATA) + "/" + name;
}

}  // namespace mlist::testing
