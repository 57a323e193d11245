#include "registry/pipe.h"

#include <algorithm>
#include <cstring>

namespace mlist::registry {

bool Pipe::Write(const char* data, size_t size) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock,
                [&] { return canceled_ || pieces_.size() < max_pieces_; });
  if (canceled_) {
    return false;
  }
  pieces_.emplace_back(data, size);
  changed_.notify_all();
  return true;
}

void Pipe::Close(std::exception_ptr error) {
  std::lock_guard<std::mutex> lock(mu_);
  closed_ = true;
  error_ = error;
  changed_.notify_all();
}

void Pipe::Cancel() {
  std::lock_guard<std::mutex> lock(mu_);
  canceled_ = true;
  changed_.notify_all();
}

size_t Pipe::Read(char* buf, size_t size) {
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return closed_ || !pieces_.empty(); });
  if (pieces_.empty()) {
    if (error_) {
      std::rethrow_exception(error_);
    }
    return 0;
  }
  std::string& front = pieces_.front();
  size_t n = std::min(size, front.size() - offset_);
  std::memcpy(buf, front.data() + offset_, n);
  offset_ += n;
  if (offset_ == front.size()) {
    pieces_.pop_front();
    offset_ = 0;
    changed_.notify_all();
  }
  return n;
}

}  // namespace mlist::registry
