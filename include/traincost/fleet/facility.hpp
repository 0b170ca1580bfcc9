#pragma once
/// \file
/// Where a fleet's servers sit: nowhere counted, a datacenter built (capex
/// per MW of IT capacity) or colocation space rented (opex per kW of IT
/// capacity per month) — one small struct per kind, and `Facility` the
/// variant of them.

#include <variant>

#include "traincost/core/provenance.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// No facility line.
struct NoFacility {
  Provenance provenance;
};

/// A datacenter built at a cost per MW of IT capacity (a capex line).
struct FacilityBuilt {
  PowerCapacityPrice build_cost = usd_per_megawatt(0);  ///< USD per MW of IT power
  Provenance provenance;
};

/// Colocation at a price per kW of IT capacity per month (an operating line).
struct FacilityColocated {
  EnergyPrice colocation_price = usd_per_kilowatt_month(0);  ///< USD per kW-month
  Provenance provenance;
};

/// Where the servers sit; `NoFacility` by default.
using Facility = std::variant<NoFacility, FacilityBuilt, FacilityColocated>;

/// Where the facility figure comes from, whatever its kind.
inline const Provenance& provenance_of(const Facility& f) {
  return std::visit([](const auto& k) -> const Provenance& { return k.provenance; }, f);
}

}  // namespace traincost
