#include "cli/app.h"

#include <iostream>

#include "base/error.h"

namespace mlist::cli {

int Main(int argc, char** argv) {
  (void)argc;
  (void)argv;
  std::cerr << "docker-mlist: the command line is not built yet\n";
  return 1;
}

}  // namespace mlist::cli
