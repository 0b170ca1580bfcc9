#pragma once
/// \file
/// Fleet operating cost over an ownership period, and total cost of
/// ownership (capex + operating cost). Scopes: `Scope::fleet_operating` and
/// `Scope::fleet_tco`.
///
/// Energy follows Epoch AI (Cottier et al. 2024, arXiv 2405.21015; sources.md
/// §7): chip TDP x server-to-chip power ratio x average draw x PUE x hours x
/// price per kWh. The fleet is taken to run for the whole period (the
/// four-year "TCO" of the SemiAnalysis chart), so hours = period.
/// Facility: colocation rent per kW of peak IT power per month, for the
/// period (a built facility is capex instead). Maintenance: a share of the
/// hardware capex per year. Staff, when given: headcount x loaded cost x period.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/breakdown.hpp"
#include "traincost/capex.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet.hpp"
#include "traincost/provenance.hpp"
#include "traincost/scope.hpp"
#include "traincost/units.hpp"

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

/// The operating cost of one holding over the period.
struct HoldingOperatingCost {
  std::string label;
  Power it_power = watts(0);  ///< peak IT power of the holding's servers
  Energy energy = joules(0);  ///< drawn from the grid over the period (incl. PUE)
  Money energy_cost = usd(0);
  Money facility = usd(0);     ///< colocation rent for the holding's IT power
  Money maintenance = usd(0);  ///< share of the holding's capex x years
  Money total = usd(0);
};

/// The operating cost of a fleet over a period.
struct FleetOperatingCost {
  std::string name;
  Duration period = years(0);
  std::vector<HoldingOperatingCost> holdings;
  Energy energy = joules(0);
  Money energy_cost = usd(0);
  Money facility = usd(0);
  Money maintenance = usd(0);         ///< holdings' plus shared hardware's
  Money shared_maintenance = usd(0);  ///< on shared network and storage
  Money staff = usd(0);
  Money total = usd(0);
  Provenance electricity_provenance;
  Provenance facility_provenance;
  Provenance maintenance_provenance;
  Provenance staff_provenance;

  /// The holding with this label, or nullptr.
  const HoldingOperatingCost* find(std::string_view label) const {
    for (const auto& h : holdings)
      if (h.label == label)
        return &h;
    return nullptr;
  }

  /// The operating cost as a tree by item: energy, facility, maintenance,
  /// staff; energy, facility and maintenance split by holding.
  LineItem breakdown() const {
    const auto by_holding = [&](std::string label, Money amount, Provenance p,
                                Money HoldingOperatingCost::*field) {
      LineItem item{std::move(label), amount, Scope::fleet_operating, std::move(p), {}};
      for (const auto& h : holdings)
        item.children.push_back(
            LineItem{h.label, h.*field, Scope::fleet_operating, derived("holding's share"), {}});
      return item;
    };
    LineItem root{name + " operating cost",
                  total,
                  Scope::fleet_operating,
                  derived("energy + facility + maintenance + staff over the period"),
                  {}};
    root.children.push_back(
        by_holding("energy", energy_cost,
                   derived("IT power x average draw x PUE x hours x price; price " +
                           std::string(tag(electricity_provenance.evidence)) + " (" +
                           electricity_provenance.source + ")"),
                   &HoldingOperatingCost::energy_cost));
    if (facility > usd(0))
      root.children.push_back(by_holding("facility (colocation)", facility, facility_provenance,
                                         &HoldingOperatingCost::facility));
    if (maintenance > usd(0)) {
      LineItem m = by_holding("maintenance", maintenance, maintenance_provenance,
                              &HoldingOperatingCost::maintenance);
      if (shared_maintenance > usd(0))
        m.children.push_back(LineItem{"shared network and storage",
                                      shared_maintenance,
                                      Scope::fleet_operating,
                                      maintenance_provenance,
                                      {}});
      root.children.push_back(std::move(m));
    }
    if (staff > usd(0))
      root.children.push_back(
          LineItem{"staff", staff, Scope::fleet_operating, staff_provenance, {}});
    return root;
  }
};

