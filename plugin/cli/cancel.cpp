#include "cli/cancel.h"

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <thread>

namespace mlist::cli {
namespace {

int Connect(const std::string& name) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (name.size() >= sizeof addr.sun_path) {
    return -1;
  }
  std::memcpy(addr.sun_path, name.data(), name.size());
  socklen_t length =
      static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
  if (name[0] == '@') {
    addr.sun_path[0] = '\0';  // the abstract namespace
  } else {
    length += 1;  // a path ends with its NUL
  }
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd >= 0 &&
      ::connect(fd, reinterpret_cast<sockaddr*>(&addr), length) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void Watch(int fd) {
  char buf[256];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0 || (n < 0 && errno == EINTR)) {
      continue;
    }
    break;
  }
  // docker went away or was interrupted: stop as a SIGTERM would.
  ::kill(::getpid(), SIGTERM);
}

}  // namespace

void WatchPluginSocket(const Environment& env) {
  auto name = env.Get("DOCKER_CLI_PLUGIN_SOCKET");
  if (!name || name->empty()) {
    return;
  }
  int fd = Connect(*name);
  if (fd < 0) {
    return;
  }
  std::thread(Watch, fd).detach();
}

}  // namespace mlist::cli
