#pragma once
/// \file
/// Running reported figures backwards: the MFU a reported number of GPU-hours
/// (or a reported token rate) implies, with a verdict; the tokens a budget
/// buys; the accelerators needed to finish by a deadline; the wall-clock on a
/// given cluster. This is how analysts checked DeepSeek's $5.576M in January
/// 2025: 2,664K H800 GPU-hours for 14.8T tokens at 250 GFLOP/token is 39% of
/// the BF16 peak — high but achieved by others, so plausible.
///
///     implied MFU = training FLOP / (GPU-hours x peak(precision) x goodput)
///
/// Verdict: above 100% of the reference peak is impossible; above a ceiling
/// (default 60%, an assumption the caller can change) is implausible. The
/// ceiling is deliberately generous: Epoch AI's median of 33 known MFUs is
/// 37.5% (sources.md §7, Cottier et al. 2024).

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "traincost/compute/compute.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/cluster.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// The default plausibility ceiling on MFU: 60% of the reference peak.
/// An assumption [?], not a published limit; override it per check.
inline constexpr double default_mfu_ceiling = 0.60;

/// How believable an implied MFU is.
enum class Verdict {
  plausible,    ///< at or below the ceiling
  implausible,  ///< above the ceiling, at or below 100% of peak
  impossible,   ///< above 100% of the reference peak
};

/// "plausible", "implausible" or "impossible".
constexpr std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::plausible:
      return "plausible";
    case Verdict::implausible:
      return "implausible";
    case Verdict::impossible:
      return "impossible";
  }
  detail::fail_enum_value("Verdict", static_cast<long long>(v));
}

/// What an implied MFU is measured against: a precision (required, never a
/// default), the goodput to assume, and the plausibility ceiling.
class MfuBasis {
 public:
  /// \param against the precision whose dense peak the MFU is relative to
  explicit MfuBasis(Precision against) : precision_(against) {}

  /// Assumes this share of wall-clock was useful (default 1.0): the implied
  /// MFU then counts only useful time, so it rises as goodput falls.
  /// \param goodput a fraction in (0, 1]
  MfuBasis& with_goodput(double goodput) & {
    goodput_ = detail::require_unit_fraction("mfu_basis.goodput", goodput);
    return *this;
  }
  /// On a temporary, returns a new value rather than a reference into the
  /// temporary, so `const MfuBasis& b = MfuBasis(p).with_goodput(0.9);`
  /// extends the result's lifetime instead of dangling.
  MfuBasis with_goodput(double goodput) && { return std::move(with_goodput(goodput)); }
  /// Uses another plausibility ceiling.
  /// \param ceiling a fraction of the reference peak in (0, 1]
  MfuBasis& with_ceiling(double ceiling) & {
    ceiling_ = detail::require_unit_fraction("mfu_basis.ceiling", ceiling);
    return *this;
  }
  /// On a temporary, a new value (see `with_goodput`).
  MfuBasis with_ceiling(double ceiling) && { return std::move(with_ceiling(ceiling)); }

  Precision precision() const { return precision_; }
  double goodput() const { return goodput_; }
  double ceiling() const { return ceiling_; }

 private:
  Precision precision_;
  double goodput_ = default_goodput;
  double ceiling_ = default_mfu_ceiling;
};

/// The MFU a reported figure implies, and the verdict.
/// Its one-sentence explanation for people is `explain` (print/plausibility_report.hpp).
struct ImpliedMfu {
  std::string accelerator;                       ///< the reference peak's accelerator
  double mfu = 0;                                ///< fraction of the reference peak
  Precision precision = Precision::bf16;         ///< the reference peak's precision
  FlopRate reference_peak = flop_per_second(0);  ///< per accelerator
  FlopRate achieved = flop_per_second(0);        ///< per accelerator, over useful time
  double goodput = default_goodput;              ///< assumed
  double ceiling = default_mfu_ceiling;          ///< the verdict's threshold
  Verdict verdict = Verdict::plausible;
  /// How the MFU was computed; as weak as the weakest input (the workload's
  /// sizes and FLOP rule, the accelerator's peak). A bare number, passed
  /// without a provenance, counts as `assumed`, as everywhere in traincost.
  Provenance provenance;
};

namespace detail {

/// \param inputs the weakest evidence among the figures behind `achieved`
/// \param how    those figures in words, for the provenance
inline ImpliedMfu judge(FlopRate achieved, const AcceleratorSpec& spec, const MfuBasis& basis,
                        Evidence inputs, const std::string& how) {
  ImpliedMfu r;
  r.accelerator = spec.name;
  r.precision = basis.precision();
  r.reference_peak = spec.peak(basis.precision(), "mfu_basis.precision");
  r.achieved = achieved;
  r.goodput = basis.goodput();
  r.ceiling = basis.ceiling();
  r.mfu = ratio(achieved, r.reference_peak);
  require_finite("implied_mfu", r.mfu, "a finite ratio");
  r.verdict = r.mfu > 1.0         ? Verdict::impossible
              : r.mfu > r.ceiling ? Verdict::implausible
                                  : Verdict::plausible;
  r.provenance = derived_from(
      {inputs, spec.provenance.evidence},
      how + " / " + spec.name + " " + std::string(to_string(r.precision)) + " dense peak " +
          format_value(in_tflop_per_second(r.reference_peak)) + " TFLOP/s [" +
          std::string(tag(spec.provenance.evidence)) + "], goodput " + format_value(r.goodput));
  return r;
}

}  // namespace detail

