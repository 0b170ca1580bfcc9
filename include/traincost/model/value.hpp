#pragma once
/// \file
/// Quantities over a value type: `Val<V, Q>` is the quantity `Q` (say
/// `Money`) holding a `V` — one `double` for a point, `Lanes` for a block of
/// samples. A model body written with `Val<V, ...>` compiles for both, with
/// the same dimension checks: adding GPU-hours to dollars fails to compile
/// whichever `V` it is.

#include <boost/units/quantity.hpp>

#include "traincost/model/lanes.hpp"
#include "traincost/units/units.hpp"

namespace traincost::model {

namespace value_detail {
template <class V, class Q>
struct rebind {
  using type = boost::units::quantity<typename Q::unit_type, V>;
};
/// Plain ratios (MFU, shares, multipliers) stay plain numbers.
template <class V>
struct rebind<V, double> {
  using type = V;
};
}  // namespace value_detail

/// The quantity `Q` with value type `V` (`double` or `Lanes`); `double` for `Q = double`.
template <class V, class Q>
using Val = typename value_detail::rebind<V, Q>::type;

/// The canonical number of a quantity (or the number itself for a ratio).
template <class Q>
inline double canonical(const Q& q) {
  if constexpr (std::is_same_v<Q, double>)
    return q;
  else
    return q.value();
}

/// The quantity `Q` over `V` whose every value is the canonical number `x`.
template <class Q, class V>
inline Val<V, Q> from_canonical_as(V x) {
  if constexpr (std::is_same_v<Q, double>)
    return x;
  else
    return Val<V, Q>::from_value(std::move(x));
}

/// `q` as a constant of a model over `V`: itself for a point, every lane for a block.
template <class V, class Q>
inline Val<V, Q> constant(const Q& q) {
  if constexpr (std::is_same_v<V, double>)
    return q;
  else
    return from_canonical_as<Q>(V(canonical(q)));
}

/// The canonical values held by a quantity over `V` (the lanes, or the number).
template <class V, class Q>
inline const V& values_of(const Val<V, Q>& q) {
  if constexpr (std::is_same_v<Q, double>)
    return q;
  else
    return q.value();
}

/// A plain number over `V`: `x` itself for a point, broadcast for a block.
template <class V>
inline V number(double x) {
  return V(x);
}

}  // namespace traincost::model
