#pragma once
/// \file
/// Any cost model as one value the Monte Carlo engine can run: its name, its
/// scope, and its one definition bound to the three evaluators (a point, a
/// recording of its reads, a block of samples). `cost_model(run)` and
/// `cost_model(program)` wrap the library's models; a user model is any
/// struct with a template `evaluate(E&)` returning `model::Val<V, Money>`.

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "traincost/core/scope.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/value.hpp"
#include "traincost/program/program.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/run/serving.hpp"
#include "traincost/units/units.hpp"

namespace traincost::uncertainty {

/// A cost model ready for simulation.
struct CostModel {
  std::string name;
  Scope scope = Scope::program;
  std::function<Money(model::PointEvaluator&)> at_point;
  std::function<void(model::BindingEvaluator&)> record;
  std::function<model::Val<model::Lanes, Money>(model::LaneEvaluator&)> over_lanes;
};

/// Wraps `body(model, evaluator)`, a generic lambda returning the model's
/// total over the evaluator's value type, as a `CostModel`.
template <class M, class Body>
CostModel make_cost_model(std::string name, Scope scope, M m, Body body) {
  auto held = std::make_shared<const M>(std::move(m));
  CostModel c;
  c.name = std::move(name);
  c.scope = scope;
  c.at_point = [held, body](model::PointEvaluator& e) { return body(*held, e); };
  c.record = [held, body](model::BindingEvaluator& e) { (void)body(*held, e); };
  c.over_lanes = [held, body](model::LaneEvaluator& e) { return body(*held, e); };
  return c;
}

/// A final run as a cost model: scope from its price, inputs under its name.
inline CostModel cost_model(TrainingRun run) {
  std::string name = run.name;
  const Scope scope = run.scope();
  return make_cost_model(std::move(name), scope, std::move(run), [](const TrainingRun& r, auto& e) {
    return evaluate_run(r, e, model::Path(r.name)).cost;
  });
}

/// A serving deployment as a cost model (scope `inference_rental`), its
/// inputs under its name.
inline CostModel cost_model(ServingDeployment deployment) {
  std::string name = deployment.name;
  return make_cost_model(std::move(name), Scope::inference_rental, std::move(deployment),
                         [](const ServingDeployment& d, auto& e) {
                           return evaluate_serving(d, e, model::Path(d.name)).cost;
                         });
}

/// A program as a cost model (scope `program`); its runs are read under
/// their own names, its other parts under the program's name.
inline CostModel cost_model(Program program) {
  std::string name = program.name;
  return make_cost_model(
      std::move(name), Scope::program, std::move(program),
      [](const Program& p, auto& e) { return evaluate_program(p, e, model::Path(p.name)); });
}

}  // namespace traincost::uncertainty
