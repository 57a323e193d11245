#include "manifest/list_settings.h"

#include <gtest/gtest.h>

#include "base/error.h"
#include "registry/media_types.h"

namespace mlist::manifest {
namespace {

Record Entry(const std::string& media_type) {
  Record r;
  r.ref = "localhost:5000/app:x";
  r.descriptor.media_type = media_type;
  return r;
}

TEST(ListSettings, RoundTrip) {
  ListSettings s;
  s.media_type = registry::kOciIndex;
  s.annotations = {{"b", "2"}, {"a", "1"}};
  std::string bytes = EncodeListSettings(s);
  EXPECT_EQ(bytes,
            "{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            "\"annotations\":{\"a\":\"1\",\"b\":\"2\"}}");
  ListSettings back = DecodeListSettings(bytes);
  EXPECT_EQ(back.media_type, s.media_type);
  EXPECT_EQ(back.annotations, s.annotations);
}

TEST(ListSettings, DefaultSettingsAreNoFile) {
  EXPECT_EQ(EncodeListSettings({}), "");
}

TEST(ListSettings, AnUnknownMediaTypeIsAnError) {
  EXPECT_THROW(DecodeListSettings("{\"mediaType\":\"text/plain\"}"), Error);
  EXPECT_THROW(DecodeListSettings("{\"annotations\":[]}"), Error);
  EXPECT_THROW(DecodeListSettings("{"), Error);
}

TEST(ListSettings, FormatComesFromTheChoiceThenTheEntries) {
  std::vector<Record> docker = {Entry(registry::kDockerManifest)};
  std::vector<Record> mixed = {Entry(registry::kDockerManifest),
                               Entry(registry::kOciManifest)};
  EXPECT_EQ(ResolveListFormat({}, docker).media_type,
            registry::kDockerManifestList);
  EXPECT_EQ(ResolveListFormat({}, mixed).media_type, registry::kOciIndex);
  EXPECT_EQ(ResolveListFormat({}, mixed).reason,
            "an entry is an OCI image manifest");
  ListSettings oci{registry::kOciIndex, {}};
  EXPECT_EQ(ResolveListFormat(oci, docker).media_type, registry::kOciIndex);
  ListSettings forced{registry::kDockerManifestList, {}};
  EXPECT_EQ(ResolveListFormat(forced, mixed).media_type,
            registry::kDockerManifestList);
}

TEST(ListSettings, ADockerListCarriesNoAnnotations) {
  std::vector<Record> docker = {Entry(registry::kDockerManifest)};
  ListSettings annotated{"", {{"a", "b"}}};
  ListFormat format = ResolveListFormat(annotated, docker);
  EXPECT_THROW(CheckAnnotationsFit(format, annotated, docker, "l"), Error);
  docker[0].descriptor.annotations["k"] = "v";
  EXPECT_THROW(CheckAnnotationsFit(format, {}, docker, "l"), Error);
  ListFormat oci = ResolveListFormat({registry::kOciIndex, {}}, docker);
  EXPECT_NO_THROW(CheckAnnotationsFit(oci, annotated, docker, "l"));
}

}  // namespace
}  // namespace mlist::manifest
