#pragma once
/// \file
/// DeepSeek's costs as vectorized models with ranges on their inputs:
///
///  * the V3 final run (uncertain rental price and MFU), checked against the
///    typed `cost_final_run`;
///  * a program cost — V3 and R1 final runs, research and ablations through
///    Epoch AI's compute multiplier, and staff — with ten uncertain inputs,
///    checked against the typed scalar `deepseek_program_cost`.
///
/// Figures cite /work/shared/reference/sources.md with their tags: [P] primary,
/// [A] analyst, [D] derived, [?] unverified. Ranges that no source gives are
/// labelled `assumed(...)` and meant to be changed (InputSet::set).
///
/// Scope of the program model: rental-equivalent compute (final runs plus
/// research at the same rental price) plus staff. It is NOT the ~$1.6B fleet
/// capex (sources.md §3), which is an ownership figure of a different scope.

#include <string>
#include <utility>

#include <Eigen/Core>

#include "traincost/catalog.hpp"
#include "traincost/final_run.hpp"
#include "traincost/provenance.hpp"
#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/uncertainty/canonical.hpp"
#include "traincost/uncertainty/distribution.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/units.hpp"

namespace traincost::uncertainty {

// ---------------------------------------------------------------------------
// Published constants (typed), and their canonical values for the arrays
// ---------------------------------------------------------------------------

/// V3 training compute: 250 GFLOP per token (ISCA'25, arXiv 2505.09343) [P]
/// x 14.8T tokens (arXiv 2412.19437) [P] = 3.7e24 FLOP [D].
inline FlopCount deepseek_v3_training_flop() {
  return flop_per_token(250e9) * tokens(14.8e12);
}

/// The H800's dense BF16 peak, 989.5 TFLOP/s (sources.md §5): the denominator
/// DeepSeek's 38.94% MFU is quoted against (§1, [D] check).
inline FlopRate deepseek_mfu_reference_peak() {
  return accelerator("H800 SXM").peak(Precision::bf16);
}

/// V3's stages after pre-training: 119K context extension + 5K post-training
/// GPU-hours (arXiv 2412.19437, Table 1) [P].
inline GpuTime deepseek_v3_later_stages() {
  return gpu_hours(119'000) + gpu_hours(5'000);
}

/// R1's post-training: 512 x 198 h + 5K + 512 x 80 h = 147,336 GPU-hours
/// (Nature 2025 suppl. B.4.4) [D from P].
inline GpuTime deepseek_r1_gpu_time() {
  return gpu_hours(512.0 * 198 + 5'000 + 512.0 * 80);
}

namespace detail {

/// The constants above, typed and in canonical units, computed once (the
/// catalog lookup of the peak is a string search, too slow per sample).
struct DeepSeekConstants {
  FlopCount training_flop = deepseek_v3_training_flop();
  FlopRate peak = deepseek_mfu_reference_peak();
  GpuTime later_stages = deepseek_v3_later_stages();
};

inline const DeepSeekConstants& deepseek_constants() {
  static const DeepSeekConstants c;
  return c;
}

/// The same constants as plain numbers in canonical units, for the arrays.
struct DeepSeekCanonical {
  double training_flop = to_canonical(deepseek_constants().training_flop);
  double peak = to_canonical(deepseek_constants().peak);
  double later_stages = to_canonical(deepseek_constants().later_stages);
};

inline const DeepSeekCanonical& deepseek_canonical() {
  static const DeepSeekCanonical c;
  return c;
}

}  // namespace detail

/// V3 pre-training GPU time for an MFU and goodput (fractions in (0, 1]):
/// FLOP / (peak x MFU x goodput), one accelerator per unit of peak.
inline GpuTime deepseek_v3_pretraining_gpu_time(double mfu, double goodput = 1.0) {
  traincost::detail::require_unit_fraction("v3_mfu", mfu);
  traincost::detail::require_unit_fraction("v3_goodput", goodput);
  const detail::DeepSeekConstants& c = detail::deepseek_constants();
  return accelerators(1) * (c.training_flop / (c.peak * mfu * goodput));
}

// ---------------------------------------------------------------------------
// V3 final run: price and MFU uncertain
// ---------------------------------------------------------------------------

/// Columns of the V3 final-run model.
struct DeepSeekV3Column {
  enum : Eigen::Index {
    price = 0,  ///< rental price [USD per GPU-second]
    mfu,        ///< MFU against BF16 peak [ratio]
    count       ///< number of columns
  };
};

/// The V3 final run with the rental price uniform between $1.5 and $3.5 per
/// GPU-hour (the range the issue asks about; DeepSeek assumed $2 [P], §6
/// rental quotes span $1.10-$4.92 [A]) and the MFU triangular 30%-38.94%-43.73%
/// (mode: the published causal MFU, high: the non-causal one, ISCA'25 [P];
/// low: assumed).
inline InputSet deepseek_v3_final_run_inputs() {
  InputSet in;
  in.add("price", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)),
         assumed("range $1.5-$3.5 per H800 GPU-hour around DeepSeek's $2 (sources.md §1, §6)"),
         shown_in("USD/GPU-hour", in_usd_per_gpu_hour));
  in.add("v3_mfu", triangular(0.30, 0.3894, 0.4373),
         assumed("mode 38.94% causal MFU, high 43.73% non-causal (ISCA'25, sources.md §1 [P]); "
                 "low 30% assumed"),
         shown_as_number("MFU"));
  return in;
}

