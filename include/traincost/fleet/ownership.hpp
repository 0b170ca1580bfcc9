#pragma once
/// \file
/// Ownership cost per GPU-hour: what an hour of an owned accelerator costs,
/// so that a training run can be priced at owned-hardware cost instead of at
/// a rental rate, and the utilization at which buying beats renting.
///
/// Per wall-clock hour an owned accelerator costs its depreciation, its
/// maintenance and its facility rent whether it is busy or not; energy is
/// paid only while it works. So per *used* GPU-hour, at utilization u:
///
///     cost = (depreciation + maintenance + facility) / u + energy
///
/// Depreciation: straight line or Epoch AI's exponential method
/// (depreciation.hpp). Energy per hour: TDP x server-to-chip ratio x average
/// draw x PUE x $/kWh. A run priced at the result: run_at_ownership.hpp,
/// included at the end of this header.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/depreciation.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/fleet_specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Everything that fixes the ownership cost of one accelerator type.
struct OwnershipInputs {
  /// Name of the accelerator (checked against a run's cluster); empty skips the check.
  std::string accelerator;
  /// All-in capex per accelerator (server share, network share ...), USD.
  Sourced<AcceleratorPrice> capex_per_accelerator{usd_per_accelerator(0), assumed("unset")};
  Depreciation depreciation = Depreciation::epoch();
  /// Peak wall power of one accelerator's share of its server (TDP x ratio).
  PowerPerAccelerator server_power = watts_per_accelerator(0);
  /// Where `server_power` comes from; `ownership_inputs` carries the TDP's
  /// evidence here (an H800's TDP is an assumption [?]).
  Provenance server_power_provenance = assumed("server power as given");
  Sourced<double> average_draw = epoch_average_draw();
  Sourced<double> pue = OperatingAssumptions{}.pue;
  Sourced<EnergyPrice> electricity = OperatingAssumptions{}.electricity;
  /// Maintenance per year as a share of capex, in [0, 1).
  Sourced<double> maintenance_share_per_year{0.0, assumed("no maintenance line")};
  /// Colocation rent per kW of peak IT power per month; empty when none.
  std::optional<Sourced<EnergyPrice>> colocation;
  /// Share of wall-clock hours the accelerator does useful work, in (0, 1].
  Sourced<double> utilization{1.0, assumed("fully used")};
};

/// Ownership cost per used GPU-hour, by component.
struct OwnershipCost {
  std::string accelerator;
  double utilization = 1.0;
  GpuTimePrice depreciation = usd_per_gpu_hour(0);  ///< per used hour (already / utilization)
  GpuTimePrice maintenance = usd_per_gpu_hour(0);   ///< per used hour
  GpuTimePrice facility = usd_per_gpu_hour(0);      ///< per used hour
  GpuTimePrice energy = usd_per_gpu_hour(0);        ///< per used hour
  GpuTimePrice total = usd_per_gpu_hour(0);
  Provenance provenance;

  /// The total as a price to put on a run.
  Sourced<GpuTimePrice> as_price() const { return {total, provenance}; }
};

/// Checks ownership inputs; throws naming the bad field.
inline void validate_ownership(const OwnershipInputs& in) {
  detail::require_positive("ownership.capex_per_accelerator",
                           in_usd_per_accelerator(in.capex_per_accelerator.value), "USD price");
  validate_depreciation(in.depreciation);
  detail::require_positive("ownership.server_power", in_watts_per_accelerator(in.server_power),
                           "power in W per accelerator");
  detail::validate_running(
      {"ownership.average_draw", "ownership.pue", "ownership.electricity_usd_per_kwh",
       "ownership.maintenance_share_per_year"},
      in.average_draw, in.pue, in.electricity, in.maintenance_share_per_year);
  if (in.colocation)
    detail::require_non_negative("ownership.colocation_usd_per_kw_month",
                                 in_usd_per_kilowatt_month(in.colocation->value),
                                 "price in USD per kW-month");
  detail::require_unit_fraction("ownership.utilization", in.utilization.value);
}

