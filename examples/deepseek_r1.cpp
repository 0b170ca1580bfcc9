// DeepSeek-R1's post-training: the "$294K".
//
// Rebuilds the cost table of the R1 paper (Nature 2025, supplementary B.4.4;
// arXiv 2501.12948v2): R1-Zero on 64×8 = 512 H800 GPUs for about 198 hours,
// 5K GPU-hours of SFT data creation, R1 on the same GPUs for about 80 hours,
// at $2 per GPU-hour. The paper rounds to "147K" GPU-hours and "$294K".
// Scope: post-training on top of V3-Base, rental-equivalent; the V3 run
// ($5.576M) is a separate figure, and together they are about $5.87M.
//
// Output:
//   DeepSeek-R1 post-training — final run (rental-equivalent)
//   stage              accelerator  GPUs  GPU-hours  days  USD/GPU-h      cost   share  src
//   ---------------------------------------------------------------------------------------
//   R1-Zero RL         H800 SXM      512    101,376   8.2       2.00  $202,752   68.8%  P
//   SFT data creation  H800 SXM      512      5,000   0.4       2.00   $10,000    3.4%  P
//   R1 training        H800 SXM      512     40,960   3.3       2.00   $81,920   27.8%  P
//   ---------------------------------------------------------------------------------------
//   total                                   147,336  12.0             $294,672  100.0%
//   total cost: $294.672K ($294,672)
//
//   As the paper prints it: 147K GPU-hours, $294K
//   V3 final run + R1 post-training: $5.871M (two runs, one scope: rental-equivalent)
//
// expect: R1-Zero RL         H800 SXM      512    101,376   8.2       2.00  $202,752
// expect: SFT data creation  H800 SXM      512      5,000   0.4       2.00   $10,000
// expect: R1 training        H800 SXM      512     40,960   3.3       2.00   $81,920
// expect: total cost: $294.672K ($294,672)
// expect: As the paper prints it: 147K GPU-hours, $294K
// expect: V3 final run + R1 post-training: $5.871M

#include <cmath>
#include <iostream>

#include "traincost/print/final_run_report.hpp"
#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"

int main() {
  using namespace traincost;

  const FinalRunCost r1 = cost_final_run(reference::deepseek_r1_run());
  print_final_run(std::cout, r1);

  // The paper truncates to thousands; show that the table agrees with it.
  std::cout << "\nAs the paper prints it: "
            << format_number(std::floor(in_gpu_hours(r1.gpu_time) / 1000)) << "K GPU-hours, $"
            << format_number(std::floor(in_usd(r1.total) / 1000)) << "K\n";

  // Both figures are final runs priced at the same rental assumption, so
  // adding them is meaningful; adding a fleet's capex to them would not be.
  const FinalRunCost v3 = cost_final_run(reference::deepseek_v3_final_run());
  std::cout << "V3 final run + R1 post-training: " << format_usd_compact(v3.total + r1.total)
            << " (two runs, one scope: rental-equivalent)\n";
}
