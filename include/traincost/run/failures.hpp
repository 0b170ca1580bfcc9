#pragma once
/// \file
/// Interruptions of a synchronous training job and what they cost: expected
/// interruptions, goodput, lost GPU-hours, and the run's wall-clock and cost
/// including them.
///
/// The model (first order, derived in docs/sources.md §13). A job on N
/// accelerators fails at Λ = λ N per hour, λ the failure rate per
/// accelerator-hour (or 1 / MTBF of an accelerator or a node). The job
/// computes for τ, writes a checkpoint for δ, and repeats. A failure costs a
/// restart R plus the work since the last checkpoint, on average half a
/// segment (τ + δ) / 2. Over a long run the share of elapsed time spent in
/// segments that are kept is a = 1 − Λ (R + (τ + δ) / 2), and of that time
/// τ / (τ + δ) is training, so
///
///     goodput g = τ / (τ + δ) · (1 − Λ (R + (τ + δ) / 2)).
///
/// A stage whose failure-free compute is W hours on N accelerators takes
/// T = W / g hours, sees Λ T interruptions and loses N (T − W) GPU-hours.
/// The interval that maximises g is τ* = sqrt(δ² + 2 δ c / Λ) − δ with
/// c = 1 − Λ R − Λ δ / 2; when δ and R are small against 1 / Λ it is Young's
/// first-order optimum sqrt(2 δ / Λ) (Young 1974; Daly 2006 derives
/// higher-order estimates of the same interval).
///
/// A stage's GPU-hours are taken as failure-free work: the failure model adds
/// what interruptions cost on top. Where a run's reported GPU-hours already
/// include the failures (most model cards), do not add them twice.

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/model/lanes.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// How often accelerators fail: a rate per accelerator-hour, or a mean time
/// between failures of one accelerator or of one node of several.
struct FailureRateSpec {
  struct PerAccelerator {
    AcceleratorFailureRate rate;
  };
  struct MtbfPerAccelerator {
    Duration mtbf;
  };
  struct MtbfPerNode {
    Duration mtbf;
    double accelerators_per_node = 8.0;
  };
  std::variant<PerAccelerator, MtbfPerAccelerator, MtbfPerNode> form =
      PerAccelerator{failures_per_accelerator_hour(0)};
  Provenance provenance;

  static FailureRateSpec per_accelerator(AcceleratorFailureRate r, Provenance p) {
    return {PerAccelerator{r}, std::move(p)};
  }
  static FailureRateSpec mtbf_per_accelerator(Duration mtbf, Provenance p) {
    return {MtbfPerAccelerator{mtbf}, std::move(p)};
  }
  static FailureRateSpec mtbf_per_node(Duration mtbf, double accelerators_per_node, Provenance p) {
    return {MtbfPerNode{mtbf, accelerators_per_node}, std::move(p)};
  }

  /// The rate per accelerator-hour. Throws for a non-positive figure.
  AcceleratorFailureRate per_accelerator_rate() const {
    if (const auto* r = std::get_if<PerAccelerator>(&form)) {
      detail::require_positive("failures.per_accelerator_hour",
                               in_failures_per_accelerator_hour(r->rate),
                               "failure rate per accelerator-hour");
      return r->rate;
    }
    if (const auto* m = std::get_if<MtbfPerAccelerator>(&form)) {
      detail::require_positive("failures.mtbf_hours", in_hours(m->mtbf), "number of hours");
      return interruptions(1) / (m->mtbf * accelerators(1));
    }
    const auto& n = std::get<MtbfPerNode>(form);
    detail::require_positive("failures.node_mtbf_hours", in_hours(n.mtbf), "number of hours");
    detail::require_positive_whole("failures.accelerators_per_node", n.accelerators_per_node,
                                   "accelerators per node");
    return interruptions(1) / (n.mtbf * accelerators(n.accelerators_per_node));
  }
};