/// Ownership cost figures over a value type `V`: per wall-clock hour, and
/// per used GPU-hour at the utilization.
template <class V>
struct OwnershipValues {
  model::Val<V, GpuTimePrice> depreciation_hourly;  ///< per wall-clock hour
  model::Val<V, GpuTimePrice> maintenance_hourly;   ///< per wall-clock hour
  model::Val<V, GpuTimePrice> facility_hourly;      ///< per wall-clock hour
  model::Val<V, GpuTimePrice> depreciation;         ///< per used hour
  model::Val<V, GpuTimePrice> maintenance;          ///< per used hour
  model::Val<V, GpuTimePrice> facility;             ///< per used hour
  model::Val<V, GpuTimePrice> energy;               ///< per used hour
  model::Val<V, GpuTimePrice> total;                ///< per used hour

  /// What an hour costs whether used or not: depreciation + maintenance + facility.
  model::Val<V, GpuTimePrice> fixed_hourly() const {
    return depreciation_hourly + maintenance_hourly + facility_hourly;
  }
};

/// The ownership cost arithmetic, on figures already read: (depreciation +
/// maintenance + facility) / utilization + energy. `colocation` is null when
/// there is no rent. Both reading front-ends below end here, so the
/// arithmetic is stated once.
template <class V>
OwnershipValues<V> ownership_values(const model::Val<V, AcceleratorPrice>& capex,
                                    const model::Val<V, GpuTimePrice>& depreciation_hourly,
                                    const model::Val<V, PowerPerAccelerator>& power, const V& draw,
                                    const V& pue, const model::Val<V, EnergyPrice>& electricity,
                                    const V& maintenance_share,
                                    const model::Val<V, EnergyPrice>* colocation,
                                    const V& utilization) {
  OwnershipValues<V> v{depreciation_hourly,
                       capex * maintenance_share / model::constant<V>(years(1)),
                       model::constant<V>(usd_per_gpu_hour(0)),
                       depreciation_hourly,
                       depreciation_hourly,
                       depreciation_hourly,
                       depreciation_hourly,
                       depreciation_hourly};
  if (colocation)
    v.facility_hourly = *colocation * power;
  v.depreciation = v.depreciation_hourly / utilization;
  v.maintenance = v.maintenance_hourly / utilization;
  v.facility = v.facility_hourly / utilization;
  v.energy = power * draw * pue * electricity;
  v.total = v.depreciation + v.maintenance + v.facility + v.energy;
  return v;
}

/// The one definition of ownership cost per used GPU-hour from explicit
/// inputs, over any evaluator. Reads under `root`: "capex_per_accelerator",
/// "depreciation.life" or "depreciation.rate_per_year", "server_power",
/// "average_draw", "pue", "electricity", "maintenance_share_per_year",
/// "colocation" (when set) and "utilization".
template <class E>
OwnershipValues<typename E::value_type> evaluate_ownership(const OwnershipInputs& in, E& e,
                                                           const model::Path& root) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  const model::Val<V, AcceleratorPrice> capex =
      e.read(model::Path(root, "capex_per_accelerator"), in.capex_per_accelerator.value,
             specs::capex_per_accelerator);
  const model::Val<V, GpuTimePrice> depreciation =
      evaluate_depreciation_per_hour(capex, in.depreciation, e, model::Path(root, "depreciation"));
  const model::Val<V, PowerPerAccelerator> power =
      e.read(model::Path(root, "server_power"), in.server_power, specs::power_per_accelerator);
  const V draw =
      e.read(model::Path(root, "average_draw"), in.average_draw.value, specs::average_draw);
  const V pue = e.read(model::Path(root, "pue"), in.pue.value, specs::pue);
  const model::Val<V, EnergyPrice> electricity =
      e.read(model::Path(root, "electricity"), in.electricity.value, specs::electricity_price);
  const V maintenance = e.read(model::Path(root, "maintenance_share_per_year"),
                               in.maintenance_share_per_year.value, specs::maintenance_share);
  std::optional<model::Val<V, EnergyPrice>> rent;
  if (in.colocation)
    rent = e.read(model::Path(root, "colocation"), in.colocation->value, specs::colocation_price);
  const V u = e.read(model::Path(root, "utilization"), in.utilization.value, specs::utilization);
  return ownership_values<V>(capex, depreciation, power, draw, pue, electricity, maintenance,
                             rent ? &*rent : nullptr, u);
}

