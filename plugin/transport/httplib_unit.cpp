// The one translation unit that compiles cpp-httplib (about 13 s).
// TODO(#3): the HTTP transport (keep-alive, TLS with certs.d, proxies,
// retries) is built here; until then this unit only proves the static
// build of httplib with OpenSSL.
#include <httplib.h>

namespace mlist::transport {

const char* HttplibVersion() { return CPPHTTPLIB_VERSION; }

}  // namespace mlist::transport
