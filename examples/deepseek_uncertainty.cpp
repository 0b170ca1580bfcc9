// DeepSeek's costs as ranges, and which input drives them.
//
// 1. V3's final run (arXiv 2412.19437, Table 1) with two inputs uncertain:
//    the rental price uniform between $1.5 and $3.5 per H800 GPU-hour (DeepSeek
//    assumed $2) and the MFU triangular 30% / 38.94% / 43.73% (ISCA'25 gives
//    38.94% causal and 43.73% non-causal; the 30% floor is an assumption).
//    Pre-training GPU-hours follow from 250 GFLOP/token x 14.8T tokens at that
//    MFU of the BF16 peak.
// 2. A program cost — V3 and R1 final runs, research at Epoch AI's 1.2-4x
//    compute multiplier, and staff — with ten uncertain inputs, its range, and a
//    tornado and Sobol indices of its drivers. Headcount, salaries and the
//    period are assumptions (no source gives them): change them with
//    InputSet::set. Scope: rental-equivalent compute plus staff — not the
//    ~$1.6B fleet capex, which is an ownership figure.
//
// One million samples per Monte Carlo run, seed 2025: the same numbers on
// every run and thread count.
//
// Output (abridged):
//   DeepSeek-V3 final run: price $1.5-$3.5 per GPU-hour, MFU 30%-43.7%
//     samples 1,000,000  mean $7.26M  sd $1.77M
//     P5 $4.57M  P25 $5.78M  P50 $7.22M  P75 $8.67M  P95 $10.14M
//     $4.18M     ####################
//     ...        (a histogram from P1 to P99)
//   As published: $5.576M at $2 and 2,788K GPU-hours
//
//   Drivers of the final-run cost (each input at its P5 and P95, others at medians)
//   input     low   high  unit          output at low  output at high   swing
//   -------------------------------------------------------------------------
//   price    1.60   3.40  USD/GPU-hour         $4.59M          $9.76M  $5.16M
//   v3_mfu  0.325  0.419  MFU                  $8.31M          $6.50M  $1.80M
//
//   DeepSeek V3 + R1 program: final runs, research (1.2-4x), staff; 10 uncertain inputs
//     samples 1,000,000  mean $73.22M  sd $35.51M
//     P5 $33.01M  P25 $49.00M  P50 $65.35M  P75 $88.25M  P95 $139.99M
//     ...
//   Drivers of the program cost (tornado, widest first)
//   input                    low       high  unit             output at low  output at high swing
//   staff_cost           500,000  2,000,000  CNY/person-year        $39.87M        $111.88M $72.01M
//   staff_headcount        100.0      300.0  people                 $43.59M         $99.02M $55.43M
//   program_years           1.05       1.95  years                  $49.47M         $78.28M $28.80M
//   research_multiplier     1.20       4.00  x final run            $56.70M         $76.98M $20.28M
//   price                   1.50       3.50  USD/GPU-hour           $58.40M         $72.25M $13.85M
//   ...
//   Share of the program cost's variance (Sobol indices), then where each range comes from.
//
// Reading: the mean final run at these ranges ($7.26M) is above the published
// $5.576M because the price range is centred on $2.50, not $2. In the program,
// the staff assumptions dominate the spread; compute at rental prices is the
// smaller part. Narrow the staff ranges and the price becomes a leading driver.
//
// expect: P5 $4.57M  P25 $5.78M  P50 $7.22M  P75 $8.67M  P95 $10.14M
// expect: As published: $5.576M at $2 and 2,788K GPU-hours
// expect: price    1.60   3.40  USD/GPU-hour         $4.59M          $9.76M  $5.16M
// expect: P5 $33.01M  P25 $49.00M  P50 $65.35M  P75 $88.25M  P95 $139.99M
// expect: staff_cost           500,000  2,000,000  CNY/person-year        $39.87M        $111.88M
// $72.01M

#include <iostream>

#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/uncertainty/deepseek.hpp"
#include "traincost/uncertainty/report.hpp"

int main() {
  using namespace traincost;
  using namespace traincost::uncertainty;
  constexpr std::uint64_t seed = 2025;
  const OutputFormat money = as_usd_compact(2);

  // ---- 1. V3's final run ----
  const InputSet v3 = deepseek_v3_final_run_inputs();
  const MonteCarloResult run =
      monte_carlo(v3, deepseek_v3_final_run_model, {1'000'000, seed, 0, 12});
  std::cout << "DeepSeek-V3 final run: price $1.5-$3.5 per GPU-hour, MFU 30%-43.7%\n";
  print_summary(std::cout, run.summary, money, 30);
  const FinalRunCost published = cost_final_run(reference::deepseek_v3_final_run());
  std::cout << "As published: " << format_usd_compact(published.cost) << " at $2 and "
            << format_number(in_gpu_hours(published.gpu_time) / 1e3) << "K GPU-hours\n\n";

  std::cout << "Drivers of the final-run cost (each input at its P5 and P95, others at "
               "medians)\n";
  print_tornado(std::cout, v3, tornado(v3, deepseek_v3_final_run_model), money);

  // ---- 2. The program ----
  const InputSet program = deepseek_program_inputs();
  const MonteCarloResult total =
      monte_carlo(program, deepseek_program_model, {1'000'000, seed, 0, 12});
  std::cout << "\nDeepSeek V3 + R1 program: final runs, research (1.2-4x), staff; "
            << program.size() << " uncertain inputs\n";
  print_summary(std::cout, total.summary, money, 30);

  std::cout << "\nDrivers of the program cost (tornado, widest first)\n";
  print_tornado(std::cout, program, tornado(program, deepseek_program_model), money);

  std::cout << "\nShare of the program cost's variance (Sobol indices, 65,536 x 12 runs)\n";
  print_sobol(std::cout, sobol(program, deepseek_program_model, {1 << 16, seed, 0}));

  std::cout << "\nWhere each range comes from\n";
  for (const Input& in : program.inputs())
    std::cout << "  " << in.name << " [" << tag(in.provenance.evidence)
              << "]: " << in.provenance.source << '\n';
}
