#pragma once
// The DeepSeek program with its ten reference ranges, as the raw engine sees
// it (an InputSet in canonical units and a Model over blocks): a realistic
// case for the engine's own tests (threads, streams, copula, Sobol).

#include <memory>

#include "traincost/reference/deepseek_ranges.hpp"
#include "traincost/uncertainty/model_binding.hpp"

namespace traincost::test {

struct DeepSeekEngineCase {
  uncertainty::Ranges ranges;
  uncertainty::CostModel model;
  uncertainty::BoundModel bound;
  uncertainty::InputSet inputs;  ///< one column per range, in range order
  uncertainty::Model engine;     ///< reads the columns of `inputs`
};

/// Built on the heap: `bound` points into `model`, `engine` into `bound`.
inline std::unique_ptr<DeepSeekEngineCase> deepseek_engine_case() {
  auto c = std::make_unique<DeepSeekEngineCase>();
  const Program p = reference::deepseek_program_for_ranges();
  c->ranges = reference::deepseek_program_ranges(p);
  c->model = uncertainty::cost_model(p);
  c->bound = uncertainty::bind(c->model, c->ranges);
  for (const auto& r : c->ranges.inputs())
    c->inputs.add(r.name(), r.distribution, r.provenance);
  c->engine = uncertainty::engine_model(c->bound);
  return c;
}

}  // namespace traincost::test
