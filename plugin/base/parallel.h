// Running independent pieces of work at the same time, bounded.
#pragma once

#include <cstddef>
#include <functional>

namespace mlist::base {

// Calls work(i) for every i in [0, count) on up to `parallelism` threads
// (the calling thread among them) and waits for all. When calls throw, the
// others still finish and the first exception (lowest i) is rethrown.
void ParallelFor(size_t count, size_t parallelism,
                 const std::function<void(size_t)>& work);

}  // namespace mlist::base
