// Was DeepSeek-V3's $5.576M plausible?
//
// The check analysts ran in January 2025, as code: start from what was
// trained (37B active parameters, 14.8T tokens; DeepSeek's own 250 GFLOP per
// token), turn it into H800 GPU-hours and dollars across a range of MFUs, then
// run the published 2,664K GPU-hours backwards into the MFU they imply and
// judge it. All figures: docs/sources.md §1 (V3 report, arXiv
// 2412.19437; DeepSeek ISCA'25, arXiv 2505.09343). MFU is quoted against the
// H800's BF16 dense peak (989.5 TFLOP/s), as DeepSeek quotes it, although
// training ran in FP8 — the basis is printed wherever an MFU is.
//
// Output:
//   Was DeepSeek-V3's $5.576M plausible?
//
//   DeepSeek-V3 pre-training: 37B active of 671B parameters, 14.8T tokens, trained in fp8
//     6 x active parameters  : 222 GFLOP/token -> 3.286e24 FLOP
//     DeepSeek's stated      : 250 GFLOP/token -> 3.700e24 FLOP
//
//   GPU-hours and cost on 2,048 H800 SXM at $2.00 per GPU-hour (MFU vs bf16 peak, goodput 100%)
//      MFU  GPU-hours (6N)  GPU-hours (250 GFLOP)  days (250 GFLOP)  cost (250 GFLOP)
//   ---------------------------------------------------------------------------------
//   20.00%       4,611,757              5,193,420             105.7          $10.387M
//   30.00%       3,074,505              3,462,280              70.4           $6.925M
//   35.00%       2,635,290              2,967,668              60.4           $5.935M
//   38.94%       2,368,648              2,667,396              54.3           $5.335M
//   45.00%       2,049,670              2,308,187              47.0           $4.616M
//   50.00%       1,844,703              2,077,368              42.3           $4.155M
//   60.00%       1,537,252              1,731,140              35.2           $3.462M
//
//   published pre-training: 2,664,000 H800 GPU-hours ($5.328M at $2.00)
//   implied MFU, 250 GFLOP/token vs bf16 peak: 38.99% -> plausible
//   implied MFU, 6 x active params vs bf16 peak: 34.62% -> plausible
//   same hours vs fp8 peak: 19.49% (the wrong basis halves the MFU: always name the precision)
//   implied MFU from 272.8B tokens/day on 2,048 H800: 38.95% (DeepSeek states 38.94%)
//
//   pre-training from the workload at 38.94% MFU: 2,667,396 GPU-hours, 54.3 days, $5.335M
//   whole run with that stage: $5.583M (published $5.576M)
//
//   Verdict: plausible
//     38.99% of the H800 SXM bf16 dense peak (385.8 of 989.5 TFLOP/s, goodput 100%): plausible
//     The $5.576M is the rental-equivalent of the final run only: research, ablations,
//     staff and the cluster itself are other scopes.
//
// expect: DeepSeek's stated      : 250 GFLOP/token -> 3.700e24 FLOP
// expect: published pre-training: 2,664,000 H800 GPU-hours ($5.328M at $2.00)
// expect: implied MFU, 250 GFLOP/token vs bf16 peak: 38.99% -> plausible
// expect: implied MFU, 6 x active params vs bf16 peak: 34.62% -> plausible
// expect: same hours vs fp8 peak: 19.49%
// expect: implied MFU from 272.8B tokens/day on 2,048 H800: 38.95% (DeepSeek states 38.94%)
// expect: pre-training from the workload at 38.94% MFU: 2,667,396 GPU-hours, 54.3 days, $5.335M
// expect: whole run with that stage: $5.583M (published $5.576M)
// expect: Verdict: plausible
// expect: 38.99% of the H800 SXM bf16 dense peak (385.8 of 989.5 TFLOP/s, goodput 100%): plausible

#include <cstdio>
#include <iostream>
#include <string>

#include "traincost/compute/plausibility.hpp"
#include "traincost/print/final_run_report.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/plausibility_report.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/reference/deepseek_v3_compute.hpp"

namespace {

// "3.700e24" — FLOP counts read best in scientific notation.
std::string sci(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3e", v);
  std::string s(buf);
  const auto e = s.find("e+");
  if (e != std::string::npos)
    s.erase(e + 1, 1);
  return s;
}

}  // namespace

