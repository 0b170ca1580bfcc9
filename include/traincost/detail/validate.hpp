#pragma once
/// \file
/// Checks shared by every model: each throws `traincost::Error` naming the
/// field, the value found and what was expected.

#include <cmath>
#include <sstream>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost::detail {

/// A number as it should appear in an error message: shortest form that
/// round-trips well enough to recognise the input ("nan", "-1", "2.5e+06").
inline std::string format_value(double v) {
  std::ostringstream os;
  os.precision(10);
  os << v;
  return os.str();
}

/// The field name of an element of a list, e.g. "run.stages[1] (context
/// extension).gpu_hours". Build it only on the failure path: it allocates.
inline std::string indexed_field(std::string_view list, std::size_t index, std::string_view name,
                                 std::string_view what) {
  std::string f(list);
  f += "[" + std::to_string(index) + "]";
  if (!name.empty())
    ((f += " (") += name) += ")";
  if (!what.empty())
    (f += ".") += what;
  return f;
}

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_value(std::string_view field, double value,
                                                              std::string_view expected) {
  throw Error(ErrorCode::invalid_value, FieldPath(field), format_value(value),
              std::string(expected));
}

/// Requires a finite number, returning it.
inline double require_finite(std::string_view field, double v, std::string_view expected) {
  if (!std::isfinite(v))
    fail_value(field, v, expected);
  return v;
}

/// Whether `v` is a finite number > 0 (false for NaN).
inline bool is_positive(double v) {
  return std::isfinite(v) && v > 0.0;
}

/// Requires a finite number > 0. `what` describes the expected quantity,
/// e.g. "USD per GPU-hour".
inline double require_positive(std::string_view field, double v, std::string_view what) {
  if (!std::isfinite(v) || !(v > 0.0))
    fail_value(field, v, std::string("a positive ") += what);
  return v;
}

/// Requires a finite number >= 0.
inline double require_non_negative(std::string_view field, double v, std::string_view what) {
  if (!std::isfinite(v) || v < 0.0)
    fail_value(field, v, std::string("a non-negative ") += what);
  return v;
}

/// Requires a fraction in (0, 1], such as an MFU or a utilization.
inline double require_unit_fraction(std::string_view field, double v) {
  if (!std::isfinite(v) || !(v > 0.0) || v > 1.0)
    fail_value(field, v, "a fraction in (0, 1]");
  return v;
}

/// Requires a fraction in [0, 1), such as a share of cost that is not the whole.
inline double require_share(std::string_view field, double v) {
  if (!std::isfinite(v) || v < 0.0 || !(v < 1.0))
    fail_value(field, v, "a fraction in [0, 1)");
  return v;
}

/// Requires a positive whole number, such as a count of accelerators.
inline double require_positive_whole(std::string_view field, double v, std::string_view what) {
  if (!std::isfinite(v) || !(v >= 1.0) || std::floor(v) != v)
    fail_value(field, v, std::string("a positive whole number of ") += what);
  return v;
}

}  // namespace traincost::detail
