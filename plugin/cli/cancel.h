// docker's way of cancelling a plugin: when docker is interrupted it
// closes the socket it named in DOCKER_CLI_PLUGIN_SOCKET. The plugin
// connects at start and stops when the socket reaches its end.
#pragma once

#include "cli/environment.h"

namespace mlist::cli {

// When env names a plugin socket, connects to it (a name starting with
// '@' is Linux's abstract namespace) and watches it from a background
// thread: at its end the process stops as SIGTERM would stop it, with
// exit status 143. Every file docker-mlist writes is written to a staging
// folder and renamed into place, so stopping at any moment leaves no
// half-written file. Does nothing when the variable is unset or the
// socket cannot be reached.
void WatchPluginSocket(const Environment& env);

}  // namespace mlist::cli
