#include "base/parallel.h"

#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace mlist::base {

void ParallelFor(size_t count, size_t parallelism,
                 const std::function<void(size_t)>& work) {
  std::vector<std::exception_ptr> errors(count);
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        work(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  size_t threads = std::min(count, parallelism == 0 ? 1 : parallelism);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) {
    pool.emplace_back(run);
  }
  run();
  for (auto& t : pool) {
    t.join();
  }
  for (auto& e : errors) {
    if (e) {
      std::rethrow_exception(e);
    }
  }
}

}  // namespace mlist::base
