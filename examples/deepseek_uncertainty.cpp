// DeepSeek's costs as ranges, and which input drives them.
//
// 1. V3's final run (arXiv 2412.19437, Table 1) with two inputs uncertain:
//    the rental price uniform between $1.5 and $3.5 per H800 GPU-hour (DeepSeek
//    assumed $2) and the MFU triangular 30% / 38.94% / 43.73% (ISCA'25 gives
//    38.94% causal and 43.73% non-causal; the 30% floor is an assumption).
//    Pre-training is the run's workload stage — 250 GFLOP/token x 14.8T tokens
//    at that MFU of the BF16 peak — so the library's own final-run model is
//    what the samples run through.
// 2. The V3 + R1 program of reference/deepseek_program.hpp — both runs,
//    research (Epoch AI's multiplier and an A100 ledger), data work and staff —
//    with ten ranged inputs (reference/deepseek_ranges.hpp), its range, and a
//    tornado and Sobol indices of its drivers. Headcount, salary and the
//    period are assumptions (no source gives them): change them in the
//    `Ranges`. Scope: rental-equivalent compute plus staff — not the ~$1.6B
//    fleet capex, which is an ownership figure.
//
// One million samples per Monte Carlo run, seed 2025: the same numbers on
// every run and thread count.
//
// Output (abridged):
//   DeepSeek-V3 final run: price $1.5-$3.5 per GPU-hour, MFU 30%-43.7% (final run
//   (rental-equivalent))
//     samples 1,000,000  mean $7.26M  sd $1.77M
//     P5 $4.57M  P25 $5.78M  P50 $7.22M  P75 $8.67M  P95 $10.14M
//     ...        (a histogram from P1 to P99)
//   As published: $5.576M at $2 and 2,788K GPU-hours
//
//   Drivers of the final-run cost (each input at its P5 and P95, others at medians)
//   input     low   high  unit              cost at low  cost at high   swing
//   price    1.60   3.40  USD per GPU-hour       $4.59M        $9.76M  $5.16M
//   v3_mfu  0.325  0.419  MFU                    $8.31M        $6.50M  $1.80M
//
//   DeepSeek V3 + R1 program: runs, research, data, staff; 10 ranged inputs (program)
//     samples 1,000,000  mean $73.94M  sd $35.21M
//     P5 $34.49M  P25 $50.03M  P50 $65.92M  P75 $88.62M  P95 $140.25M
//   Drivers of the program cost (tornado, widest first)
//   staff_salary         70,000  280,000  USD per person-year      $41.18M      $113.47M  $72.29M
//   staff_headcount       100.0    300.0  people                   $44.91M      $100.56M  $55.65M
//   ...
//   Share of the program cost's variance (Sobol indices), then where each range comes from.
//
// Reading: the mean final run at these ranges ($7.26M) is above the published
// $5.576M because the price range is centred on $2.50, not $2. In the program,
// the staff assumptions dominate the spread; compute at rental prices is the
// smaller part. Narrow the staff ranges and the price becomes a leading driver.
// The final-run figures are those the hand-vectorized V3 model of earlier
// versions printed for the same seed: the same draws through the library's
// own final-run model give the same costs.
//
// expect: P5 $4.57M  P25 $5.78M  P50 $7.22M  P75 $8.67M  P95 $10.14M
// expect: As published: $5.576M at $2 and 2,788K GPU-hours
// expect: price    1.60   3.40  USD per GPU-hour       $4.59M        $9.76M  $5.16M
// expect: P5 $34.49M  P25 $50.03M  P50 $65.92M  P75 $88.62M  P95 $140.25M
// expect: staff_salary         70,000  280,000  USD per person-year      $41.18M      $113.47M
// $72.29M

#include <iostream>

#include "traincost/print/cost_report.hpp"
#include "traincost/print/uncertainty_report.hpp"
#include "traincost/reference/deepseek_ranges.hpp"

int main() {
  using namespace traincost;
  using namespace traincost::uncertainty;
  RunOptions options;
  options.samples = 1'000'000;
  options.seed = 2025;
  options.histogram_bins = 12;

  // ---- 1. V3's final run ----
  const TrainingRun v3 = reference::deepseek_v3_final_run_by_workload();
  const Ranges v3_ranges = reference::deepseek_v3_ranges(v3);
  const CostModel v3_model = cost_model(v3);
  std::cout << "DeepSeek-V3 final run: price $1.5-$3.5 per GPU-hour, MFU 30%-43.7% ("
            << to_string(v3_model.scope) << ")\n";
  print_cost_summary(std::cout, simulate_cost(v3_model, v3_ranges, options), 2, 30);
  const FinalRunCost published = cost_final_run(reference::deepseek_v3_final_run());
  std::cout << "As published: " << format_usd_compact(published.total) << " at $2 and "
            << format_number(in_gpu_hours(published.gpu_time) / 1e3) << "K GPU-hours\n\n";
  std::cout << "Drivers of the final-run cost (each input at its P5 and P95, others at "
               "medians)\n";
  print_cost_tornado(std::cout, tornado_cost(v3_model, v3_ranges));

  // ---- 2. The program ----
  const Program program = reference::deepseek_program_for_ranges();
  const Ranges ranges = reference::deepseek_program_ranges(program);
  const CostModel model = cost_model(program);
  std::cout << "\n"
            << program.name << ": runs, research, data, staff; " << ranges.size()
            << " ranged inputs (" << to_string(model.scope) << ")\n";
  print_cost_summary(std::cout, simulate_cost(model, ranges, options), 2, 30);

  std::cout << "\nDrivers of the program cost (tornado, widest first)\n";
  print_cost_tornado(std::cout, tornado_cost(model, ranges));

  std::cout << "\nShare of the program cost's variance (Sobol indices, 65,536 x 12 runs)\n";
  print_sobol(std::cout, sobol_cost(model, ranges, {1 << 16, options.seed, 0}));

  std::cout << "\nWhere each range comes from\n";
  for (const RangedInput& in : ranges.inputs())
    std::cout << "  " << in.name() << " [" << tag(in.provenance.evidence)
              << "]: " << in.provenance.source << '\n';
}
