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
#include "traincost/io/scenario.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/run/serving.hpp"

namespace traincost::io {

/// One model's result, like every result of the library: a `total` and a
/// `breakdown()`; `final_run` carries a run's own figures (GPU-hours,
/// wall-clock, stages) when `model` is "final_run", `serving` a deployment's
/// when it is "serving".
class ModelResult {
 public:
  ModelResult(std::string model_name, LineItem tree, std::optional<FinalRunCost> run = {})
      : model(std::move(model_name)),
        total(tree.amount),
        final_run(std::move(run)),
        tree_(std::move(tree)) {}
  /// A serving deployment's result (model "serving").
  explicit ModelResult(ServingCost cost)
      : model("serving"), total(cost.total), serving(cost), tree_(cost.breakdown()) {}

  /// "final_run", "fleet_capex", "fleet_operating", "program", "serving"
  std::string model;
  Money total;  ///< the breakdown's root amount, in its scope
  std::optional<FinalRunCost> final_run;
  /// A deployment's own figures (period, per day, per token) for "serving".
  std::optional<ServingCost> serving;

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

/// A stage whose MFU — implied from reported time, or stated — the
/// plausibility check doubts (implausible or impossible), placed in the file.
struct DoubtfulMfu {
  FieldPath field;  ///< "run.stages[0].workload" (implied) or ".throughput" (stated)
  Location where;
  std::string stage;  ///< the stage's name
  ImpliedMfu mfu;
  bool implied = false;
};

/// Every doubtful MFU of an estimate of `scenario`, in file order.
std::vector<DoubtfulMfu> doubtful_mfus(const Scenario& scenario, const Estimate& estimate);

/// Costs every model of the scenario. Errors a model detects are re-thrown
/// as `ScenarioError` placed at the field they concern; a total that is not
/// finite (inputs whose product overflows) is an error too, so no NaN or
/// infinity ever reaches a printed cost.
Estimate estimate(const Scenario& scenario);

}  // namespace traincost::io