/// What a run's interruptions are computed from.
struct FailureInputs {
  FailureRateSpec rate;
  /// Compute time between checkpoints; empty: the optimum for δ and Λ.
  std::optional<Duration> checkpoint_interval;
  /// Time to write one checkpoint (δ); the job makes no progress meanwhile.
  Duration checkpoint_write = seconds(0);
  /// Time from an interruption to training again (R): detection, restart, reload.
  Duration restart = seconds(0);
  /// Where the checkpoint and restart figures come from.
  Provenance provenance;
};

/// The interruption model for one job of `count` accelerators at one point.
struct FailureOutcome {
  FailureRate job_rate = failures_per_hour(0);  ///< Λ = λ N
  Duration interval = hours(0);                 ///< τ, given or optimal
  bool optimal_interval = false;
  double goodput = 1.0;  ///< training time / elapsed time
};

namespace detail {

/// The optimal interval τ* = sqrt(δ² + 2 δ c / Λ) − δ, c = 1 − Λ R − Λ δ / 2,
/// in hours over a value type `V` (a number, or `model::Lanes` in a
/// simulation): the one definition both the point model and the drawn one
/// use. Checks nothing.
template <class V>
V optimal_interval_hours(const V& lam, const V& d, const V& r) {
  using model::sqrt;
  const V c = 1.0 - lam * r - lam * d / 2.0;
  return sqrt(d * d + 2.0 * d * c / lam) - d;
}

/// The share of elapsed time in kept segments, 1 − Λ (R + (τ + δ) / 2), in hours over `V`.
template <class V>
V kept_share(const V& lam, const V& tau, const V& d, const V& r) {
  return 1.0 - lam * (r + (tau + d) * 0.5);
}

/// Goodput τ / (τ + δ) · kept, over `V`.
template <class V>
V goodput_at(const V& tau, const V& d, const V& kept) {
  return tau / (tau + d) * kept;
}

/// GPU-hours lost to interruptions: N (T − W) with T = W / g and W = GPU-hours / N,
/// i.e. GPU-hours / g − GPU-hours, over `V`.
template <class V>
V lost_gpu_hours(const V& gpu_hours, const V& goodput) {
  return gpu_hours / goodput - gpu_hours;
}

}  // namespace detail

/// The checkpoint interval that maximises goodput: sqrt(δ² + 2 δ c / Λ) − δ,
/// c = 1 − Λ R − Λ δ / 2 (derivation in docs/sources.md §13). The write time
/// must be positive: with free checkpoints the optimum is to checkpoint
/// continuously, an interval of zero. Throws when failures leave no time to work.
inline Duration optimal_checkpoint_interval(FailureRate job_rate, Duration write,
                                            Duration restart) {
  detail::require_positive("failures.checkpoint_write_minutes", in_seconds(write) / 60.0,
                           "number of minutes");
  const double lam = in_failures_per_hour(job_rate);  // per hour
  const double d = in_hours(write), r = in_hours(restart);
  const double c = 1.0 - lam * r - lam * d / 2.0;
  if (!(c > 0.0))
    detail::fail_value("failures.restart_minutes", r * 60.0,
                       "a restart and checkpoint write short against the job's mean time between "
                       "failures (failures come faster than the job can recover)");
  return hours(detail::optimal_interval_hours(lam, d, r));
}

/// Young's first-order optimum sqrt(2 δ / Λ) (Young 1974), for comparison.
inline Duration young_checkpoint_interval(FailureRate job_rate, Duration write) {
  return hours(std::sqrt(2.0 * in_hours(write) / in_failures_per_hour(job_rate)));
}

