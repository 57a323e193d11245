#include "config/credential_helper.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>

#include "base/error.h"
#include "base/process.h"
#include "config/json_fields.h"

namespace mlist::config {
namespace {

// The texts of docker-credential-helpers' credentials/error.go. A helper
// prints the first when it has nothing for the server: not a failure.
constexpr std::string_view kNotFound =
    "credentials not found in native keychain";
// The username that marks the Secret as an identity token.
constexpr std::string_view kTokenUsername = "<token>";
// A helper's error text is shown, but not without bound.
constexpr size_t kMaxMessage = 1000;
// What a secret in a helper's error text is shown as.
constexpr std::string_view kHidden = "<redacted>";

std::string Trim(const std::string& text) {
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return {};
  }
  size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::string Duration(std::chrono::milliseconds d) {
  if (d.count() % 1000 == 0) {
    return std::to_string(d.count() / 1000) + "s";
  }
  return std::to_string(d.count()) + "ms";
}

std::string Lower(std::string text) {
  for (char& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

// A helper that fails may still print its answer, or part of it: the
// value of every "Secret" member (any case, as Go's decoder matches
// names) is hidden, to the end of the text when its string is cut.
std::string HideSecrets(std::string text) {
  const std::string key = "\"secret\"";
  const char* space = " \t\r\n";
  for (size_t at = Lower(text).find(key); at != std::string::npos;
       at = Lower(text).find(key, at + 1)) {
    size_t colon = text.find_first_not_of(space, at + key.size());
    if (colon == std::string::npos || text[colon] != ':') {
      continue;
    }
    size_t open = text.find_first_not_of(space, colon + 1);
    if (open == std::string::npos || text[open] != '"') {
      continue;
    }
    size_t close = open + 1;
    while (close < text.size() && text[close] != '"') {
      close += text[close] == '\\' ? 2 : 1;
    }
    close = std::min(close, text.size());
    text.replace(open + 1, close - open - 1, kHidden);
  }
  return text;
}

// A helper prints its errors on standard output (docker reads only that);
// standard error is the fallback for helpers that do not follow the rule.
std::string FailureText(const base::ProcessResult& result) {
  std::string text = Trim(result.out);
  if (text.empty()) {
    text = Trim(result.err);
  }
  text = HideSecrets(text);
  if (text.size() > kMaxMessage) {
    text = text.substr(0, kMaxMessage) + "...";
  }
  return text;
}

Credential ParseAnswer(const std::string& out) {
  rapidjson::Document doc;
  ParseJson(out, doc);
  RequireJsonObject(doc, "the output");
  std::string username = JsonString(doc, "Username");
  std::string secret = JsonString(doc, "Secret");
  Credential credential;
  if (username == kTokenUsername) {
    credential.identity_token = secret;
  } else {
    credential.username = username;
    credential.password = secret;
  }
  return credential;
}

// Turns what the helper did into credentials, or throws the reason (to be
// wrapped with the server URL).
Credential Interpret(const std::string& program,
                     const base::ProcessResult& result,
                     std::chrono::milliseconds timeout) {
  if (result.timed_out) {
    throw Error(program + ": no answer within " + Duration(timeout));
  }
  if (result.exit_code != 0) {
    std::string text = FailureText(result);
    if (text == kNotFound) {
      return {};
    }
    std::string status = "exit status " + std::to_string(result.exit_code);
    throw Error(program + ": " + status + (text.empty() ? "" : ": " + text));
  }
  try {
    return ParseAnswer(result.out);
  } catch (const Error& e) {
    throw Wrap(program + ": invalid output", e);
  }
}

bool ValidHelperName(const std::string& helper) {
  return !helper.empty() && helper.find('/') == std::string::npos;
}

}  // namespace

Credential GetFromHelper(const std::string& helper,
                         const std::string& server_url,
                         std::chrono::milliseconds timeout) {
  std::string context = "getting credentials for " + Quote(server_url);
  if (!ValidHelperName(helper)) {
    throw Error(context + ": invalid credential helper name " + Quote(helper));
  }
  std::string program = kHelperPrefix + helper;
  base::ProcessOptions options;
  // The protocol sends the bare URL, no newline.
  options.input = server_url;
  options.timeout = timeout;
  try {
    Credential credential = Interpret(
        program, base::RunProcess({program, "get"}, options), timeout);
    credential.source = "credential helper " + Quote(program);
    return credential;
  } catch (const Error& e) {
    throw Wrap(context, e);
  }
}

std::string DetectDefaultStore() {
  std::string store = base::LookPath("pass").empty() ? "secretservice" : "pass";
  if (base::LookPath(kHelperPrefix + store).empty()) {
    return {};
  }
  return store;
}

}  // namespace mlist::config
