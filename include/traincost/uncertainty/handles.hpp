#pragma once
/// \file
/// Typed handles to the inputs of the library's models, for ranges:
/// `ranges.set(price_of(run), uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)))`.
/// Each returns the input's path (as the model reads it) with its quantity
/// type; a range of another dimension does not compile.

#include <cstddef>
#include <string>

#include "traincost/program/program.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/uncertainty/ranges.hpp"
#include "traincost/units/units.hpp"

namespace traincost::uncertainty {

namespace handle_detail {
inline std::string stage(const TrainingRun& run, std::size_t i, const char* field) {
  return run.name + ".stages[" + std::to_string(i) + "]." + field;
}
inline std::string item(const Program& p, const char* list, std::size_t i, const char* field) {
  return p.name + "." + list + "[" + std::to_string(i) + "]." + field;
}
}  // namespace handle_detail

/// The run's default price per GPU-hour.
inline InputRef<GpuTimePrice> price_of(const TrainingRun& run) {
  return {run.name + ".price"};
}
/// The run's default cluster size.
inline InputRef<AcceleratorCount> accelerators_of(const TrainingRun& run) {
  return {run.name + ".accelerators"};
}
/// Stage `i`'s own price (the stage must have one).
inline InputRef<GpuTimePrice> stage_price_of(const TrainingRun& run, std::size_t i) {
  return {handle_detail::stage(run, i, "price")};
}
/// Stage `i`'s GPU-hours (a stage given in GPU-hours).
inline InputRef<GpuTime> gpu_hours_of(const TrainingRun& run, std::size_t i) {
  return {handle_detail::stage(run, i, "gpu_hours")};
}
/// Stage `i`'s wall-clock (a stage given in wall-clock time).
inline InputRef<Duration> wall_clock_of(const TrainingRun& run, std::size_t i) {
  return {handle_detail::stage(run, i, "wall_clock_hours")};
}
/// Stage `i`'s MFU (a stage given by workload).
inline InputRef<double> mfu_of(const TrainingRun& run, std::size_t i) {
  return {handle_detail::stage(run, i, "mfu")};
}
/// Stage `i`'s goodput (a stage given by workload).
inline InputRef<double> goodput_of(const TrainingRun& run, std::size_t i) {
  return {handle_detail::stage(run, i, "goodput")};
}
/// Stage `i`'s training tokens (a stage given by workload).
inline InputRef<TokenCount> training_tokens_of(const TrainingRun& run, std::size_t i) {
  return {handle_detail::stage(run, i, "training_tokens")};
}
/// The multiplier of research item `i` (a multiplier item).
inline InputRef<double> multiplier_of(const Program& p, std::size_t i) {
  return {handle_detail::item(p, "research", i, "multiplier")};
}
/// Staff group `i`'s headcount.
inline InputRef<PersonCount> headcount_of(const Program& p, std::size_t i) {
  return {handle_detail::item(p, "staff", i, "headcount")};
}
/// Staff group `i`'s salary per person-year.
inline InputRef<StaffRate> salary_of(const Program& p, std::size_t i) {
  return {handle_detail::item(p, "staff", i, "salary")};
}
/// Staff group `i`'s overhead ratio.
inline InputRef<double> staff_overhead_of(const Program& p, std::size_t i) {
  return {handle_detail::item(p, "staff", i, "overhead")};
}
/// Staff group `i`'s period.
inline InputRef<Duration> staff_period_of(const Program& p, std::size_t i) {
  return {handle_detail::item(p, "staff", i, "period")};
}
/// The program's share of its fleet (fleet-allocation basis).
inline InputRef<double> fleet_share_of(const Program& p) {
  return {p.name + ".fleet.share"};
}

}  // namespace traincost::uncertainty
