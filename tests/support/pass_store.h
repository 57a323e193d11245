// A throwaway password store for docker-credential-pass: a GnuPG home
// with a key that has no passphrase, and a pass folder initialised for
// that key, both made for one test and removed after it. Nothing reads or
// writes ~/.gnupg or ~/.password-store.
#pragma once

#include <string>
#include <vector>

#include "base/process.h"

namespace mlist::testing {

// The programs a PassStore needs (gpg, gpgconf, pass and
// docker-credential-pass) that are not in PATH; empty when all are.
std::vector<std::string> MissingPassPrograms();

class PassStore {
 public:
  // Makes the folders under /tmp (a short path: gpg-agent's sockets live
  // in the GnuPG home, and a socket path has at most 107 bytes), generates
  // the key and runs `pass init` with it. Fails the calling test
  // (ADD_FAILURE, with the program's output) when a step fails, also
  // when a program is missing (see MissingPassPrograms).
  PassStore();
  // Stops the GnuPG daemons this store started (gpg-agent, once
  // something was decrypted) and removes the folders.
  ~PassStore();
  PassStore(const PassStore&) = delete;
  PassStore& operator=(const PassStore&) = delete;

  // The environment changes every program using the store needs, in
  // base::ProcessOptions::env form: GNUPGHOME and PASSWORD_STORE_DIR set,
  // pass's variables that would bypass .gpg-id or add git removed.
  const std::vector<std::string>& Env() const { return env_; }

  // `docker-credential-pass store` with {"ServerURL","Username","Secret"}
  // on its standard input. The secret is never in the result.
  base::ProcessResult Store(const std::string& server_url,
                            const std::string& username,
                            const std::string& secret) const;
  // `docker-credential-pass erase` of server_url. Like Store and List,
  // a program that cannot be started gives exit code 127 and the reason
  // in err.
  base::ProcessResult Erase(const std::string& server_url) const;
  // `docker-credential-pass list`: {"SERVER_URL":"USERNAME",...}, no
  // secrets.
  base::ProcessResult List() const;

 private:
  std::string gnupg_home() const { return root_ + "/gnupg"; }
  // Where pass keeps the encrypted entries.
  std::string store_dir() const { return root_ + "/store"; }
  base::ProcessResult Run(const std::vector<std::string>& argv,
                          const std::string& input = "") const;
  void RunOrFail(const std::vector<std::string>& argv) const;

  std::string root_;
  std::vector<std::string> env_;
};

}  // namespace mlist::testing
