#include "traincost/program.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost/catalog.hpp"

namespace traincost {
namespace {

Cluster h800s(double n) {
  return Cluster(accelerator("h800"), accelerators(n));
}

FinalRunCost run(std::string name, double gpu_hours_used) {
  return cost_final_run(
      TrainingRun{std::move(name),
                  h800s(100),
                  sourced(usd_per_gpu_hour(2.0), assumed("test price")),
                  {Stage::with_gpu_time("train", StageKind::pre_training, gpu_hours(gpu_hours_used),
                                        assumed("test"))}});
}

StaffCost staff() {
  return cost_staff(StaffGroup{"staff", sourced(people(10), assumed("x")),
                               sourced(usd_per_person_year(100'000), assumed("x")),
                               sourced(1.0, assumed("x")), sourced(years(1), assumed("x"))});
}

DataCost data() {
  return cost_data_work(DataWork{
      "data",
      h800s(10),
      sourced(usd_per_gpu_hour(2.0), assumed("x")),
      {Stage::with_gpu_time("gen", StageKind::data_generation, gpu_hours(100), assumed("x"))},
      {DataPurchase{"licence", sourced(usd(500), assumed("x"))}}});
}

Program rental_program() {
  Program p;
  p.name = "program";
  p.final_runs = {run("A", 1000), run("B", 500)};
  p.research = {research_from_multiplier("research", run("A", 1000), sourced(2.0, assumed("x")))};
  p.data = {data()};
  p.staff = {staff()};
  return p;
}

// Fleet: $1M over 1,000,000 GPU-hours = $1 per GPU-hour; 1% share = 10,000 GPU-hours, $10,000.
FleetAllocation fleet(double share) {
  return allocate_by_share("fleet share", scoped<Scope::fleet_tco>(usd(1e6), assumed("x")),
                           sourced(share, assumed("x")), gpu_hours(1e6));
}

TEST(Program, RentalBasisSumsRunsResearchDataStaff) {
  const ProgramCost c = cost_program(rental_program());
  // Runs 2,000 + 1,000; research (2 - 1) x 2,000; data 200 + 500; staff 1,000,000.
  EXPECT_DOUBLE_EQ(in_usd(c.total.amount()), 3000.0 + 2000.0 + 700.0 + 1e6);
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.compute_time), 1000.0 + 500.0 + 1000.0 + 100.0);
  EXPECT_FALSE(c.allocation_used.has_value());
  EXPECT_EQ(c.tree.scope, Scope::program);
  ASSERT_EQ(c.tree.children.size(), 4u);
  EXPECT_EQ(c.tree.children[0].label, "final runs");
  EXPECT_EQ(c.tree.children[0].scope, Scope::final_run_rental);
  EXPECT_EQ(c.tree.children[1].scope, Scope::research_compute);
  EXPECT_EQ(c.tree.children[2].scope, Scope::data);
  EXPECT_EQ(c.tree.children[3].scope, Scope::staff);
  EXPECT_NO_THROW(check_composition(c.tree));
}

TEST(Program, FindLooksUpANodeByLabel) {
  const ProgramCost c = cost_program(rental_program());
  ASSERT_NE(c.find("B"), nullptr);
  EXPECT_DOUBLE_EQ(in_usd(c.find("B")->amount), 1000.0);
  EXPECT_EQ(c.find("no such line"), nullptr);
}

TEST(Program, RentalBasisRefusesAFleetAllocation) {
  Program p = rental_program();
  p.fleet = fleet(0.01);
  try {
    cost_program(p);
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_EQ(e.field(), "program.fleet");
    EXPECT_NE(std::string(e.what()).find("would count the same GPU-hours twice"),
              std::string::npos);
  }
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
  const LineItem* alloc = c.find("fleet share");
  ASSERT_NE(alloc, nullptr);
  EXPECT_EQ(alloc->scope, Scope::fleet_allocation);
  EXPECT_DOUBLE_EQ(in_usd(alloc->amount), 10'000.0);
  // Runs at the fleet's $1 per GPU-hour, as ownership cost.
  const LineItem* a = c.find("A at fleet cost");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->scope, Scope::final_run_ownership);
  EXPECT_DOUBLE_EQ(in_usd(a->amount), 1000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.find("research at fleet cost")->amount), 1000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.find("data generation at fleet cost")->amount), 100.0);
  EXPECT_DOUBLE_EQ(in_usd(c.find("other allocated fleet time")->amount), 10'000.0 - 2600.0);
  ASSERT_NE(c.find("data purchases"), nullptr);
  EXPECT_EQ(c.find("data purchases")->scope, Scope::data);
  EXPECT_DOUBLE_EQ(in_usd(c.find("data purchases")->amount), 500.0);
  // Nothing in the tree is rental-priced any more.
  EXPECT_EQ(c.find("final runs"), nullptr);
  EXPECT_NO_THROW(check_composition(c.tree));
}

TEST(Program, FleetBasisNeedsEnoughAllocatedTime) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  p.fleet = fleet(0.001);  // 1,000 GPU-hours for 2,600 GPU-hours of work
  try {
    cost_program(p);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_STREQ(e.what(),
                 "[traincost.invalid_input] program.fleet.share: got 0.001, expected at least "
                 "0.0026: the runs, research and data generation use 2600 GPU-hours but the "
                 "allocation covers 1000");
  }
}

TEST(Program, FleetBasisNeedsAFleetWithCapacity) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  EXPECT_THROW(cost_program(p), Error);
  p.fleet = allocate_by_share("no capacity", scoped<Scope::fleet_capex>(usd(1e6)),
                              sourced(0.1, assumed("x")));
  try {
    cost_program(p);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.field(), "program.fleet.fleet_capacity");
  }
}

TEST(Program, MixedRentalAndOwnershipRunsGroupUnderProgramScope) {
  Program p;
  p.name = "mixed";
  FinalRunCost owned = run("owned", 100);
  owned.scope = Scope::final_run_ownership;
  p.final_runs = {run("rented", 100), owned};
  const ProgramCost c = cost_program(p);
  EXPECT_EQ(c.find("final runs")->scope, Scope::program);
  EXPECT_DOUBLE_EQ(in_usd(c.total.amount()), 400.0);
}

TEST(Program, RefusesAFinalRunLabelledWithAnotherScope) {
  Program p;
  p.name = "wrong";
  FinalRunCost r = run("capex?", 100);
  r.scope = Scope::fleet_capex;
  p.final_runs = {r};
  try {
    cost_program(p);
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_EQ(e.field(), "program.final_runs[0]");
  }
}

TEST(Program, RefusesAnEmptyProgram) {
  Program p;
  p.name = "empty";
  EXPECT_THROW(cost_program(p), Error);
}

}  // namespace
}  // namespace traincost
