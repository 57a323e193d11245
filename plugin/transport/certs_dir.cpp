#include "transport/certs_dir.h"

#include <algorithm>
#include <filesystem>

#include "base/error.h"

namespace mlist::transport {
namespace {

namespace fs = std::filesystem;

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<fs::path> SortedFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void ReadFolder(const fs::path& dir, TlsSettings& tls) {
  for (const auto& file : SortedFiles(dir)) {
    std::string name = file.filename().string();
    if (EndsWith(name, ".crt")) {
      tls.ca_files.push_back(file.string());
      continue;
    }
    if (!EndsWith(name, ".cert") && !EndsWith(name, ".key")) {
      continue;
    }
    bool is_cert = EndsWith(name, ".cert");
    fs::path pair = file;
    pair.replace_extension(is_cert ? ".key" : ".cert");
    if (!fs::exists(pair)) {
      throw Error("missing " +
                  std::string(is_cert ? "key "
                                      : "client "
                                        "certificate ") +
                  pair.string() + " for " +
                  std::string(is_cert ? "client certificate " : "key ") +
                  file.string());
    }
    if (is_cert && tls.cert_file.empty()) {
      tls.cert_file = file.string();
      tls.key_file = pair.string();
    }
  }
}

}  // namespace

std::vector<std::string> CertsRoots(const std::string& config_dir) {
  return {"/etc/docker/certs.d", config_dir + "/certs.d"};
}

TlsSettings CertsDirTls(const std::vector<std::string>& roots,
                        const std::string& host_port) {
  TlsSettings tls;
  for (const auto& root : roots) {
    fs::path dir = fs::path(root) / host_port;
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
      ReadFolder(dir, tls);
    }
  }
  return tls;
}

}  // namespace mlist::transport
