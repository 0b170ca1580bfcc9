#pragma once
/// \file
/// DeepSeek's costs with ranges on their inputs, for Monte Carlo: the V3
/// final run with its pre-training computed from the published workload at
/// an uncertain MFU, and the V3 + R1 program of reference/deepseek_program.hpp
/// with ten ranged inputs. The models are the library's own (one definition,
/// evaluated typed or over samples); this header only states the ranges and
/// where each comes from.
///
/// Figures cite docs/sources.md with their tags: [P] published, [A] analyst,
/// [D] derived, [?] unverified. Ranges that no source gives are labelled
/// `assumed(...)` and meant to be changed (`Ranges` is a plain value).
///
/// Scope of the program: rental-equivalent compute plus staff. It is not the
/// ~$1.6B fleet capex (sources.md §3), an ownership figure of another scope.

#include <string>

#include "traincost/reference/deepseek_program.hpp"
#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/reference/deepseek_v3_compute.hpp"
#include "traincost/uncertainty/handles.hpp"
#include "traincost/uncertainty/ranges.hpp"

namespace traincost::reference {

/// V3's final run with pre-training given by its workload — 250 GFLOP/token
/// (ISCA'25) [P] x 14.8T tokens (arXiv 2412.19437) [P] — at the published
/// 38.94% causal MFU of the BF16 peak [P] on the 2,048 H800; context
/// extension and post-training as in Table 1 [P]. Pre-training comes to
/// 2,667K GPU-hours [D], against the 2,664K of Table 1.
inline TrainingRun deepseek_v3_final_run_by_workload() {
  TrainingRun run = deepseek_v3_final_run();
  run.stages.at(0) = Stage::with_workload("pre-training", StageKind::pre_training,
                                          deepseek_v3_workload(), deepseek_v3_throughput());
  return run;
}

/// The ranges of the V3 final run: the rental price uniform between $1.5 and
/// $3.5 per H800 GPU-hour (DeepSeek assumed $2 [P]; rental quotes in
/// sources.md §6 span $1.10-$4.92 [A]) and the MFU triangular 30% / 38.94% /
/// 43.73% (mode: the published causal MFU, high: the non-causal one, ISCA'25
/// [P]; the 30% floor is assumed).
inline uncertainty::Ranges deepseek_v3_ranges(const TrainingRun& run) {
  using namespace uncertainty;
  Ranges r;
  r.set(price_of(run), uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)),
        assumed("range $1.5-$3.5 per H800 GPU-hour around DeepSeek's $2 (sources.md §1, §6)"),
        "price");
  r.set(mfu_of(run, 0), triangular(0.30, 0.3894, 0.4373),
        assumed("mode 38.94% causal MFU, high 43.73% non-causal (ISCA'25, sources.md §1 [P]); "
                "low 30% assumed"),
        "v3_mfu");
  return r;
}

/// The V3 + R1 program (reference/deepseek_program.hpp) on the
/// rental-equivalent basis, V3's pre-training given by its workload.
inline Program deepseek_program_for_ranges() {
  DeepSeekProgramAssumptions a;
  a.basis = ComputeBasis::rental_equivalent;
  Program p = deepseek_program(a);
  p.runs.at(0) = deepseek_v3_final_run_by_workload();
  return p;
}

/// Ten ranged inputs of the program, with sources; the rest stay at the
/// program's point values.
inline uncertainty::Ranges deepseek_program_ranges(const Program& p) {
  using namespace uncertainty;
  const TrainingRun& v3 = p.runs.at(0);
  const TrainingRun& r1 = p.runs.at(1);
  Ranges r;
  r.set(mfu_of(v3, 0), triangular(0.30, 0.3894, 0.4373),
        assumed("mode 38.94% / high 43.73% MFU (ISCA'25, sources.md §1 [P]); low 30% assumed"),
        "v3_mfu");
  r.set(goodput_of(v3, 0), uniform(0.90, 1.0),
        assumed("90%-100% useful wall clock; Llama 3 reported > 90% (sources.md §8 [P])"),
        "v3_goodput");
  r.set(price_of(v3), lognormal_90(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)),
        assumed("90% interval $1.5-$3.5 per GPU-hour around DeepSeek's $2 (sources.md §1, §6); "
                "one price for both runs"),
        "price")
      .also(price_of(r1));
  r.set(wall_clock_of(r1, 0), uniform(hours(0.9 * 198), hours(1.1 * 198)),
        assumed("R1-Zero 'about' 198 hours (sources.md §2 [P]) +-10%"), "r1_zero_hours");
  r.set(wall_clock_of(r1, 2), uniform(hours(0.9 * 80), hours(1.1 * 80)),
        assumed("R1 'about' 80 hours (sources.md §2 [P]) +-10%"), "r1_hours");
  // A multiplier is at least 1, so Epoch's 1.2-4x is drawn from a bounded
  // shape (a lognormal 90% interval would put 1.6% of draws below 1).
  r.set(multiplier_of(p, 0), triangular(1.2, 2.1908902300206643, 4.0),
        assumed("Epoch AI's 1.2-4x experiment multiplier (arXiv 2405.21015, sources.md §7 [P]), "
                "triangular with its mode at the geometric middle"),
        "research_multiplier");
  r.set(headcount_of(p, 0), lognormal_90(people(100), people(300)),
        assumed("no headcount in sources.md; 100-300 people is an assumption"), "staff_headcount");
  r.set(salary_of(p, 0), lognormal_90(usd_per_person_year(70'000), usd_per_person_year(280'000)),
        assumed("no salary figure in sources.md; about CNY 0.5M-2M per person-year at ~7.2 CNY "
                "per USD (sources.md §3 [?])"),
        "staff_salary");
  r.set(staff_overhead_of(p, 0), uniform(1.25, 1.4),
        published("Epoch AI staff overhead 1.25-1.4 (arXiv 2405.21015, sources.md §7)"),
        "staff_overhead");
  r.set(staff_period_of(p, 0), uniform(years(1.0), years(2.0)),
        assumed("staff costed over 1-2 years of V3/R1 development"), "program_years");
  return r;
}

}  // namespace traincost::reference
