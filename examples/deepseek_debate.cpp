// The DeepSeek debate on one page: $5.576M, $294K and $1.6B are different scopes.
//
// Sets the figures quoted in January 2025 side by side with their scopes and
// sources (DeepSeek-V3 report Table 1 [P]; DeepSeek-R1 supplementary B.4.4
// [P]; SemiAnalysis "DeepSeek Debates" [A]), shows how they relate, shows
// that adding a run to a fleet's capex is refused, then builds a program
// estimate — runs, research, data, staff, a share of the fleet — from the
// stated assumptions in reference/deepseek_program.hpp (marked ?).
//
// Output:
//   DeepSeek's cost figures, each in its own scope
//
//   #  figure                    printed  scope                          src
//   ------------------------------------------------------------------------
//   1  V3 final run              $5.576M  final run (rental-equivalent)  P
//   2  R1 post-training          $294K    final run (rental-equivalent)  P
//   3  V3 + R1                   ~$5.87M  final run (rental-equivalent)  D
//   4  GPU investments           > $500M  fleet capex                    A
//   5  Server capex              ~$1.6B   fleet capex                    A
//   6  Operating cost (4 years)  ~$944M   fleet operating cost           A
//   7  Fleet TCO (4 years)       $2.544B  fleet TCO                      D
//
//   What each counts (P published, A analyst, D derived here, ? assumed):
//     1  2,788K H800-hours at an assumed $2/h; no research, ablations, staff or hardware
//     2  147K H800-hours at $2/h on top of V3-Base; no A100 preparatory runs
//     3  the two runs above: same scope, so the sum means something
//     4  hardware bought over the company's history; a lower bound
//     5  ~60,000 GPUs' servers, bought once, serving everything for years
//     6  running that fleet for four years
//     7  capex + operating cost over the same four years
//   Sources: 1, 3 DeepSeek-V3 technical report (arXiv 2412.19437), Table 1
//            2, 3 DeepSeek-R1 (Nature 2025, supplementary B.4.4; arXiv 2501.12948v2)
//            4-7  SemiAnalysis, "DeepSeek Debates" (2025-01-31)
//
//   How they relate
//     V3 + R1 = $5.871M as modelled from the paper tables ($5.870M as printed):
//       same scope, so the sum means something.
//     $1.6B capex / $5.576M V3 run = 287x, and it is not "the real cost of V3":
//       one buys servers for ~60,000 GPUs for years, the other prices 2,048 GPUs for two months
//       at a rental rate.
//     > $500M and ~$1.6B are one scope (fleet capex): the first is a floor on GPU investment,
//       the second an estimate of all server capex.
//     fleet TCO per GPU-hour at full use: $1.21
//       (averaged over all 60,000 GPUs and four years: 2.104B GPU-hours)
//     V3's 2,788,000 H800-hours at that rate: $3.371M (final run, ownership cost)
//       against $5.576M at the assumed $2/h rental; they are 0.13% of the fleet's four-year time.
//     Adding the run and the capex anyway:
//       [traincost.scope_mismatch] debate.parts[1]:
//         got "Server capex" of scope fleet capex [fleet_capex],
//         expected an amount that composes into program [program];
//         a fleet's cost enters a program only through an allocation (allocate_by_share)
//
//   A program estimate from stated assumptions (DeepSeekProgramAssumptions)
//     research multiplier 2.19x on V3 (?) — Epoch AI's range 1.2-4x
//     R1 preparatory A100 runs: 50,000 GPU-hours (?) at $1.45/h (A) — not costed by the paper
//     synthetic data: 20,000 H800-hours (?) at $2/h
//     staff: 150 people x $100,000/year x 1.32 overhead x 2 years (?)
//     fleet share: 1.00% of the fleet's four-year time, idle and reserved time included (?)
//
//   line                                         scope                          amount  src
//   ---------------------------------------------------------------------------------------
//   DeepSeek V3 + R1 program                     program                      $65.126M  D
//     share of the fleet's 4-year TCO            fleet allocation             $25.440M  ?
//       DeepSeek-V3 final run at fleet cost      final run (ownership cost)    $3.371M  D
//       DeepSeek-R1 post-training at fleet cost  final run (ownership cost)  $178.161K  D
//       V3 research and ablations at fleet cost  research compute              $4.015M  D
//       R1 preparatory runs at fleet cost        research compute             $60.461K  D
//       synthetic data generation at fleet cost  data                         $24.184K  D
//       other allocated fleet time               fleet allocation             $17.791M  D
//     research and engineering staff             staff                        $39.686M  ?
//
//     program total (fleet allocation basis): $65.126M
//     the listed runs, research and data fill 30.1% of the allocated fleet time
//     program total (rental-equivalent basis): $52.310M
//       = final runs $5.871M + research $6.713M + data $40.000K + staff $39.686M
//
//   In short: $5.576M is one final run and $5.87M two; $52.310M to $65.126M is a program under
//   these assumptions; $1.6B is a fleet's servers and $2.544B their four-year cost of ownership.
//
// expect: 1  V3 final run              $5.576M  final run (rental-equivalent)  P
// expect: 2  R1 post-training          $294K    final run (rental-equivalent)  P
// expect: 3  V3 + R1                   ~$5.87M  final run (rental-equivalent)  D
// expect: 5  Server capex              ~$1.6B   fleet capex                    A
// expect: 6  Operating cost (4 years)  ~$944M   fleet operating cost           A
// expect: 7  Fleet TCO (4 years)       $2.544B  fleet TCO                      D
// expect: V3 + R1 = $5.871M as modelled from the paper tables ($5.870M as printed)
// expect: $1.6B capex / $5.576M V3 run = 287x
// expect: fleet TCO per GPU-hour at full use: $1.21
// expect: V3's 2,788,000 H800-hours at that rate: $3.371M (final run, ownership cost)
// expect: [traincost.scope_mismatch] debate.parts[1]:
// expect: got "Server capex" of scope fleet capex [fleet_capex],
// expect: program total (fleet allocation basis): $65.126M
// expect: program total (rental-equivalent basis): $52.310M
// expect: = final runs $5.871M + research $6.713M + data $40.000K + staff $39.686M