/// The one definition of the ownership cost per used GPU-hour of holding
/// `index` of a fleet, over any evaluator: its all-in capex per accelerator
/// (`evaluate_fleet_capex`: servers + its network share) and server power
/// from the fleet, draw, PUE, electricity and maintenance from the operating
/// assumptions, the fleet's colocation rent. Reads what the capex reads
/// under `root`, the holding's power inputs, "operating.average_draw",
/// "operating.pue", "operating.electricity",
/// "operating.maintenance_share_per_year", "facility.colocation_price" (a
/// colocated fleet), "ownership.depreciation.life" or
/// ".rate_per_year", and "ownership.utilization". Equals
/// `cost_ownership_per_gpu_hour(ownership_inputs(...))` at a point.
template <class E>
OwnershipValues<typename E::value_type> evaluate_holding_ownership(
    const Fleet& fleet, std::size_t index, const OperatingAssumptions& operating,
    const Depreciation& depreciation, const Sourced<double>& utilization, E& e,
    const model::Path& root) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  const CapexValues<V> capex = evaluate_fleet_capex(fleet, e, root);
  const model::Val<V, AcceleratorPrice> per_accelerator =
      capex.holdings[index].total / capex.holdings[index].count;
  const model::Path own(root, "ownership");
  const model::Val<V, GpuTimePrice> dep = evaluate_depreciation_per_hour(
      per_accelerator, depreciation, e, model::Path(own, "depreciation"));
  const model::Val<V, PowerPerAccelerator> power =
      evaluate_server_power(fleet.holdings[index], e, model::Path(root, "holdings", index));
  const model::Path op(root, "operating");
  const V draw =
      e.read(model::Path(op, "average_draw"), operating.average_draw.value, specs::average_draw);
  const V pue = e.read(model::Path(op, "pue"), operating.pue.value, specs::pue);
  const model::Val<V, EnergyPrice> electricity =
      e.read(model::Path(op, "electricity"), operating.electricity.value, specs::electricity_price);
  const V maintenance =
      e.read(model::Path(op, "maintenance_share_per_year"),
             operating.maintenance_share_per_year.value, specs::maintenance_share);
  std::optional<model::Val<V, EnergyPrice>> rent;
  if (const auto* colocated = std::get_if<FacilityColocated>(&fleet.facility))
    rent = e.read(model::Path(model::Path(root, "facility"), "colocation_price"),
                  colocated->colocation_price, specs::usd_per_kw_month);
  const V u = e.read(model::Path(own, "utilization"), utilization.value, specs::utilization);
  return ownership_values<V>(per_accelerator, dep, power, draw, pue, electricity, maintenance,
                             rent ? &*rent : nullptr, u);
}

/// Ownership cost per used GPU-hour at the inputs' utilization.
inline OwnershipCost cost_ownership_per_gpu_hour(const OwnershipInputs& in) {
  validate_ownership(in);
  const double u = in.utilization.value;
  model::PointEvaluator point;
  const OwnershipValues<double> v = evaluate_ownership(in, point, model::Path("ownership"));
  OwnershipCost c;
  c.accelerator = in.accelerator;
  c.utilization = u;
  c.depreciation = v.depreciation;
  c.maintenance = v.maintenance;
  c.facility = v.facility;
  c.energy = v.energy;
  c.total = v.total;
  // Each input is finite, but price / life / utilization can still overflow.
  if (!std::isfinite(in_usd_per_gpu_hour(c.total)))
    detail::fail_value("ownership.cost_per_gpu_hour", in_usd_per_gpu_hour(c.total),
                       "a finite cost in USD per GPU-hour (the inputs overflow)");
  // As trustworthy as the weakest input: a cost from an assumed price or an
  // assumed utilization is an assumption, not a derived figure.
  Evidence e = weakest({in.capex_per_accelerator.provenance.evidence,
                        in.depreciation.provenance.evidence, in.utilization.provenance.evidence,
                        in.server_power_provenance.evidence, in.average_draw.provenance.evidence,
                        in.pue.provenance.evidence, in.electricity.provenance.evidence});
  if (in.maintenance_share_per_year.value > 0.0)
    e = weakest({e, in.maintenance_share_per_year.provenance.evidence});
  if (in.colocation)
    e = weakest({e, in.colocation->provenance.evidence});
  c.provenance = derived_from(
      {e}, "ownership cost: " + std::string(tag(in.capex_per_accelerator.provenance.evidence)) +
               " capex (" + in.capex_per_accelerator.provenance.source + "), " +
               std::string(to_string(in.depreciation.method)) + " depreciation, " + "utilization " +
               detail::format_value(u) + " (" + in.utilization.provenance.source + ")");
  return c;
}