/// Vectorized V3 final-run cost in USD: (FLOP / (peak x MFU) + later stages) x price.
inline void deepseek_v3_final_run_model(const Eigen::Ref<const Eigen::ArrayXXd>& x,
                                        Eigen::Ref<Eigen::ArrayXd> out) {
  const detail::DeepSeekCanonical& c = detail::deepseek_canonical();
  out = (c.training_flop / (c.peak * x.col(DeepSeekV3Column::mfu)) + c.later_stages) *
        x.col(DeepSeekV3Column::price);
}

/// The typed V3 run at a price and MFU: Table 1's stages with pre-training
/// recomputed from FLOP and MFU. `cost_final_run` of this is the reference
/// the vectorized model must agree with.
inline TrainingRun deepseek_v3_final_run_at(GpuTimePrice price, double mfu) {
  TrainingRun run = reference::deepseek_v3_final_run();
  run.price = sourced(price, assumed("a sampled price"));
  run.stages.at(0).usage = deepseek_v3_pretraining_gpu_time(mfu);
  run.stages.at(0).usage_provenance = derived("FLOP / (BF16 peak x sampled MFU)");
  return run;
}

// ---------------------------------------------------------------------------
// Program: V3 + R1 final runs, research, staff — ten uncertain inputs
// ---------------------------------------------------------------------------

/// Columns of the DeepSeek program model (canonical units in brackets).
struct DeepSeekProgramColumn {
  enum : Eigen::Index {
    mfu = 0,         ///< V3 MFU against BF16 peak [ratio]
    goodput,         ///< share of V3 wall clock in useful steps [ratio]
    price,           ///< rental price [USD per GPU-second]
    r1_gpu_time,     ///< R1 post-training [GPU-seconds]
    research,        ///< total compute / final-run compute [ratio]
    headcount,       ///< staff [people]
    staff_cost,      ///< loaded cost [CNY per person-second]
    staff_overhead,  ///< overhead multiplier on staff cost [ratio]
    exchange_rate,   ///< [USD per CNY]
    duration,        ///< period staff is costed over [seconds]
    count            ///< number of columns
  };
};

/// CNY per person-year, the unit staff costs in China are quoted in.
using CnyStaffRate = decltype(cny(1.0) / person_years(1.0));

/// A loaded staff cost from yuan per person-year.
inline CnyStaffRate cny_per_person_year(double yuan) {
  return cny(yuan) / person_years(1.0);
}
/// The staff cost in yuan per person-year.
inline double in_cny_per_person_year(CnyStaffRate r) {
  return in_cny(r * person_years(1.0));
}

/// The ten uncertain inputs of the program model, with sources and ranges.
inline InputSet deepseek_program_inputs() {
  InputSet in;
  in.add("v3_mfu", triangular(0.30, 0.3894, 0.4373),
         assumed("mode 38.94% / high 43.73% MFU (ISCA'25, sources.md §1 [P]); low 30% assumed"),
         shown_as_number("MFU"));
  in.add("v3_goodput", uniform(0.90, 1.0),
         assumed("90%-100% useful wall clock; Llama 3 reported > 90% (sources.md §8 [P])"),
         shown_as_number("share"));
  in.add("price", lognormal_90(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)),
         assumed("90% interval $1.5-$3.5 per GPU-hour around DeepSeek's $2 (sources.md §1, §6)"),
         shown_in("USD/GPU-hour", in_usd_per_gpu_hour));
  in.add("r1_gpu_hours", uniform(0.9 * deepseek_r1_gpu_time(), 1.1 * deepseek_r1_gpu_time()),
         assumed("147,336 GPU-hours [D] (sources.md §2, 'about' 198 h and 80 h) +-10%"),
         shown_in("GPU-hours", in_gpu_hours));
  in.add("research_multiplier", lognormal_90(1.2, 4.0),
         published("Epoch AI: experiment compute 1.2-4x the final run, 90% interval "
                   "(arXiv 2405.21015, sources.md §7)"),
         shown_as_number("x final run"));
  in.add("staff_headcount", lognormal_90(people(100), people(300)),
         assumed("no headcount in sources.md; 100-300 people is an assumption"),
         shown_in("people", in_people));
  in.add("staff_cost", lognormal_90(cny_per_person_year(0.5e6), cny_per_person_year(2.0e6)),
         assumed("no salary figure in sources.md; CNY 0.5M-2M per person-year loaded"),
         shown_in("CNY/person-year", in_cny_per_person_year));
  in.add("staff_overhead", uniform(1.25, 1.4),
         published("Epoch AI staff overhead 1.25-1.4 (arXiv 2405.21015, sources.md §7)"),
         shown_as_number("x salary"));
  // Canonical exchange rates are USD per CNY, so 7.35 CNY/USD is the low end.
  in.add("exchange_rate", uniform(cny_per_usd(7.35), cny_per_usd(7.0)),
         assumed("CNY 7.0-7.35 per USD around the ~7.2 of sources.md §3 [?]"),
         shown_in("CNY/USD", in_cny_per_usd));
  in.add("program_years", uniform(years(1.0), years(2.0)),
         assumed("staff costed over 1-2 years of V3/R1 development"), shown_in("years", in_years));
  return in;
}

