#pragma once
/// \file
/// Monte Carlo and sensitivity over a scenario's ranges: every input written
/// as a range (`usd_per_gpu_hour = { low = 1.5, high = 3.5 }`) is drawn, the
/// scenario's own models are evaluated on each draw, and each result's cost
/// is summarized (mean, percentiles, histogram) or swung one input at a time
/// (tornado). The typed models themselves run on every draw, so a simulated
/// scenario costs exactly as `estimate` does at the same inputs.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/scope.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/sensitivity.hpp"

namespace traincost::io {

/// How to simulate.
struct SimulationOptions {
  std::int64_t samples = 10'000;  ///< in [2, 10,000,000]
  std::uint64_t seed = 1;         ///< the same seed gives the same numbers
  int histogram_bins = 40;
  /// Called from worker threads with (samples done, samples in all); may be empty.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

/// One result's simulated cost, in USD.
struct SimulatedResult {
  std::string name;
  Scope scope = Scope::program;
  uncertainty::Summary summary;
  Eigen::ArrayXd outputs;  ///< every sample, in sample order
};

/// A whole simulation: one entry per result of the scenario.
struct Simulation {
  std::string file;
  std::string name;
  std::int64_t samples = 0;
  std::uint64_t seed = 0;
  std::vector<SimulatedResult> results;
};

/// Runs the Monte Carlo simulation. Throws `ScenarioError` when the scenario
/// has no ranges, or when a draw gives a cost that is not finite.
Simulation simulate(const Scenario& scenario, const SimulationOptions& options);

/// One result's tornado, in USD: each range at its 5th and 95th percentile,
/// the others at their medians.
struct SensitivityResult {
  std::string name;
  Scope scope = Scope::program;
  uncertainty::Tornado tornado;
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

/// A simulation in a format (amounts in USD; JSON schema
/// "traincost.simulation/1", see docs/scenarios.md).
std::string render_simulation(const Simulation& sim, const Scenario& scenario, Format f);

/// A sensitivity analysis in a format (JSON schema "traincost.sensitivity/1").
std::string render_sensitivity(const Sensitivity& sens, const Scenario& scenario, Format f);

/// The histogram of result `index`, P5, P50 and P95 marked, as SVG.
std::string simulation_chart_svg(const Simulation& sim, std::size_t index = 0);

/// The tornado of result `index` as SVG.
std::string sensitivity_chart_svg(const Sensitivity& sens, const Scenario& scenario,
                                  std::size_t index = 0);

}  // namespace traincost::io
