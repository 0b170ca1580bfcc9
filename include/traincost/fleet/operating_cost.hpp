#pragma once
/// \file
/// Fleet operating cost over an ownership period. Scope:
/// `Scope::fleet_operating`. The assumptions are in operating_assumptions.hpp;
/// this header also includes tco.hpp (capex + operating cost), so the old
/// include keeps giving `cost_fleet_tco`.
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

#include "traincost/core/breakdown.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_assumptions.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/fleet_specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// The operating cost of one holding over the period.
struct HoldingOperatingCost {
  std::string label;
  Power it_power = watts(0);  ///< peak IT power of the holding's servers
  Energy energy = joules(0);  ///< drawn from the grid over the period (incl. PUE)
  Money energy_cost = usd(0);
  Money facility = usd(0);     ///< colocation rent for the holding's IT power
  Money maintenance = usd(0);  ///< share of the holding's capex x years
  Money total = usd(0);
  /// How far the holding's power can be trusted (its TDP's `tdp_evidence`, a
  /// measured server power's ...): see `server_power_evidence`.
  Evidence power_evidence = Evidence::assumed;
  /// How far the holding's capex (what maintenance is a share of) can be trusted.
  Evidence capex_evidence = Evidence::assumed;
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
  Provenance average_draw_provenance;
  Provenance pue_provenance;
  /// How far the shared network and storage (maintained too) can be trusted.
  Evidence shared_hardware_evidence = Evidence::published;

  /// How far the energy line can be trusted: the weakest of every holding's
  /// power, the average draw, the PUE and the electricity price.
  Evidence energy_evidence() const {
    Evidence e = weakest({average_draw_provenance.evidence, pue_provenance.evidence,
                          electricity_provenance.evidence});
    for (const auto& h : holdings)
      e = weakest({e, h.power_evidence});
    return e;
  }

  /// The operating cost of the holding with this label. Throws
  /// `traincost::Error` (`ErrorCode::unknown_name`, field
  /// "operating.holdings") listing the labels.
  const HoldingOperatingCost& at(std::string_view label) const {
    return detail::at_label(holdings, label, "operating.holdings");
  }
  /// Whether there is a holding with this label.
  bool contains(std::string_view label) const { return detail::contains_label(holdings, label); }

  /// The operating cost as a tree by item: energy, facility, maintenance,
  /// staff; energy, facility and maintenance split by holding. Each line is
  /// as trustworthy as its weakest input: energy from an H800, whose TDP is an
  /// assumption [?], is an assumption too.
  LineItem breakdown() const {
    LineItem root{name + " operating cost", total, Scope::fleet_operating, {}, {}};
    Evidence weakest_line = Evidence::published;
    const auto add = [&](LineItem item) {
      weakest_line = weakest({weakest_line, item.provenance.evidence});
      root.children.push_back(std::move(item));
    };
    const Evidence running = weakest({average_draw_provenance.evidence, pue_provenance.evidence,
                                      electricity_provenance.evidence});
    LineItem energy_line{
        "energy",
        energy_cost,
        Scope::fleet_operating,
        derived_from({energy_evidence()}, "IT power x average draw x PUE x hours x price; price " +
                                              std::string(tag(electricity_provenance.evidence)) +
                                              " (" + electricity_provenance.source + ")"),
        {}};
    for (const auto& h : holdings)
      energy_line.children.push_back(
          LineItem{h.label,
                   h.energy_cost,
                   Scope::fleet_operating,
                   derived_from({h.power_evidence, running},
                                "holding's share; power " + std::string(tag(h.power_evidence))),
                   {}});
    add(std::move(energy_line));
    if (facility > usd(0)) {
      // Rent is billed on peak IT power, so it is as weak as the power too.
      LineItem f{"facility (colocation)", facility, Scope::fleet_operating, {}, {}};
      Evidence e = facility_provenance.evidence;
      for (const auto& h : holdings) {
        e = weakest({e, h.power_evidence});
        f.children.push_back(
            LineItem{h.label,
                     h.facility,
                     Scope::fleet_operating,
                     derived_from({facility_provenance.evidence, h.power_evidence},
                                  "holding's share: its peak IT power x price x months"),
                     {}});
      }
      f.provenance =
          derived_from({e}, "peak IT power x price x months; " + facility_provenance.source);
      add(std::move(f));
    }
    if (maintenance > usd(0)) {
      LineItem m{"maintenance", maintenance, Scope::fleet_operating, {}, {}};
      Evidence e = maintenance_provenance.evidence;
      for (const auto& h : holdings) {
        e = weakest({e, h.capex_evidence});
        m.children.push_back(
            LineItem{h.label,
                     h.maintenance,
                     Scope::fleet_operating,
                     derived_from({maintenance_provenance.evidence, h.capex_evidence},
                                  "holding's share: its capex x share per year x years"),
                     {}});
      }
      if (shared_maintenance > usd(0)) {
        e = weakest({e, shared_hardware_evidence});
        m.children.push_back(
            LineItem{"shared network and storage",
                     shared_maintenance,
                     Scope::fleet_operating,
                     derived_from({maintenance_provenance.evidence, shared_hardware_evidence},
                                  "their capex x share per year x years"),
                     {}});
      }
      m.provenance =
          derived_from({e}, "capex x share per year x years; " + maintenance_provenance.source);
      add(std::move(m));
    }
    if (staff > usd(0))
      add(LineItem{"staff", staff, Scope::fleet_operating, staff_provenance, {}});
    root.provenance =
        derived_from({weakest_line}, "energy + facility + maintenance + staff over the period");
    return root;
  }
};

