#pragma once
/// \file
/// Stages costed from a step-time model instead of a typed MFU: a scenario
/// stage with `[run.stages.step_time]` (architecture, parallel plan, network,
/// efficiencies; docs/scenarios.md, "Stages from a step-time model") gets its
/// `Throughput` from `perf::predict_step`, so a run is costed from
/// architecture + plan + cluster. This header holds what the reader keeps of
/// such a stage; the reports of `traincost step-time` and `traincost plan`
/// are in step_time_report.hpp.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "traincost/hardware/precision.hpp"
#include "traincost/perf/architecture.hpp"
#include "traincost/perf/plan.hpp"
#include "traincost/perf/step_prediction.hpp"
#include "traincost/perf/system.hpp"
#include "traincost/units/units.hpp"

namespace traincost::io {

/// The model inputs of one stage and the prediction read from them.
struct StepTimeStage {
  std::size_t run = 0;    ///< index into Scenario::runs
  std::size_t stage = 0;  ///< index into that run's stages
  std::string path;       ///< "run.stages[0]" (where errors and locations are rooted)
  std::string run_name;
  std::string stage_name;
  perf::TransformerArchitecture architecture;
  perf::ParallelPlan plan;
  perf::TrainingSystem system;
  std::string preset;  ///< the network preset named, or empty
  Precision mfu_precision = Precision::bf16;
  double goodput = 1.0;
  TokenCount training_tokens = tokens(0);
  perf::StepPrediction prediction;
};

}  // namespace traincost::io
