// Blob operations of Session (distribution spec, "Pulling blobs",
// "Pushing blobs", "Mounting a blob from another repository").
#include <thread>

#include "base/digest.h"
#include "base/error.h"
#include "registry/pipe.h"
#include "registry/registry_error.h"
#include "registry/session_impl.h"
#include "transport/network_error.h"

namespace mlist::registry {
namespace {

std::string WithQuery(const std::string& target, const std::string& query) {
  return target + (target.find('?') == std::string::npos ? "?" : "&") + query;
}

// The Location of an upload answer, resolved against the request URL.
transport::Url UploadLocation(const std::string& what,
                              const transport::Response& response) {
  std::string location = transport::HeaderValue(response.headers, "Location");
  if (location.empty()) {
    throw RegistryError(what + ": the registry gave no upload location",
                        response.status, {});
  }
  return transport::ResolveUrl(response.url, location);
}

// Reads a blob from a Pipe fed by a download running on its own thread;
// destroying it stops the download.
class CopyReader : public transport::BodyReader {
 public:
  CopyReader(Session& session, const reference::Reference& from,
             const std::string& digest) {
    producer_ = std::thread([this, &session, from, digest] {
      try {
        session.StreamBlob(from, digest, [this](const char* d, size_t n) {
          return pipe_.Write(d, n);
        });
        pipe_.Close();
      } catch (...) {
        pipe_.Close(std::current_exception());
      }
    });
  }
  ~CopyReader() override {
    pipe_.Cancel();
    producer_.join();
  }
  size_t Read(char* buf, size_t size) override { return pipe_.Read(buf, size); }

 private:
  Pipe pipe_;
  std::thread producer_;
};

class StringReader : public transport::BodyReader {
 public:
  explicit StringReader(std::string data) : data_(std::move(data)) {}
  size_t Read(char* buf, size_t size) override {
    size_t n = std::min(size, data_.size() - offset_);
    std::copy_n(data_.data() + offset_, n, buf);
    offset_ += n;
    return n;
  }

