// What the operations of Session share (private to plugin/registry).
#pragma once

#include <map>
#include <mutex>
#include <set>

#include "registry/session.h"
#include "transport/httplib_transport.h"

namespace mlist::registry {

struct Session::Impl {
  SessionOptions options;
  std::shared_ptr<transport::Transport> transport;
  std::unique_ptr<transport::Client> client;
  std::unique_ptr<transport::Authenticator> auth;
  std::mutex scopes_mu;
  // Extra scopes per registry origin (see Session::AddScope).
  std::map<std::string, std::set<std::string>> scopes;
  // Registries addressed so far ("host:port"), whose certs.d CAs also
  // vouch for their token servers.
  std::set<std::string> registries;

  // Sends request to ref's registry with ref's repository scope for
  // actions plus the scopes added for that registry.
  transport::Response Send(const reference::Reference& ref,
                           transport::Request request,
                           const std::string& actions);
  // Send, with a failure to get any answer worded as "what: why".
  transport::Response Send(const std::string& what,
                           const reference::Reference& ref,
                           transport::Request request,
                           const std::string& actions);
  // TLS settings for url: its own certs.d folder, else the CAs of the
  // registries addressed so far (a token realm is trusted as its
  // registry is, as docker does by sharing the registry's transport).
  transport::TlsSettings TlsFor(const transport::Url& url);
  // The URL of PATH under /v2/<repository>/ of ref's registry.
  transport::Url ApiUrl(const reference::Reference& ref,
                        const std::string& path) const;
};

}  // namespace mlist::registry