/// Vectorized program cost in USD:
///   m x (V3 GPU time + R1 GPU time) x price
///   + headcount x staff cost x period x overhead x exchange rate,
/// with V3 GPU time = FLOP / (peak x MFU x goodput) + later stages.
inline void deepseek_program_model(const Eigen::Ref<const Eigen::ArrayXXd>& x,
                                   Eigen::Ref<Eigen::ArrayXd> out) {
  using C = DeepSeekProgramColumn;
  const detail::DeepSeekCanonical& c = detail::deepseek_canonical();
  out = (c.training_flop / (c.peak * x.col(C::mfu) * x.col(C::goodput)) + c.later_stages +
         x.col(C::r1_gpu_time)) *
            x.col(C::price) * x.col(C::research) +
        x.col(C::headcount) * x.col(C::staff_cost) * x.col(C::duration) * x.col(C::staff_overhead) *
            x.col(C::exchange_rate);
}

/// One point of the program model, typed.
struct DeepSeekProgramPoint {
  double v3_mfu = 0.3894;
  double v3_goodput = 1.0;
  GpuTimePrice price = usd_per_gpu_hour(2.0);
  GpuTime r1_gpu_time = deepseek_r1_gpu_time();
  double research_multiplier = 1.0;
  PersonCount staff_headcount = people(0);
  CnyStaffRate staff_cost = cny_per_person_year(0);
  double staff_overhead = 1.0;
  ExchangeRate exchange_rate = cny_per_usd(7.2);
  Duration program_duration = years(1.0);

  /// The point in row `r` of a canonical sample matrix (the boundary back to types).
  static DeepSeekProgramPoint from_row(const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Index r) {
    using C = DeepSeekProgramColumn;
    DeepSeekProgramPoint p;
    p.v3_mfu = x(r, C::mfu);
    p.v3_goodput = x(r, C::goodput);
    p.price = from_canonical<GpuTimePrice>(x(r, C::price));
    p.r1_gpu_time = from_canonical<GpuTime>(x(r, C::r1_gpu_time));
    p.research_multiplier = x(r, C::research);
    p.staff_headcount = from_canonical<PersonCount>(x(r, C::headcount));
    p.staff_cost = from_canonical<CnyStaffRate>(x(r, C::staff_cost));
    p.staff_overhead = x(r, C::staff_overhead);
    p.exchange_rate = from_canonical<ExchangeRate>(x(r, C::exchange_rate));
    p.program_duration = from_canonical<Duration>(x(r, C::duration));
    return p;
  }
};

/// The program cost at one point, by component.
struct DeepSeekProgramCost {
  GpuTime v3_gpu_time = gpu_hours(0);
  Money final_runs = usd(0);  ///< V3 + R1 at the rental price
  Money research = usd(0);    ///< (multiplier - 1) x final runs
  Money staff = usd(0);
  Money total = usd(0);
};

/// The typed scalar program model: the same arithmetic as
/// `deepseek_program_model`, on quantities, for one point.
inline DeepSeekProgramCost deepseek_program_cost(const DeepSeekProgramPoint& p) {
  traincost::detail::require_unit_fraction("v3_mfu", p.v3_mfu);
  traincost::detail::require_unit_fraction("v3_goodput", p.v3_goodput);
  const detail::DeepSeekConstants& k = detail::deepseek_constants();
  DeepSeekProgramCost c;
  c.v3_gpu_time =
      accelerators(1) * (k.training_flop / (k.peak * p.v3_mfu * p.v3_goodput)) + k.later_stages;
  c.final_runs = (c.v3_gpu_time + p.r1_gpu_time) * p.price;
  c.research = (p.research_multiplier - 1.0) * c.final_runs;
  c.staff =
      p.staff_headcount * p.staff_cost * p.program_duration * p.staff_overhead * p.exchange_rate;
  c.total = c.final_runs + c.research + c.staff;
  return c;
}

}  // namespace traincost::uncertainty