 private:
  std::string data_;
  size_t offset_ = 0;
};

}  // namespace

std::optional<uint64_t> Session::HeadBlob(const reference::Reference& repo,
                                          const std::string& digest) {
  std::string what = "checking blob " + digest + " in " + Quote(repo.Name());
  transport::Request request;
  request.method = "HEAD";
  request.url = impl_->ApiUrl(repo, "blobs/" + digest);
  transport::Response response = impl_->Send(what, repo, request, "pull");
  if (response.status == 404) {
    return std::nullopt;
  }
  if (response.status != 200) {
    throw ErrorFromResponse(what, response);
  }
  std::string length =
      transport::HeaderValue(response.headers, "Content-Length");
  return length.empty() ? 0 : std::stoull(length);
}

void Session::StreamBlob(const reference::Reference& repo,
                         const std::string& digest,
                         const std::function<bool(const char*, size_t)>& sink) {
  std::string what = "fetching blob " + digest + " from " + Quote(repo.Name());
  base::Hasher hasher(base::DigestAlgorithm(digest));
  transport::Request request;
  request.url = impl_->ApiUrl(repo, "blobs/" + digest);
  request.max_body = 1 << 20;  // for error bodies; blobs go to the sink
  request.sink = [&](const char* data, size_t size) {
    hasher.Update(data, size);
    return sink(data, size);
  };
  transport::Response response = impl_->Send(what, repo, request, "pull");
  if (response.status != 200) {
    throw ErrorFromResponse(what, response);
  }
  std::string got = hasher.Digest();
  if (got != digest) {
    throw Error(what + ": digest mismatch: content is " + got);
  }
}

std::string Session::GetBlob(const reference::Reference& repo,
                             const std::string& digest, uint64_t max) {
  std::string data;
  bool too_large = false;
  try {
    StreamBlob(repo, digest, [&](const char* d, size_t n) {
      too_large = data.size() + n > max;
      if (!too_large) {
        data.append(d, n);
      }
      return !too_large;
    });
  } catch (const Error&) {
    // The download was stopped here: say why, not that it stopped.
    if (!too_large) {
      throw;
    }
    throw Error("fetching blob " + digest + " from " + Quote(repo.Name()) +
                ": the blob exceeds " + std::to_string(max) + " bytes");
  }
  return data;
}

void Session::DeleteBlob(const reference::Reference& repo,
                         const std::string& digest) {
  std::string what = "deleting blob " + digest + " from " + Quote(repo.Name());
  transport::Request request;
  request.method = "DELETE";
  request.url = impl_->ApiUrl(repo, "blobs/" + digest);
  transport::Response response = impl_->Send(what, repo, request, "delete");
  if (response.status != 202 && response.status != 200 &&
      response.status != 204) {
    throw ErrorFromResponse(what, response);
  }
}

bool Session::MountBlob(const reference::Reference& repo,
                        const std::string& digest, const std::string& from,
                        std::optional<OpenUpload>* refused) {
  std::string what = "mounting blob " + digest + " from " + Quote(from) +
                     " into " + Quote(repo.Name());
  transport::Request request;
  request.method = "POST";
  request.url = impl_->ApiUrl(repo, "blobs/uploads/");
  request.url.target += "?mount=" + transport::QueryEscape(digest) +
                        "&from=" + transport::QueryEscape(from);
  transport::Response response = impl_->Send(what, repo, request, "pull,push");
  if (response.status == 201) {
    return true;
  }
  if (response.status == 202) {
    // Refused: the registry opened an ordinary upload instead, which the
    // caller may use; left alone, it expires.
    if (refused != nullptr &&
        !transport::HeaderValue(response.headers, "Location").empty()) {
      *refused = OpenUpload{UploadLocation(what, response)};
    }
    return false;
  }
  throw ErrorFromResponse(what, response);
}

void Session::UploadBlob(const reference::Reference& repo,
                         const std::string& digest, const std::string& data) {
  auto source = std::make_shared<transport::BodySource>();
  source->length = data.size();
  source->open = [data] { return std::make_unique<StringReader>(data); };
  UploadBlobStream(repo, digest, data.size(), source, 0);
}

void Session::UploadBlobStream(const reference::Reference& repo,
                               const std::string& digest, uint64_t size,
                               std::shared_ptr<transport::BodySource> source,
                               uint64_t chunk_size,
                               std::optional<OpenUpload> opened) {
  std::string what = "uploading blob " + digest + " to " + Quote(repo.Name());
  try {
    // 1. Open an upload session: POST .../blobs/uploads/ -> 202 Location,
    //    unless one is open already.
    transport::Response response;
    if (!opened) {
      transport::Request start;
      start.method = "POST";
      start.url = impl_->ApiUrl(repo, "blobs/uploads/");
      response = impl_->Send(repo, start, "pull,push");
      if (response.status != 202) {
        throw ErrorFromResponse(what, response);
      }
      opened = OpenUpload{UploadLocation(what, response)};
    }
    transport::Url location = opened->location;
    // 2. With chunks, PATCH each one (Content-Range start-end, inclusive),
    //    following the new Location each answer gives.
    if (chunk_size > 0) {
      auto reader = source->open();
      for (uint64_t offset = 0; offset < size;) {
        std::string chunk(std::min<uint64_t>(chunk_size, size - offset), '\0');
        size_t got = 0;
        while (got < chunk.size()) {
          size_t n = reader->Read(chunk.data() + got, chunk.size() - got);
          if (n == 0) {
            throw Error("the data ended early");
          }
          got += n;
        }
        transport::Request patch;
        patch.method = "PATCH";
        patch.url = location;
        patch.headers.emplace("Content-Type", "application/octet-stream");
        patch.headers.emplace(
            "Content-Range",
            std::to_string(offset) + "-" + std::to_string(offset + got - 1));
        patch.body = std::move(chunk);
        response = impl_->Send(repo, patch, "pull,push");
        if (response.status != 202) {
          throw ErrorFromResponse(what, response);
        }
        location = UploadLocation(what, response);
        offset += got;
      }
    }
    // 3. Close it with PUT ?digest=D: the whole body when not chunked,
    //    empty after the chunks. 201 means stored and verified.
    transport::Request put;
    put.method = "PUT";
    put.url = location;
    put.url.target =
        WithQuery(location.target, "digest=" + transport::QueryEscape(digest));
    put.headers.emplace("Content-Type", "application/octet-stream");
    if (chunk_size == 0) {
      put.source = source;
    }
    response = impl_->Send(repo, put, "pull,push");
    if (response.status != 201) {
      throw ErrorFromResponse(what, response);
    }
  } catch (const RegistryError&) {
    throw;
  } catch (const Error& e) {
    throw Wrap(what, e);
  }
}

void Session::CopyBlob(const reference::Reference& from,
                       const reference::Reference& repo,
                       const std::string& digest, uint64_t size,
                       std::optional<OpenUpload> opened) {
  auto source = std::make_shared<transport::BodySource>();
  source->length = size;
  source->open = [this, from, digest] {
    return std::make_unique<CopyReader>(*this, from, digest);
  };
  UploadBlobStream(repo, digest, size, source, 0, std::move(opened));
}

}  // namespace mlist::registry
