#pragma once
/// \file
/// A training run priced at the ownership cost per GPU-hour of owned
/// hardware (ownership.hpp): the typed `cost_final_run_at_ownership` and the
/// one definition of a run at ownership cost over any evaluator. Scope:
/// `Scope::final_run_ownership`.

#include <cstddef>
#include <utility>

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_assumptions.hpp"
#include "traincost/fleet/ownership.hpp"
#include "traincost/model/ownership_priced.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

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

/// A run at ownership cost over a value type `V`: the ownership figures and
/// the run's at their total per GPU-hour.
template <class V>
struct RunAtOwnershipValues {
  OwnershipValues<V> ownership;
  RunValues<V> run;
};

/// The one definition of a run at ownership cost from ownership inputs, over
/// any evaluator: `evaluate_ownership` (read under `ownership_root`), then
/// `evaluate_run` (under `run_root`) with every price per GPU-hour the
/// ownership total. The run's own price is not read: it is not an input.
template <class E>
RunAtOwnershipValues<typename E::value_type> evaluate_run_at_ownership(
    const TrainingRun& run, const OwnershipInputs& in, E& e, const model::Path& run_root,
    const model::Path& ownership_root) {
  OwnershipValues<typename E::value_type> own = evaluate_ownership(in, e, ownership_root);
  detail::OwnershipPriced<E> priced(e, own.total);
  RunValues<typename E::value_type> r = evaluate_run(run, priced, run_root);
  return {std::move(own), std::move(r)};
}

/// The one definition of a run at the ownership cost of holding `index` of
/// a fleet (`evaluate_holding_ownership`, read under `fleet_root`), over any
/// evaluator; the run's usage is read under `run_root`.
template <class E>
RunAtOwnershipValues<typename E::value_type> evaluate_run_at_holding_ownership(
    const TrainingRun& run, const Fleet& fleet, std::size_t index,
    const OperatingAssumptions& operating, const Depreciation& depreciation,
    const Sourced<double>& utilization, E& e, const model::Path& run_root,
    const model::Path& fleet_root) {
  OwnershipValues<typename E::value_type> own =
      evaluate_holding_ownership(fleet, index, operating, depreciation, utilization, e, fleet_root);
  detail::OwnershipPriced<E> priced(e, own.total);
  RunValues<typename E::value_type> r = evaluate_run(run, priced, run_root);
  return {std::move(own), std::move(r)};
}

}  // namespace traincost