/// The goodput of a job of `count` accelerators under `in`.
inline FailureOutcome failure_outcome(AcceleratorCount count, const FailureInputs& in) {
  detail::require_positive_whole("failures.accelerators", in_accelerators(count), "accelerators");
  detail::require_non_negative("failures.checkpoint_write_minutes",
                               in_seconds(in.checkpoint_write) / 60.0, "number of minutes");
  detail::require_non_negative("failures.restart_minutes", in_seconds(in.restart) / 60.0,
                               "number of minutes");
  FailureOutcome out;
  out.job_rate = in.rate.per_accelerator_rate() * count;
  if (in.checkpoint_interval) {
    detail::require_positive("failures.checkpoint_interval_hours",
                             in_hours(*in.checkpoint_interval), "number of hours");
    out.interval = *in.checkpoint_interval;
  } else {
    out.interval = optimal_checkpoint_interval(out.job_rate, in.checkpoint_write, in.restart);
    out.optimal_interval = true;
  }
  const double kept = detail::kept_share(in_failures_per_hour(out.job_rate), in_hours(out.interval),
                                         in_hours(in.checkpoint_write), in_hours(in.restart));
  if (!(kept > 0.0))
    detail::fail_value("failures.checkpoint_interval_hours", in_hours(out.interval),
                       "an interval, write and restart time short against the job's mean time "
                       "between failures (as given, the job never finishes)");
  out.goodput = detail::goodput_at(in_hours(out.interval), in_hours(in.checkpoint_write), kept);
  return out;
}

/// One stage under interruptions.
struct StageFailures {
  std::string name;
  AcceleratorCount accelerators = traincost::accelerators(0);
  FailureOutcome outcome;
  Duration failure_free = hours(0);  ///< W: the stage's wall-clock without failures
  Duration wall_clock = hours(0);    ///< T = W / goodput
  InterruptionCount interruptions = traincost::interruptions(0);
  GpuTime lost = gpu_hours(0);  ///< N (T − W)
  Money lost_cost = usd(0);     ///< lost x the stage's price
};

/// A run under interruptions: the cost of the lost time beside the run's
/// failure-free cost, and the total including it (same scope as the run).
struct RunFailures {
  std::string name;
  std::vector<StageFailures> stages;
  InterruptionCount interruptions = traincost::interruptions(0);
  GpuTime lost = gpu_hours(0);
  Duration wall_clock = hours(0);  ///< including interruptions
  double goodput = 1.0;            ///< failure-free GPU time / GPU time including failures
  Money lost_cost = usd(0);
  Money total = usd(0);  ///< the run's cost including interruptions
  Scope scope = Scope::final_run_rental;
  Provenance provenance;
};

/// The interruptions of a costed run. Throws `traincost::Error` for a bad
/// rate, interval, write or restart time, or failures too frequent to finish.
inline RunFailures failures_of_run(const FinalRunCost& cost, const FailureInputs& in) {
  RunFailures out;
  out.name = cost.name;
  out.scope = cost.scope();
  GpuTime used = gpu_hours(0);
  for (const auto& sc : cost.stages) {
    StageFailures sf;
    sf.name = sc.name;
    sf.accelerators = sc.accelerators;
    sf.outcome = failure_outcome(sc.accelerators, in);
    sf.failure_free = sc.gpu_time / sc.accelerators;
    sf.wall_clock = sf.failure_free / sf.outcome.goodput;
    sf.interruptions = sf.outcome.job_rate * sf.wall_clock;
    sf.lost = gpu_hours(detail::lost_gpu_hours(in_gpu_hours(sc.gpu_time), sf.outcome.goodput));
    sf.lost_cost = sf.lost * sc.price;
    out.interruptions += sf.interruptions;
    out.lost += sf.lost;
    out.wall_clock += sf.wall_clock;
    out.lost_cost += sf.lost_cost;
    used += sc.gpu_time + sf.lost;
    out.stages.push_back(std::move(sf));
  }
  out.goodput = ratio(cost.gpu_time, used);
  out.total = cost.total + out.lost_cost;
  out.provenance = derived_from({in.rate.provenance.evidence, in.provenance.evidence},
                                "interruption model: rate (" + in.rate.provenance.source +
                                    "), checkpoint and restart (" + in.provenance.source + ")");
  return out;
}

}  // namespace traincost
