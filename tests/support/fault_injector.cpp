#include "support/fault_injector.h"

namespace mlist::testing {

void FaultInjector::Set(Fault fault) {
  std::lock_guard<std::mutex> lock(mu_);
  fault_ = std::move(fault);
  set_ = true;
  taken_ = 0;
}

int FaultInjector::taken() const {
  std::lock_guard<std::mutex> lock(mu_);
  return taken_;
}

TestHttpResponse FaultInjector::Handle(const TestHttpRequest& request) {
  TestHttpResponse real = next_(request);
  bool success = real.status >= 200 && real.status < 300;
  Fault fault;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!set_ || !fault_.applies(request) ||
        (fault_.successes_only && !success) ||
        (fault_.times >= 0 && taken_ >= fault_.times)) {
      return real;
    }
    ++taken_;
    fault = fault_;
  }
  return fault.answer(request, std::move(real));
}

TestHttpResponse StatusAnswer(int status, const std::string& body,
                              TestFields headers) {
  TestHttpResponse answer;
  answer.status = status;
  answer.body = body;
  answer.headers = std::move(headers);
  if (!body.empty() && body[0] == '{') {
    answer.headers.emplace_back("Content-Type", "application/json");
  }
  return answer;
}

TestHttpResponse CutMidBody(TestHttpResponse real) {
  real.content_length = real.body.size();
  real.body.resize(real.body.size() / 2);
  return real;
}

TestHttpResponse EndlessBody(TestHttpResponse real) {
  real.endless = true;
  return real;
}

TestHttpResponse SlowBody(TestHttpResponse real,
                          std::chrono::milliseconds pause) {
  real.pause = pause;
  return real;
}

TestHttpResponse RedirectTo(const std::string& location) {
  return StatusAnswer(307, "", {{"Location", location}});
}

}  // namespace mlist::testing
