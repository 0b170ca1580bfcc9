#pragma once
/// \file
/// BENCHMARK BASELINE ONLY — not part of the library.
///
/// The hand-vectorized DeepSeek models that traincost shipped before issue 10
/// as `include/traincost/uncertainty/deepseek.hpp` (git 5a8df03), kept here so
/// that bench_uncertainty can time the library's generic path (one model
/// definition evaluated over lanes) against "today's hand-vectorized
/// evaluator" in the same run, as the issue asks. The arithmetic and the
/// input sets are copied unchanged: Eigen column expressions over a sample
/// matrix in canonical units, run through `uncertainty::monte_carlo`.
///
/// The program model here is the OLD one (staff in CNY with an exchange-rate
/// range, multiplier on V3 + R1), not reference/deepseek_program.hpp: its
/// figures differ from the library's; only its speed is of interest. Its
/// shape is the same as the generic benchmark's: ten ranged inputs, one cost.

#include <Eigen/Core>

#include "traincost/hardware/catalog.hpp"
#include "traincost/uncertainty/canonical.hpp"
#include "traincost/uncertainty/distribution.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/units/units.hpp"

namespace traincost::bench::hand_vectorized {

using namespace traincost::uncertainty;

/// V3 training compute: 250 GFLOP per token x 14.8T tokens.
inline FlopCount v3_training_flop() {
  return flop_per_token(250e9) * tokens(14.8e12);
}
/// The H800's dense BF16 peak, the denominator of DeepSeek's 38.94% MFU.
inline FlopRate mfu_reference_peak() {
  return accelerator("H800 SXM").peak(Precision::bf16);
}
/// V3's context extension + post-training GPU time (Table 1).
inline GpuTime v3_later_stages() {
  return gpu_hours(119'000) + gpu_hours(5'000);
}
/// R1's post-training: 512 x 198 h + 5K + 512 x 80 h = 147,336 GPU-hours.
inline GpuTime r1_gpu_time() {
  return gpu_hours(512.0 * 198 + 5'000 + 512.0 * 80);
}

/// The constants in canonical units, computed once.
struct Canonical {
  double training_flop = to_canonical(v3_training_flop());
  double peak = to_canonical(mfu_reference_peak());
  double later_stages = to_canonical(v3_later_stages());
};
inline const Canonical& canonical() {
  static const Canonical c;
  return c;
}

// ---- V3 final run: price and MFU uncertain --------------------------------

struct V3Column {
  enum : Eigen::Index { price = 0, mfu, count };
};

inline InputSet v3_final_run_inputs() {
  InputSet in;
  in.add("price", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)),
         assumed("range $1.5-$3.5 per H800 GPU-hour"),
         shown_in("USD/GPU-hour", in_usd_per_gpu_hour));
  in.add("v3_mfu", triangular(0.30, 0.3894, 0.4373), assumed("30% / 38.94% / 43.73%"),
         shown_as_number("MFU"));
  return in;
}

/// (FLOP / (peak x MFU) + later stages) x price, in USD.
inline void v3_final_run_model(const Eigen::Ref<const Eigen::ArrayXXd>& x,
                               Eigen::Ref<Eigen::ArrayXd> out) {
  const Canonical& c = canonical();
  out =
      (c.training_flop / (c.peak * x.col(V3Column::mfu)) + c.later_stages) * x.col(V3Column::price);
}

// ---- Program: ten uncertain inputs -----------------------------------------

struct ProgramColumn {
  enum : Eigen::Index {
    mfu = 0,
    goodput,
    price,
    r1_gpu_time,
    research,
    headcount,
    staff_cost,
    staff_overhead,
    exchange_rate,
    duration,
    count
  };
};

using CnyStaffRate = decltype(cny(1.0) / person_years(1.0));
inline CnyStaffRate cny_per_person_year(double yuan) {
  return cny(yuan) / person_years(1.0);
}
inline double in_cny_per_person_year(CnyStaffRate r) {
  return in_cny(r * person_years(1.0));
}

inline InputSet program_inputs() {
  InputSet in;
  in.add("v3_mfu", triangular(0.30, 0.3894, 0.4373), assumed("MFU"), shown_as_number("MFU"));
  in.add("v3_goodput", uniform(0.90, 1.0), assumed("goodput"), shown_as_number("share"));
  in.add("price", lognormal_90(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)), assumed("price"),
         shown_in("USD/GPU-hour", in_usd_per_gpu_hour));
  in.add("r1_gpu_hours", uniform(0.9 * r1_gpu_time(), 1.1 * r1_gpu_time()), assumed("R1"),
         shown_in("GPU-hours", in_gpu_hours));
  in.add("research_multiplier", lognormal_90(1.2, 4.0), assumed("multiplier"),
         shown_as_number("x final run"));
  in.add("staff_headcount", lognormal_90(people(100), people(300)), assumed("headcount"),
         shown_in("people", in_people));
  in.add("staff_cost", lognormal_90(cny_per_person_year(0.5e6), cny_per_person_year(2.0e6)),
         assumed("staff cost"), shown_in("CNY/person-year", in_cny_per_person_year));
  in.add("staff_overhead", uniform(1.25, 1.4), assumed("overhead"), shown_as_number("x salary"));
  in.add("exchange_rate", uniform(cny_per_usd(7.35), cny_per_usd(7.0)), assumed("rate"),
         shown_in("CNY/USD", in_cny_per_usd));
  in.add("program_years", uniform(years(1.0), years(2.0)), assumed("years"),
         shown_in("years", in_years));
  return in;
}

/// m x (V3 GPU time + R1 GPU time) x price + headcount x staff cost x period
/// x overhead x exchange rate, in USD.
inline void program_model(const Eigen::Ref<const Eigen::ArrayXXd>& x,
                          Eigen::Ref<Eigen::ArrayXd> out) {
  using C = ProgramColumn;
  const Canonical& c = canonical();
  out = (c.training_flop / (c.peak * x.col(C::mfu) * x.col(C::goodput)) + c.later_stages +
         x.col(C::r1_gpu_time)) *
            x.col(C::price) * x.col(C::research) +
        x.col(C::headcount) * x.col(C::staff_cost) * x.col(C::duration) * x.col(C::staff_overhead) *
            x.col(C::exchange_rate);
}

}  // namespace traincost::bench::hand_vectorized
