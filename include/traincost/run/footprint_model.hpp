#pragma once
/// \file
/// A run's footprint over any evaluator (model/evaluator.hpp): its energy in
/// kWh, its location- and market-based emissions in tCO2e, the energy's cost
/// at a stated price, and its cost including interruptions. This is what a
/// simulation draws: every energy, emissions and failure input is read
/// through `e.read` under the run's name ("<run>.energy.pue",
/// "<run>.failures.mtbf_hours" ...), the paths a scenario's ranges name
/// (src/io/scenario_energy.cpp), and each stage's GPU-time and price come
/// from `evaluate_run`, the run's one definition. The formulas are the ones
/// the point model uses (`detail::stage_kwh`, `detail::optimal_interval_hours`,
/// `detail::kept_share`, `detail::goodput_at`, `detail::lost_gpu_hours`);
/// what is not shared is the plumbing (which power a stage draws, which form
/// the failure rate takes), and tests check that both agree.
///
/// Inputs are read as plain numbers in the units a scenario writes them in
/// (W, PUE, USD per kWh, kg CO2e per kWh, failures per accelerator-hour,
/// hours, minutes), and results are plain numbers in kWh, tCO2e and USD.

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "traincost/model/evaluator.hpp"
#include "traincost/model/input_spec.hpp"
#include "traincost/model/value.hpp"
#include "traincost/run/emissions.hpp"
#include "traincost/run/energy.hpp"
#include "traincost/run/failures.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost {

/// The footprint inputs a model reads; each part is optional.
struct FootprintModelInputs {
  std::optional<EnergyInputs> energy;
  std::optional<EmissionsInputs> emissions;
  std::optional<FailureInputs> failures;
};

/// A run's footprint over a value type `V` (a number, or `model::Lanes`).
template <class V>
struct FootprintValues {
  V kwh{};                           ///< energy with PUE
  std::optional<V> energy_cost_usd;  ///< at the stated price; beside the cost
  std::optional<V> location_tco2e;
  std::optional<V> market_tco2e;
  std::optional<V> usd_with_interruptions;  ///< the run's cost + lost GPU-hours x price
};

namespace footprint_specs {
inline constexpr model::InputSpec watts{model::Bound::positive, "power in W", "W", nullptr};
inline constexpr model::InputSpec pue{model::Bound::at_least_one, "PUE", "PUE", nullptr};
inline constexpr model::InputSpec multiplier{model::Bound::positive, "ratio", "x chip power",
                                             nullptr};
inline constexpr model::InputSpec fraction{model::Bound::unit_fraction, "fraction of TDP", "of TDP",
                                           nullptr};
inline constexpr model::InputSpec usd_per_kwh{model::Bound::positive, "price in USD per kWh",
                                              "USD per kWh", nullptr};
inline constexpr model::InputSpec intensity{
    model::Bound::non_negative, "intensity in kg CO2e per kWh", "kg CO2e per kWh", nullptr};
inline constexpr model::InputSpec rate{model::Bound::positive, "failure rate per accelerator-hour",
                                       "failures per accelerator-hour", nullptr};
inline constexpr model::InputSpec hours{model::Bound::positive, "number of hours", "hours",
                                        nullptr};
inline constexpr model::InputSpec minutes{model::Bound::non_negative, "number of minutes",
                                          "minutes", nullptr};
}  // namespace footprint_specs

namespace detail {

/// Throws for a value (or a sample of a block) that is not positive: a
/// drawn combination under which the job never finishes.
template <class E, class V>
void require_positive_values(const E& e, const V& x, const std::string& field,
                             const char* expected) {
  if constexpr (std::is_same_v<V, double>) {
    (void)e;
    if (!(x > 0.0))
      fail_value(field, x, expected);
  } else {
    for (std::size_t i = 0; i < e.rows(); ++i)
      if (!(x[i] > 0.0))
        fail_value(field, x[i], std::string(expected) + " (at a value drawn from its range)");
  }
}

}  // namespace detail

