// A bounded buffer between a thread that downloads and one that uploads,
// so that a blob copied between registries is never held whole.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <string>

namespace mlist::registry {

class Pipe {
 public:
  explicit Pipe(size_t max_pieces = 16) : max_pieces_(max_pieces) {}

  // Adds a piece, waiting while the buffer is full. Returns false when the
  // reader has gone (the writer should stop).
  bool Write(const char* data, size_t size);
  // Marks the end of the data; error, when set, reaches the reader.
  void Close(std::exception_ptr error = nullptr);
  // Fills up to size bytes of buf; 0 at the end. Rethrows the writer's
  // error.
  size_t Read(char* buf, size_t size);
  // The reader gives up: pending and later writes return false.
  void Cancel();

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<std::string> pieces_;
  size_t offset_ = 0;  // into pieces_.front()
  size_t max_pieces_;
  bool closed_ = false;
  bool canceled_ = false;
  std::exception_ptr error_;
};

}  // namespace mlist::registry
