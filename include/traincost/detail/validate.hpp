#pragma once
/// \file
/// Checks shared by every model: each throws `traincost::Error` naming the
/// field, the value found and what was expected.

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost::detail {

/// A number as it should appear in an error message: shortest form that
/// round-trips well enough to recognise the input ("nan", "-1", "2.5e+06").
inline std::string format_value(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

/// The field of an element of a list as a structured path: the list's key,
/// the element's index and name, then `what` (omitted when empty), e.g.
/// `indexed_field("run.stages", 1, "context extension", "gpu_hours")` reads
/// "run.stages[1] (context extension).gpu_hours". Build it only on the
/// failure path: it allocates.
inline FieldPath indexed_field(const FieldPath& list, std::size_t index, std::string_view name,
                               std::string_view what) {
  FieldPath f = list.element(index, name);
  if (!what.empty())
    f = f.then(FieldPath(what));
  return f;
}

/// Throws `invalid_value` for `value` at `field`: the value as written and
/// what was expected are the error's parts. `field` is converted to a
/// `FieldPath` only here, on the failure path.
[[noreturn, gnu::cold, gnu::noinline]] inline void fail_value(const FieldPath& field, double value,
                                                              std::string_view expected) {
  throw Error(ErrorCode::invalid_value, field, format_value(value), std::string(expected));
}

// The checks below take the field as any type a `FieldPath` is made from (a
// literal, a string, a `FieldPath`); it is converted only when the check fails,
// so the passing path allocates nothing.

/// Requires a finite number, returning it.
template <class Field>
inline double require_finite(const Field& field, double v, std::string_view expected) {
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
template <class Field>
inline double require_positive(const Field& field, double v, std::string_view what) {
  if (!std::isfinite(v) || !(v > 0.0))
    fail_value(field, v, std::string("a positive ") += what);
  return v;
}

/// Requires a finite number >= 0.
template <class Field>
inline double require_non_negative(const Field& field, double v, std::string_view what) {
  if (!std::isfinite(v) || v < 0.0)
    fail_value(field, v, std::string("a non-negative ") += what);
  return v;
}

/// Requires a fraction in (0, 1], such as an MFU or a utilization.
template <class Field>
inline double require_unit_fraction(const Field& field, double v) {
  if (!std::isfinite(v) || !(v > 0.0) || v > 1.0)
    fail_value(field, v, "a fraction in (0, 1]");
  return v;
}

/// Requires a fraction in [0, 1), such as a share of cost that is not the whole.
template <class Field>
inline double require_share(const Field& field, double v) {
  if (!std::isfinite(v) || v < 0.0 || !(v < 1.0))
    fail_value(field, v, "a fraction in [0, 1)");
  return v;
}

/// Requires a positive whole number, such as a count of accelerators.
template <class Field>
inline double require_positive_whole(const Field& field, double v, std::string_view what) {
  if (!std::isfinite(v) || !(v >= 1.0) || std::floor(v) != v)
    fail_value(field, v, std::string("a positive whole number of ") += what);
  return v;
}

}  // namespace traincost::detail
