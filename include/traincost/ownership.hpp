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
/// Depreciation, two methods (sources.md §7):
/// - straight line over a life L: price / L per hour;
/// - Epoch AI's exponential method: value falls 0.14 orders of magnitude a
///   year, i.e. a continuous rate r = 0.14 x ln 10 = 0.3224 per year, and the
///   amortized cost per chip-hour is price x r / 8,766 h (Cottier et al. 2024,
///   arXiv 2405.21015) [P].
/// Energy per hour: TDP x server-to-chip ratio x average draw x PUE x $/kWh.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "traincost/capex.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/final_run.hpp"
#include "traincost/fleet.hpp"
#include "traincost/operating_cost.hpp"
#include "traincost/provenance.hpp"
#include "traincost/scope.hpp"
#include "traincost/units.hpp"

namespace traincost {

/// How hardware loses value.
enum class DepreciationMethod {
  straight_line,  ///< equal charges over a fixed life
  exponential,    ///< value x exp(-r t); Epoch AI's method
};

/// "straight line" or "exponential".
constexpr std::string_view to_string(DepreciationMethod m) {
  return m == DepreciationMethod::exponential ? "exponential" : "straight line";
}

/// A continuous depreciation rate per year from a decline in orders of
/// magnitude per year: 0.14 -> 0.14 x ln 10 = 0.3224 per year.
inline double rate_from_orders_of_magnitude(double orders_per_year) {
  return orders_per_year * std::log(10.0);
}

/// A depreciation schedule.
struct Depreciation {
  DepreciationMethod method = DepreciationMethod::straight_line;
  /// Straight line: the useful life (Epoch: servers 3-5 years).
  Duration life = years(4);
  /// Exponential: the continuous rate per year.
  double rate_per_year = 0.0;
  Provenance provenance;

  /// Straight line over `life`.
  static Depreciation straight_line(Duration life, Provenance source) {
    return {DepreciationMethod::straight_line, life, 0.0, std::move(source)};
  }
  /// Exponential at a continuous rate per year.
  static Depreciation exponential(double rate_per_year, Provenance source) {
    return {DepreciationMethod::exponential, years(0), rate_per_year, std::move(source)};
  }
  /// Epoch AI's method: 0.14 orders of magnitude per year = 0.3224 per year.
  static Depreciation epoch() {
    return exponential(rate_from_orders_of_magnitude(0.14),
                       published("Epoch AI (arXiv 2405.21015): 0.14 orders of magnitude per year "
                                 "-> 0.3224 per year (sources.md §7)"));
  }
};

/// Checks a schedule; throws naming "depreciation.life_years" or "depreciation.rate_per_year".
inline void validate_depreciation(const Depreciation& d) {
  if (d.method == DepreciationMethod::straight_line)
    detail::require_positive("depreciation.life_years", in_years(d.life), "number of years");
  else
    detail::require_positive("depreciation.rate_per_year", d.rate_per_year, "rate per year");
}

namespace detail {
/// The hourly charge of an already validated schedule.
inline GpuTimePrice depreciation_per_hour_unchecked(AcceleratorPrice price, const Depreciation& d) {
  if (d.method == DepreciationMethod::straight_line)
    return price / d.life;
  return price * d.rate_per_year / years(1);
}
}  // namespace detail

/// Depreciation of one accelerator per wall-clock hour: price / life, or
/// (Epoch) price x rate / 8,766 h.
inline GpuTimePrice depreciation_per_gpu_hour(AcceleratorPrice price, const Depreciation& d) {
  validate_depreciation(d);
  detail::require_non_negative("depreciation.price", in_usd_per_accelerator(price), "USD price");
  return detail::depreciation_per_hour_unchecked(price, d);
}

/// What hardware bought for `price` is worth after `age`: straight line
/// reaches 0 at the end of its life; exponential is price x exp(-r x age).
inline Money book_value(Money price, Duration age, const Depreciation& d) {
  validate_depreciation(d);
  detail::require_non_negative("book_value.price", in_usd(price), "USD price");
  detail::require_non_negative("book_value.age_years", in_years(age), "number of years");
  if (d.method == DepreciationMethod::straight_line) {
    const double left = 1.0 - ratio(age, d.life);
    return price * (left > 0.0 ? left : 0.0);
  }
  return price * std::exp(-d.rate_per_year * in_years(age));
}

/// What a fleet's hardware is worth at the start of `as_of_year`: each
/// holding's capex depreciated from the start of its `year_bought`. A
/// holding bought in an unknown year (0) or after `as_of_year` is an error.
inline Money fleet_book_value(const Fleet& fleet, int as_of_year, const Depreciation& d) {
  const FleetCapex capex = fleet_capex(fleet);
  Money total = usd(0);
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    if (h.year_bought <= 0)
      detail::fail_value(detail::holding_field(i, h, "year_bought"), h.year_bought,
                         "the calendar year of purchase");
    if (h.year_bought > as_of_year)
      detail::fail_value(detail::holding_field(i, h, "year_bought"), h.year_bought,
                         "a year no later than the valuation year " + std::to_string(as_of_year));
    total += book_value(capex.holdings[i].total, years(as_of_year - h.year_bought), d);
  }
  return total;
}

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

