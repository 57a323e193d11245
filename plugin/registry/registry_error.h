// Errors a registry answers with (distribution spec, "Error Codes"):
// {"errors":[{"code":"MANIFEST_UNKNOWN","message":"...","detail":...}]}.
#pragma once

#include <string>
#include <vector>

#include "base/error.h"
#include "transport/http.h"

namespace mlist::registry {

class RegistryError : public Error {
 public:
  // reason is the registry's own part of message, without the context
  // ("manifest invalid: ..."); empty means the whole message.
  RegistryError(const std::string& message, int status,
                std::vector<std::string> codes, std::string reason = "")
      : Error(message),
        status_(status),
        codes_(std::move(codes)),
        reason_(std::move(reason)) {}

  int status() const { return status_; }
  // What the registry said, without what was being done: "manifest
  // invalid: manifest invalid", "405 Method Not Allowed".
  std::string reason() const { return reason_.empty() ? what() : reason_; }
  // The error codes of the body, in order ("MANIFEST_UNKNOWN", ...).
  const std::vector<std::string>& codes() const { return codes_; }
  bool HasCode(const std::string& code) const;

 private:
  int status_;
  std::vector<std::string> codes_;
  std::string reason_;
};

// Builds the error for an unexpected response: "what: code: message" for
// each error of the body (joined by "; "; the code in lower-case words as
// docker shows it, "manifest unknown"), else "what: STATUS reason" with a
// short excerpt of a text body.
RegistryError ErrorFromResponse(const std::string& what,
                                const transport::Response& response);

}  // namespace mlist::registry
