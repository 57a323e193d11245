#include "manifest/descriptor.h"

namespace mlist::manifest {

bool Platform::operator==(const Platform& other) const {
  return architecture == other.architecture && os == other.os &&
         os_version == other.os_version && os_features == other.os_features &&
         variant == other.variant && features == other.features;
}

bool Descriptor::operator==(const Descriptor& other) const {
  return media_type == other.media_type && digest == other.digest &&
         size == other.size && urls == other.urls &&
         annotations == other.annotations && data == other.data &&
         platform == other.platform && artifact_type == other.artifact_type;
}

}  // namespace mlist::manifest
