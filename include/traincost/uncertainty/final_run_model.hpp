#pragma once
/// \file
/// Any final run (`TrainingRun`) as a Monte Carlo model: every stage's GPU
/// time and every price becomes an input, fixed at the run's value, so that
/// any of them can be given a range with `InputSet::set`. The vectorized
/// cost agrees with `cost_final_run` (tested on random samples).

#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "traincost/final_run.hpp"
#include "traincost/uncertainty/canonical.hpp"
#include "traincost/uncertainty/distribution.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"

namespace traincost::uncertainty {

namespace detail {

inline std::string stage_input_name(const Stage& s, std::size_t i) {
  return s.name.empty() ? "stages[" + std::to_string(i) + "]" : s.name;
}

}  // namespace detail

/// The inputs of `run`, all fixed at the run's values: "price" (the run's
/// price), then "<stage>.gpu_hours" for each stage (wall-clock stages are
/// converted on their cluster), then "<stage>.price" for each stage with a
/// price of its own. Replace any with a range:
/// `in.set("price", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)))`.
inline InputSet final_run_inputs(const TrainingRun& run) {
  if (run.stages.empty())
    throw Error(ErrorCode::invalid_input, "run.stages",
                "the run \"" + run.name + "\" has no stages; expected at least one");
  InputSet in;
  in.add("price", fixed(run.price.value), run.price.provenance,
         shown_in("USD/GPU-hour", in_usd_per_gpu_hour));
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Stage& s = run.stages[i];
    const Cluster& cluster = s.cluster ? *s.cluster : run.cluster;
    const GpuTime t = std::holds_alternative<GpuTime>(s.usage)
                          ? std::get<GpuTime>(s.usage)
                          : cluster.gpu_time(std::get<Duration>(s.usage));
    in.add(detail::stage_input_name(s, i) + ".gpu_hours", fixed(t), s.usage_provenance,
           shown_in("GPU-hours", in_gpu_hours));
  }
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Stage& s = run.stages[i];
    if (s.price)
      in.add(detail::stage_input_name(s, i) + ".price", fixed(s.price->value), s.price->provenance,
             shown_in("USD/GPU-hour", in_usd_per_gpu_hour));
  }
  return in;
}

/// The vectorized cost of `run` in USD — the sum over stages of GPU time x
/// price — over inputs laid out by `final_run_inputs(run)`.
inline Model final_run_model(const TrainingRun& run) {
  // (GPU-time column, price column) per stage.
  std::vector<std::pair<Eigen::Index, Eigen::Index>> terms;
  Eigen::Index next_price = 1 + static_cast<Eigen::Index>(run.stages.size());
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Eigen::Index price_col = run.stages[i].price ? next_price++ : 0;
    terms.emplace_back(1 + static_cast<Eigen::Index>(i), price_col);
  }
  return [terms](const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out) {
    out.setZero();
    for (const auto& [gpu, price] : terms)
      out += x.col(gpu) * x.col(price);
  };
}

}  // namespace traincost::uncertainty
