#include "traincost/fleet/ownership.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

// A $35,064 accelerator: 35,064 h is four Julian years, so straight-line
// depreciation over 4 years is exactly $1 per hour.
OwnershipInputs simple_inputs() {
  OwnershipInputs in;
  in.accelerator = "H800 SXM";
  in.capex_per_accelerator = {usd_per_accelerator(35'064), assumed("test")};
  in.depreciation = Depreciation::straight_line(years(4), assumed("test"));
  in.server_power = watts_per_accelerator(1'000);
  in.average_draw = {0.75, assumed("test")};
  in.pue = {1.2, assumed("test")};
  in.electricity = {usd_per_kwh(0.10), assumed("test")};
  return in;
}

TEST(Depreciation, EpochRateIs014OrdersOfMagnitudePerYear) {
  // 0.14 x ln 10 = 0.3224 per year (Epoch AI, sources.md §7, P).
  EXPECT_NEAR(rate_from_orders_of_magnitude(0.14), 0.32236, 1e-5);
  const Depreciation d = Depreciation::epoch();
  EXPECT_EQ(d.method, DepreciationMethod::exponential);
  EXPECT_NEAR(d.rate_per_year, 0.3224, 1e-4);
  EXPECT_EQ(d.provenance.evidence, Evidence::published);
}

TEST(Depreciation, EpochPerHourIsPriceTimesRateOver8766Hours) {
  const GpuTimePrice p =
      depreciation_per_gpu_hour(usd_per_accelerator(30'000), Depreciation::epoch());
  EXPECT_NEAR(in_usd_per_gpu_hour(p), 30'000 * 0.14 * std::log(10.0) / 8'766, 1e-12);
}

TEST(Depreciation, StraightLinePerHourIsPriceOverLife) {
  const Depreciation d = Depreciation::straight_line(years(4), assumed("test"));
  EXPECT_NEAR(in_usd_per_gpu_hour(depreciation_per_gpu_hour(usd_per_accelerator(35'064), d)), 1.0,
              1e-12);
  const Depreciation d3 = Depreciation::straight_line(years(3), assumed("test"));
  EXPECT_NEAR(in_usd_per_gpu_hour(depreciation_per_gpu_hour(usd_per_accelerator(26'298), d3)), 1.0,
              1e-12);
}

TEST(Depreciation, BookValue) {
  const Depreciation line = Depreciation::straight_line(years(4), assumed("test"));
  EXPECT_NEAR(in_usd(book_value(usd(40'000), years(1), line)), 30'000.0, 1e-9);
  EXPECT_NEAR(in_usd(book_value(usd(40'000), years(4), line)), 0.0, 1e-9);
  EXPECT_NEAR(in_usd(book_value(usd(40'000), years(6), line)), 0.0, 1e-9);  // never negative
  // Exponential: one year of 0.14 orders of magnitude leaves 10^-0.14 = 72.4%.
  EXPECT_NEAR(in_usd(book_value(usd(40'000), years(1), Depreciation::epoch())),
              40'000 * std::pow(10.0, -0.14), 1e-6);
}

TEST(Depreciation, LifeOfZeroYearsThrowsNamingFieldAndValue) {
  const Depreciation d = Depreciation::straight_line(years(0), assumed("test"));
  expect_error([&] { depreciation_per_gpu_hour(usd_per_accelerator(1'000), d); },
               ErrorCode::invalid_value, "depreciation.life_years",
               "got 0, expected a positive number of years");
  const Depreciation e = Depreciation::exponential(-0.3, assumed("test"));
  expect_error([&] { depreciation_per_gpu_hour(usd_per_accelerator(1'000), e); },
               ErrorCode::invalid_value, "depreciation.rate_per_year", "got -0.3");
}

TEST(Ownership, ComponentsAtFullUtilization) {
  OwnershipInputs in = simple_inputs();
  in.maintenance_share_per_year = {0.05, assumed("test")};
  in.colocation = Sourced<EnergyPrice>{usd_per_kilowatt_month(146.1), assumed("test")};
  const OwnershipCost c = cost_ownership_per_gpu_hour(in);
  EXPECT_NEAR(in_usd_per_gpu_hour(c.depreciation), 1.0, 1e-12);
  // $35,064 x 5% / 8,766 h = $0.20.
  EXPECT_NEAR(in_usd_per_gpu_hour(c.maintenance), 0.20, 1e-12);
  // 1 kW x $146.1 per kW-month / 730.5 h = $0.20.
  EXPECT_NEAR(in_usd_per_gpu_hour(c.facility), 0.20, 1e-12);
  // 1 kW x 0.75 x 1.2 x $0.10 = $0.09.
  EXPECT_NEAR(in_usd_per_gpu_hour(c.energy), 0.09, 1e-12);
  EXPECT_NEAR(in_usd_per_gpu_hour(c.total), 1.49, 1e-12);
}

TEST(Ownership, FixedCostsScaleAsOneOverUtilizationEnergyDoesNot) {
  OwnershipInputs in = simple_inputs();
  in.utilization = {0.5, assumed("test")};
  const OwnershipCost c = cost_ownership_per_gpu_hour(in);
  EXPECT_NEAR(in_usd_per_gpu_hour(c.depreciation), 2.0, 1e-12);
  EXPECT_NEAR(in_usd_per_gpu_hour(c.energy), 0.09, 1e-12);
  EXPECT_NEAR(in_usd_per_gpu_hour(c.total), 2.09, 1e-12);
  EXPECT_EQ(c.utilization, 0.5);
}

TEST(Ownership, ZeroUtilizationThrowsNamingFieldAndValue) {
  OwnershipInputs in = simple_inputs();
  in.utilization = {0.0, assumed("test")};
  expect_error([&] { cost_ownership_per_gpu_hour(in); }, ErrorCode::invalid_value,
               "ownership.utilization", "got 0, expected a fraction in (0, 1]");
}

TEST(Ownership, PueBelowOneThrows) {
  OwnershipInputs in = simple_inputs();
  in.pue = {0.95, assumed("test")};
  expect_error([&] { cost_ownership_per_gpu_hour(in); }, ErrorCode::invalid_value, "ownership.pue",
               "got 0.95, expected a PUE >= 1");
  // The same shared check names the ownership fields, not the operating ones.
  in = simple_inputs();
  in.maintenance_share_per_year = {1.5, assumed("test")};
  expect_error([&] { cost_ownership_per_gpu_hour(in); }, ErrorCode::invalid_value,
               "ownership.maintenance_share_per_year", "got 1.5");
}

TEST(Ownership, OverflowingCostThrows) {
  OwnershipInputs in = simple_inputs();
  in.capex_per_accelerator.value = usd_per_accelerator(1e308);
  in.depreciation = Depreciation::straight_line(years(1e-300), assumed("test"));
  expect_error([&] { cost_ownership_per_gpu_hour(in); }, ErrorCode::invalid_value,
               "ownership.cost_per_gpu_hour", "got inf");
}

TEST(Ownership, CostIsAsWeakAsItsWeakestInput) {
  // Every input published except the assumed ones of simple_inputs(): the
  // cost is an assumption, not a derived figure.
  EXPECT_EQ(cost_ownership_per_gpu_hour(simple_inputs()).provenance.evidence, Evidence::assumed);
  OwnershipInputs in = simple_inputs();
  in.capex_per_accelerator.provenance = analyst_estimate("test");
  in.depreciation = Depreciation::epoch();
  in.server_power_provenance = published("test");
  in.average_draw.provenance = published("test");
  in.pue.provenance = published("test");
  in.electricity.provenance = published("test");
  in.utilization.provenance = published("test");
  EXPECT_EQ(cost_ownership_per_gpu_hour(in).provenance.evidence, Evidence::analyst_estimate);
  in.capex_per_accelerator.provenance = published("test");
  EXPECT_EQ(cost_ownership_per_gpu_hour(in).provenance.evidence, Evidence::derived);
}

TEST(Ownership, BreakEvenUtilizationAgainstRental) {
  const OwnershipInputs in = simple_inputs();
  // Fixed $1/h, energy $0.09/h: owning wins above 1 / (2 - 0.09) = 52.4% at $2.
  const auto u = break_even_utilization(in, usd_per_gpu_hour(2.0));
  ASSERT_TRUE(u.has_value());
  EXPECT_NEAR(*u, 1.0 / 1.91, 1e-12);
  // At exactly that utilization the ownership cost equals the rental price.
  OwnershipInputs at = in;
  at.utilization = {*u, assumed("test")};
  EXPECT_NEAR(in_usd_per_gpu_hour(cost_ownership_per_gpu_hour(at).total), 2.0, 1e-12);
  // Renting at $1 never loses: owning would need more than 100% utilization.
  EXPECT_FALSE(break_even_utilization(in, usd_per_gpu_hour(1.0)).has_value());
  EXPECT_FALSE(break_even_utilization(in, usd_per_gpu_hour(0.05)).has_value());
  EXPECT_THROW(break_even_utilization(in, usd_per_gpu_hour(0.0)), Error);
}

TrainingRun small_run() {
  return TrainingRun{
      "small",
      Cluster(accelerator("h800"), accelerators(100)),
      sourced(usd_per_gpu_hour(2.0), assumed("rental")),
      {Stage::with_gpu_time("a", StageKind::pre_training, gpu_hours(1'000), assumed("test")),
       Stage::with_gpu_time("b", StageKind::post_training, gpu_hours(500), assumed("test"))
           .priced_at(sourced(usd_per_gpu_hour(3.0), assumed("spot")))}};
}

TEST(Ownership, RunAtOwnershipCostHasOwnershipScopeAndOnePrice) {
  const OwnershipCost c = cost_ownership_per_gpu_hour(simple_inputs());
  const FinalRunCost r = cost_final_run_at_ownership(small_run(), c);
  EXPECT_EQ(r.scope(), Scope::final_run_ownership);
  EXPECT_NEAR(in_usd(r.total), 1'500 * 1.09, 1e-9);  // the stage's $3 rental is dropped
  // Priced from assumed inputs, the hourly cost is an assumption [?] (weakest input wins).
  EXPECT_EQ(r.stages[1].price_provenance.evidence, Evidence::assumed);
  EXPECT_EQ(at_ownership_cost(small_run(), c).scope(), Scope::final_run_ownership);
}

TEST(Ownership, RunOnAnotherAcceleratorIsRejected) {
  OwnershipInputs in = simple_inputs();
  in.accelerator = "H20";
  const OwnershipCost c = cost_ownership_per_gpu_hour(in);
  expect_error([&] { at_ownership_cost(small_run(), c); }, ErrorCode::invalid_input,
               "run.cluster.accelerator", "got H800 SXM, expected H20");
  // A stage on its own cluster is named by index and name.
  TrainingRun run = small_run();
  run.cluster = Cluster(accelerator("h20"), accelerators(100));
  run.stages[1].cluster = Cluster(accelerator("h800"), accelerators(8));
  expect_error([&] { at_ownership_cost(run, c); }, ErrorCode::invalid_input,
               "run.stages[1] (b).cluster.accelerator", "got H800 SXM, expected H20");
}

TEST(Ownership, InputsFromAFleetHolding) {
  Fleet f;
  f.name = "test";
  Holding h;
  h.label = "H800";
  h.accelerator = accelerator("h800");
  h.count = accelerators(8);
  h.price = UnitPrice::per_server(usd(280'512), assumed("server"));  // $35,064 per GPU
  f.holdings.push_back(h);
  f.network = NetworkPerEndpoint{usd(4'000), 1.0, assumed("test")};
  f.facility = FacilityColocated{usd_per_kilowatt_month(100), assumed("colo")};
  OperatingAssumptions a;
  a.maintenance_share_per_year = {0.05, assumed("test")};
  const OwnershipInputs in = ownership_inputs(
      f, "H800", a, Depreciation::straight_line(years(4), assumed("test")), {0.8, assumed("test")});
  EXPECT_EQ(in.accelerator, "H800 SXM");
  // All-in capex per GPU includes the network share.
  EXPECT_NEAR(in_usd_per_accelerator(in.capex_per_accelerator.value), 39'064.0, 1e-9);
  EXPECT_NEAR(in_watts_per_accelerator(in.server_power), 1'260.0, 1e-9);
  ASSERT_TRUE(in.colocation.has_value());
  EXPECT_EQ(in.colocation->provenance.source, "colo");
  EXPECT_DOUBLE_EQ(in.utilization.value, 0.8);
  EXPECT_DOUBLE_EQ(in.maintenance_share_per_year.value, 0.05);
  expect_error(
      [&] {
        ownership_inputs(f, "H100", a, Depreciation::epoch(), {1.0, assumed("test")});
      },
      ErrorCode::unknown_name, "fleet.holdings", "got \"H100\", expected one of \"H800\"");
}

}  // namespace
}  // namespace traincost

namespace traincost {
namespace {

Fleet two_vintages() {
  Fleet f;
  f.name = "vintages";
  Holding a;
  a.label = "old";
  a.accelerator = accelerator("h800");
  a.count = accelerators(8);
  a.year_bought = 2021;
  a.price = UnitPrice::per_server(usd(400'000), assumed("test"));
  Holding b = a;
  b.label = "new";
  b.year_bought = 2024;
  f.holdings = {a, b};
  return f;
}

TEST(Depreciation, FleetBookValueDepreciatesEachHoldingFromItsYear) {
  const Depreciation line = Depreciation::straight_line(years(4), assumed("test"));
  // 2025: the 2021 servers are fully written off, the 2024 ones have 3/4 left.
  EXPECT_NEAR(in_usd(book_value(two_vintages(), 2025, line)), 300'000.0, 1e-6);
  EXPECT_NEAR(in_usd(book_value(two_vintages(), 2024, Depreciation::epoch())),
              400'000.0 * (1.0 + std::pow(10.0, -0.42)), 1e-6);
}

TEST(Depreciation, FleetBookValueNeedsKnownPastYears) {
  const Depreciation line = Depreciation::straight_line(years(4), assumed("test"));
  expect_error([&] { book_value(two_vintages(), 2023, line); }, ErrorCode::invalid_value,
               "fleet.holdings[1] (new).year_bought",
               "got 2024, expected a year no later than the valuation year 2023");
  Fleet f = two_vintages();
  f.holdings[0].year_bought = 0;
  expect_error([&] { book_value(f, 2025, line); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (old).year_bought", "got 0, expected the calendar year");
}

}  // namespace
}  // namespace traincost