/// The utilization above which owning costs less per used GPU-hour than
/// renting at `rental`: (fixed per hour) / (rental - energy per hour).
/// Empty when owning never wins at up to 100% utilization.
inline std::optional<double> break_even_utilization(const OwnershipInputs& in,
                                                    GpuTimePrice rental) {
  validate_ownership(in);
  detail::require_positive("rental_price", in_usd_per_gpu_hour(rental), "USD per GPU-hour");
  model::PointEvaluator e;
  const OwnershipValues<double> v = evaluate_ownership(in, e, model::Path("ownership"));
  const GpuTimePrice margin = rental - v.energy;
  if (!(margin > usd_per_gpu_hour(0)))
    return std::nullopt;
  const double u = ratio(v.fixed_hourly(), margin);
  if (u > 1.0)
    return std::nullopt;
  return u;
}

/// Ownership inputs for the holding labelled `label` of a fleet: its all-in
/// capex per accelerator (servers + its network share; a fixed fleet-wide
/// network or storage is not allocated), its server power, and
/// the operating assumptions' draw, PUE, electricity, maintenance and the
/// fleet's colocation price.
inline OwnershipInputs ownership_inputs(const Fleet& fleet, std::string_view label,
                                        const OperatingAssumptions& operating,
                                        Depreciation depreciation, Sourced<double> utilization) {
  const Holding* h = &fleet.at(label);  // throws unknown_name at "fleet.holdings"
  const FleetCapex capex = cost_fleet_capex(fleet);
  const HoldingCapex* hc = &capex.at(label);
  OwnershipInputs in;
  in.accelerator = h->accelerator.name;
  Evidence capex_e = hc->server_price_evidence;
  if (hc->network > usd(0))
    capex_e = weakest({capex_e, capex.network_provenance.evidence});
  in.capex_per_accelerator = {
      hc->per_accelerator(),
      derived_from({capex_e}, "capex of holding " + h->label + " in " + fleet.name +
                                  " / count; price " +
                                  std::string(tag(h->price.provenance.evidence)) + " (" +
                                  h->price.provenance.source + ")")};
  in.depreciation = std::move(depreciation);
  in.server_power = server_power_per_accelerator(*h);
  const Evidence power_e = server_power_evidence(*h);
  in.server_power_provenance = derived_from(
      {power_e}, "server power of holding " + h->label + " (" + h->accelerator.name + "), " +
                     std::string(tag(power_e)) +
                     (h->server_power ? ": measured server power / accelerators per server"
                                      : ": TDP x server-to-chip power ratio"));
  in.average_draw = operating.average_draw;
  in.pue = operating.pue;
  in.electricity = operating.electricity;
  in.maintenance_share_per_year = operating.maintenance_share_per_year;
  if (const auto* colocated = std::get_if<FacilityColocated>(&fleet.facility))
    in.colocation = Sourced<EnergyPrice>{colocated->colocation_price, colocated->provenance};
  in.utilization = std::move(utilization);
  return in;
}

}  // namespace traincost

#include "traincost/fleet/run_at_ownership.hpp"  // IWYU pragma: export
