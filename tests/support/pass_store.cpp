#include "support/pass_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "base/error.h"

namespace mlist::testing {

namespace {

namespace fs = std::filesystem;

constexpr const char* kHelper = "docker-credential-pass";
// The key's user id; pass finds the key by its address.
constexpr const char* kKeyUser = "docker-mlist test <pass@mlist.invalid>";
constexpr const char* kKeyAddress = "pass@mlist.invalid";
// gpg and pass answer in well under a second; key generation waits for
// entropy on a starved machine.
constexpr std::chrono::seconds kTimeout{60};

// A new folder straight under /tmp, whatever TMPDIR says: the GnuPG home
// inside it must stay short.
std::string MakeShortDir() {
  // mkdtemp's template: six X it replaces.
  std::string pattern = "/tmp/mlist-pass-" + std::string(6, 'X');
  if (::mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp " << pattern << " failed";
    return {};
  }
  return pattern;
}

}  // namespace

std::vector<std::string> MissingPassPrograms() {
  std::vector<std::string> missing;
  for (const char* program : {"gpg", "gpgconf", "pass", kHelper}) {
    if (base::LookPath(program).empty()) {
      missing.push_back(program);
    }
  }
  return missing;
}

PassStore::PassStore() : root_(MakeShortDir()) {
  if (root_.empty()) {
    return;
  }
  // gpg refuses a home that others can read.
  ::mkdir(gnupg_home().c_str(), 0700);
  env_ = {"GNUPGHOME=" + gnupg_home(),  "PASSWORD_STORE_DIR=" + store_dir(),
          "PASSWORD_STORE_KEY",         "PASSWORD_STORE_GPG_OPTS",
          "PASSWORD_STORE_SIGNING_KEY", "PASSWORD_STORE_GIT"};
  // An empty passphrase in batch mode: a key that never asks for one, so
  // no pinentry is ever started.
  RunOrFail({"gpg", "--batch", "--passphrase", "", "--quick-gen-key", kKeyUser,
             "future-default", "default", "never"});
  RunOrFail({"pass", "init", kKeyAddress});
}

PassStore::~PassStore() {
  if (root_.empty()) {
    return;
  }
  // Decrypting started a gpg-agent for this home; it outlives the helper.
  Run({"gpgconf", "--kill", "all"});
  std::error_code ec;
  fs::remove_all(root_, ec);
}

base::ProcessResult PassStore::Store(const std::string& server_url,
                                     const std::string& username,
                                     const std::string& secret) const {
  // Quote escapes what JSON needs for the printable text the tests use.
  return Run({kHelper, "store"}, "{\"ServerURL\":" + Quote(server_url) +
                                     ",\"Username\":" + Quote(username) +
                                     ",\"Secret\":" + Quote(secret) + "}");
}

base::ProcessResult PassStore::Erase(const std::string& server_url) const {
  return Run({kHelper, "erase"}, server_url);
}

base::ProcessResult PassStore::List() const {
  return Run({kHelper, "list"});
}

base::ProcessResult PassStore::Run(const std::vector<std::string>& argv,
                                   const std::string& input) const {
  base::ProcessOptions options;
  options.env = env_;
  options.input = input;
  options.timeout = kTimeout;
  try {
    return base::RunProcess(argv, options);
  } catch (const Error& e) {
    // Not started: answered as a shell would, so that nothing throws.
    base::ProcessResult missing;
    missing.exit_code = 127;
    missing.err = e.what();
    return missing;
  }
}

void PassStore::RunOrFail(const std::vector<std::string>& argv) const {
  base::ProcessResult r = Run(argv);
  if (r.exit_code != 0) {
    ADD_FAILURE() << argv[0] << " " << argv[1] << " exited " << r.exit_code
                  << ":\n"
                  << r.out << r.err;
  }
}

}  // namespace mlist::testing
