// What the operations of Session share (private to plugin/registry).
#pragma once

#include <map>
#include <mutex>
#include <set>

#include "registry/session.h"

namespace mlist::registry {

struct Session::Impl {
  SessionOptions options;
  std::shared_ptr<transport::Transport> transport;
  std::unique_ptr<transport::Client> client;
  std::unique_ptr<transport::Authenticator> auth;
  std::mutex scopes_mu;
  // Extra scopes per registry origin (see Session::AddScope).
  std::map<std::string, std::set<std::string>> scopes;

  // Sends request to ref's registry with ref's repository scope for
  // actions plus the scopes added for that registry.
  transport::Response Send(const reference::Reference& ref,
                           transport::Request request,
                           const std::string& actions);
  // The URL of PATH under /v2/<repository>/ of ref's registry.
  transport::Url ApiUrl(const reference::Reference& ref,
                        const std::string& path) const;
};

}  // namespace mlist::registry
