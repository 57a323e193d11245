#include "registry/session.h"

#include "base/error.h"
#include "config/credentials.h"
#include "metadata.h"
#include "registry/session_impl.h"
#include "transport/certs_dir.h"
#include "transport/httplib_transport.h"
#include "transport/proxy.h"

namespace mlist::registry {
namespace {

transport::HttplibOptions TransportOptions(Session::Impl& impl) {
  const SessionOptions& options = impl.options;
  transport::HttplibOptions out;
  out.connect_timeout = options.connect_timeout;
  out.read_timeout = options.read_timeout;
  out.connections_per_host = options.connections_per_host;
  out.tls = [&impl](const transport::Url& url) { return impl.TlsFor(url); };
  auto file = options.config.file;
  out.proxy = [file](const transport::Url& url) {
    return transport::ProxyFor(url, file.ProxyFor(url.host));
  };
  return out;
}

transport::ClientOptions ClientOptionsFor(const SessionOptions& options) {
  transport::ClientOptions out;
  out.user_agent = "docker-mlist/" + std::string(metadata::Version());
  for (const auto& [name, value] : options.config.file.http_headers) {
    out.extra_headers.emplace(name, value);
  }
  out.max_retries = options.max_retries;
  out.retry_base = options.retry_base;
  out.retry_budget = options.retry_budget;
  bool insecure = options.insecure;
  out.insecure = [insecure](const transport::Url&) { return insecure; };
  out.debug_log = options.debug_log;
  return out;
}

}  // namespace

transport::Url RegistryUrl(const reference::Reference& ref) {
  return transport::ParseUrl("https://" + ref.ApiHost() + "/");
}

Session::Session(SessionOptions options) : impl_(new Impl) {
  impl_->options = std::move(options);
  impl_->transport = transport::NewHttplibTransport(TransportOptions(*impl_));
  impl_->client = std::make_unique<transport::Client>(
      impl_->transport, ClientOptionsFor(impl_->options));
  transport::CredentialLookup lookup = impl_->options.credentials;
  if (!lookup) {
    const config::Config* config = &impl_->options.config;
    config::LookupOptions options{impl_->options.helper_timeout};
    lookup = [config, options](const std::string& key) {
      return config::LookupCredential(*config, key, options);
    };
  }
  impl_->auth =
      std::make_unique<transport::Authenticator>(*impl_->client, lookup);
}

Session::~Session() = default;

void Session::AddScope(const reference::Reference& repo,
                       const std::string& actions) {
  std::lock_guard<std::mutex> lock(impl_->scopes_mu);
  impl_->scopes[RegistryUrl(repo).Origin()].insert(
      transport::RepositoryScope(repo.path, actions));
}

int Session::token_requests() const {
  return impl_->auth->token_requests();
}

transport::Response Session::Impl::Send(const std::string& what,
                                        const reference::Reference& ref,
                                        transport::Request request,
                                        const std::string& actions) {
  try {
    return Send(ref, std::move(request), actions);
  } catch (const Error& e) {
    throw Wrap(what, e);
  }
}

transport::TlsSettings Session::Impl::TlsFor(const transport::Url& url) {
  auto roots = transport::CertsRoots(options.config.dir);
  transport::TlsSettings tls = transport::CertsDirTls(roots, url.HostPort());
  if (tls.ca_files.empty()) {
    std::lock_guard<std::mutex> lock(scopes_mu);
    for (const auto& host : registries) {
      auto more = transport::CertsDirTls(roots, host).ca_files;
      tls.ca_files.insert(tls.ca_files.end(), more.begin(), more.end());
    }
  }
  tls.verify = !options.insecure;
  return tls;
}

transport::Url Session::Impl::ApiUrl(const reference::Reference& ref,
                                     const std::string& path) const {
  transport::Url url = RegistryUrl(ref);
  url.target = "/v2/" + ref.path + "/" + path;
  return url;
}

transport::Response Session::Impl::Send(const reference::Reference& ref,
                                        transport::Request request,
                                        const std::string& actions) {
  transport::Registry registry{RegistryUrl(ref), ref.CredentialKey()};
  std::vector<std::string> wanted = {
      transport::RepositoryScope(ref.path, actions)};
  {
    std::lock_guard<std::mutex> lock(scopes_mu);
    registries.insert(registry.base.HostPort());
    for (const auto& s : scopes[registry.base.Origin()]) {
      if (s != wanted.front()) {
        wanted.push_back(s);
      }
    }
  }
  return auth->Do(registry, std::move(request), wanted);
}

}  // namespace mlist::registry
