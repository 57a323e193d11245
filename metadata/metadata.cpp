#include "metadata.h"

#include "version.h"

namespace mlist::metadata {
namespace {

// The version and URL are stamped by CMake; neither holds a quote or a
// backslash, so they are pasted into the JSON as they are.
constexpr char kDocument[] =
    "{\"SchemaVersion\":\"0.1.0\","
    "\"Vendor\":\"docker-mlist\","
    "\"Version\":\"" MLIST_VERSION_STR
    "\","
    "\"ShortDescription\":\"Manage multi-platform manifest lists\","
    "\"URL\":\"" MLIST_URL_STR "\"}\n";

}  // namespace

std::string_view Version() {
  return MLIST_VERSION_STR;
}

std::string_view Document() {
  return {kDocument, sizeof kDocument - 1};
}

}  // namespace mlist::metadata