int main() {
  using namespace traincost;
  using namespace traincost::reference;

  const Workload stated = deepseek_v3_workload();
  const Workload six_n = deepseek_v3_workload_six_n();
  const Cluster cluster = deepseek_v3_cluster();
  const Sourced<GpuTimePrice> price = deepseek_h800_rental_price();
  const AcceleratorSpec& h800 = cluster.accelerator();

  std::cout << "Was DeepSeek-V3's $5.576M plausible?\n\n";

  // 1. What was trained.
  std::cout << stated.name << ": " << format_number(in_parameters(stated.active_parameters) / 1e9)
            << "B active of " << format_number(in_parameters(stated.total_parameters) / 1e9)
            << "B parameters, " << format_number(in_tokens(stated.training_tokens) / 1e12, 1)
            << "T tokens, trained in " << to_string(stated.training_precision) << '\n';
  std::cout << "  6 x active parameters  : "
            << format_number(in_flop_per_token(training_flop_per_token(six_n)) / 1e9)
            << " GFLOP/token -> " << sci(in_flop(training_flop(six_n))) << " FLOP\n";
  std::cout << "  DeepSeek's stated      : "
            << format_number(in_flop_per_token(training_flop_per_token(stated)) / 1e9)
            << " GFLOP/token -> " << sci(in_flop(training_flop(stated))) << " FLOP\n\n";

  // 2. Forward: GPU-hours and dollars across a range of MFUs.
  std::cout << "GPU-hours and cost on " << format_number(in_accelerators(cluster.count())) << ' '
            << h800.name << " at $" << format_number(in_usd_per_gpu_hour(price.value), 2)
            << " per GPU-hour (MFU vs bf16 peak, goodput 100%)\n";
  using A = TextTable::Align;
  TextTable table(
      {"MFU", "GPU-hours (6N)", "GPU-hours (250 GFLOP)", "days (250 GFLOP)", "cost (250 GFLOP)"},
      {A::right, A::right, A::right, A::right, A::right});
  for (double mfu : {0.20, 0.30, 0.35, 0.3894, 0.45, 0.50, 0.60}) {
    const Throughput t(Precision::bf16, mfu);
    const ComputeEstimate a = estimate_compute(six_n, cluster, t);
    const ComputeEstimate b = estimate_compute(stated, cluster, t);
    table.add_row({format_percent(mfu, 2), format_number(in_gpu_hours(a.gpu_time)),
                   format_number(in_gpu_hours(b.gpu_time)), format_number(in_days(b.wall_clock), 1),
                   format_usd_compact(b.gpu_time * price.value)});
  }
  table.print(std::cout);

  // 3. Backwards: the published GPU-hours imply an MFU. Is it believable?
  const Sourced<GpuTime> published_hours = deepseek_v3_pretraining_gpu_time();
  std::cout << "\npublished pre-training: " << format_number(in_gpu_hours(published_hours.value))
            << " H800 GPU-hours (" << format_usd_compact(published_hours.value * price.value)
            << " at $" << format_number(in_usd_per_gpu_hour(price.value), 2) << ")\n";
  const MfuBasis bf16(Precision::bf16);  // default ceiling 60% of peak [?]
  const ImpliedMfu m_stated = implied_mfu(stated, published_hours.value, h800, bf16);
  const ImpliedMfu m_six_n = implied_mfu(six_n, published_hours.value, h800, bf16);
  const ImpliedMfu m_fp8 =
      implied_mfu(stated, published_hours.value, h800, MfuBasis(Precision::fp8));
  std::cout << "implied MFU, 250 GFLOP/token vs bf16 peak: " << format_percent(m_stated.mfu, 2)
            << " -> " << to_string(m_stated.verdict) << '\n';
  std::cout << "implied MFU, 6 x active params vs bf16 peak: " << format_percent(m_six_n.mfu, 2)
            << " -> " << to_string(m_six_n.verdict) << '\n';
  std::cout << "same hours vs fp8 peak: " << format_percent(m_fp8.mfu, 2)
            << " (the wrong basis halves the MFU: always name the precision)\n";

  // The token rate DeepSeek published separately tells the same story.
  const ImpliedMfu m_rate =
      implied_mfu(training_flop_per_token(stated), deepseek_v3_token_rate().value, cluster, bf16);
  std::cout << "implied MFU from "
            << format_number(in_tokens_per_day(deepseek_v3_token_rate().value) / 1e9, 1)
            << "B tokens/day on " << format_number(in_accelerators(cluster.count()))
            << " H800: " << format_percent(m_rate.mfu, 2) << " (DeepSeek states 38.94%)\n\n";

  // 4. A stage costed from the workload instead of the reported hours.
  TrainingRun run = deepseek_v3_final_run();
  run.stages[0] = deepseek_v3_pretraining_stage_from_workload();
  const FinalRunCost cost = cost_final_run(run);
  const StageCost& pre = cost.stages[0];
  std::cout << "pre-training from the workload at 38.94% MFU: "
            << format_number(in_gpu_hours(pre.gpu_time)) << " GPU-hours, "
            << format_number(in_days(pre.wall_clock), 1) << " days, "
            << format_usd_compact(pre.cost) << '\n';
  std::cout << "whole run with that stage: " << format_usd_compact(cost.total) << " (published "
            << format_usd_compact(cost_final_run(deepseek_v3_final_run()).total) << ")\n\n";

  std::cout << "Verdict: " << to_string(m_stated.verdict) << '\n'
            << "  " << explain(m_stated) << '\n'
            << "  The $5.576M is the rental-equivalent of the final run only: research, "
               "ablations,\n  staff and the cluster itself are other scopes.\n";
}
