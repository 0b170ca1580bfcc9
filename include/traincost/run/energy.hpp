#pragma once
/// \file
/// The energy of a final run: per stage, GPU-hours x power per accelerator x
/// PUE. Model cards report a run's energy next to its GPU-hours (Meta's list
/// GPU-hours and a power per GPU per model size, docs/sources.md §13); this
/// computes the same figure from a costed run.
///
/// What "power per accelerator" means is a choice, and it is named with its
/// evidence (`PowerBasis`): the catalog TDP, a stated measured average, or a
/// server-level model (chip TDP x chip-to-server multiplier x average fraction
/// of TDP, Epoch AI's method, docs/sources.md §7). A stage may override the
/// run's choice: Llama 2's clusters were capped at 400 W and 350 W.
///
/// Energy cost at a stated price per kWh is shown beside a run's cost and
/// never added to it: a rental price already includes power (docs/scopes.md).

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Where a power-per-accelerator figure comes from.
enum class PowerBasis {
  catalog_tdp,       ///< the accelerator's TDP from its specification
  measured_average,  ///< a stated average (or cap) per accelerator, e.g. a model card's 400 W
  server_model,      ///< TDP x chip-to-server multiplier x average fraction of TDP
};

/// "catalog TDP", "measured average", "server model".
constexpr std::string_view to_string(PowerBasis b) {
  switch (b) {
    case PowerBasis::catalog_tdp:
      return "catalog TDP";
    case PowerBasis::measured_average:
      return "measured average";
    case PowerBasis::server_model:
      return "server model";
  }
  detail::fail_enum_value("PowerBasis", static_cast<long long>(b));
}

/// The power one accelerator of a stage draws, with how it was obtained.
/// Build it with one of the named functions; `catalog_tdp` and `server_model`
/// take the TDP of the stage's accelerator when the energy is computed.
struct PowerDraw {
  PowerBasis basis = PowerBasis::catalog_tdp;
  /// For `measured_average`: the stated power per accelerator.
  std::optional<Sourced<PowerPerAccelerator>> stated;
  /// For `server_model`: whole-server power over chip power (Epoch AI: H100
  /// 1.82, A100 2.03, default 1.8; docs/sources.md §7).
  Sourced<double> server_multiplier{1.0, {}};
  /// For `server_model`: average draw as a fraction of TDP (Epoch AI: 0.75 for GPUs).
  Sourced<double> average_fraction{1.0, {}};

  /// The accelerator's catalog TDP, as a model card uses it ("TDP of 700W").
  static PowerDraw catalog_tdp() { return PowerDraw{}; }
  /// A stated power per accelerator (a measured average, or a power cap).
  static PowerDraw measured(Sourced<PowerPerAccelerator> p) {
    PowerDraw d;
    d.basis = PowerBasis::measured_average;
    d.stated = std::move(p);
    return d;
  }
  /// Epoch AI's server-level model: TDP x multiplier x average fraction.
  static PowerDraw server_model(Sourced<double> multiplier, Sourced<double> fraction) {
    PowerDraw d;
    d.basis = PowerBasis::server_model;
    d.server_multiplier = std::move(multiplier);
    d.average_fraction = std::move(fraction);
    return d;
  }
};

/// What a run's energy is computed from.
struct EnergyInputs {
  /// The run's power per accelerator; a stage may override it below.
  PowerDraw power = PowerDraw::catalog_tdp();
  /// Facility energy over IT energy, >= 1. Model cards whose power is already
  /// "adjusted for power usage efficiency" (Meta's) take 1.
  Sourced<double> pue{1.0, assumed("PUE 1: the power figure already includes the facility")};
  /// Per-stage overrides, by stage name.
  std::vector<std::pair<std::string, PowerDraw>> stage_power;
  /// A price per kWh, for the energy's cost shown beside the run's cost.
  std::optional<Sourced<EnergyPrice>> price;

  /// Runs the named stage at its own power.
  EnergyInputs& stage(std::string name, PowerDraw p) {
    stage_power.emplace_back(std::move(name), std::move(p));
    return *this;
  }
};

/// One stage's energy.
struct StageEnergy {
  std::string name;
  std::string accelerator;
  GpuTime gpu_time = gpu_hours(0);
  PowerBasis basis = PowerBasis::catalog_tdp;
  PowerPerAccelerator power = watts_per_accelerator(0);  ///< before PUE
  Energy energy = kilowatt_hours(0);                     ///< with PUE
  Provenance provenance;
};

/// A run's energy: kWh per stage and in total, and, at a stated price, what
/// that energy would cost — a figure beside the run's cost, never part of it.
struct RunEnergy {
  std::string name;
  std::vector<StageEnergy> stages;
  double pue = 1.0;
  Energy total = kilowatt_hours(0);
  std::optional<EnergyPrice> price;
  std::optional<Money> energy_cost;  ///< total x price; not added to the run's cost
  Provenance provenance;

  const StageEnergy& stage(std::string_view stage_name) const {
    for (const auto& s : stages)
      if (s.name == stage_name)
        return s;
    throw Error(ErrorCode::unknown_name, "energy.stages", "\"" + std::string(stage_name) + "\"",
                "a stage of the run \"" + name + "\"");
  }
};

