#pragma once
/// \file
/// Where a number comes from. Every input of a cost model carries a
/// provenance, so a result can say which of its figures were published,
/// estimated by an analyst, derived by arithmetic, or simply assumed.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "traincost/core/error.hpp"

namespace traincost {

/// How much a figure can be trusted, following the tags of the reference file:
/// [P] primary source, [A] analyst or press estimate, [D] derived by
/// arithmetic from tagged inputs, [?] an assumption the user can override.
enum class Evidence { published, analyst_estimate, derived, assumed };

/// The one-letter tag used in tables: "P", "A", "D" or "?".
constexpr std::string_view tag(Evidence e) {
  switch (e) {
    case Evidence::published:
      return "P";
    case Evidence::analyst_estimate:
      return "A";
    case Evidence::derived:
      return "D";
    case Evidence::assumed:
      return "?";
  }
  detail::fail_enum_value("Evidence", static_cast<long long>(e));
}

/// A readable name: "published", "analyst estimate", "derived", "assumed".
constexpr std::string_view to_string(Evidence e) {
  switch (e) {
    case Evidence::published:
      return "published";
    case Evidence::analyst_estimate:
      return "analyst estimate";
    case Evidence::derived:
      return "derived";
    case Evidence::assumed:
      return "assumed";
  }
  detail::fail_enum_value("Evidence", static_cast<long long>(e));
}

/// How weak a kind of evidence is, for combining: published < derived <
/// analyst estimate < assumed. (Not the enum's order, which follows the tags.)
constexpr int weakness(Evidence e) {
  switch (e) {
    case Evidence::published:
      return 0;
    case Evidence::derived:
      return 1;
    case Evidence::analyst_estimate:
      return 2;
    case Evidence::assumed:
      return 3;
  }
  return 3;
}

/// The weakest evidence among the inputs of a figure.
constexpr Evidence weakest(std::initializer_list<Evidence> inputs) {
  Evidence worst = Evidence::published;
  for (Evidence e : inputs)
    if (weakness(e) > weakness(worst))
      worst = e;
  return worst;
}

/// The source of a figure and how far it can be trusted.
struct Provenance {
  Evidence evidence = Evidence::assumed;
  /// Citation, e.g. "DeepSeek-V3 technical report (arXiv 2412.19437), Table 1".
  std::string source;

  friend bool operator==(const Provenance&, const Provenance&) = default;
};

/// A figure from a primary source (paper, model card, vendor sheet).
inline Provenance published(std::string source) {
  return {Evidence::published, std::move(source)};
}
/// A figure from an analyst or the press.
inline Provenance analyst_estimate(std::string source) {
  return {Evidence::analyst_estimate, std::move(source)};
}
/// A figure derived by arithmetic from other tagged figures.
inline Provenance derived(std::string how) {
  return {Evidence::derived, std::move(how)};
}
/// A figure computed from others: derived when every input is published or
/// derived, otherwise as weak as its weakest input — a cost computed from an
/// assumed price is an assumption, from an analyst's price an estimate.
inline Provenance derived_from(std::initializer_list<Evidence> inputs, std::string how) {
  return {weakest({weakest(inputs), Evidence::derived}), std::move(how)};
}
/// An assumption; the source says whose and why.
inline Provenance assumed(std::string why) {
  return {Evidence::assumed, std::move(why)};
}

/// A typed value together with its provenance.
template <class Q>
struct Sourced {
  Q value;
  Provenance provenance;
};

/// Pairs a value with its provenance.
template <class Q>
Sourced<Q> sourced(Q value, Provenance provenance) {
  return {value, std::move(provenance)};
}

}  // namespace traincost
