#pragma once
/// \file
/// The DeepSeek figures of the January 2025 debate, each with its scope and
/// source, and a program estimate built from stated assumptions.
///
/// Published figures (sources.md):
///  - V3 final run $5.576M [P] — final-run rental-equivalent (§1);
///  - R1 post-training $294K [P] — final-run rental-equivalent (§2);
///  - V3 + R1 ≈ $5.87M [D] — same scope, so the sum is meaningful (§2);
///  - GPU investments "well higher than $500M" [A] — fleet capex, a lower bound (§3);
///  - server capex ~$1.6B [A] — fleet capex (§3);
///  - operating cost ~$944M over four years of ownership [A] — fleet operating (§3);
///  - capex + operating = $2.544B [D] — fleet TCO over four years, the
///    chart's "TCO (4y ownership)" (§3).
///
/// The fleet figures, their citation and the fleet's size are not repeated
/// here: they come from reference/deepseek_fleet.hpp
/// (`semianalysis_fleet_estimate()`, `deepseek_fleet()`), so there is one
/// place to correct them.
///
/// The program estimate (`deepseek_program`) puts the V3 and R1 runs, the
/// research they left out, data work, staff and a share of the fleet into one
/// tree. Everything the sources do not give — research multiplier, the A100
/// preparatory runs, data generation, headcount and pay, the program's share
/// of the fleet — is an `assumed(...)` field of `DeepSeekProgramAssumptions`
/// that the user can change.

#include <cmath>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "traincost/core/scoped_cost.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/program/allocation.hpp"
#include "traincost/program/program.hpp"
#include "traincost/program/research.hpp"
#include "traincost/program/staff.hpp"
#include "traincost/reference/deepseek_fleet.hpp"
#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost::reference {

// ---------------------------------------------------------------------------
// The published figures, typed by scope.
// ---------------------------------------------------------------------------

/// V3's final run as published: $5.576M at $2 per H800 GPU-hour (sources.md §1 [P]).
inline ScopedCost<Scope::final_run_rental> deepseek_v3_published_cost() {
  return scoped<Scope::final_run_rental>(usd(5.576e6), published(deepseek_v3_table1));
}

/// R1's post-training as printed: "$294K" (the table's rows sum to
/// $294,672; sources.md §2 [P]).
inline ScopedCost<Scope::final_run_rental> deepseek_r1_published_cost() {
  return scoped<Scope::final_run_rental>(usd(294e3), published(deepseek_r1_b44));
}

/// V3 + R1 ≈ $5.87M: the same scope, so they add (sources.md §2 [D]).
inline ScopedCost<Scope::final_run_rental> deepseek_v3_plus_r1_cost() {
  return deepseek_v3_published_cost() + deepseek_r1_published_cost();
}

/// GPU investments "well higher than $500M" over the company's history: a
/// lower bound on fleet capex (sources.md §3 [A]).
inline ScopedCost<Scope::fleet_capex> deepseek_gpu_investment_floor() {
  return scoped<Scope::fleet_capex>(usd(500e6),
                                    analyst_estimate(std::string(semianalysis_deepseek_debates) +
                                                     ": GPU investments \"well higher than\""));
}

/// Total server capex ~$1.6B (sources.md §3 [A]; revised from ~$1.3B), as
/// published in `semianalysis_fleet_estimate()` (reference/deepseek_fleet.hpp).
inline ScopedCost<Scope::fleet_capex> deepseek_fleet_capex() {
  const PublishedFleetEstimate e = semianalysis_fleet_estimate();
  return scoped<Scope::fleet_capex>(e.capex.value, e.capex.provenance);
}

/// Operating cost ~$944M over four years of ownership (sources.md §3 [A];
/// revised from ~$715M), from `semianalysis_fleet_estimate()`.
inline ScopedCost<Scope::fleet_operating> deepseek_fleet_operating_4y() {
  const PublishedFleetEstimate e = semianalysis_fleet_estimate();
  return scoped<Scope::fleet_operating>(e.operating.value, e.operating.provenance);
}

/// Capex + four-year operating cost = $2.544B, the fleet's four-year TCO
/// (sources.md §3 [D]). Computed from two analyst estimates, so its evidence
/// is an analyst estimate too (provenance.hpp `derived_from`).
inline ScopedCost<Scope::fleet_tco> deepseek_fleet_tco_4y() {
  return fleet_tco(deepseek_fleet_capex(), deepseek_fleet_operating_4y());
}