namespace detail {

/// The power per accelerator of `d` on `spec`, and its provenance. `field`
/// names the input in errors ("energy.power", "energy.stages.<name>").
inline std::pair<PowerPerAccelerator, Provenance> power_of(const PowerDraw& d,
                                                           const AcceleratorSpec& spec,
                                                           const std::string& field) {
  if (d.basis == PowerBasis::measured_average) {
    if (!d.stated)
      throw Error(ErrorCode::invalid_input, field,
                  "a measured power needs its value; expected PowerDraw::measured(...)");
    require_positive(field, in_watts_per_accelerator(d.stated->value), "power in W");
    return {d.stated->value, d.stated->provenance};
  }
  if (!spec.tdp)
    throw Error(ErrorCode::invalid_input, field, "\"" + spec.name + "\" (no TDP)",
                "an accelerator with a TDP, or a measured power per accelerator");
  const PowerPerAccelerator tdp = *spec.tdp;
  const Provenance tdp_p{spec.tdp_evidence, spec.name + " TDP (" + spec.provenance.source + ")"};
  if (d.basis == PowerBasis::catalog_tdp)
    return {tdp, tdp_p};
  require_positive(field + ".server_multiplier", d.server_multiplier.value, "multiplier");
  require_unit_fraction(field + ".average_fraction", d.average_fraction.value);
  return {tdp * (d.server_multiplier.value * d.average_fraction.value),
          derived_from({tdp_p.evidence, d.server_multiplier.provenance.evidence,
                        d.average_fraction.provenance.evidence},
                       "server model: " + spec.name + " TDP x server multiplier " +
                           format_value(d.server_multiplier.value) + " x average fraction " +
                           format_value(d.average_fraction.value))};
}

/// A stage's energy in kWh: GPU-hours x W per accelerator x PUE, over a value
/// type `V` (a number, or `model::Lanes` in a simulation): the one
/// definition of the point model and the drawn one (run/footprint_model.hpp).
template <class V>
V stage_kwh(const V& gpu_hours, const V& watts, const V& pue) {
  return gpu_hours * watts * pue / 1000.0;
}

/// The accelerator a stage ran on.
inline const AcceleratorSpec& stage_accelerator(const TrainingRun& run, const Stage& s) {
  return (s.cluster ? *s.cluster : run.cluster).accelerator();
}

}  // namespace detail

/// The energy of `run` as costed in `cost` (its stages' GPU-hours). Throws
/// `traincost::Error` for a PUE below 1, a non-positive power or price, an
/// override naming no stage, or an accelerator without a TDP where one is needed.
inline RunEnergy energy_of_run(const TrainingRun& run, const FinalRunCost& cost,
                               const EnergyInputs& in) {
  if (!(std::isfinite(in.pue.value) && in.pue.value >= 1.0))
    detail::fail_value("energy.pue", in.pue.value, "a PUE >= 1");
  for (const auto& [name, p] : in.stage_power) {
    (void)p;
    if (!cost.has_stage(name))
      (void)cost.stage(name);  // throws unknown_name listing the stages
  }
  RunEnergy out;
  out.name = cost.name;
  out.pue = in.pue.value;
  Evidence weakest_stage = Evidence::published;
  for (std::size_t i = 0; i < cost.stages.size() && i < run.stages.size(); ++i) {
    const StageCost& sc = cost.stages[i];
    const PowerDraw* draw = &in.power;
    std::string field = "energy.power";
    for (const auto& [name, p] : in.stage_power)
      if (name == sc.name) {
        draw = &p;
        field = "energy.stages." + name + ".power";
      }
    auto [power, p] = detail::power_of(*draw, detail::stage_accelerator(run, run.stages[i]), field);
    StageEnergy se;
    se.name = sc.name;
    se.accelerator = sc.accelerator;
    se.gpu_time = sc.gpu_time;
    se.basis = draw->basis;
    se.power = power;
    // W per accelerator x accelerator-seconds = joules; x PUE for the facility.
    se.energy = kilowatt_hours(detail::stage_kwh(in_gpu_hours(sc.gpu_time),
                                                 in_watts_per_accelerator(power), in.pue.value));
    se.provenance =
        derived_from({sc.usage_provenance.evidence, p.evidence, in.pue.provenance.evidence},
                     "GPU-hours x " + std::string(to_string(draw->basis)) + " " +
                         detail::format_value(in_watts_per_accelerator(power)) + " W (" + p.source +
                         ") x PUE " + detail::format_value(in.pue.value));
    weakest_stage = weakest({weakest_stage, se.provenance.evidence});
    out.total += se.energy;
    out.stages.push_back(std::move(se));
  }
  out.provenance = derived_from({weakest_stage}, "sum of the stages' energy");
  if (in.price) {
    detail::require_positive("energy.usd_per_kwh", in_usd_per_kwh(in.price->value),
                             "price in USD per kWh");
    out.price = in.price->value;
    out.energy_cost = out.total * in.price->value;
  }
  if (!std::isfinite(in_kilowatt_hours(out.total)))
    detail::fail_value("energy.total", in_kilowatt_hours(out.total), "a finite energy in kWh");
  return out;
}

}  // namespace traincost
