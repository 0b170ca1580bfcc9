#pragma once
/// \file
/// A run's footprint in a scenario: its energy, emissions and interruptions
/// ([run.energy], [run.emissions], [run.failures]; docs/scenarios.md), what
/// `estimate` computes from them, and how they are rendered. Kept apart from
/// the run's cost: energy and emissions are never money, and the cost of
/// interruptions is shown beside the run's cost, not folded into it.

#include <optional>
#include <ostream>
#include <string>

#include "traincost/run/emissions.hpp"
#include "traincost/run/energy.hpp"
#include "traincost/run/failures.hpp"

namespace traincost::io {

/// The footprint inputs of one run; each part is optional.
struct RunFootprintInputs {
  std::optional<EnergyInputs> energy;
  std::optional<EmissionsInputs> emissions;
  std::optional<FailureInputs> failures;

  bool empty() const { return !energy && !emissions && !failures; }
};

/// What `estimate` computes for a run with footprint inputs.
struct RunFootprint {
  std::optional<RunEnergy> energy;
  std::optional<RunEmissions> emissions;
  std::optional<RunFailures> failures;
};

/// Computes a run's footprint. Emissions need energy; without [run.energy]
/// the energy is computed at the catalog TDP with PUE 1 (assumed).
/// Throws `traincost::Error` for bad inputs.
RunFootprint footprint_of(const TrainingRun& run, const FinalRunCost& cost,
                          const RunFootprintInputs& in);

/// The footprint as text lines under the run's table ("table"), Markdown
/// ("markdown") or CSV rows ("csv": result,line,quantity,value,unit,source).
void render_footprint(std::ostream& os, const std::string& run_name, const RunFootprint& f,
                      const std::string& format);

}  // namespace traincost::io
