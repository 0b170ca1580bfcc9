#pragma once
/// \file
/// Look-ups by label that throw: `Fleet::at`, `FleetCapex::at`,
/// `FleetOperatingCost::at` and `ProgramCost::at` return a reference, or
/// throw `traincost::Error` (`ErrorCode::unknown_name`) naming the field, the
/// label asked for and the labels there are, closest first.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/detail/closest_names.hpp"

namespace traincost::detail {

/// "one of \"H800\", \"H100\"": the known labels closest to `label` first
/// (at most 8), or "a known label (there are none)".
inline std::string known_labels(std::string_view label, const std::vector<std::string>& known) {
  if (known.empty())
    return "a known label (there are none)";
  std::vector<NamedKeys> candidates;
  candidates.reserve(known.size());
  for (const auto& k : known)
    candidates.push_back({"\"" + k + "\"", {normalize_name(k)}});
  std::string out = "one of ";
  const std::vector<std::string> names = closest_names(label, candidates, 8);
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i ? ", " : "") + names[i];
  if (names.size() < known.size())
    out += ", ...";
  return out;
}

/// Throws `unknown_name` at `field` for `label`, listing `known`.
[[noreturn, gnu::cold, gnu::noinline]] inline void fail_unknown_label(
    FieldPath field, std::string_view label, const std::vector<std::string>& known) {
  throw Error(ErrorCode::unknown_name, std::move(field), "\"" + std::string(label) + "\"",
              known_labels(label, known));
}

/// The labels of `items` (anything with a `label` member), for an error.
template <class Items>
std::vector<std::string> labels_of(const Items& items) {
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& i : items)
    out.push_back(i.label);
  return out;
}

/// The element of `items` whose `label` is `label`; throws `unknown_name`
/// at `field` when there is none.
template <class Items>
auto& at_label(Items& items, std::string_view label, const char* field) {
  for (auto& i : items)
    if (i.label == label)
      return i;
  fail_unknown_label(field, label, labels_of(items));
}

/// Whether some element of `items` has the label `label`.
template <class Items>
bool contains_label(const Items& items, std::string_view label) {
  for (const auto& i : items)
    if (i.label == label)
      return true;
  return false;
}

}  // namespace traincost::detail
