// Certificates made at test time with OpenSSL: a CA, server certificates
// for the loopback names it signs, and the token issuer's signing
// certificate. All keys are ECDSA P-256.
#pragma once

#include <string>

namespace mlist::testing {

// A private key and its certificate, both PEM encoded.
struct TestCert {
  std::string key_pem;
  std::string cert_pem;
};

// A new key and a self-signed CA certificate with common_name as subject,
// valid from an hour ago for a day. Throws mlist::Error with OpenSSL's
// reason when a step fails.
TestCert MakeCa(const std::string& common_name);

// A new key and a TLS server certificate signed by ca, with the subject
// alternative names IP:127.0.0.1, IP:::1 and DNS:localhost. Throws
// mlist::Error when a step fails.
TestCert MakeServerCert(const TestCert& ca, const std::string& common_name);

// The DER bytes of a PEM certificate (what a JWS "x5c" entry holds, in
// base64). Throws mlist::Error when cert_pem is not a certificate.
std::string CertificateDer(const std::string& cert_pem);

}  // namespace mlist::testing
