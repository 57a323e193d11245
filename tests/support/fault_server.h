// An in-process HTTP server that answers as a test scripts it and keeps
// every request it saw: for the faults a real registry cannot be made to
// show (cut bodies, wrong digests, endless answers, redirects).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "reference/reference.h"
#include "support/test_http.h"

namespace mlist::testing {

class FaultServer {
 public:
  explicit FaultServer(TestHttpHandler handler,
                       TestHttpServerOptions options = {});

  // Requests seen, all of them or those for path.
  std::vector<TestHttpRequest> seen(const std::string& path = "") const;
  int requests(const std::string& path = "") const {
    return static_cast<int>(seen(path).size());
  }
  std::string host_port() const { return server_.host_port(); }
  // The server's base URL and target.
  std::string Url(const std::string& target) const {
    return server_.base_url() + target;
  }
  // A reference into this server as a registry: Ref("a/b:1").
  reference::Reference Ref(const std::string& rest) const {
    return reference::Parse(host_port() + "/" + rest);
  }

 private:
  TestHttpResponse Record(const TestHttpRequest& request);

  mutable std::mutex mu_;
  std::vector<TestHttpRequest> seen_;
  TestHttpHandler handler_;
  TestHttpServer server_;  // last: stopped before the rest goes away
};

// An answer with status, body and headers.
TestHttpResponse Answer(int status, std::string body = "",
                        TestFields headers = {});

// Answers with script in order, then repeats its last answer.
TestHttpHandler Script(std::vector<TestHttpResponse> script);

}  // namespace mlist::testing
