#pragma once
/// \file
/// The input specs of the fleet models (capex, operating cost, TCO,
/// ownership cost per GPU-hour) that model/specs.hpp does not already state.
/// Each bound is the one the typed validation of that input applies
/// (validate_fleet, validate_operating, validate_ownership), so that a drawn
/// value is accepted exactly when a typed one would be.

#include "traincost/model/input_spec.hpp"
#include "traincost/model/specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost::model::specs {

namespace shown {
inline constexpr double (*per_person_year)(double) = [](double v) {
  return v * unit_scale::seconds_per_year;
};
}  // namespace shown

/// A holding's quoted price in US dollars (per GPU or per server).
inline constexpr InputSpec usd_price{Bound::positive, "price in USD", "USD", nullptr};
/// A holding's quoted price in yuan (per GPU or per server).
inline constexpr InputSpec cny_price{Bound::positive, "price in CNY", "CNY", nullptr};
/// Server price / GPU price, applied to a per-GPU price.
inline constexpr InputSpec server_overhead{Bound::at_least_one, "server-to-GPU price ratio",
                                           "x GPU price", nullptr};
/// Server wall power / chip TDP.
inline constexpr InputSpec server_to_chip_power{Bound::positive, "server-to-chip power ratio",
                                                "x TDP", nullptr};
/// An accelerator's TDP (the holding's override or the catalog's).
inline constexpr InputSpec tdp{Bound::positive, "TDP in W", "W per accelerator", nullptr};
/// A measured power of one whole server.
inline constexpr InputSpec server_power{Bound::positive, "server power in W", "W", nullptr};
/// Average power draw as a fraction of peak.
inline constexpr InputSpec average_draw{Bound::unit_fraction, "average draw", "of peak power",
                                        nullptr};
/// An electricity price; free power (0) is allowed, as in the typed check.
inline constexpr InputSpec electricity_price{Bound::non_negative, "price in USD per kWh",
                                             "USD per kWh", shown::per_kwh};
/// A colocation rent in an ownership estimate (0 allowed, as in the typed check).
inline constexpr InputSpec colocation_price{Bound::non_negative, "price in USD per kW-month",
                                            "USD per kW-month", shown::per_kw_month};
/// A per-year share of capex spent on maintenance.
inline constexpr InputSpec maintenance_share{Bound::share, "maintenance share per year",
                                             "of capex per year", nullptr};
/// The people who run a fleet (none allowed).
inline constexpr InputSpec fleet_headcount{Bound::non_negative, "number of people", "people",
                                           nullptr};
/// Their loaded cost (0 allowed, as in the typed check).
inline constexpr InputSpec loaded_cost{Bound::non_negative, "cost in USD per person-year",
                                       "USD per person-year", shown::per_person_year};
/// All-in capex of one accelerator.
inline constexpr InputSpec capex_per_accelerator{Bound::positive, "USD price",
                                                 "USD per accelerator", nullptr};
/// A straight-line depreciation life.
inline constexpr InputSpec depreciation_life{Bound::positive, "number of years", "years",
                                             shown::years};
/// A continuous depreciation rate per year.
inline constexpr InputSpec depreciation_rate{Bound::positive, "rate per year", "per year", nullptr};
/// Share of wall-clock hours an accelerator does useful work.
inline constexpr InputSpec utilization{Bound::unit_fraction, "utilization", "utilization", nullptr};
/// Server power per accelerator in an ownership estimate.
inline constexpr InputSpec power_per_accelerator{Bound::positive, "power in W per accelerator",
                                                 "W per accelerator", nullptr};

}  // namespace traincost::model::specs
