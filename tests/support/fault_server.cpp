#include "support/fault_server.h"

#include <algorithm>

namespace mlist::testing {

FaultServer::FaultServer(TestHttpHandler handler, TestHttpServerOptions options)
    : handler_(std::move(handler)),
      server_([this](const TestHttpRequest& r) { return Record(r); },
              std::move(options)) {}

std::vector<TestHttpRequest> FaultServer::seen(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<TestHttpRequest> out;
  for (const auto& r : seen_) {
    if (path.empty() || r.path == path) {
      out.push_back(r);
    }
  }
  return out;
}

TestHttpResponse FaultServer::Record(const TestHttpRequest& request) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    seen_.push_back(request);
  }
  return handler_(request);
}

TestHttpResponse Answer(int status, std::string body, TestFields headers) {
  TestHttpResponse answer;
  answer.status = status;
  answer.body = std::move(body);
  answer.headers = std::move(headers);
  return answer;
}

TestHttpHandler Script(std::vector<TestHttpResponse> script) {
  auto next = std::make_shared<size_t>(0);
  auto mu = std::make_shared<std::mutex>();
  return [script = std::move(script), next, mu](const TestHttpRequest&) {
    std::lock_guard<std::mutex> lock(*mu);
    size_t at = std::min(*next, script.size() - 1);
    ++*next;
    return script[at];
  };
}

}  // namespace mlist::testing
