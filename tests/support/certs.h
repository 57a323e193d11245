// Certificates made at test time with OpenSSL: a CA, server certificates
// for the loopback names it signs (or, to test refusals, for another name
// or out of date), and the token issuer's signing certificate. All keys
// are ECDSA P-256.
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

// What a server certificate says besides its key. The defaults make one
// that verifies for every loopback name, now and for a day.
struct ServerCertSpec {
  std::string common_name = "mlist test registry";
  // subjectAltName as openssl.cnf writes it ("IP:1.2.3.4,DNS:name").
  std::string alt_names = "IP:127.0.0.1,IP:::1,DNS:localhost";
  // notBefore and notAfter, in seconds from now.
  long valid_from = -60 * 60;
  long valid_until = 24 * 60 * 60;
};

// A new key and a TLS server certificate signed by ca as spec says.
// Throws mlist::Error when a step fails (alt_names malformed, say).
TestCert MakeServerCert(const TestCert& ca, const ServerCertSpec& spec);

// MakeServerCert with the default spec but common_name.
TestCert MakeServerCert(const TestCert& ca, const std::string& common_name);

// A spec whose certificate expired a day ago (valid for a day before).
ServerCertSpec ExpiredServerCert();

// A spec whose certificate names registry.invalid only (as CN and as the
// one alternative name): valid for no loopback address or name.
ServerCertSpec WrongHostServerCert();

// The DER bytes of a PEM certificate (what a JWS "x5c" entry holds, in
// base64). Throws mlist::Error when cert_pem is not a certificate.
std::string CertificateDer(const std::string& cert_pem);

}  // namespace mlist::testing
