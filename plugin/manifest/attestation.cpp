#include "manifest/attestation.h"

#include <map>

namespace mlist::manifest {

bool IsAttestation(const Descriptor& entry) {
  auto it = entry.annotations.find(kReferenceTypeAnnotation);
  return it != entry.annotations.end() && it->second == kAttestationManifest;
}

std::string AttestedDigest(const Descriptor& entry) {
  if (!IsAttestation(entry)) {
    return "";
  }
  auto it = entry.annotations.find(kReferenceDigestAnnotation);
  return it == entry.annotations.end() ? "" : it->second;
}

std::vector<Record> GroupAttestations(std::vector<Record> records) {
  // Attestations by the image they describe, as indexes into records.
  std::multimap<std::string, size_t> by_subject;
  for (size_t i = 0; i < records.size(); ++i) {
    if (IsAttestation(records[i].descriptor)) {
      by_subject.emplace(AttestedDigest(records[i].descriptor), i);
    }
  }
  if (by_subject.empty()) {
    return records;
  }
  std::vector<size_t> order;
  std::vector<bool> placed(records.size(), false);
  for (size_t i = 0; i < records.size(); ++i) {
    if (IsAttestation(records[i].descriptor)) {
      continue;
    }
    order.push_back(i);
    auto [begin, end] = by_subject.equal_range(records[i].descriptor.digest);
    for (auto it = begin; it != end; ++it) {
      if (!placed[it->second]) {
        order.push_back(it->second);
        placed[it->second] = true;
      }
    }
  }
  // What is left describes no image of the list; keep it in its order.
  for (size_t i = 0; i < records.size(); ++i) {
    if (IsAttestation(records[i].descriptor) && !placed[i]) {
      order.push_back(i);
    }
  }
  std::vector<Record> grouped;
  grouped.reserve(records.size());
  for (size_t i : order) {
    grouped.push_back(std::move(records[i]));
  }
  return grouped;
}

}  // namespace mlist::manifest
