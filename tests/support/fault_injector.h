// Faults in front of a test server's handler: a fault takes some of the
// requests (the first n, or all) and answers them its own way, often by
// spoiling the answer the handler gave (a body cut short, sent slowly or
// forever).
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "support/test_http.h"

namespace mlist::testing {

struct Fault {
  // Which requests the fault may take.
  std::function<bool(const TestHttpRequest&)> applies;
  // How many of them it takes, from the first; -1: all.
  int times = -1;
  // Leave answers that are not 2xx alone (the 401 of a request without a
  // token, a 404): a fault in a body spoils a body that was sent.
  bool successes_only = true;
  // The answer instead of the handler's own (given as real).
  std::function<TestHttpResponse(const TestHttpRequest& request,
                                 TestHttpResponse real)>
      answer;
};

class FaultInjector {
 public:
  explicit FaultInjector(TestHttpHandler next) : next_(std::move(next)) {}

  // From now on, fault takes its requests; replaces any fault set before.
  void Set(Fault fault);
  // How many answers the fault has given.
  int taken() const;
  // Answers request: through the fault when it takes it, else as next.
  TestHttpResponse Handle(const TestHttpRequest& request);

 private:
  TestHttpHandler next_;
  mutable std::mutex mu_;
  Fault fault_;
  bool set_ = false;
  int taken_ = 0;
};

// The answers faults give, from the real one.

// Status and body (JSON when it starts with '{'), nothing of real kept.
TestHttpResponse StatusAnswer(int status, const std::string& body,
                              TestFields headers = {});
// real's headers and the first half of its body, with the Content-Length
// of the whole: the connection is closed mid-body.
TestHttpResponse CutMidBody(TestHttpResponse real);
// real's headers, its body sent chunked again and again without end.
TestHttpResponse EndlessBody(TestHttpResponse real);
// real, with a pause before each 64 KiB of its body.
TestHttpResponse SlowBody(TestHttpResponse real,
                          std::chrono::milliseconds pause);
// A 307 to location.
TestHttpResponse RedirectTo(const std::string& location);

}  // namespace mlist::testing
