// docker-mlist: argv -> the metadata answer or a command. Errors are
// printed here, once, and pick the exit code.
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "cli/app.h"
#include "metadata.h"

namespace {

bool IsMetadataRequest(int argc, char** argv) {
  return argc == 2 && std::strcmp(argv[1], "docker-cli-plugin-metadata") == 0;
}

// Writes the whole metadata document to standard output.
void WriteMetadata() {
  auto doc = mlist::metadata::Document();
  size_t done = 0;
  while (done < doc.size()) {
    ssize_t n = ::write(STDOUT_FILENO, doc.data() + done, doc.size() - done);
    if (n <= 0) {
      return;
    }
    done += static_cast<size_t>(n);
  }
}

// docker asks for the metadata on every `docker --help` and completion.
// Answering from .preinit_array, before any static constructor runs,
// skips the libraries' start-up work (OpenSSL reads its configuration
// file from one): the answer costs a process start and one write.
void AnswerMetadataEarly(int argc, char** argv, char**) {
  if (IsMetadataRequest(argc, argv)) {
    WriteMetadata();
    ::_exit(0);
  }
}

__attribute__((section(".preinit_array"), used)) void (*const
    kAnswerMetadataEarly)(int, char**, char**) = &AnswerMetadataEarly;

}  // namespace

int main(int argc, char** argv) {
  // Where .preinit_array is not run (a dynamic build loaded oddly), the
  // answer still comes before anything else is read.
  if (IsMetadataRequest(argc, argv)) {
    WriteMetadata();
    return 0;
  }
  return mlist::cli::Main(argc, argv);
}
