#pragma once
/// \file
/// From a workload to accelerator time: training FLOP, GPU-hours and
/// wall-clock days on a cluster at a given MFU and goodput. A final-run
/// `Stage` built from a workload (`stage_from_workload`) lives one layer up,
/// in workload_stage.hpp, beside the cost model it feeds.
///
///     GPU-hours = FLOP per token x tokens / (peak(precision) x MFU x goodput)
///     wall-clock = GPU-hours / accelerators
///
/// The inverse direction (implied MFU of a reported figure, what a budget
/// buys, accelerators for a deadline) lives in plausibility.hpp.

#include <string>
#include <utility>

#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/cluster.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Everything the forward computation found, with the inputs that fix it.
struct ComputeEstimate {
  std::string workload;     ///< workload name
  std::string accelerator;  ///< accelerator name
  AcceleratorCount accelerators = traincost::accelerators(0);
  FlopPerToken flop_per_token = traincost::flop_per_token(0);
  FlopCount training_flop = flop(0);
  Precision training_precision = Precision::bf16;  ///< what the run computes in
  Precision mfu_precision = Precision::bf16;       ///< what the MFU is relative to
  FlopRate reference_peak = flop_per_second(0);    ///< per accelerator, at `mfu_precision`
  double mfu = 0;
  double goodput = 0;
  FlopRate effective_per_accelerator = flop_per_second(0);  ///< peak x MFU x goodput
  GpuTime gpu_time = gpu_hours(0);                          ///< accelerator time billed
  Duration wall_clock = hours(0);                           ///< on the cluster
  TokenRate token_rate = tokens_per_second(0);              ///< whole cluster, over wall-clock
  /// The chain in words; `derived` when every input is published or derived,
  /// otherwise as weak as the weakest (an assumed MFU makes it assumed).
  Provenance provenance;
};

/// Accelerator time to compute `work` on `spec` at `throughput`:
/// work / (peak x MFU x goodput). Throws on non-positive FLOP or a precision
/// the accelerator has no peak for.
/// \param work training FLOP
inline GpuTime gpu_time_for(FlopCount work, const AcceleratorSpec& spec,
                            const Throughput& throughput) {
  detail::require_positive("training_flop", in_flop(work), "number of FLOP");
  return work / throughput.effective(spec) * accelerators(1);
}

/// FLOP that `usage` of accelerator time computes at `throughput`: the
/// inverse of `gpu_time_for`.
inline FlopCount flop_for_gpu_time(GpuTime usage, const AcceleratorSpec& spec,
                                   const Throughput& throughput) {
  detail::require_positive("gpu_time", in_gpu_hours(usage), "number of GPU-hours");
  return usage / accelerators(1) * throughput.effective(spec);
}

/// Accelerator time a budget buys at a rental price.
/// \param budget US dollars  \param price USD per GPU-hour
inline GpuTime gpu_time_for_budget(Money budget, GpuTimePrice price) {
  detail::require_positive("budget", in_usd(budget), "amount in USD");
  detail::require_positive("price", in_usd_per_gpu_hour(price), "price in USD per GPU-hour");
  return budget / price;
}

/// The forward computation: training FLOP, GPU-hours, wall-clock and token
/// rate of `w` on `cluster` at `throughput`. Throws `traincost::Error` for a
/// bad workload, or `unsupported_precision` when the accelerator has no peak
/// for the training precision or the MFU's precision.
inline ComputeEstimate estimate_compute(const Workload& w, const Cluster& cluster,
                                        const Throughput& throughput) {
  const AcceleratorSpec& spec = cluster.accelerator();
  const FlopCount work = training_flop(w);
  // The accelerator must compute in the training precision, even though the
  // MFU may be quoted against another precision's peak.
  (void)spec.peak(w.training_precision, "workload.training_precision");

  ComputeEstimate e;
  e.workload = w.name;
  e.accelerator = spec.name;
  e.accelerators = cluster.count();
  // A stated total has FLOP per token only when its tokens are known.
  const bool tokens_known = in_tokens(w.training_tokens) > 0.0;
  e.flop_per_token = !w.total_flop  ? training_flop_per_token(w)
                     : tokens_known ? work / w.training_tokens
                                    : flop_per_token(0);
  e.training_flop = work;
  e.training_precision = w.training_precision;
  e.mfu_precision = throughput.mfu_precision();
  e.reference_peak = spec.peak(throughput.mfu_precision(), "throughput.mfu_precision");
  e.mfu = throughput.mfu();
  e.goodput = throughput.goodput();
  e.effective_per_accelerator = throughput.effective(spec);
  e.gpu_time = gpu_time_for(work, spec, throughput);
  e.wall_clock = cluster.wall_clock(e.gpu_time);
  e.token_rate = tokens_known ? w.training_tokens / e.wall_clock : tokens_per_second(0);

  using detail::format_value;
  // A stated total owes nothing to the per-token rule.
  const Provenance rule = w.total_flop ? w.provenance : w.flop_rule.provenance();
  const Evidence peak_evidence = spec.provenance.evidence;
  const std::string flop_text =
      w.total_flop ? describe_flop(w) + " [" + std::string(tag(w.provenance.evidence)) + "]"
                   : w.flop_rule.describe() + " [" + std::string(tag(rule.evidence)) +
                         "] = " + format_value(in_flop_per_token(e.flop_per_token)) +
                         " FLOP/token x " + format_value(in_tokens(w.training_tokens)) +
                         " tokens [" + std::string(tag(w.provenance.evidence)) + "]";
  e.provenance = derived_from(
      {rule.evidence, w.provenance.evidence, peak_evidence, throughput.source().evidence},
      flop_text + " / (" + spec.name + " " + std::string(to_string(e.mfu_precision)) +
          " dense peak " + format_value(in_tflop_per_second(e.reference_peak)) + " TFLOP/s [" +
          std::string(tag(peak_evidence)) + "] x MFU " + format_value(e.mfu) + " x goodput " +
          format_value(e.goodput) + " [" + std::string(tag(throughput.source().evidence)) + "])");
  return e;
}

}  // namespace traincost
