#pragma once
/// \file
/// Evaluating a scenario: every model it describes, each result labelled with
/// its scope, as one value that the renderers (table, Markdown, CSV, JSON,
/// SVG) turn into output.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/io/footprint.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost::io {

/// One model's result, like every result of the library: a `total` and a
/// `breakdown()`; `final_run` carries a run's own figures (GPU-hours,
/// wall-clock, stages) when `model` is "final_run".
class ModelResult {
 public:
  ModelResult(std::string model_name, LineItem tree, std::optional<FinalRunCost> run = {})
      : model(std::move(model_name)),
        total(tree.amount),
        final_run(std::move(run)),
        tree_(std::move(tree)) {}

  std::string model;  ///< "final_run", "fleet_capex", "fleet_operating", "program"
  Money total;        ///< the breakdown's root amount, in its scope
  std::optional<FinalRunCost> final_run;
  /// A final run's energy, emissions and interruptions, when its scenario
  /// gives [run.energy], [run.emissions] or [run.failures] (io/footprint.hpp).
  std::optional<RunFootprint> footprint;

  /// The cost as a tree: the root is the whole, labelled with its scope.
  const LineItem& breakdown() const noexcept { return tree_; }

 private:
  LineItem tree_;
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
