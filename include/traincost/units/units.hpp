#pragma once
/// \file
/// The whole unit vocabulary of traincost, as one include: base dimensions
/// and the unit system (system.hpp), a named type for every public quantity
/// (quantities.hpp), and the makers (makers.hpp) and readers (readers.hpp)
/// that are the only way a raw number enters or leaves a quantity.
///
/// Users never spell `boost::units::` types; they use the aliases (`Money`,
/// `GpuTime`, ...) and the makers (`usd(2.0)`, `gpu_hours(2.788e6)`), and read
/// numbers back with `in_usd(q)` and friends.
///
/// Canonical storage: time in seconds, energy in joules, power in watts,
/// money in US dollars, counts as plain counts. Hours, days, kWh and TFLOP/s
/// exist only at the edges (the makers and readers), so that products such as
/// `price * usage` simplify to dollars instead of printing `s h^-1 USD`.

#include "traincost/units/makers.hpp"
#include "traincost/units/quantities.hpp"
#include "traincost/units/readers.hpp"
#include "traincost/units/run_rates.hpp"
#include "traincost/units/system.hpp"