/// The footprint of `run` under `in` over evaluator `e`; see the file comment.
template <class E>
FootprintValues<typename E::value_type> evaluate_footprint(const TrainingRun& run,
                                                           const FootprintModelInputs& in, E& e) {
  using V = typename E::value_type;
  namespace fs = footprint_specs;
  struct StageFigures {
    V gpu_hours;
    V usd_per_gpu_hour;
  };
  std::vector<StageFigures> stages;
  const double per_gpu_hour = 1.0 / model::canonical(gpu_hours(1.0));
  const double per_price = 1.0 / model::canonical(usd_per_gpu_hour(1.0));
  const model::Path root(run.name);
  const auto rv = evaluate_run(run, e, root, [&](std::size_t, const auto& sv) {
    stages.push_back({model::values_of<V, GpuTime>(sv.gpu_time) * per_gpu_hour,
                      model::values_of<V, GpuTimePrice>(sv.price) * per_price});
  });
  const V run_usd = model::values_of<V, Money>(rv.cost) / model::canonical(usd(1.0));
  // Reads an input of the footprint under "<run>.<key>".
  auto read = [&](const std::string& key, double value, const model::InputSpec& spec) -> V {
    const std::string full = run.name + "." + key;
    return e.read(model::Path(full), value, spec);
  };

  FootprintValues<V> out;
  if (in.energy || in.emissions) {
    const EnergyInputs base{};
    const EnergyInputs& en = in.energy ? *in.energy : base;  // catalog TDP at PUE 1
    const V pue = in.energy ? read("energy.pue", en.pue.value, fs::pue) : V(1.0);
    // Reads the power of a draw: a stated one, or the TDP (x the server model).
    auto power = [&](const PowerDraw& d, const std::string& key, const AcceleratorSpec& spec) -> V {
      if (d.basis == PowerBasis::measured_average)
        return read(key + "watts_per_accelerator", in_watts_per_accelerator(d.stated->value),
                    fs::watts);
      const V tdp(spec.tdp ? in_watts_per_accelerator(*spec.tdp) : 0.0);
      if (d.basis == PowerBasis::catalog_tdp)
        return tdp;
      return tdp * (read(key + "server_multiplier", d.server_multiplier.value, fs::multiplier) *
                    read(key + "average_fraction", d.average_fraction.value, fs::fraction));
    };
    V total(0.0);
    for (std::size_t i = 0; i < run.stages.size() && i < stages.size(); ++i) {
      const PowerDraw* draw = &en.power;
      std::string key = "energy.";
      for (std::size_t j = 0; j < en.stage_power.size(); ++j)
        if (en.stage_power[j].first == run.stages[i].name) {
          draw = &en.stage_power[j].second;
          key = "energy.stages[" + std::to_string(j) + "].";
        }
      const V watts = power(*draw, key, detail::stage_accelerator(run, run.stages[i]));
      total += detail::stage_kwh(stages[i].gpu_hours, watts, pue);
    }
    out.kwh = total;
    if (en.price)
      out.energy_cost_usd =
          out.kwh * read("energy.usd_per_kwh", in_usd_per_kwh(en.price->value), fs::usd_per_kwh);
  }
  if (in.emissions) {
    if (const auto& l = in.emissions->location_based)
      out.location_tco2e =
          out.kwh *
          read("emissions.location_based_kg_per_kwh", in_kg_co2e_per_kwh(l->value), fs::intensity) /
          1000.0;
    if (const auto& m = in.emissions->market_based)
      out.market_tco2e =
          out.kwh *
          read("emissions.market_based_kg_per_kwh", in_kg_co2e_per_kwh(m->value), fs::intensity) /
          1000.0;
  }
  if (const auto& f = in.failures) {
    V lam_per_accelerator(0.0);
    if (const auto* r = std::get_if<FailureRateSpec::PerAccelerator>(&f->rate.form))
      lam_per_accelerator = read("failures.per_accelerator_hour",
                                 in_failures_per_accelerator_hour(r->rate), fs::rate);
    else if (const auto* m = std::get_if<FailureRateSpec::MtbfPerAccelerator>(&f->rate.form))
      lam_per_accelerator = 1.0 / read("failures.mtbf_hours", in_hours(m->mtbf), fs::hours);
    else {
      const auto& n = std::get<FailureRateSpec::MtbfPerNode>(f->rate.form);
      lam_per_accelerator = 1.0 / (read("failures.node_mtbf_hours", in_hours(n.mtbf), fs::hours) *
                                   n.accelerators_per_node);
    }
    const V d = read("failures.checkpoint_write_minutes", in_seconds(f->checkpoint_write) / 60.0,
                     fs::minutes) /
                60.0;
    const V r = read("failures.restart_minutes", in_seconds(f->restart) / 60.0, fs::minutes) / 60.0;
    std::optional<V> given;
    if (f->checkpoint_interval)
      given =
          read("failures.checkpoint_interval_hours", in_hours(*f->checkpoint_interval), fs::hours);
    V total = run_usd;
    const std::string field = run.name + ".failures";
    for (std::size_t i = 0; i < run.stages.size() && i < stages.size(); ++i) {
      const Stage& stage = run.stages[i];
      // The stage's accelerators, read where `evaluate_run` reads them.
      const model::Path at(root, "stages", i);
      const V count =
          stage.cluster
              ? e.read(model::Path(at, "accelerators"), in_accelerators(stage.cluster->count()),
                       model::specs::accelerators)
              : e.read(model::Path(root, "accelerators"), in_accelerators(run.cluster.count()),
                       model::specs::accelerators);
      const V lam = lam_per_accelerator * count;  // the job's failures per hour
      V tau = given ? *given : V(0.0);
      if (!given) {
        detail::require_positive_values(e, 1.0 - lam * r - lam * d / 2.0,
                                        field + ".restart_minutes",
                                        "a restart and checkpoint write short against the job's "
                                        "mean time between failures");
        tau = detail::optimal_interval_hours(lam, d, r);
      }
      const V kept = detail::kept_share(lam, tau, d, r);
      detail::require_positive_values(e, kept, field + ".checkpoint_interval_hours",
                                      "an interval, write and restart time short against the "
                                      "job's mean time between failures");
      const V g = detail::goodput_at(tau, d, kept);
      const V lost = detail::lost_gpu_hours(stages[i].gpu_hours, g);
      total += lost * stages[i].usd_per_gpu_hour;
    }
    out.usd_with_interruptions = total;
  }
  return out;
}

}  // namespace traincost
