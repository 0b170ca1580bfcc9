#pragma once
/// \file
/// The one crossing between typed quantities and the plain numbers that Monte
/// Carlo works on. Eigen arrays hold values in the facade's canonical units
/// (USD, seconds, USD per accelerator-second ...); these two functions move a
/// quantity into and out of that representation and nothing else does.
///
/// Why not Boost.Units inside Eigen: an Eigen array of `quantity<...>` loses
/// vectorization and gives unreadable errors; the architecture keeps the two
/// apart and converts at the boundary (docs: architecture.md, "Units").

#include "traincost/units/units.hpp"

namespace traincost::uncertainty {

/// The number a quantity is stored as, in the facade's canonical units,
/// e.g. `to_canonical(usd_per_gpu_hour(2.0)) == 2.0 / 3600` (USD per GPU-second).
template <class Q>
inline double to_canonical(const Q& q) {
  return units_detail::read(q);
}

/// The quantity of type `Q` whose canonical value is `v`; the inverse of
/// `to_canonical`, e.g. `in_usd(from_canonical<Money>(x))`.
template <class Q>
inline Q from_canonical(double v) {
  return units_detail::make<Q>(v);
}

}  // namespace traincost::uncertainty
