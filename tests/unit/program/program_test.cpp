#include "traincost/program/program.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using testing::expect_error;

Cluster h800s(double n) {
  return Cluster(accelerator("h800"), accelerators(n));
}

TrainingRun run(std::string name, double gpu_hours_used, Provenance usage = assumed("test")) {
  return TrainingRun{std::move(name),
                     h800s(100),
                     sourced(usd_per_gpu_hour(2.0), assumed("test price")),
                     {Stage::with_gpu_time("train", StageKind::pre_training,
                                           gpu_hours(gpu_hours_used), std::move(usage))}};
}

StaffGroup staff() {
  return StaffGroup{"staff", sourced(people(10), assumed("x")),
                    sourced(usd_per_person_year(100'000), assumed("x")), sourced(1.0, assumed("x")),
                    sourced(years(1), assumed("x"))};
}

DataWork data() {
  return DataWork{
      "data",
      h800s(10),
      sourced(usd_per_gpu_hour(2.0), assumed("x")),
      {Stage::with_gpu_time("gen", StageKind::data_generation, gpu_hours(100), assumed("x"))},
      {DataPurchase{"licence", sourced(usd(500), assumed("x"))}}};
}

Program rental_program() {
  Program p;
  p.name = "program";
  p.runs = {run("A", 1000), run("B", 500)};
  p.research = {ResearchMultiplier{"research", 0, sourced(2.0, assumed("x"))}};
  p.data = {data()};
  p.staff = {staff()};
  return p;
}

// Fleet: $1M over 1,000,000 GPU-hours = $1 per GPU-hour; 1% share = 10,000 GPU-hours, $10,000.
FleetAllocation fleet(double share, Provenance fleet_cost = assumed("x"),
                      Provenance share_source = assumed("x")) {
  return allocate_by_share("fleet share", scoped<Scope::fleet_tco>(usd(1e6), std::move(fleet_cost)),
                           sourced(share, std::move(share_source)), gpu_hours(1e6));
}

TEST(Program, RentalBasisSumsRunsResearchDataStaff) {
  const ProgramCost c = cost_program(rental_program());
  // Runs 2,000 + 1,000; research (2 - 1) x 2,000; data 200 + 500; staff 1,000,000.
  EXPECT_DOUBLE_EQ(in_usd(c.total.amount()), 3000.0 + 2000.0 + 700.0 + 1e6);
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.compute_time), 1000.0 + 500.0 + 1000.0 + 100.0);
  EXPECT_FALSE(c.allocation_used.has_value());
  EXPECT_EQ(c.breakdown().scope, Scope::program);
  ASSERT_EQ(c.breakdown().children.size(), 4u);
  EXPECT_EQ(c.breakdown().children[0].label, "final runs");
  EXPECT_EQ(c.breakdown().children[0].scope, Scope::final_run_rental);
  EXPECT_EQ(c.breakdown().children[1].scope, Scope::research_compute);
  EXPECT_EQ(c.breakdown().children[2].scope, Scope::data);
  EXPECT_EQ(c.breakdown().children[3].scope, Scope::staff);
  EXPECT_NO_THROW(check_composition(c.breakdown()));
}

TEST(Program, AtLooksUpANodeByLabelAndThrowsForAnUnknownOne) {
  const ProgramCost c = cost_program(rental_program());
  ASSERT_TRUE(c.contains("B"));
  EXPECT_DOUBLE_EQ(in_usd(c.at("B").amount), 1000.0);
  EXPECT_EQ(c.at("final runs").scope, Scope::final_run_rental);
  EXPECT_FALSE(c.contains("no such line"));
  try {
    (void)c.at("final run");
    ADD_FAILURE() << "expected an unknown_name error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_name);
    EXPECT_EQ(e.field().str(), "program.breakdown");
    EXPECT_EQ(e.value(), "\"final run\"");
    // The closest label of the tree comes first.
    EXPECT_EQ(e.expected().rfind("one of \"final runs\"", 0), 0u) << e.expected();
  }
}

TEST(Program, RentalBasisRefusesAFleetAllocation) {
  Program p = rental_program();
  p.fleet = fleet(0.01);
  expect_error([&p] { cost_program(p); }, ErrorCode::scope_mismatch, "program.fleet",
               "would count the same GPU-hours twice");
}

