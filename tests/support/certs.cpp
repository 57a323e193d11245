#include "support/certs.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

#include "base/error.h"

namespace mlist::testing {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr long kHour = 60 * 60;
constexpr long kDay = 24 * kHour;

// Throws "what: <OpenSSL's reason>" unless ok.
void Check(bool ok, const std::string& what) {
  if (ok) {
    return;
  }
  char reason[256] = "unknown error";
  if (unsigned long code = ERR_get_error(); code != 0) {
    ERR_error_string_n(code, reason, sizeof reason);
  }
  ERR_clear_error();
  throw Error(what + ": " + reason);
}

Bio NewMemory() {
  Bio bio(BIO_new(BIO_s_mem()), BIO_free);
  Check(bio != nullptr, "allocating a buffer");
  return bio;
}

std::string Contents(BIO* bio) {
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<size_t>(n));
}

std::string KeyPem(EVP_PKEY* key) {
  Bio bio = NewMemory();
  Check(PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr,
                                 nullptr) == 1,
        "encoding a key");
  return Contents(bio.get());
}

std::string CertPem(X509* cert) {
  Bio bio = NewMemory();
  Check(PEM_write_bio_X509(bio.get(), cert) == 1, "encoding a certificate");
  return Contents(bio.get());
}

Key KeyFromPem(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
          EVP_PKEY_free);
  Check(key != nullptr, "reading a PEM private key");
  return key;
}

Cert CertFromPem(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  Cert cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
  Check(cert != nullptr, "reading a PEM certificate");
  return cert;
}

Key NewKey() {
  Key key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  Check(key != nullptr, "generating a P-256 key");
  return key;
}

void SetRandomSerial(X509* cert) {
  std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), BN_free);
  Check(
      serial &&
          BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
          BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) !=
              nullptr,
      "choosing a serial number");
}

// An unsigned certificate for key, named common_name, valid from
// valid_from to valid_until seconds from now.
Cert NewCert(const std::string& common_name, EVP_PKEY* key, long valid_from,
             long valid_until) {
  Cert cert(X509_new(), X509_free);
  Check(cert != nullptr, "allocating a certificate");
  X509_set_version(cert.get(), 2);
  SetRandomSerial(cert.get());
  Check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), valid_from) &&
            X509_gmtime_adj(X509_getm_notAfter(cert.get()), valid_until),
        "setting a validity period");
  auto* cn = reinterpret_cast<const unsigned char*>(common_name.c_str());
  Check(X509_NAME_add_entry_by_txt(X509_get_subject_name(cert.get()), "CN",
                                   MBSTRING_UTF8, cn, -1, -1, 0) == 1,
        "naming a certificate");
  Check(X509_set_pubkey(cert.get(), key) == 1, "setting a public key");
  return cert;
}

// Adds an extension written as in openssl.cnf ("critical,CA:TRUE").
void AddExtension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  bool added = ext != nullptr && X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  Check(added, std::string("adding extension ") + value);
}

void Sign(X509* cert, X509* issuer, EVP_PKEY* issuer_key) {
  Check(X509_set_issuer_name(cert, X509_get_subject_name(issuer)) == 1 &&
            X509_sign(cert, issuer_key, EVP_sha256()) > 0,
        "signing a certificate");
}

}  // namespace

TestCert MakeCa(const std::string& common_name) {
  Key key = NewKey();
  Cert cert = NewCert(common_name, key.get(), -kHour, kDay);
  AddExtension(cert.get(), cert.get(), NID_basic_constraints,
               "critical,CA:TRUE");
  // digitalSignature too: the token issuer signs JWTs with its CA key.
  AddExtension(cert.get(), cert.get(), NID_key_usage,
               "critical,keyCertSign,cRLSign,digitalSignature");
  AddExtension(cert.get(), cert.get(), NID_subject_key_identifier, "hash");
  Sign(cert.get(), cert.get(), key.get());
  return {KeyPem(key.get()), CertPem(cert.get())};
}

TestCert MakeServerCert(const TestCert& ca, const ServerCertSpec& spec) {
  Key ca_key = KeyFromPem(ca.key_pem);
  Cert ca_cert = CertFromPem(ca.cert_pem);
  Key key = NewKey();
  Cert cert =
      NewCert(spec.common_name, key.get(), spec.valid_from, spec.valid_until);
  AddExtension(cert.get(), ca_cert.get(), NID_basic_constraints,
               "critical,CA:FALSE");
  AddExtension(cert.get(), ca_cert.get(), NID_key_usage,
               "critical,digitalSignature");
  AddExtension(cert.get(), ca_cert.get(), NID_ext_key_usage, "serverAuth");
  // Go and OpenSSL match names against the SANs only, never the CN.
  AddExtension(cert.get(), ca_cert.get(), NID_subject_alt_name,
               spec.alt_names.c_str());
  AddExtension(cert.get(), ca_cert.get(), NID_authority_key_identifier,
               "keyid:always");
  Sign(cert.get(), ca_cert.get(), ca_key.get());
  return {KeyPem(key.get()), CertPem(cert.get())};
}

TestCert MakeServerCert(const TestCert& ca, const std::string& common_name) {
  ServerCertSpec spec;
  spec.common_name = common_name;
  return MakeServerCert(ca, spec);
}

ServerCertSpec ExpiredServerCert() {
  ServerCertSpec spec;
  spec.valid_from = -2 * kDay;
  spec.valid_until = -kDay;
  return spec;
}

ServerCertSpec WrongHostServerCert() {
  ServerCertSpec spec;
  // The CN too: httplib, like older clients, falls back to it.
  spec.common_name = "registry.invalid";
  spec.alt_names = "DNS:registry.invalid";
  return spec;
}

std::string CertificateDer(const std::string& cert_pem) {
  Cert cert = CertFromPem(cert_pem);
  unsigned char* der = nullptr;
  int n = i2d_X509(cert.get(), &der);
  Check(n > 0, "encoding a certificate as DER");
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  return out;
}

}  // namespace mlist::testing
