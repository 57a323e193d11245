// The credential-helper protocol of docker-credential-helpers: a program
// docker-credential-<name> that answers "get" with the credentials for the
// server URL written on its standard input.
#pragma once

#include <chrono>
#include <string>

#include "config/credential.h"

namespace mlist::config {

// Every helper's program name starts with this; "credsStore": "pass" runs
// docker-credential-pass.
inline constexpr const char* kHelperPrefix = "docker-credential-";

// How long a helper may take to answer "get" before it is killed. docker
// waits forever; a keychain that waits for a locked session would hang the
// plugin.
inline constexpr std::chrono::milliseconds kHelperTimeout{30000};

// Runs "docker-credential-<helper> get" (found in PATH), writes server_url
// to its standard input and returns the credentials it prints as
// {"ServerURL","Username","Secret"}. A Username of "<token>" makes the
// Secret an identity token. A helper that exits non-zero printing
// "credentials not found in native keychain" gives anonymous credentials.
// Throws mlist::Error starting `getting credentials for "SERVER_URL": `
// when the helper is missing, fails (with the text it printed), runs past
// timeout (zero waits forever) or prints something else than the expected
// JSON. The message never contains the secret.
Credential GetFromHelper(const std::string& helper,
                         const std::string& server_url,
                         std::chrono::milliseconds timeout = kHelperTimeout);

// Returns the helper docker uses on Linux when config.json configures no
// credentials: "pass" when the pass program is in PATH, else
// "secretservice"; but "" when docker-credential-<that> is not in PATH.
// Never fails.
std::string DetectDefaultStore();

}  // namespace mlist::config