/// The fleet's size: the accelerators of the fleet reconstruction's holdings
/// (`deepseek_fleet()`: 10K A100 + 10K H800 + 10K H100 + 30K H20, chart
/// total 60,000; sources.md §3 [A]).
inline Sourced<AcceleratorCount> deepseek_fleet_gpus() {
  return {accelerator_count(deepseek_fleet()),
          derived_from({Evidence::analyst_estimate},
                       std::string(semianalysis_deepseek_debates) +
                           ": holdings of the fleet reconstruction (deepseek_fleet())")};
}

/// The ownership period of the operating-cost figure: four years
/// (`semianalysis_fleet_estimate().period`; sources.md §3 [A]).
inline Sourced<Duration> deepseek_fleet_period() {
  return {semianalysis_fleet_estimate().period,
          analyst_estimate(std::string(semianalysis_deepseek_debates) +
                           ": chart labelled \"TCO (4y ownership)\"")};
}

/// One published figure as a table row: its amount, its scope, its source.
struct PublishedFigure {
  std::string what;        ///< e.g. "V3 final run"
  std::string as_printed;  ///< the figure as the source prints it, e.g. "$5.576M"
  Money amount = usd(0);   ///< the value used here
  Scope scope = Scope::program;
  Provenance provenance;
  std::string counts;  ///< what the figure counts, and what it leaves out
};

/// The figures of the debate, in the order they were quoted.
inline std::vector<PublishedFigure> deepseek_published_figures() {
  const auto row = [](std::string what, std::string printed, const auto& cost, std::string counts) {
    return PublishedFigure{std::move(what),   std::move(printed),
                           cost.amount(),     std::remove_cvref_t<decltype(cost)>::scope,
                           cost.provenance(), std::move(counts)};
  };
  return {
      row("V3 final run", "$5.576M", deepseek_v3_published_cost(),
          "2,788K H800-hours at an assumed $2/h; no research, ablations, staff or hardware"),
      row("R1 post-training", "$294K", deepseek_r1_published_cost(),
          "147K H800-hours at $2/h on top of V3-Base; no A100 preparatory runs"),
      row("V3 + R1", "~$5.87M", deepseek_v3_plus_r1_cost(),
          "the two runs above: same scope, so the sum means something"),
      row("GPU investments", "> $500M", deepseek_gpu_investment_floor(),
          "hardware bought over the company's history; a lower bound"),
      row("Server capex", "~$1.6B", deepseek_fleet_capex(),
          "~60,000 GPUs' servers, bought once, serving everything for years"),
      row("Operating cost (4 years)", "~$944M", deepseek_fleet_operating_4y(),
          "running that fleet for four years"),
      row("Fleet TCO (4 years)", "$2.544B", deepseek_fleet_tco_4y(),
          "capex + operating cost over the same four years"),
  };
}

// ---------------------------------------------------------------------------
// The program estimate: stated assumptions, all changeable.
// ---------------------------------------------------------------------------

/// Everything the program estimate assumes. Defaults are illustrative, not
/// findings: none of these is published for DeepSeek.
struct DeepSeekProgramAssumptions {
  /// Total compute / V3 final-run compute. Default: the median of a lognormal
  /// fitted to Epoch AI's 1.2–4× range, √(1.2 × 4) ≈ 2.19 (sources.md §7).
  Sourced<double> research_multiplier{
      std::sqrt(epoch_experiment_multiplier_low * epoch_experiment_multiplier_high),
      assumed("median of Epoch AI's 1.2-4x experiment multiplier range (sources.md §7)")};

