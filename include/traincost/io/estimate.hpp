#pragma once
/// \file
/// Evaluating a scenario: every model it describes, each result labelled with
/// its scope, as one value that the renderers (table, Markdown, CSV, JSON,
/// SVG) turn into output.

#include <optional>
#include <string>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost::io {

/// One model's result. `breakdown` is always set; the detail member matching
/// `model` carries the model-specific figures.
struct ModelResult {
  std::string model;  ///< "final_run", "fleet_capex", "fleet_operating", "program"
  LineItem breakdown;
  std::optional<FinalRunCost> final_run;
};

/// Everything a scenario costs, in file order.
struct Estimate {
  std::string file;
  std::string name;
  std::string description;
  std::vector<ModelResult> results;
};

/// Costs every model of the scenario. Errors a model detects are re-thrown
/// as `ScenarioError` placed at the field they concern; a total that is not
/// finite (inputs whose product overflows) is an error too, so no NaN or
/// infinity ever reaches a printed cost.
Estimate estimate(const Scenario& scenario);

}  // namespace traincost::io
