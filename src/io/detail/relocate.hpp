#pragma once
// Placing a library error in a scenario file: the model names its fields
// from its own root ("fleet.holdings[0].price"); the scenario may have put
// that fleet at "fleet[1]". Works on the error's segments, never its text.
// Private to traincost::io.

#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost::io::detail_reader {

/// `path` followed by one segment.
inline FieldPath append(const FieldPath& path, const FieldSegment& seg) {
  FieldPath out = path.key(seg.key);
  if (seg.index)
    out = out.element(*seg.index, seg.name);
  return out;
}

/// `field` with a leading `word` segment (the model's root, "run", "fleet",
/// "program") replaced by `root`; any other field is put under `root`.
inline FieldPath rebase(const FieldPath& field, const FieldPath& root, std::string_view word) {
  const auto& segs = field.segments();
  std::size_t from = 0;
  if (!segs.empty() && segs.front().key == word && !segs.front().index)
    from = 1;
  FieldPath out = root;
  for (std::size_t i = from; i < segs.size(); ++i)
    out = append(out, segs[i]);
  return out;
}

/// The first key of a scenario path: "run" for "run[2]".
inline std::string_view root_word(const FieldPath& root) {
  return root.empty() ? std::string_view{} : std::string_view(root.segments().front().key);
}

}  // namespace traincost::io::detail_reader
