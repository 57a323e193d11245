// docker-mlist: argv -> the metadata answer or the command line, which
// prints errors once and picks the exit code.
#include <cstdio>
#include <cstring>

#include "cli/app.h"
#include "metadata.h"

int main(int argc, char** argv) {
  // docker asks for this on every `docker --help`: answer before anything
  // else is read or allocated.
  if (argc == 2 && std::strcmp(argv[1], "docker-cli-plugin-metadata") == 0) {
    auto doc = mlist::metadata::Document();
    std::fwrite(doc.data(), 1, doc.size(), stdout);
    return 0;
  }
  return mlist::cli::Main(argc, argv);
}