#include <iostream>
#include <string>

#include "traincost/format.hpp"
#include "traincost/program.hpp"
#include "traincost/reference/deepseek_program.hpp"
#include "traincost/text_table.hpp"

namespace {

using namespace traincost;

/// Adds the tree's nodes down to `max_depth` as indented rows.
void add_tree_rows(TextTable& table, const LineItem& item, int depth, int max_depth) {
  table.add_row({std::string(static_cast<std::size_t>(2 * depth), ' ') + item.label,
                 std::string(to_string(item.scope)), format_usd_compact(item.amount),
                 std::string(tag(item.provenance.evidence))});
  if (depth < max_depth)
    for (const auto& c : item.children)
      add_tree_rows(table, c, depth + 1, max_depth);
}

}  // namespace

int main() {
  using namespace traincost;
  namespace ref = traincost::reference;
  using Align = TextTable::Align;

  // ---- 1. The figures, each in its scope -----------------------------------
  std::cout << "DeepSeek's cost figures, each in its own scope\n\n";
  const auto figures = ref::deepseek_published_figures();
  TextTable table({"#", "figure", "printed", "scope", "src"});
  int n = 0;
  for (const auto& f : figures)
    table.add_row({std::to_string(++n), f.what, f.as_printed, std::string(to_string(f.scope)),
                   std::string(tag(f.provenance.evidence))});
  table.print(std::cout);
  std::cout << "\nWhat each counts (P published, A analyst, D derived here, ? assumed):\n";
  n = 0;
  for (const auto& f : figures)
    std::cout << "  " << ++n << "  " << f.counts << "\n";
  std::cout << "Sources: 1, 3 " << ref::deepseek_v3_table1 << "\n         2, 3 "
            << ref::deepseek_r1_b44 << "\n         4-7  " << ref::semianalysis_debates << "\n";

  // ---- 2. How they relate ----------------------------------------------------
  std::cout << "\nHow they relate\n";
  const auto runs = ref::deepseek_final_runs();
  const FinalRunCost& v3 = runs[0];
  const FinalRunCost& r1 = runs[1];
  std::cout << "  V3 + R1 = " << format_usd_compact(v3.cost + r1.cost)
            << " as modelled from the paper tables ("
            << format_usd_compact(ref::deepseek_v3_plus_r1_cost().amount())
            << " as printed):\n    same scope, so the sum means something.\n";
  std::cout
      << "  $1.6B capex / $5.576M V3 run = "
      << format_number(
             relative_size(ref::deepseek_fleet_capex(), ref::deepseek_v3_published_cost()))
      << "x, and it is not \"the real cost of V3\":\n"
         "    one buys servers for ~60,000 GPUs for years, the other prices 2,048 GPUs for two "
         "months\n    at a rental rate.\n";
  std::cout << "  > $500M and ~$1.6B are one scope (fleet capex): the first is a floor on GPU "
               "investment,\n    the second an estimate of all server capex.\n";
  const FleetAllocation whole_fleet = allocate_by_share(
      "whole fleet", ref::deepseek_fleet_tco_4y(), sourced(1.0, derived("the whole fleet")),
      fleet_capacity(ref::deepseek_fleet_gpus().value, ref::deepseek_fleet_period().value));
  const GpuTimePrice fleet_rate = *whole_fleet.cost_per_gpu_hour;
  std::cout << "  fleet TCO per GPU-hour at full use: $"
            << format_number(in_usd_per_gpu_hour(fleet_rate), 2)
            << "\n    (averaged over all 60,000 GPUs and four years: "
            << format_number(in_gpu_hours(*whole_fleet.fleet_capacity) / 1e9, 3)
            << "B GPU-hours)\n";
  std::cout << "  V3's " << format_number(in_gpu_hours(v3.gpu_time))
            << " H800-hours at that rate: " << format_usd_compact(v3.gpu_time * fleet_rate)
            << " (final run, ownership cost)\n    against " << format_usd_compact(v3.cost)
            << " at the assumed $2/h rental; they are "
            << format_percent(ratio(v3.gpu_time, *whole_fleet.fleet_capacity), 2)
            << " of the fleet's four-year time.\n";

  // The debate's sum, refused: a run and a fleet's capex do not compose.
  std::cout << "  Adding the run and the capex anyway:\n";
  try {
    compose("debate", Scope::program,
            {to_line_item("V3 final run", ref::deepseek_v3_published_cost()),
             to_line_item("Server capex", ref::deepseek_fleet_capex())});
  } catch (const Error& e) {
    // The message on three lines: the refusal, the rule, the way out.
    std::string msg = e.what();
    for (const char* cut : {": got", ", expected", "; "}) {
      const auto at = msg.find(cut);
      if (at != std::string::npos)
        msg = msg.substr(0, at + 1) + "\n      " + msg.substr(at + 2);
    }
    std::cout << "    " << msg << "\n";
  }
  // (`ref::deepseek_v3_published_cost() + ref::deepseek_fleet_capex()` does
  // not compile at all: tests/compile_fail/scoped_cost_mixing.cpp.)

  // ---- 3. A program estimate -------------------------------------------------
  const ref::DeepSeekProgramAssumptions a;
  std::cout << "\nA program estimate from stated assumptions (DeepSeekProgramAssumptions)\n";
  std::cout << "  research multiplier " << format_number(a.research_multiplier.value, 2)
            << "x on V3 (?) — Epoch AI's range 1.2-4x\n"
            << "  R1 preparatory A100 runs: "
            << format_number(in_gpu_hours(a.r1_preparatory_a100_time.value))
            << " GPU-hours (?) at $" << format_number(in_usd_per_gpu_hour(a.a100_price.value), 2)
            << "/h (A) — not costed by the paper\n"
            << "  synthetic data: " << format_number(in_gpu_hours(a.synthetic_data_time.value))
            << " H800-hours (?) at $2/h\n"
            << "  staff: " << format_number(in_people(a.headcount.value)) << " people x "
            << format_usd(usd(in_usd_per_person_year(a.salary.value))) << "/year x "
            << format_number(a.staff_overhead.value, 2) << " overhead x "
            << format_number(in_years(a.staff_period.value)) << " years (?)\n"
            << "  fleet share: " << format_percent(a.fleet_share.value, 2)
            << " of the fleet's four-year time, idle and reserved time included (?)\n\n";

  const ProgramCost owned = cost_program(ref::deepseek_program(a));
  TextTable tree({"line", "scope", "amount", "src"},
                 {Align::left, Align::left, Align::right, Align::left});
  add_tree_rows(tree, owned.tree, 0, 2);
  tree.print(std::cout);
  std::cout << "\n  program total (fleet allocation basis): "
            << format_usd_compact(owned.total.amount()) << "\n";
  std::cout << "  the listed runs, research and data fill "
            << format_percent(*owned.allocation_used) << " of the allocated fleet time\n";

  ref::DeepSeekProgramAssumptions rented = a;
  rented.basis = ComputeBasis::rental_equivalent;
  const ProgramCost rental = cost_program(ref::deepseek_program(rented));
  std::cout << "  program total (rental-equivalent basis): "
            << format_usd_compact(rental.total.amount()) << "\n    = final runs "
            << format_usd_compact(rental.find("final runs")->amount) << " + research "
            << format_usd_compact(rental.find("research compute")->amount) << " + data "
            << format_usd_compact(rental.find("synthetic data")->amount) << " + staff "
            << format_usd_compact(rental.find("research and engineering staff")->amount) << "\n";

  std::cout << "\nIn short: " << format_usd_compact(v3.cost) << " is one final run and $5.87M two; "
            << format_usd_compact(rental.total.amount()) << " to "
            << format_usd_compact(owned.total.amount())
            << " is a program under\nthese assumptions; $1.6B is a fleet's servers and $2.544B "
               "their four-year cost of ownership.\n";
}
