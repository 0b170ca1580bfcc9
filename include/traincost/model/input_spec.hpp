#pragma once
/// \file
/// What a model says about each number it reads: the bound it must respect
/// and how to show it to people. A range drawn for Monte Carlo is checked
/// against the same bound as a typed input, and every message shows the
/// value in the unit people write it in (USD per GPU-hour, not USD per
/// GPU-second).

#include <cmath>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost::model {

/// The values a model accepts for an input.
enum class Bound {
  any_finite,      ///< any finite number
  positive,        ///< > 0
  non_negative,    ///< >= 0
  unit_fraction,   ///< in (0, 1], e.g. an MFU
  share,           ///< in [0, 1), a part that is not the whole
  at_least_one,    ///< >= 1, e.g. a multiplier over a final run
  positive_whole,  ///< 1, 2, 3 ... e.g. accelerators
};

/// Whether `v` is within `b`.
inline bool within(Bound b, double v) {
  if (!std::isfinite(v))
    return false;
  switch (b) {
    case Bound::any_finite:
      return true;
    case Bound::positive:
      return v > 0.0;
    case Bound::non_negative:
      return v >= 0.0;
    case Bound::unit_fraction:
      return v > 0.0 && v <= 1.0;
    case Bound::share:
      return v >= 0.0 && v < 1.0;
    case Bound::at_least_one:
      return v >= 1.0;
    case Bound::positive_whole:
      return v >= 1.0 && std::floor(v) == v;
  }
  return false;
}

/// The index of the first of `n` values outside `b`, or `n` when all are
/// within. Written to vectorize: the range of the values is found in one
/// pass (NaN flagged on the way), and values are looked at one by one only
/// when that range, or a whole-number bound, says one may be out.
inline std::size_t first_outside(Bound b, const double* p, std::size_t n) {
  double lo = p[0], hi = p[0];
  bool nan = false;
  for (std::size_t i = 0; i < n; ++i) {
    lo = p[i] < lo ? p[i] : lo;
    hi = p[i] > hi ? p[i] : hi;
    nan |= p[i] != p[i];
  }
  if (!nan && within(b, lo) && within(b, hi) && b != Bound::positive_whole)
    return n;  // every bound is an interval: its ends bound the rest
  for (std::size_t i = 0; i < n; ++i)
    if (!within(b, p[i]))
      return i;
  return n;
}

/// How an input is read and shown: its bound, a noun phrase for messages
/// ("number of GPU-hours"), the unit label for tables ("GPU-hours") and the
/// conversion from canonical units to that unit (identity when null).
struct InputSpec {
  Bound bound = Bound::any_finite;
  std::string_view what = "number";
  std::string_view unit = "";
  double (*shown)(double canonical) = nullptr;

  /// A canonical value in the unit people write.
  double show(double canonical) const { return shown ? shown(canonical) : canonical; }

  /// "a positive number of GPU-hours", "a fraction in (0, 1]" ...
  std::string expected() const {
    const std::string w(what);
    switch (bound) {
      case Bound::any_finite:
        return "a finite " + w;
      case Bound::positive:
        return "a positive " + w;
      case Bound::non_negative:
        return "a non-negative " + w;
      case Bound::unit_fraction:
        return "a fraction in (0, 1]";
      case Bound::share:
        return "a fraction in [0, 1)";
      case Bound::at_least_one:
        return "a " + w + " >= 1";
      case Bound::positive_whole:
        return "a positive whole number of " + w;
    }
    traincost::detail::fail_enum_value("model::Bound", static_cast<long long>(bound));
  }
};

/// A unique tag per quantity type, so that a range given by name can be
/// checked against the dimension of the input it reaches.
template <class Q>
inline const void* dimension_tag() {
  static const char tag = 0;
  return &tag;
}

}  // namespace traincost::model
