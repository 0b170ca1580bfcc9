#include "traincost/program/allocation.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using testing::expect_error;

ScopedCost<Scope::fleet_tco> tco() {
  return scoped<Scope::fleet_tco>(usd(2.544e9), derived("capex + operating"));
}

template <Scope S>
concept allocatable = requires(const ScopedCost<S>& c, const Sourced<double>& s) {
  allocate_by_share("x", c, s);
};
static_assert(allocatable<Scope::fleet_capex>);
static_assert(allocatable<Scope::fleet_operating>);
static_assert(allocatable<Scope::fleet_tco>);
static_assert(!allocatable<Scope::final_run_rental>, "only a fleet's cost is allocated");
static_assert(!allocatable<Scope::program>);

// 60,000 GPUs x 4 Julian years = 60,000 x 35,064 h (sources.md §3; units.hpp year).
TEST(Allocation, FleetCapacityIsGpusTimesPeriod) {
  EXPECT_DOUBLE_EQ(in_gpu_hours(fleet_capacity(accelerators(60'000), years(4))),
                   60'000.0 * 35'064.0);
  EXPECT_THROW(fleet_capacity(accelerators(0), years(4)), Error);
  EXPECT_THROW(fleet_capacity(accelerators(10), years(0)), Error);
}

TEST(Allocation, ShareOfTheFleetCost) {
  const FleetAllocation a = allocate_by_share("share", tco(), sourced(0.01, assumed("test")),
                                              fleet_capacity(accelerators(60'000), years(4)));
  EXPECT_DOUBLE_EQ(in_usd(a.total.amount()), 25.44e6);
  EXPECT_EQ(a.fleet_scope, Scope::fleet_tco);
  EXPECT_EQ(decltype(a.total)::scope, Scope::fleet_allocation);
  ASSERT_TRUE(a.cost_per_gpu_hour.has_value());
  // $2.544B / 2,103.84M GPU-hours = $1.2092 per GPU-hour at full use.
  EXPECT_NEAR(in_usd_per_gpu_hour(*a.cost_per_gpu_hour), 1.20922, 1e-5);
  EXPECT_DOUBLE_EQ(in_gpu_hours(*a.allocated_time), 0.01 * 60'000.0 * 35'064.0);
  EXPECT_EQ(a.total.provenance().evidence, Evidence::assumed);
  EXPECT_EQ(a.breakdown().scope, Scope::fleet_allocation);
}

TEST(Allocation, WithoutCapacityThereIsNoRate) {
  const FleetAllocation a = allocate_by_share("capex share", scoped<Scope::fleet_capex>(usd(1.6e9)),
                                              sourced(0.5, assumed("x")));
  EXPECT_DOUBLE_EQ(in_usd(a.total.amount()), 0.8e9);
  EXPECT_FALSE(a.cost_per_gpu_hour.has_value());
  EXPECT_FALSE(a.allocated_time.has_value());
}

// The allocation is as weak as the weaker of the share and the fleet cost.
TEST(Allocation, EvidenceIsTheWeakerOfShareAndFleetCost) {
  const auto evidence = [](Evidence fleet, Evidence share) {
    return allocate_by_share("x", scoped<Scope::fleet_capex>(usd(1e6), Provenance{fleet, "f"}),
                             sourced(0.5, Provenance{share, "s"}))
        .total.provenance()
        .evidence;
  };
  EXPECT_EQ(evidence(Evidence::published, Evidence::published), Evidence::derived);
  EXPECT_EQ(evidence(Evidence::analyst_estimate, Evidence::published), Evidence::analyst_estimate);
  EXPECT_EQ(evidence(Evidence::analyst_estimate, Evidence::derived), Evidence::analyst_estimate);
  EXPECT_EQ(evidence(Evidence::published, Evidence::assumed), Evidence::assumed);
}

TEST(Allocation, RejectsAShareOutsideZeroToOne) {
  expect_error([] { allocate_by_share("x", tco(), sourced(1.5, assumed("x"))); },
               ErrorCode::invalid_value, "allocation.share",
               "[traincost.invalid_value] allocation.share: got 1.5, expected a fraction in "
               "(0, 1]");
  EXPECT_THROW(allocate_by_share("x", tco(), sourced(0.0, assumed("x"))), Error);
}

TEST(Allocation, LineItemInputMustBeAFleetScope) {
  const LineItem fleet{"fleet TCO", usd(2.544e9), Scope::fleet_tco, derived("x"), {}};
  EXPECT_DOUBLE_EQ(in_usd(allocate_by_share("a", fleet, sourced(0.1, assumed("x"))).total.amount()),
                   2.544e8);

  const LineItem run{"V3 final run", usd(5.576e6), Scope::final_run_rental, published("x"), {}};
  expect_error([&run] { allocate_by_share("a", run, sourced(0.1, assumed("x"))); },
               ErrorCode::scope_mismatch, "allocation.fleet_cost",
               "[traincost.scope_mismatch] allocation.fleet_cost: got \"V3 final run\" of "
               "scope final run (rental-equivalent) [final_run_rental], expected a fleet's "
               "cost: fleet capex [fleet_capex], fleet operating cost [fleet_operating] or "
               "fleet TCO [fleet_tco]");
}

TEST(Allocation, ByUsageChargesExactlyTheTimeUsed) {
  const GpuTime capacity = fleet_capacity(accelerators(1000), years(1));
  const FleetAllocation a =
      allocate_by_usage("used", tco(), capacity, capacity * 0.25, published("logs"));
  EXPECT_DOUBLE_EQ(a.share, 0.25);
  EXPECT_DOUBLE_EQ(in_usd(a.total.amount()), 0.25 * 2.544e9);
  EXPECT_EQ(a.share_provenance.evidence, Evidence::derived);    // published logs / capacity
  EXPECT_EQ(a.total.provenance().evidence, Evidence::derived);  // of a derived TCO
  EXPECT_EQ(allocate_by_usage("x", tco(), capacity, capacity * 0.25, assumed("guess"))
                .total.provenance()
                .evidence,
            Evidence::assumed);
  EXPECT_THROW(allocate_by_usage("x", tco(), capacity, capacity * 2.0, published("logs")), Error);
}

}  // namespace
}  // namespace traincost
