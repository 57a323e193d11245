#include "cli/os_arch.h"

#include <utility>

namespace mlist::cli {
namespace {

const std::pair<const char*, const char*> kKnown[] = {
    {"darwin", "386"},    {"darwin", "amd64"},    {"darwin", "arm"},
    {"darwin", "arm64"},  {"dragonfly", "amd64"}, {"freebsd", "386"},
    {"freebsd", "amd64"}, {"freebsd", "arm"},     {"linux", "386"},
    {"linux", "amd64"},   {"linux", "arm"},       {"linux", "arm64"},
    {"linux", "ppc64le"}, {"linux", "mips64"},    {"linux", "mips64le"},
    {"linux", "riscv64"}, {"linux", "s390x"},     {"netbsd", "386"},
    {"netbsd", "amd64"},  {"netbsd", "arm"},      {"openbsd", "386"},
    {"openbsd", "amd64"}, {"openbsd", "arm"},     {"plan9", "386"},
    {"plan9", "amd64"},   {"solaris", "amd64"},   {"windows", "386"},
    {"windows", "amd64"}, {"windows", "arm"},     {"windows", "arm64"},
};

}  // namespace

bool IsKnownOsArch(const std::string& os, const std::string& arch) {
  for (const auto& [o, a] : kKnown) {
    if (os == o && arch == a) {
      return true;
    }
  }
  return false;
}

std::string KnownArchitectures(const std::string& os) {
  std::string out;
  for (const auto& [o, a] : kKnown) {
    if (os == o) {
      out += (out.empty() ? "" : ", ") + std::string(a);
    }
  }
  return out;
}

}  // namespace mlist::cli
