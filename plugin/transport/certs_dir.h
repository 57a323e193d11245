// docker's per-registry TLS folders: /etc/docker/certs.d/HOST[:PORT]/ and
// the same under the config directory. *.crt files are extra CAs; a
// NAME.cert with its NAME.key is a client certificate.
#pragma once

#include <string>
#include <vector>

#include "transport/httplib_transport.h"

namespace mlist::transport {

// The folders holding certs.d trees, in the order docker reads them:
// /etc/docker/certs.d, then CONFIG_DIR/certs.d.
std::vector<std::string> CertsRoots(const std::string& config_dir);

// Returns TLS settings for host_port ("host:port", "[::1]:5000", or the
// bare host for port 443) from the certs.d folders under roots. A .cert
// without its .key (or the reverse) is an error, as in docker. verify is
// left true; --insecure is applied by the caller.
TlsSettings CertsDirTls(const std::vector<std::string>& roots,
                        const std::string& host_port);

}  // namespace mlist::transport