namespace detail {

inline ImpliedMfu implied_mfu_of(FlopCount work, GpuTime reported, const AcceleratorSpec& spec,
                                 const MfuBasis& basis, Evidence inputs, const std::string& what) {
  require_positive("training_flop", in_flop(work), "number of FLOP");
  require_positive("reported_gpu_time", in_gpu_hours(reported), "number of GPU-hours");
  const FlopRate achieved = work / (reported * basis.goodput()) * accelerators(1);
  return judge(achieved, spec, basis, inputs,
               what + format_value(in_flop(work)) + " FLOP in " +
                   format_value(in_gpu_hours(reported)) + " GPU-hours");
}

}  // namespace detail

/// The MFU implied by computing `work` in `reported` accelerator time.
/// \param work     training FLOP
/// \param reported accelerator time, e.g. gpu_hours(2.664e6)
inline ImpliedMfu implied_mfu(FlopCount work, GpuTime reported, const AcceleratorSpec& spec,
                              const MfuBasis& basis) {
  // Bare numbers carry no provenance: they are assumed, as everywhere.
  return detail::implied_mfu_of(work, reported, spec, basis, Evidence::assumed, "");
}

/// The MFU implied by training `w` in `reported` accelerator time on `spec`.
inline ImpliedMfu implied_mfu(const Workload& w, GpuTime reported, const AcceleratorSpec& spec,
                              const MfuBasis& basis) {
  if (w.total_flop)
    return detail::implied_mfu_of(
        training_flop(w), reported, spec, basis, w.provenance.evidence,
        w.name + ", stated total [" + std::string(tag(w.provenance.evidence)) + "]: ");
  const Evidence rule = w.flop_rule.provenance().evidence;
  return detail::implied_mfu_of(
      training_flop(w), reported, spec, basis, weakest({rule, w.provenance.evidence}),
      w.name + ", " + w.flop_rule.describe() + " [" + std::string(tag(rule)) + "], tokens [" +
          std::string(tag(w.provenance.evidence)) + "]: ");
}

/// The MFU implied by a reported token rate of a whole cluster, e.g.
/// DeepSeek-V3's 272.8B tokens per day on 2,048 H800.
/// \param per_token training FLOP per token
/// \param rate      tokens per unit of wall-clock, whole cluster
inline ImpliedMfu implied_mfu(FlopPerToken per_token, TokenRate rate, const Cluster& cluster,
                              const MfuBasis& basis) {
  detail::require_positive("flop_per_token", in_flop_per_token(per_token),
                           "number of FLOP per token");
  detail::require_positive("token_rate", in_tokens_per_second(rate), "number of tokens per second");
  const FlopRate achieved = per_token * rate / cluster.count() * accelerators(1) / basis.goodput();
  return detail::judge(achieved, cluster.accelerator(), basis, Evidence::assumed,
                       detail::format_value(in_flop_per_token(per_token)) + " FLOP/token x " +
                           detail::format_value(in_tokens_per_day(rate)) + " tokens/day / " +
                           detail::format_value(in_accelerators(cluster.count())) +
                           " accelerators");
}

/// Tokens that `budget` of accelerator time trains at `throughput`.
/// \param per_token training FLOP per token (see `training_flop_per_token`)
inline TokenCount tokens_for_budget(GpuTime budget, FlopPerToken per_token,
                                    const AcceleratorSpec& spec, const Throughput& throughput) {
  detail::require_positive("flop_per_token", in_flop_per_token(per_token),
                           "number of FLOP per token");
  return flop_for_gpu_time(budget, spec, throughput) / per_token;
}

/// Tokens that a dollar budget trains at a rental price.
/// \param budget US dollars  \param price USD per GPU-hour
inline TokenCount tokens_for_budget(Money budget, GpuTimePrice price, FlopPerToken per_token,
                                    const AcceleratorSpec& spec, const Throughput& throughput) {
  return tokens_for_budget(gpu_time_for_budget(budget, price), per_token, spec, throughput);
}

/// Accelerators needed to train within a deadline.
struct DeadlineSizing {
  AcceleratorCount exact = accelerators(0);  ///< GPU-hours / deadline, fractional
  AcceleratorCount whole = accelerators(0);  ///< rounded up to whole accelerators
  GpuTime gpu_time = gpu_hours(0);           ///< the workload's accelerator time
  Duration wall_clock = hours(0);            ///< on `whole` accelerators, <= deadline
};

/// How many `spec` accelerators finish `w` within `deadline` at `throughput`.
/// Rounding up ignores a relative excess below 1e-9, so floating-point noise
/// in an exact fit (2,048.0000000001) does not add an accelerator.
inline DeadlineSizing accelerators_for_deadline(const Workload& w, const AcceleratorSpec& spec,
                                                const Throughput& throughput, Duration deadline) {
  detail::require_positive("deadline", in_hours(deadline), "number of hours");
  DeadlineSizing s;
  s.gpu_time = gpu_time_for(training_flop(w), spec, throughput);
  s.exact = s.gpu_time / deadline;
  const double exact = in_accelerators(s.exact);
  const double whole = std::max(1.0, std::ceil(exact * (1.0 - 1e-9)));
  s.whole = accelerators(whole);
  s.wall_clock = s.gpu_time / s.whole;
  return s;
}

/// Wall-clock time to train `w` on `cluster` at `throughput`.
inline Duration wall_clock_on(const Workload& w, const Cluster& cluster,
                              const Throughput& throughput) {
  return estimate_compute(w, cluster, throughput).wall_clock;
}

}  // namespace traincost
