#pragma once
/// \file
/// The inputs of a fleet's operating cost that are not the fleet itself:
/// period, average draw, PUE, electricity price, maintenance share, staff
/// (Epoch AI's defaults, Cottier et al. 2024, arXiv 2405.21015; sources.md
/// §7), and the checks of the running assumptions the operating-cost and
/// ownership models share.

#include <cmath>
#include <optional>
#include <string_view>

#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// People who run the fleet: headcount x loaded cost per person-year.
struct FleetStaff {
  PersonCount headcount = people(0);
  Sourced<StaffRate> loaded_cost{usd_per_person_year(0), assumed("unset")};
};

/// Epoch AI's average GPU power draw during training, 0.75 of TDP [sources.md §7, P].
inline Sourced<double> epoch_average_draw() {
  return {0.75, published("Epoch AI (arXiv 2405.21015): average draw 0.75 of TDP for GPUs "
                          "(sources.md §7)")};
}

/// The inputs of an operating-cost estimate that are not the fleet itself.
struct OperatingAssumptions {
  /// Ownership period over which cost is counted (e.g. 4 years).
  Duration period = years(4);
  /// Average power draw as a fraction of peak, in (0, 1].
  Sourced<double> average_draw = epoch_average_draw();
  /// Power usage effectiveness, facility power / IT power, >= 1
  /// (Epoch: 1.1 hyperscaler, 1.25 otherwise, colocation 1.5-1.6).
  Sourced<double> pue{1.25, published("Epoch AI (arXiv 2405.21015): PUE 1.25 outside "
                                      "hyperscalers (sources.md §7)")};
  /// Electricity price, USD per kWh.
  Sourced<EnergyPrice> electricity{
      usd_per_kwh(0.0806),
      published("Epoch AI (arXiv 2405.21015): US industrial electricity $0.0806/kWh, 2023 "
                "(sources.md §7)")};
  /// Maintenance and support per year, as a share of hardware capex, in [0, 1).
  Sourced<double> maintenance_share_per_year{0.0, assumed("no maintenance line")};
  /// Optional staff line.
  std::optional<FleetStaff> staff;
};

namespace detail {

/// The names, in errors, of the running assumptions shared by the fleet
/// operating-cost and the ownership models.
struct RunningFields {
  std::string_view average_draw, pue, electricity, maintenance_share_per_year;
};

/// Checks the assumptions every running-cost model shares — average draw in
/// (0, 1], PUE >= 1, a non-negative electricity price, a maintenance share in
/// [0, 1) — naming them with `fields`.
inline void validate_running(const RunningFields& fields, const Sourced<double>& average_draw,
                             const Sourced<double>& pue, const Sourced<EnergyPrice>& electricity,
                             const Sourced<double>& maintenance_share_per_year) {
  require_unit_fraction(fields.average_draw, average_draw.value);
  if (!std::isfinite(pue.value) || pue.value < 1.0)
    fail_value(fields.pue, pue.value, "a PUE >= 1 (facility power / IT power can not be below 1)");
  require_non_negative(fields.electricity, in_usd_per_kwh(electricity.value),
                       "price in USD per kWh");
  require_share(fields.maintenance_share_per_year, maintenance_share_per_year.value);
}

}  // namespace detail

/// Checks operating assumptions; throws `traincost::Error` naming the bad field.
inline void validate_operating(const OperatingAssumptions& a) {
  detail::require_positive("operating.period_years", in_years(a.period), "number of years");
  detail::validate_running(
      {"operating.average_draw", "operating.pue", "operating.electricity_usd_per_kwh",
       "operating.maintenance_share_per_year"},
      a.average_draw, a.pue, a.electricity, a.maintenance_share_per_year);
  if (a.staff) {
    detail::require_non_negative("operating.staff.headcount", in_people(a.staff->headcount),
                                 "number of people");
    detail::require_non_negative("operating.staff.loaded_cost",
                                 in_usd_per_person_year(a.staff->loaded_cost.value),
                                 "cost in USD per person-year");
  }
}

}  // namespace traincost