/// One holding's operating figures over a value type `V`.
template <class V>
struct HoldingOperatingValues {
  model::Val<V, Power> it_power;
  model::Val<V, Energy> energy;
  model::Val<V, Money> energy_cost;
  model::Val<V, Money> facility;
  model::Val<V, Money> maintenance;
  model::Val<V, Money> total;
};

/// A fleet's operating figures over a value type `V`.
template <class V>
struct OperatingValues {
  std::vector<HoldingOperatingValues<V>> holdings;
  model::Val<V, Energy> energy;
  model::Val<V, Money> energy_cost;
  model::Val<V, Money> facility;
  model::Val<V, Money> maintenance;
  model::Val<V, Money> shared_maintenance;
  model::Val<V, Money> staff;
  model::Val<V, Money> total;
};

/// The one definition of a fleet's operating cost over a period, over any
/// evaluator, given the fleet's capex figures (`evaluate_fleet_capex`, or a
/// typed capex's): per holding, IT power x draw x PUE x period x price per
/// kWh (Epoch AI), colocation rent on peak IT power, maintenance as a share
/// of its capex per year; maintenance of the shared network and storage;
/// staff. Reads under `root`: "operating.period", "operating.average_draw",
/// "operating.pue", "operating.electricity",
/// "operating.maintenance_share_per_year", "facility.colocation_price" (a
/// colocated fleet), each holding's power inputs, and
/// "operating.staff.headcount", "operating.staff.loaded_cost" (with staff).
template <class E>
OperatingValues<typename E::value_type> evaluate_fleet_operating(
    const Fleet& fleet, const CapexValues<typename E::value_type>& capex,
    const OperatingAssumptions& a, E& e, const model::Path& root) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  const model::Path op(root, "operating");
  const model::Val<V, Duration> period =
      e.read(model::Path(op, "period"), a.period, specs::period_years);
  const V draw = e.read(model::Path(op, "average_draw"), a.average_draw.value, specs::average_draw);
  const V pue = e.read(model::Path(op, "pue"), a.pue.value, specs::pue);
  const model::Val<V, EnergyPrice> electricity =
      e.read(model::Path(op, "electricity"), a.electricity.value, specs::electricity_price);
  const V maintenance_share = e.read(model::Path(op, "maintenance_share_per_year"),
                                     a.maintenance_share_per_year.value, specs::maintenance_share);
  // Maintenance is charged per year: share x years, as in_years computes them.
  const V maintenance_factor = maintenance_share * (period.value() / unit_scale::seconds_per_year);
  const FacilityColocated* colocated = std::get_if<FacilityColocated>(&fleet.facility);
  const model::Val<V, Money> zero = model::constant<V>(usd(0));
  model::Val<V, EnergyPrice> rent = model::constant<V>(usd_per_kilowatt_month(0));
  if (colocated)
    rent = e.read(model::Path(model::Path(root, "facility"), "colocation_price"),
                  colocated->colocation_price, specs::usd_per_kw_month);
  OperatingValues<V> out{{}, model::constant<V>(joules(0)), zero, zero, zero, zero, zero, zero};
  out.holdings.reserve(fleet.holdings.size());
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    const model::Path at(root, "holdings", i);
    HoldingOperatingValues<V> hv{evaluate_server_power(h, e, at) * capex.holdings[i].count,
                                 model::constant<V>(joules(0)),
                                 zero,
                                 zero,
                                 zero,
                                 zero};
    hv.energy = hv.it_power * draw * pue * period;
    hv.energy_cost = hv.energy * electricity;
    if (colocated)
      hv.facility = rent * hv.it_power * period;
    hv.maintenance = capex.holdings[i].total * maintenance_factor;
    hv.total = hv.energy_cost + hv.facility + hv.maintenance;
    out.energy += hv.energy;
    out.energy_cost += hv.energy_cost;
    out.facility += hv.facility;
    out.maintenance += hv.maintenance;
    out.holdings.push_back(std::move(hv));
  }
  // Shared hardware (a fixed network, storage) is maintained too; the
  // facility build is a building, not hardware, and is left out.
  out.shared_maintenance = (capex.shared_network + capex.storage) * maintenance_factor;
  out.maintenance += out.shared_maintenance;
  if (a.staff) {
    const model::Path staff(op, "staff");
    const model::Val<V, PersonCount> headcount =
        e.read(model::Path(staff, "headcount"), a.staff->headcount, specs::fleet_headcount);
    const model::Val<V, StaffRate> loaded =
        e.read(model::Path(staff, "loaded_cost"), a.staff->loaded_cost.value, specs::loaded_cost);
    out.staff = loaded * headcount * period;
  }
  out.total = out.energy_cost + out.facility + out.maintenance + out.staff;
  return out;
}

