#include "support/fixtures.h"

#include <zlib.h>

#include <cstring>
#include <mutex>

#include "base/digest.h"
#include "base/error.h"
#include "base/parallel.h"
#include "registry/media_types.h"

namespace mlist::testing {
namespace {

// A ustar archive holding one regular file, with fixed owner, mode and
// time so that its bytes never change.
std::string TarOneFile(const std::string& name, const std::string& content) {
  std::string header(512, '\0');
  auto put = [&](size_t at, const std::string& value) {
    std::memcpy(&header[at], value.data(), value.size());
  };
  auto octal = [](size_t width, unsigned long value) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*lo", static_cast<int>(width - 1), value);
    return std::string(buf);
  };
  put(0, name);
  put(100, octal(8, 0644));
  put(108, octal(8, 0));
  put(116, octal(8, 0));
  put(124, octal(12, content.size()));
  put(136, octal(12, 0));
  put(148, "        ");  // checksum counted as spaces
  header[156] = '0';
  put(257, std::string("ustar\0", 6));
  put(263, "00");
  unsigned long sum = 0;
  for (unsigned char c : header) {
    sum += c;
  }
  put(148, octal(7, sum));
  std::string tar = header + content;
  tar.append((512 - content.size() % 512) % 512, '\0');
  tar.append(1024, '\0');  // two zero blocks end the archive
  return tar;
}

// gzip with an all-zero header time, so the same input gives the same
// bytes on every run.
std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string ConfigJson(const Platform& p, const std::string& diff_id) {
  std::string json = "{\"architecture\":\"" + p.architecture + "\",";
  json += "\"config\":{\"Env\":[\"PATH=/bin\"]},";
  json += "\"created\":\"2024-01-01T00:00:00Z\",\"os\":\"" + p.os + "\",";
  if (!p.os_version.empty()) {
    json += "\"os.version\":\"" + p.os_version + "\",";
  }
  json += "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diff_id + "\"]}";
  if (!p.variant.empty()) {
    json += ",\"variant\":\"" + p.variant + "\"";
  }
  return json + "}";
}

std::string Descriptor(const std::string& media_type, size_t size,
                       const std::string& digest) {
  return "{\"mediaType\":\"" + media_type +
         "\",\"size\":" + std::to_string(size) + ",\"digest\":\"" + digest +
         "\"}";
}

}  // namespace

std::string Platform::String() const {
  return os + "/" + architecture + (variant.empty() ? "" : "/" + variant);
}

std::vector<Platform> SevenPlatforms() {
  return {{"linux", "amd64", "", ""}, {"linux", "arm", "v6", ""},
          {"linux", "arm", "v7", ""}, {"linux", "arm64", "v8", ""},
          {"linux", "386", "", ""},   {"linux", "ppc64le", "", ""},
          {"linux", "s390x", "", ""}};
}

std::vector<Platform> ManyPlatforms(size_t count) {
  std::vector<Platform> base = SevenPlatforms();
  std::vector<Platform> out;
  for (size_t i = 0; i < count; ++i) {
    Platform p = base[i % base.size()];
    if (i >= base.size()) {
      // Distinct made-up versions keep every entry's platform unique.
      p.os_version = "mlist." + std::to_string(i / base.size());
    }
    out.push_back(p);
  }
  return out;
}

PushedImage PushImage(registry::Session& session,
                      const reference::Reference& ref, const Platform& platform,
                      ImageFormat format, int seed) {
  std::string tar =
      TarOneFile("platform.txt", platform.String() + " " + platform.os_version +
                                     " " + std::to_string(seed) + "\n");
  std::string layer = Gzip(tar);
  std::string config = ConfigJson(platform, base::Sha256Digest(tar));
  bool oci = format == ImageFormat::kOci;

  PushedImage image;
  image.ref = ref;
  image.platform = platform;
  image.config_digest = base::Sha256Digest(config);
  image.config = config;
  image.layer_digest = base::Sha256Digest(layer);
  for (const auto& [digest, data] : {std::pair{image.config_digest, config},
                                     std::pair{image.layer_digest, layer}}) {
    if (!session.HeadBlob(ref, digest)) {
      session.UploadBlob(ref, digest, data);
    }
  }
  image.media_type = oci ? registry::kOciManifest : registry::kDockerManifest;
  image.manifest =
      "{\"schemaVersion\":2,\"mediaType\":\"" + image.media_type +
      "\",\"config\":" +
      Descriptor(oci ? "application/vnd.oci.image.config.v1+json"
                     : "application/vnd.docker.container.image.v1+json",
                 config.size(), image.config_digest) +
      ",\"layers\":[" +
      Descriptor(oci ? "application/vnd.oci.image.layer.v1.tar+gzip"
                     : "application/vnd.docker.image.rootfs.diff.tar.gzip",
                 layer.size(), image.layer_digest) +
      "]}";
  image.digest = session.PutManifest(ref, image.media_type, image.manifest);
  image.size = image.manifest.size();
  return image;
}

std::vector<PushedImage> PushImages(registry::Session& session,
                                    const std::string& repo,
                                    const std::vector<Platform>& platforms,
                                    ImageFormat format,
                                    const std::string& tag_prefix) {
  std::vector<PushedImage> images(platforms.size());
  base::ParallelFor(platforms.size(), 8, [&](size_t i) {
    auto ref =
        reference::Parse(repo + ":" + tag_prefix + "-" + std::to_string(i));
    images[i] =
        PushImage(session, ref, platforms[i], format, static_cast<int>(i));
  });
  return images;
}