namespace detail {

/// Costs per wall-clock hour that do not depend on use: depreciation,
/// maintenance and facility.
struct FixedHourly {
  GpuTimePrice depreciation, maintenance, facility;
  GpuTimePrice total() const { return depreciation + maintenance + facility; }
};

inline FixedHourly fixed_hourly(const OwnershipInputs& in) {
  // `in` is validated by the caller (validate_ownership).
  FixedHourly f{depreciation_per_hour_unchecked(in.capex_per_accelerator.value, in.depreciation),
                in.capex_per_accelerator.value * in.maintenance_share_per_year.value / years(1),
                usd_per_gpu_hour(0)};
  if (in.colocation)
    f.facility = in.colocation->value * in.server_power;
  return f;
}

inline GpuTimePrice energy_hourly(const OwnershipInputs& in) {
  return in.server_power * in.average_draw.value * in.pue.value * in.electricity.value;
}

}  // namespace detail

/// Ownership cost per used GPU-hour at the inputs' utilization.
inline OwnershipCost ownership_cost_per_gpu_hour(const OwnershipInputs& in) {
  validate_ownership(in);
  const double u = in.utilization.value;
  const detail::FixedHourly f = detail::fixed_hourly(in);
  OwnershipCost c;
  c.accelerator = in.accelerator;
  c.utilization = u;
  c.depreciation = f.depreciation / u;
  c.maintenance = f.maintenance / u;
  c.facility = f.facility / u;
  c.energy = detail::energy_hourly(in);
  c.total = c.depreciation + c.maintenance + c.facility + c.energy;
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
  const GpuTimePrice margin = rental - detail::energy_hourly(in);
  if (!(margin > usd_per_gpu_hour(0)))
    return std::nullopt;
  const double u = ratio(detail::fixed_hourly(in).total(), margin);
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
  const FleetCapex capex = fleet_capex(fleet);
  const HoldingCapex* hc = capex.find(label);
  const Holding* h = fleet.find(label);
  if (!hc || !h)
    throw Error(
        ErrorCode::unknown_name, "fleet.holdings",
        "no holding labelled \"" + std::string(label) + "\" in fleet \"" + fleet.name + "\"");
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
  if (fleet.facility.kind == Facility::Kind::colocated)
    in.colocation =
        Sourced<EnergyPrice>{fleet.facility.colocation_price, fleet.facility.provenance};
  in.utilization = std::move(utilization);
  return in;
}

/// The run priced at ownership cost: every stage at `cost.total` (stage
/// rental prices are dropped) and scope `final_run_ownership`. Throws if the
/// run's accelerator is not the one the cost is for.
inline TrainingRun at_ownership_cost(TrainingRun run, const OwnershipCost& cost) {
  if (!cost.accelerator.empty() && run.cluster.accelerator().name != cost.accelerator)
    throw Error(ErrorCode::invalid_input, "run.cluster.accelerator",
                "got " + run.cluster.accelerator().name + ", expected " + cost.accelerator +
                    " (the accelerator the ownership cost is for)");
  run.price = RunPrice::ownership_cost(cost.as_price());
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Stage& s = run.stages[i];
    if (s.cluster && !cost.accelerator.empty() && s.cluster->accelerator().name != cost.accelerator)
      throw Error(ErrorCode::invalid_input,
                  detail::indexed_field("run.stages", i, s.name, "cluster.accelerator"),
                  "got " + s.cluster->accelerator().name + ", expected " + cost.accelerator +
                      " (the accelerator the ownership cost is for)");
    run.stages[i].price.reset();
  }
  return run;
}

/// The cost of a run at ownership cost per GPU-hour (scope `final_run_ownership`).
inline FinalRunCost cost_final_run_at_ownership(const TrainingRun& run, const OwnershipCost& cost) {
  return cost_final_run(at_ownership_cost(run, cost));
}

}  // namespace traincost
