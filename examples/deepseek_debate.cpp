// The DeepSeek debate on one page: $5.576M, $294K and $1.6B are different scopes.
//
// Sets the figures quoted in January 2025 side by side with their scopes and
// sources (DeepSeek-V3 report Table 1 [P]; DeepSeek-R1 supplementary B.4.4
// [P]; SemiAnalysis "DeepSeek Debates" [A], from reference/deepseek_fleet.hpp),
// shows how they relate, shows that adding a run to a fleet's capex is
// refused (the library's own message, word-wrapped), then builds a program
// estimate — runs, research, data, staff, a share of the fleet — from the
// stated assumptions in reference/deepseek_program.hpp (marked ?). Every
// figure in the prose is computed from the reference data and the models, so
// the page follows any change of an assumption or a published estimate.
//
// Evidence follows provenance.hpp `derived_from`: a figure computed from
// others is as weak as its weakest input, so the fleet TCO (two analyst
// estimates) is A, and the program (assumed staff and share) is ?.
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
//   7  Fleet TCO (4 years)       $2.544B  fleet TCO                      A
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
//            4-7  SemiAnalysis, "DeepSeek Debates" (2025-01-31), sources.md §3
//
//   How they relate
//     V3 + R1 = $5.871M as modelled from the paper tables ($5.870M as printed):
//       same scope, so the sum means something.
//     $1.6B capex / $5.576M V3 run = 287x, and it is not "the real cost of V3":
//       one buys servers for ~60,000 GPUs for years, the other prices 2,048 GPUs for 57 days
//       at a rental rate.
//     > $500M and ~$1.6B are one scope (fleet capex): the first is a floor on GPU investment,
//       the second an estimate of all server capex.
//     fleet TCO per GPU-hour at full use: $1.21
//       (averaged over all 60,000 GPUs and 4 years: 2.104B GPU-hours)
//     V3's 2,788,000 H800-hours at that rate: $3.371M (final run, ownership cost)
//       against $5.576M at the assumed $2/h rental; they are 0.13% of the fleet's 4-year time.
//     Adding the run and the capex anyway:
//       [traincost.scope_mismatch] debate.parts[1]: got "Server capex" of scope fleet capex
//         [fleet_capex], expected an amount that composes into program [program]; a fleet's cost
//         enters a program only through an allocation (allocate_by_share)
//
//   A program estimate from stated assumptions (DeepSeekProgramAssumptions)
//     research multiplier 2.19x on V3 (?) — Epoch AI's range 1.2-4x
//     R1 preparatory A100 runs: 50,000 GPU-hours (?) at $1.45/h (A) — not costed by the paper
//     synthetic data: 20,000 H800-hours (?) at $2/h (P)
//     staff: 150 people x $100,000/year x 1.32 overhead x 2 years (?)
//     fleet share: 1.00% of the fleet's 4-year time, idle and reserved time included (?)
//
//   line                                         scope                          amount  src
//   ---------------------------------------------------------------------------------------
//   DeepSeek V3 + R1 program                     program                      $65.126M  ?
//     share of the fleet's 4-year TCO            fleet allocation             $25.440M  ?
//       DeepSeek-V3 final run at fleet cost      final run (ownership cost)    $3.371M  A
//       DeepSeek-R1 post-training at fleet cost  final run (ownership cost)  $178.161K  A
//       V3 research and ablations at fleet cost  research compute              $4.015M  ?
//       R1 preparatory runs at fleet cost        research compute             $60.461K  ?
//       synthetic data generation at fleet cost  data                         $24.184K  ?
//       other allocated fleet time               fleet allocation             $17.791M  ?
//     research and engineering staff             staff                        $39.686M  ?
//
//     program total (fleet allocation basis): $65.126M
//     the listed runs, research and data fill 30.1% of the allocated fleet time
//     program total (rental-equivalent basis): $52.310M
//       = final runs $5.871M + research $6.713M + data $40.000K + staff $39.686M
//
//   In short: $5.576M is one final run and $5.87M two; $52.310M to $65.126M is a program under
//   these assumptions; $1.6B is a fleet's servers and $2.544B their 4-year cost of ownership.
//
// expect: 1  V3 final run              $5.576M  final run (rental-equivalent)  P
// expect: 2  R1 post-training          $294K    final run (rental-equivalent)  P
// expect: 3  V3 + R1                   ~$5.87M  final run (rental-equivalent)  D
// expect: 5  Server capex              ~$1.6B   fleet capex                    A
// expect: 6  Operating cost (4 years)  ~$944M   fleet operating cost           A
// expect: 7  Fleet TCO (4 years)       $2.544B  fleet TCO                      A
// expect: V3 + R1 = $5.871M as modelled from the paper tables ($5.870M as printed)
// expect: $1.6B capex / $5.576M V3 run = 287x
// expect: one buys servers for ~60,000 GPUs for years, the other prices 2,048 GPUs for 57 days
// expect: fleet TCO per GPU-hour at full use: $1.21
// expect: (averaged over all 60,000 GPUs and 4 years: 2.104B GPU-hours)
// expect: V3's 2,788,000 H800-hours at that rate: $3.371M (final run, ownership cost)
// expect: against $5.576M at the assumed $2/h rental
// expect: [traincost.scope_mismatch] debate.parts[1]: got "Server capex" of scope fleet capex
// expect: [fleet_capex], expected an amount that composes into program [program]
// expect: program total (fleet allocation basis): $65.126M
// expect: program total (rental-equivalent basis): $52.310M
// expect: = final runs $5.871M + research $6.713M + data $40.000K + staff $39.686M
// expect: $1.6B is a fleet's servers and $2.544B their 4-year cost of ownership

