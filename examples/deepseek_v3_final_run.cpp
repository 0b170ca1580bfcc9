// DeepSeek-V3's final training run: the "$5.576M".
//
// Rebuilds Table 1 of the DeepSeek-V3 technical report (arXiv 2412.19437)
// from typed inputs: 2,664K + 119K + 5K H800 GPU-hours on 2,048 GPUs at the
// authors' assumed $2 per GPU-hour. Then changes one assumption — the price —
// to show the figure is a product of inputs, not a fact about DeepSeek's bank
// account. Scope: final-run rental-equivalent; research and ablations are
// excluded by the report itself.
//
// Output:
//   DeepSeek-V3 final run — final run (rental-equivalent)
//   stage              accelerator   GPUs  GPU-hours  days  USD/GPU-h        cost   share  src
//   ------------------------------------------------------------------------------------------
//   pre-training       H800 SXM     2,048  2,664,000  54.2       2.00  $5,328,000   95.6%  P
//   context extension  H800 SXM     2,048    119,000   2.4       2.00    $238,000    4.3%  P
//   post-training      H800 SXM     2,048      5,000   0.1       2.00     $10,000    0.2%  P
//   ------------------------------------------------------------------------------------------
//   total                                  2,788,000  56.7             $5,576,000  100.0%
//   total cost: $5.576M ($5,576,000)
//
//   Pre-training wall clock on 2,048 GPUs: 54.2 days ("less than two months")
//   The same GPU-hours at other prices:
//     $1.50 per GPU-hour: $4.182M
//     $2.00 per GPU-hour: $5.576M
//     $3.50 per GPU-hour: $9.758M
//
// expect: pre-training       H800 SXM     2,048  2,664,000  54.2       2.00  $5,328,000
// expect: context extension  H800 SXM     2,048    119,000   2.4       2.00    $238,000
// expect: post-training      H800 SXM     2,048      5,000   0.1       2.00     $10,000
// expect: total cost: $5.576M ($5,576,000)
// expect: Pre-training wall clock on 2,048 GPUs: 54.2 days

#include <iostream>

#include "traincost/print/final_run_report.hpp"
#include "traincost/reference/deepseek_v3.hpp"

int main() {
  using namespace traincost;

  TrainingRun run = reference::deepseek_v3_final_run();
  const FinalRunCost cost = cost_final_run(run);
  print_final_run(std::cout, cost);

  const StageCost& pre = cost.stage("pre-training");
  std::cout << "\nPre-training wall clock on " << format_number(in_accelerators(pre.accelerators))
            << " GPUs: " << format_number(in_days(pre.wall_clock), 1)
            << " days (\"less than two months\")\n";

  // Every assumption can be changed: here the rental price.
  std::cout << "The same GPU-hours at other prices:\n";
  for (double price : {1.5, 2.0, 3.5}) {
    run.price = sourced(usd_per_gpu_hour(price), assumed("what-if price"));
    std::cout << "  $" << format_number(price, 2)
              << " per GPU-hour: " << format_usd_compact(cost_final_run(run).total) << '\n';
  }
}
