#pragma once
/// \file
/// The reports of `traincost step-time FILE` (each stage's predicted step
/// time, MFU, memory and cost) and `traincost plan FILE` (the best parallel
/// plans for each stage's architecture on its cluster). Schemas
/// `traincost.step_time/1` and `traincost.plan/1` (docs/scenarios.md).

#include <optional>
#include <string>
#include <vector>

#include "traincost/io/estimate.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/step_time.hpp"

namespace traincost::io {

struct Scenario;
struct Estimate;

/// One stage as `traincost step-time` reports it: the prediction and what
/// the stage costs with it (from the scenario's estimate).
struct StepTimeReportStage {
  StepTimeStage inputs;
  GpuTime gpu_time = gpu_hours(0);
  Duration wall_clock = seconds(0);
  Money cost = usd(0);
  GpuTimePrice price = usd_per_gpu_hour(0);
};

/// What `traincost step-time FILE` prints.
struct StepTimeReport {
  std::string file;
  std::string name;
  std::vector<StepTimeReportStage> stages;
};

/// The report of every step-time stage of `scenario`, costed by `estimate`.
/// Throws `ScenarioError` when the file has no such stage.
StepTimeReport step_time_report(const Scenario& scenario, const Estimate& estimate);

/// `traincost check`'s warnings about step-time stages: one line per stage
/// whose plan does not fit in memory ("FILE:L:C: FIELD (STAGE): ..."), placed
/// at the stage's plan.
std::vector<std::string> step_time_warnings(const Scenario& scenario);

/// Schema `traincost.step_time/1` in JSON; table, Markdown or CSV otherwise.
std::string render_step_time(const StepTimeReport& report, Format format);

/// Options of `traincost plan`.
struct PlanCommandOptions {
  int top = 5;                          ///< plans shown
  std::optional<double> deadline_days;  ///< rank by cost among plans that finish in time
};

/// One plan as `traincost plan` reports it.
struct PlanRow {
  perf::ParallelPlan plan;
  perf::StepPrediction prediction;
  Duration wall_clock = seconds(0);  ///< the stage's tokens at the plan's rate, over goodput
  GpuTime gpu_time = gpu_hours(0);
  Money cost = usd(0);
};

/// What `traincost plan FILE` prints for one stage.
struct PlanReportStage {
  StepTimeStage inputs;
  GpuTimePrice price = usd_per_gpu_hour(0);
  long long evaluated = 0;  ///< plans the search enumerated
  long long valid = 0;      ///< of them, plans the architecture and cluster allow
  long long fitting = 0;    ///< of them, plans that fit in memory
  long long in_time = 0;    ///< of them, plans within the deadline (all without one)
  std::vector<PlanRow> best;
};

struct PlanReport {
  std::string file;
  std::string name;
  PlanCommandOptions options;
  std::vector<PlanReportStage> stages;
};

/// Searches plans for every step-time stage of `scenario`: its architecture
/// on its cluster with its global batch. Throws `ScenarioError` when the file
/// has no such stage.
PlanReport plan_report(const Scenario& scenario, const PlanCommandOptions& options);

/// Schema `traincost.plan/1` in JSON; table, Markdown or CSV otherwise.
std::string render_plans(const PlanReport& report, Format format);

}  // namespace traincost::io