manifest::Descriptor ListEntryOf(const PushedImage& image) {
  manifest::Descriptor d;
  d.media_type = image.media_type;
  d.digest = image.digest;
  d.size = static_cast<int64_t>(image.size);
  manifest::Platform p;
  p.os = image.platform.os;
  p.architecture = image.platform.architecture;
  p.variant = image.platform.variant;
  p.os_version = image.platform.os_version;
  d.platform = p;
  return d;
}

namespace {

// An in-toto statement's manifest: config and one layer, as buildx makes
// them (unknown platform, in-toto layer media type).
PushedImage PushAttestation(registry::Session& session,
                            const reference::Reference& ref,
                            const PushedImage& image) {
  std::string statement =
      "{\"_type\":\"https://in-toto.io/Statement/v0.1\","
      "\"subject\":[{\"digest\":{\"sha256\":\"" +
      image.digest.substr(7) + "\"}}]}";
  std::string config =
      "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"config\":{},"
      "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" +
      base::Sha256Digest(statement) + "\"]}}";
  PushedImage a;
  a.ref = ref;
  a.platform = {"unknown", "unknown", "", ""};
  a.config_digest = base::Sha256Digest(config);
  a.layer_digest = base::Sha256Digest(statement);
  session.UploadBlob(ref, a.config_digest, config);
  session.UploadBlob(ref, a.layer_digest, statement);
  a.media_type = registry::kOciManifest;
  a.manifest = "{\"schemaVersion\":2,\"mediaType\":\"" + a.media_type +
               "\",\"config\":" +
               Descriptor("application/vnd.oci.image.config.v1+json",
                          config.size(), a.config_digest) +
               ",\"layers\":[{\"mediaType\":\"application/vnd.in-toto+json\","
               "\"digest\":\"" +
               a.layer_digest +
               "\",\"size\":" + std::to_string(statement.size()) +
               ",\"annotations\":{\"in-toto.io/predicate-type\":"
               "\"https://slsa.dev/provenance/v0.2\"}}]}";
  reference::Reference by_digest = ref;
  by_digest.tag.clear();
  by_digest.digest = base::Sha256Digest(a.manifest);
  a.digest = session.PutManifest(by_digest, a.media_type, a.manifest);
  a.size = a.manifest.size();
  return a;
}

std::string IndexEntry(const PushedImage& image, const std::string& extra) {
  return "{\"mediaType\":\"" + image.media_type + "\",\"digest\":\"" +
         image.digest + "\",\"size\":" + std::to_string(image.size) + extra +
         ",\"platform\":{\"architecture\":\"" + image.platform.architecture +
         "\",\"os\":\"" + image.platform.os + "\"" +
         (image.platform.variant.empty()
              ? ""
              : ",\"variant\":\"" + image.platform.variant + "\"") +
         "}}";
}

}  // namespace

PushedIndex PushAttestedIndex(registry::Session& session,
                              const reference::Reference& ref,
                              const std::vector<Platform>& platforms,
                              int seed) {
  PushedIndex index;
  index.ref = ref;
  std::string entries;
  for (size_t i = 0; i < platforms.size(); ++i) {
    reference::Reference image_ref = ref;
    image_ref.tag = ref.tag + "-image-" + std::to_string(i);
    index.images.push_back(PushImage(session, image_ref, platforms[i],
                                     ImageFormat::kOci,
                                     seed * 1000 + static_cast<int>(i)));
    index.attestations.push_back(
        PushAttestation(session, ref, index.images.back()));
    entries += std::string(entries.empty() ? "" : ",") +
               IndexEntry(index.images.back(), "") + "," +
               IndexEntry(index.attestations.back(),
                          ",\"annotations\":{\"vnd.docker.reference.digest\":"
                          "\"" +
                              index.images.back().digest +
                              "\",\"vnd.docker.reference.type\":"
                              "\"attestation-manifest\"}");
  }
  index.bytes = "{\"schemaVersion\":2,\"mediaType\":\"" +
                std::string(registry::kOciIndex) + "\",\"manifests\":[" +
                entries + "]}";
  index.digest = session.PutManifest(ref, registry::kOciIndex, index.bytes);
  return index;
}

registry::SessionOptions PlainSessionOptions() {
  registry::SessionOptions options;
  options.insecure = true;
  return options;
}

std::unique_ptr<TestRegistry> StartRegistryWithImages(
    const std::string& repo, const std::vector<Platform>& platforms,
    ImageFormat format, const std::string& tag_prefix) {
  auto registry = std::make_unique<TestRegistry>(TestRegistryOptions::Plain());
  registry::Session session(PlainSessionOptions());
  PushImages(session, registry->host_port() + "/" + repo, platforms, format,
             tag_prefix);
  return registry;
}

std::unique_ptr<TestRegistry> StartSeededRegistry(const std::string& repo) {
  auto registry = std::make_unique<TestRegistry>(TestRegistryOptions::Plain());
  registry::Session session(PlainSessionOptions());
  std::string name = registry->host_port() + "/" + repo;
  PushImages(session, name, SevenPlatforms(), ImageFormat::kDocker, "v2");
  PushImages(session, name, SevenPlatforms(), ImageFormat::kOci, "oci");
  return registry;
}

}  // namespace mlist::testing
