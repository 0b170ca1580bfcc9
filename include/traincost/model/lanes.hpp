#pragma once
/// \file
/// `Lanes`: a block of samples of one number, the value type a model is
/// evaluated on in Monte Carlo. A cost model is written once, over a value
/// type `V` (evaluator.hpp): with `V = double` it costs one point, typed,
/// validated, with provenance; with `V = Lanes` the very same arithmetic
/// costs `lane_count` samples at once. Boost.Units accepts any value type
/// with the arithmetic operators, so `quantity<usd, Lanes>` keeps the
/// dimension checks of the scalar model at no run-time cost.
///
/// Why a fixed-size array and not an Eigen expression: Boost.Units stores
/// the value of a product, so a lazy Eigen expression would be stored
/// referring to temporaries that are gone (Eigen's Pitfalls page). Eager
/// loops over a fixed trip count are vectorized by GCC at -O2 and keep the
/// types simple.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace traincost::model {

/// Samples per block of lanes; the Monte Carlo block size (a seed's meaning
/// depends on it, see uncertainty/sampler.hpp).
inline constexpr std::size_t lane_count = 1024;

/// `lane_count` values of one number, operated on element by element.
struct Lanes {
  std::array<double, lane_count> v;

  Lanes() = default;
  /// Every lane set to `x` (a constant of the model).
  explicit Lanes(double x) { v.fill(x); }

  double& operator[](std::size_t i) { return v[i]; }
  double operator[](std::size_t i) const { return v[i]; }

#define TRAINCOST_LANES_COMPOUND(op)             \
  Lanes& operator op##=(const Lanes& o) {        \
    for (std::size_t i = 0; i < lane_count; ++i) \
      v[i] op## = o.v[i];                        \
    return *this;                                \
  }                                              \
  Lanes& operator op##=(double x) {              \
    for (std::size_t i = 0; i < lane_count; ++i) \
      v[i] op## = x;                             \
    return *this;                                \
  }
  TRAINCOST_LANES_COMPOUND(+)
  TRAINCOST_LANES_COMPOUND(-)
  TRAINCOST_LANES_COMPOUND(*)
  TRAINCOST_LANES_COMPOUND(/)
#undef TRAINCOST_LANES_COMPOUND
};

#define TRAINCOST_LANES_BINARY(op)                     \
  inline Lanes operator op(Lanes a, const Lanes& b) {  \
    return a op## = b;                                 \
  }                                                    \
  inline Lanes operator op(Lanes a, double b) {        \
    return a op## = b;                                 \
  }                                                    \
  inline Lanes operator op(double a, const Lanes& b) { \
    Lanes r;                                           \
    for (std::size_t i = 0; i < lane_count; ++i)       \
      r.v[i] = a op b.v[i];                            \
    return r;                                          \
  }
TRAINCOST_LANES_BINARY(+)
TRAINCOST_LANES_BINARY(-)
TRAINCOST_LANES_BINARY(*)
TRAINCOST_LANES_BINARY(/)
#undef TRAINCOST_LANES_BINARY

inline Lanes operator-(Lanes a) {
  for (auto& x : a.v)
    x = -x;
  return a;
}
inline Lanes operator+(const Lanes& a) {
  return a;
}

/// Element-wise maximum; `max(x, 0.0)` clamps a value that may round below zero.
inline Lanes max(Lanes a, double b) {
  for (auto& x : a.v)
    x = std::max(x, b);
  return a;
}
/// The scalar counterpart, so that one model body serves both value types.
inline double max(double a, double b) {
  return std::max(a, b);
}

/// Whether every one of the first `n` lanes is finite.
inline bool all_finite(const Lanes& a, std::size_t n = lane_count) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(a.v[i]))
      return false;
  return true;
}

}  // namespace traincost::model
