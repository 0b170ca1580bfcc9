#pragma once
/// \file
/// How fast an accelerator turns FLOP into progress: the peak an MFU is
/// quoted against, the MFU itself, and goodput.
///
/// * MFU (model FLOP utilization, Chowdhery et al. 2022, arXiv 2204.02311,
///   §4.1): model FLOP per second achieved while training steps run, divided
///   by the accelerator's dense peak *at a named precision*.
/// * Goodput: the share of wall-clock time spent on useful steps, after
///   failures, restarts and checkpoints (Llama 3 405B: "over 90% effective
///   training time", sources.md §8). Default 1.0, i.e. every hour is useful.
///
/// So GPU-hours = training FLOP / (peak(precision) x MFU x goodput).
///
/// The precision is a required input, never a default: DeepSeek trained V3
/// in FP8 but quotes MFU against the BF16 peak (38.9%; 19.5% against FP8's
/// 1,979 TFLOP/s, sources.md §1), and a public cost dataset normalised FP8
/// runs against the wrong peak (sources.md §7). An MFU without its precision
/// is not a number one can compare.

#include <optional>
#include <string>
#include <utility>

#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// The default goodput: every wall-clock hour is a useful training hour.
inline constexpr double default_goodput = 1.0;

/// An accelerator's dense peak at the precision an MFU is quoted against.
struct ReferencePeak {
  std::string accelerator;  ///< accelerator name, e.g. "H800 SXM"
  Precision precision;      ///< the precision of the peak, e.g. BF16
  FlopRate peak;            ///< dense peak per accelerator
};

/// The dense peak of `spec` at `precision`. Throws
/// `traincost::Error(unsupported_precision)` naming the precision when the
/// accelerator has none (FP8 on an A100): never a silent fallback.
inline ReferencePeak reference_peak(const AcceleratorSpec& spec, Precision precision) {
  return ReferencePeak{spec.name, precision, spec.peak(precision)};
}

/// Achieved utilization of a run: MFU against an explicit precision's peak,
/// and goodput.
class Throughput {
 public:
  /// \param mfu_precision the precision whose dense peak `mfu` is relative to
  /// \param mfu           model FLOP utilization in (0, 1]
  /// \param goodput       useful share of wall-clock, in (0, 1]; default 1.0
  Throughput(Precision mfu_precision, double mfu, double goodput = default_goodput)
      : precision_(mfu_precision),
        mfu_(detail::require_unit_fraction("throughput.mfu", mfu)),
        goodput_(detail::require_unit_fraction("throughput.goodput", goodput)) {}

  /// A throughput quoted as FLOP/s achieved per accelerator while steps run
  /// ("147 TFLOP/s per GPU", OPT-175B): the MFU is that rate over `spec`'s
  /// dense peak at `against`. Both figures are kept (`stated_rate`).
  /// Throws `invalid_value` at "throughput.effective_tflops" for a rate that
  /// is not positive or exceeds the peak, `unsupported_precision` when `spec`
  /// has no peak at `against`.
  static Throughput from_flop_rate(FlopRate per_accelerator, const AcceleratorSpec& spec,
                                   Precision against, double goodput = default_goodput) {
    const FlopRate peak = spec.peak(against, "throughput.mfu_precision");
    const double tflops = in_tflop_per_second(per_accelerator);
    if (!detail::is_positive(tflops) || per_accelerator > peak)
      detail::fail_value("throughput.effective_tflops", tflops,
                         "a positive rate at most the " + spec.name + " " +
                             std::string(to_string(against)) + " dense peak (" +
                             detail::format_value(in_tflop_per_second(peak)) + " TFLOP/s)");
    Throughput t(against, ratio(per_accelerator, peak), goodput);
    t.stated_rate_ = per_accelerator;
    return t;
  }

  /// The precision the MFU is quoted against.
  Precision mfu_precision() const { return precision_; }
  /// The achieved FLOP/s per accelerator the MFU was computed from, when the
  /// throughput was quoted that way (`from_flop_rate`).
  const std::optional<FlopRate>& stated_rate() const { return stated_rate_; }
  /// Model FLOP utilization, a fraction of the reference peak.
  double mfu() const { return mfu_; }
  /// Useful share of wall-clock time.
  double goodput() const { return goodput_; }

  /// Where the MFU and goodput come from; `assumed` unless set.
  const Provenance& source() const { return source_; }
  /// The same figures with their source, e.g. `published("DeepSeek ISCA'25")`.
  Throughput with_source(Provenance source) const {
    Throughput t = *this;
    t.source_ = std::move(source);
    return t;
  }
  /// The same MFU with another goodput.
  Throughput with_goodput(double goodput) const {
    Throughput t = Throughput(precision_, mfu_, goodput).with_source(source_);
    t.stated_rate_ = stated_rate_;
    return t;
  }

  /// FLOP per second one accelerator achieves while steps run: peak x MFU.
  /// Throws `unsupported_precision` naming "throughput.mfu_precision" when
  /// `spec` has no peak at the MFU's precision.
  FlopRate achieved(const AcceleratorSpec& spec) const {
    return spec.peak(precision_, "throughput.mfu_precision") * mfu_;
  }
  /// FLOP per second one accelerator delivers averaged over wall-clock time,
  /// failures and restarts included: peak x MFU x goodput.
  FlopRate effective(const AcceleratorSpec& spec) const { return achieved(spec) * goodput_; }

 private:
  Precision precision_;
  double mfu_;
  double goodput_;
  std::optional<FlopRate> stated_rate_;
  Provenance source_ = assumed("MFU and goodput given by the user");
};

/// Re-expresses an MFU quoted against one precision's peak as an MFU against
/// another's, on the same accelerator: mfu x peak(from) / peak(to). E.g.
/// DeepSeek-V3's 38.94% against BF16 is 19.5% against FP8 on an H800.
/// Unlike a `Throughput`, the result may exceed 1 (an FP8 run quoted against
/// the BF16 peak can), so it is returned as a plain ratio.
/// \param mfu  the MFU as quoted, > 0
/// \param from the precision `mfu` is quoted against
/// \param to   the precision to restate it against
inline double restate_mfu(double mfu, const AcceleratorSpec& spec, Precision from, Precision to) {
  detail::require_positive("mfu", mfu, "fraction");
  return mfu * ratio(spec.peak(from, "from"), spec.peak(to, "to"));
}

}  // namespace traincost
