#pragma once
/// \file
/// Monte Carlo and sensitivity over a scenario's ranges: every input written
/// as a range (`usd_per_gpu_hour = { low = 1.5, high = 3.5 }`) is drawn, and
/// each result's cost is summarized (mean, percentiles, histogram) or swung
/// one input at a time (tornado). The results are the scenario's own models
/// evaluated through their one definition over blocks of samples
/// (uncertainty/model_simulation.hpp), so a simulated scenario costs as
/// `estimate` does at the same inputs.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/scope.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/uncertainty/model_sensitivity.hpp"

namespace traincost::io {

/// How to simulate.
struct SimulationOptions {
  std::int64_t samples = 10'000;  ///< in [2, 10,000,000]
  std::uint64_t seed = 1;         ///< the same seed gives the same numbers
  int histogram_bins = 40;
  /// Called from worker threads with (samples done, samples in all); may be empty.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

/// One result's simulated cost: typed statistics labelled with its scope.
struct SimulatedResult {
  std::string name;
  Scope scope = Scope::program;
  uncertainty::CostSummary summary;
  /// The unit of the statistics: "USD", or "kWh" / "tCO2e" for a run's
  /// energy and emissions (whose numbers the summary's amounts carry).
  std::string unit = "USD";
};

/// A whole simulation: one entry per result of the scenario.
struct Simulation {
  std::string file;
  std::string name;
  std::int64_t samples = 0;
  std::uint64_t seed = 0;
  std::vector<SimulatedResult> results;
};

/// Runs the Monte Carlo simulation: every range is drawn once per sample and
/// reaches each result through the models' one definition, block by block,
/// so time grows with samples x the inputs reaching each result and memory
/// does not grow with samples. Throws `ScenarioError` when the scenario has
/// no ranges, or when a draw is rejected or gives a cost that is not finite
/// (located at the range).
Simulation run_simulation(const Scenario& scenario, const SimulationOptions& options);

/// One result's tornado: each range that reaches it at its 5th and 95th
/// percentile, the others at their medians.
struct SensitivityResult {
  std::string name;
  Scope scope = Scope::program;
  uncertainty::CostTornado tornado;
  /// The unit of the result's figures, as in `SimulatedResult::unit`.
  std::string unit = "USD";
};

/// Sensitivity of every result of the scenario.
struct Sensitivity {
  std::string file;
  std::string name;
  std::vector<SensitivityResult> results;
};

/// One-at-a-time sensitivity over the scenario's ranges. Throws
/// `ScenarioError` when the scenario has no ranges.
Sensitivity sensitivity(const Scenario& scenario);

/// The result a chart shows by default: the (last) program when there is
/// one, else the first result.
std::size_t default_chart_result(const std::vector<std::pair<std::string, Scope>>& results);

/// The index of the result called `name`; throws `traincost::Error`
/// (unknown_name, field "--result") naming the results there are.
std::size_t result_index(const Scenario& scenario,
                         const std::vector<std::pair<std::string, Scope>>& results,
                         const std::string& name);

/// A simulation in a format (amounts in USD; JSON schema
/// "traincost.simulation/2", see docs/scenarios.md).
std::string render_simulation(const Simulation& sim, const Scenario& scenario, Format f);

/// A sensitivity analysis in a format (JSON schema "traincost.sensitivity/2").
std::string render_sensitivity(const Sensitivity& sens, const Scenario& scenario, Format f);

/// The histogram of result `index`, P5, P50 and P95 marked, as SVG.
std::string simulation_chart_svg(const Simulation& sim, std::size_t index);

/// The tornado of result `index` as SVG.
std::string sensitivity_chart_svg(const Sensitivity& sens, const Scenario& scenario,
                                  std::size_t index);

}  // namespace traincost::io