#include <cmath>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/program/program.hpp"
#include "traincost/reference/deepseek_program.hpp"

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

/// "1.600" -> "1.6", "944.000" -> "944": a figure with no more digits than it has.
std::string trim_zeros(std::string number) {
  if (number.find('.') == std::string::npos)
    return number;
  while (number.back() == '0')
    number.pop_back();
  if (number.back() == '.')
    number.pop_back();
  return number;
}

/// Dollars as quoted in prose: "$1.6B", "$944M", "$2.544B", "$5.87M".
std::string short_usd(Money amount) {
  const std::string s = format_usd_compact(amount, 3);
  const auto suffix_at = s.find_last_of("0123456789") + 1;
  return trim_zeros(s.substr(0, suffix_at)) + s.substr(suffix_at);
}

/// A price per GPU-hour as quoted in prose: "$2/h", "$1.45/h".
std::string per_hour(GpuTimePrice price) {
  return "$" + trim_zeros(format_number(in_usd_per_gpu_hour(price), 2)) + "/h";
}

/// Prints `text` word-wrapped to `width` columns, every line after the first
/// indented by `indent`: the refusal is shown as the library words it.
void print_wrapped(std::ostream& out, const std::string& text, std::size_t first_indent,
                   std::size_t indent, std::size_t width) {
  std::istringstream words(text);
  std::string word;
  std::string line(first_indent, ' ');
  bool empty = true;
  while (words >> word) {
    if (!empty && line.size() + 1 + word.size() > width) {
      out << line << "\n";
      line.assign(indent, ' ');
      empty = true;
    }
    if (!empty)
      line += ' ';
    line += word;
    empty = false;
  }
  out << line << "\n";
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
            << ref::deepseek_r1_b44 << "\n         4-7  " << ref::semianalysis_deepseek_debates
            << "\n";

  // ---- 2. How they relate ----------------------------------------------------
  // Every figure below comes from the reference data or a model, so the page
  // stays true when an assumption or a published estimate changes.
  std::cout << "\nHow they relate\n";
  const auto runs = ref::deepseek_final_runs();
  const FinalRunCost& v3 = runs[0];
  const FinalRunCost& r1 = runs[1];
  const auto v3_published = ref::deepseek_v3_published_cost();
  const auto capex = ref::deepseek_fleet_capex();
  const auto tco = ref::deepseek_fleet_tco_4y();
  const auto fleet_gpus = ref::deepseek_fleet_gpus().value;
  const auto fleet_period = ref::deepseek_fleet_period().value;
  const std::string period_years = format_number(in_years(fleet_period));
  const GpuTimePrice v3_price = v3.stages.front().price;

  std::cout << "  V3 + R1 = " << format_usd_compact(v3.total + r1.total)
            << " as modelled from the paper tables ("
            << format_usd_compact(ref::deepseek_v3_plus_r1_cost().amount())
            << " as printed):\n    same scope, so the sum means something.\n";
  std::cout << "  " << short_usd(capex.amount()) << " capex / " << short_usd(v3_published.amount())
            << " V3 run = " << format_number(relative_size(capex, v3_published))
            << "x, and it is not \"the real cost of V3\":\n"
            << "    one buys servers for ~" << format_number(in_accelerators(fleet_gpus))
            << " GPUs for years, the other prices "
            << format_number(in_accelerators(v3.stages.front().accelerators)) << " GPUs for "
            << format_number(in_days(v3.wall_clock)) << " days\n    at a rental rate.\n";
  std::cout << "  > " << short_usd(ref::deepseek_gpu_investment_floor().amount()) << " and ~"
            << short_usd(capex.amount())
            << " are one scope (fleet capex): the first is a floor on GPU investment,\n"
               "    the second an estimate of all server capex.\n";
  const FleetAllocation whole_fleet =
      allocate_by_share("whole fleet", tco, sourced(1.0, derived("the whole fleet")),
                        fleet_capacity(fleet_gpus, fleet_period));
  const GpuTimePrice fleet_rate = *whole_fleet.cost_per_gpu_hour;
  std::cout << "  fleet TCO per GPU-hour at full use: $"
            << format_number(in_usd_per_gpu_hour(fleet_rate), 2) << "\n    (averaged over all "
            << format_number(in_accelerators(fleet_gpus)) << " GPUs and " << period_years
            << " years: " << format_number(in_gpu_hours(*whole_fleet.fleet_capacity) / 1e9, 3)
            << "B GPU-hours)\n";
  std::cout << "  V3's " << format_number(in_gpu_hours(v3.gpu_time))
            << " H800-hours at that rate: " << format_usd_compact(v3.gpu_time * fleet_rate)
            << " (final run, ownership cost)\n    against " << format_usd_compact(v3.total)
            << " at the assumed " << per_hour(v3_price) << " rental; they are "
            << format_percent(ratio(v3.gpu_time, *whole_fleet.fleet_capacity), 2)
            << " of the fleet's " << period_years << "-year time.\n";

  // The debate's sum, refused: a run and a fleet's capex do not compose.
  std::cout << "  Adding the run and the capex anyway:\n";
  try {
    compose("debate", Scope::program,
            {to_line_item("V3 final run", v3_published), to_line_item("Server capex", capex)});
  } catch (const Error& e) {
    print_wrapped(std::cout, e.what(), 4, 6, 96);
  }
  // (`ref::deepseek_v3_published_cost() + ref::deepseek_fleet_capex()` does
  // not compile at all: tests/compile_fail/scoped_cost_mixing.cpp.)

  // ---- 3. A program estimate -------------------------------------------------
  const ref::DeepSeekProgramAssumptions a;
  const auto src = [](const Provenance& p) { return "(" + std::string(tag(p.evidence)) + ")"; };
  const auto synthetic_price = ref::deepseek_h800_rental_price();
  std::cout << "\nA program estimate from stated assumptions (DeepSeekProgramAssumptions)\n";
  std::cout << "  research multiplier " << format_number(a.research_multiplier.value, 2)
            << "x on V3 " << src(a.research_multiplier.provenance) << " — Epoch AI's range "
            << trim_zeros(format_number(epoch_experiment_multiplier_low, 2)) << "-"
            << trim_zeros(format_number(epoch_experiment_multiplier_high, 2)) << "x\n"
            << "  R1 preparatory A100 runs: "
            << format_number(in_gpu_hours(a.r1_preparatory_a100_time.value)) << " GPU-hours "
            << src(a.r1_preparatory_a100_time.provenance) << " at " << per_hour(a.a100_price.value)
            << " " << src(a.a100_price.provenance) << " — not costed by the paper\n"
            << "  synthetic data: " << format_number(in_gpu_hours(a.synthetic_data_time.value))
            << " H800-hours " << src(a.synthetic_data_time.provenance) << " at "
            << per_hour(synthetic_price.value) << " " << src(synthetic_price.provenance) << "\n"
            << "  staff: " << format_number(in_people(a.headcount.value)) << " people x "
            << format_usd(usd(in_usd_per_person_year(a.salary.value))) << "/year x "
            << format_number(a.staff_overhead.value, 2) << " overhead x "
            << format_number(in_years(a.staff_period.value)) << " years "
            << src(Provenance{
                   weakest({a.headcount.provenance.evidence, a.salary.provenance.evidence,
                            a.staff_overhead.provenance.evidence,
                            a.staff_period.provenance.evidence}),
                   ""})
            << "\n"
            << "  fleet share: " << format_percent(a.fleet_share.value, 2) << " of the fleet's "
            << period_years << "-year time, idle and reserved time included "
            << src(a.fleet_share.provenance) << "\n\n";

  const ProgramCost owned = cost_program(ref::deepseek_program(a));
  TextTable tree({"line", "scope", "amount", "src"},
                 {Align::left, Align::left, Align::right, Align::left});
  add_tree_rows(tree, owned.breakdown(), 0, 2);
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
            << format_usd_compact(rental.at("final runs").amount) << " + research "
            << format_usd_compact(rental.at("research compute").amount) << " + data "
            << format_usd_compact(rental.at("synthetic data").amount) << " + staff "
            << format_usd_compact(rental.at("research and engineering staff").amount) << "\n";

  std::cout << "\nIn short: " << short_usd(v3_published.amount()) << " is one final run and "
            << short_usd(ref::deepseek_v3_plus_r1_cost().amount()) << " two; "
            << format_usd_compact(rental.total.amount()) << " to "
            << format_usd_compact(owned.total.amount())
            << " is a program under\nthese assumptions; " << short_usd(capex.amount())
            << " is a fleet's servers and " << short_usd(tco.amount()) << " their " << period_years
            << "-year cost of ownership.\n";
}
