#pragma once
/// \file
/// The bounds on inputs that are not physical laws but sanity limits, in one
/// place: the library's validators and the scenario reader both check these,
/// so one wrong value gets one message whether it comes from C++ or a file.
/// Each bound says why it is where it is.

#include <cmath>
#include <string>

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"

namespace traincost::limits {

/// Most accelerators in one cluster or holding. The largest clusters built
/// or announced hold a few hundred thousand to a few million accelerators;
/// 1e9 leaves three orders of magnitude of headroom while a count stays an
/// exact whole number in a double and a count times a price per accelerator
/// stays far from overflow.
inline constexpr double max_accelerators = 1e9;

/// Most accelerators in one server (or rack-scale system priced as one). The
/// largest rack-scale systems sold join 72 to 576 accelerators; 1024 admits
/// them and refuses a count that is clearly the size of a cluster.
inline constexpr double max_accelerators_per_server = 1024;

/// Earliest year of an accelerator's introduction or purchase: no
/// accelerator used to train neural networks at scale predates it, so an
/// earlier year is a typo (e.g. 199 for 1990s hardware, or 0 meant as unknown).
inline constexpr int min_year = 1990;
/// Latest such year: a plan may buy hardware years ahead, but a year beyond
/// this is a typo (20250 for 2025).
inline constexpr int max_year = 2100;

/// Most layers of a model's attention shape: today's largest models have
/// about a hundred; a million is a typo, not a plan.
inline constexpr double max_layers = 1e6;
/// Widest attention (channels): a billion is far above any model (about 1e4
/// to 1e5) and keeps width x sequence length x layers finite.
inline constexpr double max_attention_width = 1e9;

/// The smallest positive input accepted where an input must be positive:
/// products and unit conversions of a few inputs never underflow to zero
/// (4.9e-324 used to fail as "got 0" while 1e-308 printed $0).
inline constexpr double min_positive = 1e-60;

/// What a count of accelerators must be, as error messages say it.
inline std::string accelerator_count_expected() {
  return "a positive whole number of accelerators, at most " +
         detail::format_value(max_accelerators);
}

/// Whether `count` is a whole number of accelerators from 1 to
/// `max_accelerators` (no allocation: callers build a field only when not).
inline bool is_accelerator_count(double count) {
  return std::isfinite(count) && std::floor(count) == count && count >= 1 &&
         count <= max_accelerators;
}

/// Whether `count` is a whole number from 1 to `max_accelerators_per_server`.
inline bool is_accelerators_per_server(double count) {
  return std::isfinite(count) && std::floor(count) == count && count >= 1 &&
         count <= max_accelerators_per_server;
}

/// Requires a whole number of accelerators from 1 to `max_accelerators`;
/// returns it. Throws `invalid_value` naming `field`.
inline double require_accelerator_count(const FieldPath& field, double count) {
  if (!std::isfinite(count) || std::floor(count) != count || count < 1 || count > max_accelerators)
    throw Error(ErrorCode::invalid_value, field, detail::format_value(count),
                accelerator_count_expected());
  return count;
}

/// Requires a whole number of accelerators per server from 1 to
/// `max_accelerators_per_server`; returns it.
inline double require_accelerators_per_server(const FieldPath& field, double count) {
  if (!is_accelerators_per_server(count))
    throw Error(ErrorCode::invalid_value, field, detail::format_value(count),
                "a whole number of accelerators per server from 1 to " +
                    detail::format_value(max_accelerators_per_server));
  return count;
}

/// Requires a year from `min_year` to `max_year`; returns it.
inline int require_year(const FieldPath& field, double year) {
  if (!std::isfinite(year) || std::floor(year) != year || year < min_year || year > max_year)
    throw Error(ErrorCode::invalid_value, field, detail::format_value(year),
                "a year from " + std::to_string(min_year) + " to " + std::to_string(max_year));
  return static_cast<int>(year);
}

}  // namespace traincost::limits
