#pragma once
/// \file
/// From a workload to accelerator time: training FLOP, GPU-hours and
/// wall-clock days on a cluster at a given MFU and goodput, and a final-run
/// `Stage` built from a workload, so a stage can be costed from what was
/// trained as easily as from reported GPU-hours.
///
///     GPU-hours = FLOP per token x tokens / (peak(precision) x MFU x goodput)
///     wall-clock = GPU-hours / accelerators
///
/// The inverse direction (implied MFU of a reported figure, what a budget
/// buys, accelerators for a deadline) lives in plausibility.hpp.

#include <sstream>
#include <string>
#include <utility>

#include "traincost/cluster.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/error.hpp"
#include "traincost/final_run.hpp"
#include "traincost/provenance.hpp"
#include "traincost/throughput.hpp"
#include "traincost/units.hpp"
#include "traincost/workload.hpp"

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
  Provenance provenance;                                    ///< the chain, as a `derived` figure
};

namespace detail {

/// A number for provenance text: 4 significant digits ("1.48e+13", "2048").
inline std::string short_number(double v) {
  std::ostringstream os;
  os.precision(4);
  os << v;
  return os.str();
}

/// Requires `spec` to compute in the workload's precision. The catalog's
/// `unsupported_precision` error is re-issued under the workload's field name,
/// with the catalog's message (which names the accelerator, the precision and
/// the precisions it does have), so the user knows which input to fix.
inline void require_training_precision(const AcceleratorSpec& spec, Precision p) {
  try {
    (void)spec.peak(p);
  } catch (const Error& e) {
    // what() is "[id] field: message"; keep the message.
    const std::string prefix = "[" + std::string(error_id(e.code())) + "] " + e.field() + ": ";
    std::string msg = e.what();
    if (msg.rfind(prefix, 0) == 0)
      msg.erase(0, prefix.size());
    throw Error(ErrorCode::unsupported_precision, "workload.training_precision", msg);
  }
}

}  // namespace detail

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
  detail::require_training_precision(spec, w.training_precision);

  ComputeEstimate e;
  e.workload = w.name;
  e.accelerator = spec.name;
  e.accelerators = cluster.count();
  e.flop_per_token = training_flop_per_token(w);
  e.training_flop = work;
  e.training_precision = w.training_precision;
  e.mfu_precision = throughput.mfu_precision();
  e.reference_peak = spec.peak(throughput.mfu_precision());
  e.mfu = throughput.mfu();
  e.goodput = throughput.goodput();
  e.effective_per_accelerator = throughput.effective(spec);
  e.gpu_time = gpu_time_for(work, spec, throughput);
  e.wall_clock = cluster.wall_clock(e.gpu_time);
  e.token_rate = w.training_tokens / e.wall_clock;

  using detail::short_number;
  e.provenance =
      derived(w.flop_rule.describe() + " [" + std::string(tag(w.flop_rule.provenance().evidence)) +
              "] = " + short_number(in_flop_per_token(e.flop_per_token)) + " FLOP/token x " +
              short_number(in_tokens(w.training_tokens)) + " tokens [" +
              std::string(tag(w.provenance.evidence)) + "] / (" + spec.name + " " +
              std::string(to_string(e.mfu_precision)) + " dense peak " +
              short_number(in_tflop_per_second(e.reference_peak)) + " TFLOP/s x MFU " +
              short_number(e.mfu) + " x goodput " + short_number(e.goodput) + " [" +
              std::string(tag(throughput.source().evidence)) + "])");
  return e;
}

/// A final-run stage whose GPU-hours come from a workload instead of a
/// report. The stage runs on `cluster` (so its wall-clock is on the cluster
/// the estimate assumed) and its usage provenance is the `derived` chain.
/// Cost it with `cost_final_run` like any other stage.
inline Stage stage_from_workload(std::string name, StageKind kind, const Workload& w,
                                 const Cluster& cluster, const Throughput& throughput) {
  ComputeEstimate e = estimate_compute(w, cluster, throughput);
  return Stage::with_gpu_time(std::move(name), kind, e.gpu_time, std::move(e.provenance))
      .on(cluster);
}

}  // namespace traincost