namespace detail {

/// The capex figures of a typed capex, for the operating model to charge
/// maintenance on (the capex the caller gave, which may not be the fleet's own).
inline CapexValues<double> capex_values_of(const FleetCapex& c) {
  CapexValues<double> v{{},        c.servers,  c.network, c.shared_network,
                        c.storage, c.facility, c.total,   c.it_power};
  v.holdings.reserve(c.holdings.size());
  for (const HoldingCapex& h : c.holdings)
    v.holdings.push_back({h.count, h.server_price, h.servers, h.network, h.total});
  return v;
}

/// Checks that `capex` is the capex of `fleet`: the same holdings, in order.
inline void require_capex_of(const Fleet& fleet, const FleetCapex& capex) {
  if (capex.holdings.size() != fleet.holdings.size())
    throw Error(ErrorCode::invalid_input, "capex",
                "the capex has " + std::to_string(capex.holdings.size()) +
                    " holdings and the fleet " + std::to_string(fleet.holdings.size()) +
                    "; expected the capex of this fleet");
  // Same size is not enough: maintenance is charged on capex.holdings[i], so
  // holding i must be the same holding in both.
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const HoldingCapex& c = capex.holdings[i];
    const Holding& h = fleet.holdings[i];
    if (c.label != h.label || c.count != h.count)
      throw Error(ErrorCode::invalid_input, indexed_field("capex.holdings", i, c.label, ""),
                  "got " + format_value(in_accelerators(c.count)) + " x \"" + c.label +
                      "\", expected " + format_value(in_accelerators(h.count)) + " x \"" + h.label +
                      "\" as in fleet.holdings[" + std::to_string(i) +
                      "]: the capex of this fleet");
  }
}

/// A fleet's operating cost, typed, from the figures of its one definition
/// at a point. Throws when the total overflows.
inline FleetOperatingCost operating_from_values(const Fleet& fleet, const FleetCapex& capex,
                                                const OperatingAssumptions& a,
                                                const OperatingValues<double>& v) {
  FleetOperatingCost out;
  out.name = fleet.name;
  out.period = a.period;
  out.electricity_provenance = a.electricity.provenance;
  out.facility_provenance = provenance_of(fleet.facility);
  out.maintenance_provenance = a.maintenance_share_per_year.provenance;
  out.average_draw_provenance = a.average_draw.provenance;
  out.pue_provenance = a.pue.provenance;
  out.holdings.reserve(fleet.holdings.size());
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    const HoldingOperatingValues<double>& hv = v.holdings[i];
    HoldingOperatingCost oc;
    oc.label = h.label;
    oc.it_power = hv.it_power;
    oc.energy = hv.energy;
    oc.energy_cost = hv.energy_cost;
    oc.facility = hv.facility;
    oc.maintenance = hv.maintenance;
    oc.total = hv.total;
    oc.power_evidence = server_power_evidence(h);
    oc.capex_evidence = capex.holdings[i].server_price_evidence;
    if (capex.holdings[i].network > usd(0))
      oc.capex_evidence = weakest({oc.capex_evidence, capex.network_provenance.evidence});
    out.holdings.push_back(std::move(oc));
  }
  out.energy = v.energy;
  out.energy_cost = v.energy_cost;
  out.facility = v.facility;
  out.maintenance = v.maintenance;
  out.shared_maintenance = v.shared_maintenance;
  if (capex.shared_network > usd(0))
    out.shared_hardware_evidence = capex.network_provenance.evidence;
  if (capex.storage > usd(0))
    out.shared_hardware_evidence =
        weakest({out.shared_hardware_evidence, capex.storage_provenance.evidence});
  out.staff = v.staff;
  if (a.staff)
    out.staff_provenance = a.staff->loaded_cost.provenance;
  out.total = v.total;
  // Each input is finite, but their products can still overflow.
  if (!std::isfinite(in_usd(out.total)))
    fail_value("operating.total", in_usd(out.total),
               "a finite operating cost in USD (power x time x price overflows)");
  return out;
}

}  // namespace detail

/// The operating cost of a fleet whose capex is already known.
inline FleetOperatingCost cost_fleet_operating(const Fleet& fleet, const FleetCapex& capex,
                                               const OperatingAssumptions& a) {
  validate_fleet(fleet);
  validate_operating(a);
  detail::require_capex_of(fleet, capex);
  model::PointEvaluator e;
  const OperatingValues<double> v = evaluate_fleet_operating(fleet, detail::capex_values_of(capex),
                                                             a, e, model::Path(fleet.name));
  return detail::operating_from_values(fleet, capex, a, v);
}

/// The operating cost of a fleet over the period of `a`.
inline FleetOperatingCost cost_fleet_operating(const Fleet& fleet, const OperatingAssumptions& a) {
  return cost_fleet_operating(fleet, cost_fleet_capex(fleet), a);
}

}  // namespace traincost

#include "traincost/fleet/tco.hpp"  // IWYU pragma: export
