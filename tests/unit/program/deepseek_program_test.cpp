#include "traincost/reference/deepseek_program.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace traincost {
namespace {

using namespace traincost::reference;

// ---- The published figures, each in its scope ---------------------------------

// V3 final run $5.576M, sources.md §1 [P]; R1 "$294K", §2 [P]. Their values
// are checked against the run models below (PublishedRunsMatchTheRunModels),
// not against the literals the header holds; here, their labels.
TEST(DeepSeekFigures, FinalRunsArePublishedRentalEquivalents) {
  EXPECT_EQ(decltype(deepseek_v3_published_cost())::scope, Scope::final_run_rental);
  EXPECT_EQ(decltype(deepseek_r1_published_cost())::scope, Scope::final_run_rental);
  EXPECT_EQ(deepseek_v3_published_cost().provenance().evidence, Evidence::published);
  EXPECT_EQ(deepseek_r1_published_cost().provenance().evidence, Evidence::published);
}

// V3 + R1 ≈ $5.87M, sources.md §2 [D]: same scope, so it is a plain sum; two
// published figures add up to a derived one.
TEST(DeepSeekFigures, V3PlusR1IsASameScopeSum) {
  const auto both = deepseek_v3_plus_r1_cost();
  EXPECT_DOUBLE_EQ(in_usd(both.amount()), in_usd(deepseek_v3_published_cost().amount()) +
                                              in_usd(deepseek_r1_published_cost().amount()));
  EXPECT_NEAR(in_usd(both.amount()), 5.87e6, 0.005e6);  // "$5.87M" as sources.md §2 prints it
  EXPECT_EQ(decltype(both)::scope, Scope::final_run_rental);
  EXPECT_EQ(both.provenance().evidence, Evidence::derived);
}

// The published final runs agree with the models built from the paper tables
// (reference/deepseek_v3.hpp, deepseek_r1.hpp): V3 exactly; R1 within $1K
// because the paper prints $294K for $294,672 (sources.md §2).
TEST(DeepSeekFigures, PublishedRunsMatchTheRunModels) {
  const auto runs = deepseek_final_runs();
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_NEAR(in_usd(runs[0].total), in_usd(deepseek_v3_published_cost().amount()), 1e-6);
  EXPECT_NEAR(in_usd(runs[1].total), in_usd(deepseek_r1_published_cost().amount()), 1000.0);
  EXPECT_DOUBLE_EQ(in_usd(runs[1].total), 294'672.0);
}

// SemiAnalysis, sources.md §3 [A]: > $500M, ~$1.6B capex, ~$944M over four years.
TEST(DeepSeekFigures, FleetFiguresAreAnalystEstimatesOfFleetScopes) {
  // The amounts are the header's transcription (held once, in the fleet
  // reference: FleetFiguresComeFromTheFleetReference); here, their labels,
  // and that the floor is below the estimate it bounds.
  EXPECT_LT(deepseek_gpu_investment_floor().amount(), deepseek_fleet_capex().amount());
  EXPECT_EQ(deepseek_gpu_investment_floor().provenance().evidence, Evidence::analyst_estimate);
  EXPECT_EQ(deepseek_fleet_capex().provenance().evidence, Evidence::analyst_estimate);
  EXPECT_EQ(decltype(deepseek_fleet_capex())::scope, Scope::fleet_capex);
  EXPECT_EQ(decltype(deepseek_fleet_operating_4y())::scope, Scope::fleet_operating);
  // Capex + operating = $2.544B four-year TCO [D]: arithmetic on two analyst
  // estimates, so its evidence is an analyst estimate (derived_from).
  EXPECT_DOUBLE_EQ(
      in_usd(deepseek_fleet_tco_4y().amount()),
      in_usd(deepseek_fleet_capex().amount()) + in_usd(deepseek_fleet_operating_4y().amount()));
  EXPECT_EQ(deepseek_fleet_tco_4y().provenance().evidence, Evidence::analyst_estimate);
  EXPECT_EQ(deepseek_fleet_gpus().provenance.evidence, Evidence::analyst_estimate);
}

// One definition of the fleet figures: the program reference reads them from
// the fleet reference (reference/deepseek_fleet.hpp), citation included.
TEST(DeepSeekFigures, FleetFiguresComeFromTheFleetReference) {
  const PublishedFleetEstimate e = semianalysis_fleet_estimate();
  EXPECT_EQ(in_usd(deepseek_fleet_capex().amount()), in_usd(e.capex.value));
  EXPECT_EQ(deepseek_fleet_capex().provenance(), e.capex.provenance);
  EXPECT_EQ(in_usd(deepseek_fleet_operating_4y().amount()), in_usd(e.operating.value));
  EXPECT_EQ(deepseek_fleet_operating_4y().provenance(), e.operating.provenance);
  EXPECT_EQ(in_years(deepseek_fleet_period().value), in_years(e.period));
  EXPECT_EQ(in_accelerators(deepseek_fleet_gpus().value),
            in_accelerators(accelerator_count(deepseek_fleet())));
  for (const auto& f : deepseek_published_figures()) {
    if (is_fleet_scope(f.scope)) {
      EXPECT_NE(f.provenance.source.find(semianalysis_deepseek_debates), std::string::npos)
          << f.what;
    }
  }
}

TEST(DeepSeekFigures, TableListsEveryFigureWithItsScope) {
  const auto figures = deepseek_published_figures();
  ASSERT_EQ(figures.size(), 7u);
  EXPECT_EQ(figures[0].as_printed, "$5.576M");
  EXPECT_EQ(figures[0].scope, Scope::final_run_rental);
  EXPECT_EQ(figures[3].scope, Scope::fleet_capex);
  EXPECT_EQ(figures[4].as_printed, "~$1.6B");
  EXPECT_EQ(figures[5].scope, Scope::fleet_operating);
  EXPECT_EQ(figures[6].scope, Scope::fleet_tco);
  for (const auto& f : figures) {
    EXPECT_FALSE(f.provenance.source.empty()) << f.what;
    EXPECT_FALSE(f.counts.empty()) << f.what;
  }
}

// The debate's mistake, refused at run time: the published figures as line
// items do not sum into one total.
TEST(DeepSeekFigures, AddingTheHeadlineFiguresIsRefused) {
  std::vector<LineItem> items;
  for (const auto& f : deepseek_published_figures())
    items.push_back(LineItem{f.what, f.amount, f.scope, f.provenance, {}});
  EXPECT_THROW(sum_same_scope(Scope::final_run_rental, items), Error);
  EXPECT_THROW(compose("everything", Scope::program, items), Error);
}

// ---- The program estimate from its assumptions --------------------------------

TEST(DeepSeekProgram, DefaultAssumptionsAreLabelledAssumed) {
  const DeepSeekProgramAssumptions a;
  EXPECT_NEAR(a.research_multiplier.value, std::sqrt(1.2 * 4.0), 1e-12);  // sources.md §7
  EXPECT_EQ(a.research_multiplier.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.headcount.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.salary.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.fleet_share.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.r1_preparatory_a100_time.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.a100_price.provenance.evidence, Evidence::analyst_estimate);  // §6 [A]
}

// Fleet basis: 1% of $2.544B = $25.44M; staff 150 x $100K x 1.3229 x 2 = $39.686M.
TEST(DeepSeekProgram, FleetBasisEstimate) {
  const ProgramCost c = cost_program(deepseek_program());
  EXPECT_EQ(c.basis, ComputeBasis::fleet_allocation);
  const double staff = 150 * 100'000.0 * std::sqrt(1.25 * 1.4) * 2;
  EXPECT_NEAR(in_usd(c.total.amount()), 25.44e6 + staff, 1.0);
  // V3 at the fleet's $2.544B / (60,000 x 35,064 h) = $1.2092 per GPU-hour.
  const LineItem* v3 = &c.at("DeepSeek-V3 final run at fleet cost");
  ASSERT_NE(v3, nullptr);
  EXPECT_EQ(v3->scope, Scope::final_run_ownership);
  EXPECT_NEAR(in_usd(v3->amount), 2.788e6 * 2.544e9 / (60'000.0 * 35'064.0), 1.0);
  ASSERT_TRUE(c.allocation_used.has_value());
  EXPECT_GT(*c.allocation_used, 0.0);
  EXPECT_LE(*c.allocation_used, 1.0);
  EXPECT_NO_THROW(check_composition(c.breakdown()));
}

// Rental basis: runs $5.8707M + research (2.19 - 1) x $5.576M + A100 prep
// 50K x $1.45 + data 20K x $2 + staff.
TEST(DeepSeekProgram, RentalBasisEstimate) {
  DeepSeekProgramAssumptions a;
  a.basis = ComputeBasis::rental_equivalent;
  const ProgramCost c = cost_program(deepseek_program(a));
  const double staff = 150 * 100'000.0 * std::sqrt(1.25 * 1.4) * 2;
  const double research = (std::sqrt(4.8) - 1) * 5.576e6 + 50'000 * 1.45;
  EXPECT_NEAR(in_usd(c.total.amount()), 5'870'672.0 + research + 40'000.0 + staff, 1.0);
  EXPECT_NEAR(in_usd(c.at("final runs").amount), 5'870'672.0, 1e-6);
  EXPECT_EQ(c.at("final runs").scope, Scope::final_run_rental);
}

TEST(DeepSeekProgram, AssumptionsChangeTheEstimate) {
  DeepSeekProgramAssumptions a;
  a.basis = ComputeBasis::rental_equivalent;
  a.research_multiplier.value = 1.2;
  const double low = in_usd(cost_program(deepseek_program(a)).total.amount());
  a.research_multiplier.value = 4.0;
  const double high = in_usd(cost_program(deepseek_program(a)).total.amount());
  EXPECT_NEAR(high - low, (4.0 - 1.2) * 5.576e6, 1e-3);

  DeepSeekProgramAssumptions b;
  b.fleet_share.value = 0.02;
  EXPECT_NEAR(in_usd(deepseek_fleet_allocation(b).total.amount()), 0.02 * 2.544e9, 1e-3);
}

TEST(DeepSeekProgram, TooSmallAFleetShareIsAnError) {
  DeepSeekProgramAssumptions a;
  a.fleet_share.value = 0.001;  // 2.1M GPU-hours, less than V3's 2.788M alone
  EXPECT_THROW(cost_program(deepseek_program(a)), Error);
}

// ---- The relations the example prints (examples/deepseek_debate.cpp) -----------

// $1.6B [A] / $5.576M [P] = 286.94, printed "287x".
TEST(DeepSeekDebate, CapexIs287TimesTheFinalRun) {
  EXPECT_NEAR(relative_size(deepseek_fleet_capex(), deepseek_v3_published_cost()), 286.944, 1e-3);
}

// $2.544B [D] / (60,000 x 4 x 8,766.0 h) = $1.2092 per GPU-hour at full use, so
// V3's 2,788K H800-hours [P] cost $3.371M at the fleet's own rate, 0.1325% of
// its four-year time.
TEST(DeepSeekDebate, FleetRateAndV3AtOwnershipCost) {
  const FleetAllocation whole =
      allocate_by_share("whole fleet", deepseek_fleet_tco_4y(), sourced(1.0, derived("all")),
                        fleet_capacity(deepseek_fleet_gpus().value, deepseek_fleet_period().value));
  ASSERT_TRUE(whole.cost_per_gpu_hour.has_value());
  EXPECT_NEAR(in_usd_per_gpu_hour(*whole.cost_per_gpu_hour), 1.20922, 1e-5);
  const FinalRunCost v3 = deepseek_final_runs()[0];
  EXPECT_NEAR(in_usd(v3.gpu_time * *whole.cost_per_gpu_hour), 3.3713e6, 100.0);
  EXPECT_NEAR(ratio(v3.gpu_time, *whole.fleet_capacity), 0.001325, 1e-6);
}

// The program figures the example prints: $65.126M (fleet basis), $52.310M
// (rental basis), 30.1% of the allocated time used by the listed work.
TEST(DeepSeekDebate, ProgramTotalsAsPrinted) {
  const ProgramCost owned = cost_program(deepseek_program());
  EXPECT_NEAR(in_usd(owned.total.amount()), 65.126e6, 1e3);
  EXPECT_NEAR(*owned.allocation_used, 0.301, 1e-3);
  DeepSeekProgramAssumptions a;
  a.basis = ComputeBasis::rental_equivalent;
  const ProgramCost rented = cost_program(deepseek_program(a));
  EXPECT_NEAR(in_usd(rented.total.amount()), 52.310e6, 1e3);
  ASSERT_TRUE(rented.contains("research compute"));
  EXPECT_EQ(rented.at("research compute").children.size(), 2u);
  ASSERT_TRUE(rented.contains("R1 preparatory runs"));
  EXPECT_NEAR(in_usd(rented.at("R1 preparatory runs").amount), 72'500.0, 1e-6);  // 50K x $1.45
}

}  // namespace
}  // namespace traincost
