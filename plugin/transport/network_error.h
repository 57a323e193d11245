// Failures on the wire, told apart so that callers can retry or fall back
// to plain HTTP where docker would.
#pragma once

#include <string>

#include "base/error.h"

namespace mlist::transport {

class NetworkError : public Error {
 public:
  enum class Kind {
    kConnect,       // no connection could be opened
    kTlsHandshake,  // the server did not complete a TLS handshake
    kTlsVerify,     // the server's certificate was refused
    kIo,            // the connection broke while talking
    kTimeout,       // the server was silent past the read timeout
    kTooLarge,      // the response body passed its limit
    kCanceled,      // the body's receiver stopped it
  };

  NetworkError(Kind kind, const std::string& message)
      : Error(message), kind_(kind) {}

  Kind kind() const { return kind_; }

  // Whether sending the same request again may succeed.
  bool Retryable() const {
    return kind_ == Kind::kConnect || kind_ == Kind::kIo ||
           kind_ == Kind::kTimeout;
  }

 private:
  Kind kind_;
};

}  // namespace mlist::transport