TEST(Program, FleetBasisRepricesTheWorkInsideTheAllocation) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  p.fleet = fleet(0.01);
  const ProgramCost c = cost_program(p);
  // Allocation $10,000 + data purchase $500 + staff $1,000,000.
  EXPECT_DOUBLE_EQ(in_usd(c.total.amount()), 10'000.0 + 500.0 + 1e6);
  ASSERT_TRUE(c.allocation_used.has_value());
  EXPECT_DOUBLE_EQ(*c.allocation_used, 2600.0 / 10'000.0);
  const LineItem* alloc = &c.at("fleet share");
  ASSERT_NE(alloc, nullptr);
  EXPECT_EQ(alloc->scope, Scope::fleet_allocation);
  EXPECT_DOUBLE_EQ(in_usd(alloc->amount), 10'000.0);
  // Runs at the fleet's $1 per GPU-hour, as ownership cost.
  const LineItem* a = &c.at("A at fleet cost");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->scope, Scope::final_run_ownership);
  EXPECT_DOUBLE_EQ(in_usd(a->amount), 1000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.at("research at fleet cost").amount), 1000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.at("data generation at fleet cost").amount), 100.0);
  EXPECT_DOUBLE_EQ(in_usd(c.at("other allocated fleet time").amount), 10'000.0 - 2600.0);
  ASSERT_TRUE(c.contains("data purchases"));
  EXPECT_EQ(c.at("data purchases").scope, Scope::data);
  EXPECT_DOUBLE_EQ(in_usd(c.at("data purchases").amount), 500.0);
  // Nothing in the tree is rental-priced any more.
  EXPECT_FALSE(c.contains("final runs"));
  EXPECT_NO_THROW(check_composition(c.breakdown()));
}

// A run re-priced at the fleet's rate is as weak as the weaker of its usage
// and the fleet's cost; the program is as weak as its weakest part.
TEST(Program, FleetBasisEvidenceIsTheWeakerOfUsageAndFleetCost) {
  Program p;
  p.name = "evidence";
  p.basis = ComputeBasis::fleet_allocation;
  p.runs = {run("A", 1000, published("paper"))};
  p.fleet = fleet(0.01, analyst_estimate("analyst"), published("logs"));
  ProgramCost c = cost_program(p);
  EXPECT_EQ(c.at("fleet share").provenance.evidence, Evidence::analyst_estimate);
  EXPECT_EQ(c.at("A at fleet cost").provenance.evidence, Evidence::analyst_estimate);
  EXPECT_EQ(c.at("train").provenance.evidence, Evidence::analyst_estimate);
  EXPECT_EQ(c.at("other allocated fleet time").provenance.evidence, Evidence::analyst_estimate);
  EXPECT_EQ(c.total.provenance().evidence, Evidence::analyst_estimate);

  p.fleet = fleet(0.01, published("audited"), published("logs"));
  c = cost_program(p);
  EXPECT_EQ(c.at("train").provenance.evidence, Evidence::derived);
  EXPECT_EQ(c.total.provenance().evidence, Evidence::derived);

  p.runs = {run("A", 1000, assumed("guess"))};
  c = cost_program(p);
  EXPECT_EQ(c.at("train").provenance.evidence, Evidence::assumed);
  EXPECT_EQ(c.at("other allocated fleet time").provenance.evidence, Evidence::assumed);
  EXPECT_EQ(c.total.provenance().evidence, Evidence::derived);  // the allocation is given
}

TEST(Program, FleetBasisNeedsEnoughAllocatedTime) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  p.fleet = fleet(0.001);  // 1,000 GPU-hours for 2,600 GPU-hours of work
  expect_error([&p] { cost_program(p); }, ErrorCode::invalid_input, "program.fleet.share",
               "[traincost.invalid_input] program.fleet.share: got 0.001, expected at least "
               "0.0026: the runs, research and data generation use 2600 GPU-hours but the "
               "allocation covers 1000");
}

TEST(Program, FleetBasisNeedsAFleetWithCapacity) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  expect_error([&p] { cost_program(p); }, ErrorCode::invalid_input, "program.fleet",
               "expected a fleet allocation");
  p.fleet = allocate_by_share("no capacity", scoped<Scope::fleet_capex>(usd(1e6)),
                              sourced(0.1, assumed("x")));
  expect_error([&p] { cost_program(p); }, ErrorCode::invalid_input, "program.fleet.fleet_capacity",
               "got none");
}

TEST(Program, MixedRentalAndOwnershipRunsGroupUnderProgramScope) {
  Program p;
  p.name = "mixed";
  TrainingRun owned = run("owned", 100);
  owned.price = RunPrice::ownership_cost(sourced(usd_per_gpu_hour(2.0), assumed("fleet cost")));
  p.runs = {run("rented", 100), owned};
  const ProgramCost c = cost_program(p);
  EXPECT_EQ(c.at("owned").scope, Scope::final_run_ownership);
  EXPECT_EQ(c.at("final runs").scope, Scope::program);
  EXPECT_DOUBLE_EQ(in_usd(c.total.amount()), 400.0);
}

TEST(Program, RefusesAMultiplierOnARunItDoesNotHave) {
  Program p = rental_program();
  p.research = {ResearchMultiplier{"research", 5, sourced(2.0, assumed("x"))}};
  expect_error([&p] { cost_program(p); }, ErrorCode::invalid_value, "program.research[0].run",
               "got 5, expected the index of one of the program's 2 runs");
}

TEST(Program, RefusesAnEmptyProgram) {
  Program p;
  p.name = "empty";
  expect_error([&p] { cost_program(p); }, ErrorCode::invalid_input, "program", "has no parts");
}

}  // namespace
}  // namespace traincost