/// Checks operating assumptions; throws `traincost::Error` naming the bad field.
inline void validate_operating(const OperatingAssumptions& a) {
  detail::check_positive("operating.period_years", in_years(a.period), "number of years");
  detail::check_unit_fraction("operating.average_draw", a.average_draw.value);
  if (!std::isfinite(a.pue.value) || a.pue.value < 1.0)
    detail::fail_value("operating.pue", a.pue.value,
                       "a PUE >= 1 (facility power / IT power can not be below 1)");
  detail::check_non_negative("operating.electricity_usd_per_kwh",
                             in_usd_per_kwh(a.electricity.value), "price in USD per kWh");
  detail::check_share("operating.maintenance_share_per_year", a.maintenance_share_per_year.value);
  if (a.staff) {
    detail::check_non_negative("operating.staff.headcount", in_people(a.staff->headcount),
                               "number of people");
    detail::check_non_negative("operating.staff.loaded_cost",
                               in_usd_per_person_year(a.staff->loaded_cost.value),
                               "cost in USD per person-year");
  }
}

/// Energy a holding draws from the grid over `period`: IT power x draw x PUE x time.
inline Energy holding_energy(const Holding& h, const OperatingAssumptions& a) {
  return it_power(h) * a.average_draw.value * a.pue.value * a.period;
}

/// The operating cost of a fleet whose capex is already known.
inline FleetOperatingCost fleet_operating_cost(const Fleet& fleet, const FleetCapex& capex,
                                               const OperatingAssumptions& a) {
  validate_fleet(fleet);
  validate_operating(a);
  if (capex.holdings.size() != fleet.holdings.size())
    throw Error(ErrorCode::invalid_input, "capex",
                "the capex has " + std::to_string(capex.holdings.size()) +
                    " holdings and the fleet " + std::to_string(fleet.holdings.size()) +
                    "; expected the capex of this fleet");
  const double period_years = in_years(a.period);
  const double maintenance = a.maintenance_share_per_year.value;

  FleetOperatingCost out;
  out.name = fleet.name;
  out.period = a.period;
  out.electricity_provenance = a.electricity.provenance;
  out.facility_provenance = fleet.facility.provenance;
  out.maintenance_provenance = a.maintenance_share_per_year.provenance;
  out.holdings.reserve(fleet.holdings.size());
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    HoldingOperatingCost oc;
    oc.label = h.label;
    oc.it_power = it_power(h);
    oc.energy = holding_energy(h, a);
    oc.energy_cost = oc.energy * a.electricity.value;
    if (fleet.facility.kind == Facility::Kind::colocated)
      oc.facility = fleet.facility.colocation_price * oc.it_power * a.period;
    oc.maintenance = capex.holdings[i].total * (maintenance * period_years);
    oc.total = oc.energy_cost + oc.facility + oc.maintenance;
    out.energy += oc.energy;
    out.energy_cost += oc.energy_cost;
    out.facility += oc.facility;
    out.maintenance += oc.maintenance;
    out.holdings.push_back(std::move(oc));
  }
  // Shared hardware (a fixed network, storage) is maintained too; the
  // facility build is a building, not hardware, and is left out.
  out.shared_maintenance = (capex.shared_network + capex.storage) * (maintenance * period_years);
  out.maintenance += out.shared_maintenance;
  if (a.staff) {
    out.staff = a.staff->loaded_cost.value * a.staff->headcount * a.period;
    out.staff_provenance = a.staff->loaded_cost.provenance;
  }
  out.total = out.energy_cost + out.facility + out.maintenance + out.staff;
  return out;
}

/// The operating cost of a fleet over the period of `a`.
inline FleetOperatingCost fleet_operating_cost(const Fleet& fleet, const OperatingAssumptions& a) {
  return fleet_operating_cost(fleet, fleet_capex(fleet), a);
}

/// Total cost of ownership: capex plus operating cost over the period.
struct FleetTco {
  FleetCapex capex;
  FleetOperatingCost operating;
  Money total = usd(0);

  /// A `fleet_tco` root with the capex and operating trees as children.
  LineItem breakdown() const {
    LineItem root{
        capex.name + " TCO over " + detail::format_value(in_years(operating.period)) + " years",
        total,
        Scope::fleet_tco,
        derived("capex + operating cost over the period"),
        {}};
    root.children.push_back(capex.breakdown());
    root.children.push_back(operating.breakdown());
    return root;
  }
};

/// The total cost of ownership of a fleet over the period of `a`.
inline FleetTco fleet_tco(const Fleet& fleet, const OperatingAssumptions& a) {
  FleetTco t;
  t.capex = fleet_capex(fleet);
  t.operating = fleet_operating_cost(fleet, t.capex, a);
  t.total = t.capex.total + t.operating.total;
  return t;
}

}  // namespace traincost