  /// R1's preparatory 30B-model runs on A100s: mentioned, not costed by the
  /// paper (sources.md §2), so the GPU-hours are a placeholder.
  Sourced<GpuTime> r1_preparatory_a100_time{
      gpu_hours(50'000),
      assumed("placeholder: the R1 paper mentions 30B-model runs on A100s but gives no figure")};
  /// Price of those A100 hours: AWS p4d 3-year commitment, $1.45 per GPU-hour
  /// (sources.md §6 [A]), Epoch AI's cloud-cost convention.
  Sourced<GpuTimePrice> a100_price{usd_per_gpu_hour(1.45),
                                   analyst_estimate("AWS p4d A100 3-year price (sources.md §6)")};

  /// Synthetic-data generation beyond what the R1 table already counts (its
  /// 5K GPU-hours of SFT data creation are inside the $294K).
  Sourced<GpuTime> synthetic_data_time{
      gpu_hours(20'000), assumed("placeholder: no published figure for further data generation")};

  /// People on the V3/R1 program (full-time equivalents).
  Sourced<PersonCount> headcount{
      people(150), assumed("placeholder: DeepSeek's headcount is not in the sources")};
  /// Base cost per person-year before overhead.
  Sourced<StaffRate> salary{usd_per_person_year(100'000),
                            assumed("placeholder: DeepSeek's pay is not in the sources")};
  /// Loaded cost / salary: geometric middle of Epoch AI's 1.25–1.4 (sources.md §7).
  Sourced<double> staff_overhead{
      std::sqrt(epoch_staff_overhead_low * epoch_staff_overhead_high),
      assumed("middle of Epoch AI's 1.25-1.4 staff overhead range (sources.md §7)")};
  /// How long the staff work on the program.
  Sourced<Duration> staff_period{years(2), assumed("placeholder: two years of development")};

  /// The program's share of the fleet's four-year time, including reserved
  /// and idle time: what the fleet allocation charges the program.
  Sourced<double> fleet_share{0.01,
                              assumed("placeholder: 1% of the fleet's four-year accelerator time")};

  /// How the program's compute is priced.
  ComputeBasis basis = ComputeBasis::fleet_allocation;
};

/// The V3 and R1 runs as published (reference/deepseek_v3.hpp, deepseek_r1.hpp).
inline std::vector<FinalRunCost> deepseek_final_runs() {
  return {cost_final_run(deepseek_v3_final_run()), cost_final_run(deepseek_r1_run())};
}

/// R1's preparatory 30B-model runs on A100s, as a ledger.
inline ExperimentLedger deepseek_r1_preparatory_runs(const DeepSeekProgramAssumptions& a = {}) {
  return ExperimentLedger{
      "R1 preparatory runs",
      // Fire-Flyer 2's A100s are the PCIe 40GB part (sources.md §4 [P]); the
      // count only sets the wall-clock, not the cost.
      Cluster(accelerator("a100-pcie-40gb"), accelerators(512)),
      {a.a100_price.value, a.a100_price.provenance},
      {Experiment{ExperimentKind::smaller_run,
                  Stage::with_gpu_time("30B-model runs on A100", StageKind::other,
                                       a.r1_preparatory_a100_time.value,
                                       a.r1_preparatory_a100_time.provenance)}}};
}

/// The research behind the runs, as two items: (a) the multiplier on V3's
/// final run (V3's ablations and experiments), and (b) a ledger with R1's
/// preparatory 30B-model runs on A100s.
inline std::vector<ResearchCost> deepseek_research(const DeepSeekProgramAssumptions& a = {}) {
  const FinalRunCost v3 = cost_final_run(deepseek_v3_final_run());
  return {research_from_multiplier("V3 research and ablations", v3, a.research_multiplier),
          cost_experiments(deepseek_r1_preparatory_runs(a))};
}

/// Data work beyond the published runs: synthetic-data generation on H800s at $2.
inline DataWork deepseek_data_work(const DeepSeekProgramAssumptions& a = {}) {
  return DataWork{
      "synthetic data",
      deepseek_v3_cluster(),
      deepseek_h800_rental_price(),
      {Stage::with_gpu_time("synthetic-data generation", StageKind::data_generation,
                            a.synthetic_data_time.value, a.synthetic_data_time.provenance)},
      {}};
}

/// The data work, costed.
inline DataCost deepseek_data(const DeepSeekProgramAssumptions& a = {}) {
  return cost_data_work(deepseek_data_work(a));
}

/// The program's staff group.
inline StaffGroup deepseek_staff_group(const DeepSeekProgramAssumptions& a = {}) {
  return StaffGroup{"research and engineering staff", a.headcount, a.salary, a.staff_overhead,
                    a.staff_period};
}

/// The program's staff, costed.
inline StaffCost deepseek_staff(const DeepSeekProgramAssumptions& a = {}) {
  return cost_staff(deepseek_staff_group(a));
}

/// The program's share of the fleet's four-year TCO.
inline FleetAllocation deepseek_fleet_allocation(const DeepSeekProgramAssumptions& a = {}) {
  return allocate_by_share(
      "share of the fleet's 4-year TCO", deepseek_fleet_tco_4y(), a.fleet_share,
      fleet_capacity(deepseek_fleet_gpus().value, deepseek_fleet_period().value));
}

/// The V3 + R1 program from the assumptions: the published runs, research,
/// data, staff and — under `ComputeBasis::fleet_allocation` — the fleet share.
inline Program deepseek_program(const DeepSeekProgramAssumptions& a = {}) {
  Program p;
  p.name = "DeepSeek V3 + R1 program";
  p.basis = a.basis;
  p.runs = {deepseek_v3_final_run(), deepseek_r1_run()};
  p.research = {ResearchMultiplier{"V3 research and ablations", 0, a.research_multiplier},
                deepseek_r1_preparatory_runs(a)};
  p.data = {deepseek_data_work(a)};
  p.staff = {deepseek_staff_group(a)};
  if (a.basis == ComputeBasis::fleet_allocation)
    p.fleet = deepseek_fleet_allocation(a);
  return p;
}

}  // namespace traincost::reference
