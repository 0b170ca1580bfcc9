#include "traincost/fleet/operating_cost.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

// 800 H800 at $25K per GPU: 1,260 W of server power each (700 W x 1.8).
Fleet h800_fleet() {
  Fleet f;
  f.name = "test";
  Holding h;
  h.label = "H800";
  h.accelerator = accelerator("h800");
  h.count = accelerators(800);
  h.price = UnitPrice::per_server(usd(200'000), assumed("test"));
  f.holdings.push_back(h);
  return f;
}

OperatingAssumptions one_year() {
  OperatingAssumptions a;
  a.period = years(1);
  a.pue = {1.25, assumed("test")};
  a.electricity = {usd_per_kwh(0.10), assumed("test")};
  return a;
}

using traincost::testing::expect_error;

TEST(OperatingCost, EnergyIsTdpRatioDrawPueHoursPrice) {
  // Epoch's method (sources.md §7): 800 x 0.7 kW x 1.8 x 0.75 x 1.25 x 8,766 h x $0.10.
  const double kwh = 800 * 0.7 * 1.8 * 0.75 * 1.25 * 8'766;
  const FleetOperatingCost c = cost_fleet_operating(h800_fleet(), one_year());
  EXPECT_NEAR(in_kilowatt_hours(c.energy), kwh, 1e-6);
  EXPECT_NEAR(in_usd(c.energy_cost), kwh * 0.10, 1e-6);
  EXPECT_NEAR(in_usd(c.total), kwh * 0.10, 1e-6);
  EXPECT_DOUBLE_EQ(in_usd(c.facility), 0.0);
  EXPECT_DOUBLE_EQ(in_usd(c.maintenance), 0.0);
}

TEST(OperatingCost, DefaultsAreEpochs) {
  const OperatingAssumptions a;
  EXPECT_DOUBLE_EQ(a.average_draw.value, 0.75);
  EXPECT_DOUBLE_EQ(a.pue.value, 1.25);
  EXPECT_DOUBLE_EQ(in_usd_per_kwh(a.electricity.value), 0.0806);
  EXPECT_DOUBLE_EQ(in_years(a.period), 4.0);
}

TEST(OperatingCost, ColocationIsBilledOnPeakItPowerPerMonth) {
  Fleet f = h800_fleet();
  f.facility = FacilityColocated{usd_per_kilowatt_month(150), assumed("test colo")};
  const FleetOperatingCost c = cost_fleet_operating(f, one_year());
  // 1,008 kW x $150 x 12 months.
  EXPECT_NEAR(in_usd(c.facility), 1'008 * 150.0 * 12, 1e-6);
  EXPECT_EQ(c.facility_provenance.source, "test colo");
}

TEST(OperatingCost, MaintenanceIsAShareOfCapexPerYear) {
  OperatingAssumptions a = one_year();
  a.period = years(4);
  a.maintenance_share_per_year = {0.05, assumed("test")};
  const FleetOperatingCost c = cost_fleet_operating(h800_fleet(), a);
  // $20M capex x 5% x 4 years.
  EXPECT_NEAR(in_usd(c.maintenance), 4'000'000.0, 1e-6);
  EXPECT_NEAR(in_usd(c.holdings[0].maintenance), 4'000'000.0, 1e-6);
}

TEST(OperatingCost, MaintenanceCoversSharedHardwareButNotTheBuilding) {
  Fleet f = h800_fleet();
  f.storage = StorageFixed{usd(1'000'000), assumed("test")};
  f.facility = FacilityBuilt{usd_per_megawatt(10e6), assumed("test")};
  OperatingAssumptions a = one_year();
  a.maintenance_share_per_year = {0.10, assumed("test")};
  const FleetOperatingCost c = cost_fleet_operating(f, a);
  EXPECT_NEAR(in_usd(c.shared_maintenance), 100'000.0, 1e-6);
  EXPECT_NEAR(in_usd(c.maintenance), 2'100'000.0, 1e-6);
  EXPECT_DOUBLE_EQ(in_usd(c.facility), 0.0);  // built: capex, not rent
}

TEST(OperatingCost, StaffIsHeadcountTimesLoadedCostTimesPeriod) {
  OperatingAssumptions a = one_year();
  a.period = years(2);
  a.staff = FleetStaff{people(10), {usd_per_person_year(150'000), assumed("test staff")}};
  const FleetOperatingCost c = cost_fleet_operating(h800_fleet(), a);
  EXPECT_NEAR(in_usd(c.staff), 3'000'000.0, 1e-6);
  EXPECT_NEAR(in_usd(c.total), in_usd(c.energy_cost) + 3'000'000.0, 1e-6);
}

TEST(OperatingCost, BreakdownSumsAndCarriesScope) {
  Fleet f = h800_fleet();
  f.facility = FacilityColocated{usd_per_kilowatt_month(100), assumed("test")};
  OperatingAssumptions a = one_year();
  a.maintenance_share_per_year = {0.05, assumed("test")};
  const LineItem tree = cost_fleet_operating(f, a).breakdown();
  EXPECT_EQ(tree.scope, Scope::fleet_operating);
  ASSERT_EQ(tree.children.size(), 3u);
  EXPECT_EQ(tree.children[0].label, "energy");
  Money sum = usd(0);
  for (const auto& c : tree.children) {
    EXPECT_EQ(c.scope, Scope::fleet_operating);
    sum += c.amount;
  }
  EXPECT_NEAR(in_usd(sum), in_usd(tree.amount), 1e-6);
}

TEST(OperatingCost, AtLooksUpAHoldingAndThrowsForAnUnknownLabel) {
  const FleetOperatingCost o = cost_fleet_operating(h800_fleet(), one_year());
  ASSERT_TRUE(o.contains(o.holdings[0].label));
  EXPECT_EQ(&o.at(o.holdings[0].label), &o.holdings[0]);
  EXPECT_GT(in_usd(o.at(o.holdings[0].label).energy_cost), 0.0);
  EXPECT_FALSE(o.contains("H100"));
  expect_error([&] { (void)o.at("H100"); }, ErrorCode::unknown_name, "operating.holdings",
               "got \"H100\", expected one of \"" + o.holdings[0].label + "\"");
}

TEST(OperatingCost, TcoIsCapexPlusOperating) {
  const FleetTco t = cost_fleet_tco(h800_fleet(), one_year());
  EXPECT_NEAR(in_usd(t.total), in_usd(t.capex.total) + in_usd(t.operating.total), 1e-6);
  const LineItem tree = t.breakdown();
  EXPECT_EQ(tree.scope, Scope::fleet_tco);
  ASSERT_EQ(tree.children.size(), 2u);
  EXPECT_EQ(tree.children[0].scope, Scope::fleet_capex);
  EXPECT_EQ(tree.children[1].scope, Scope::fleet_operating);
  EXPECT_EQ(tree.label, "test TCO over 1 years");
}

TEST(OperatingCost, PueBelowOneThrowsNamingFieldAndValue) {
  OperatingAssumptions a = one_year();
  a.pue = {0.9, assumed("test")};
  expect_error([&] { cost_fleet_operating(h800_fleet(), a); }, ErrorCode::invalid_value,
               "operating.pue", "got 0.9, expected a PUE >= 1");
}

TEST(OperatingCost, BadPeriodDrawAndMaintenanceThrow) {
  OperatingAssumptions a = one_year();
  a.period = years(0);
  expect_error([&] { cost_fleet_operating(h800_fleet(), a); }, ErrorCode::invalid_value,
               "operating.period_years", "got 0");
  a = one_year();
  a.average_draw = {1.5, assumed("test")};
  expect_error([&] { cost_fleet_operating(h800_fleet(), a); }, ErrorCode::invalid_value,
               "operating.average_draw", "got 1.5, expected a fraction in (0, 1]");
  a = one_year();
  a.maintenance_share_per_year = {-0.1, assumed("test")};
  expect_error([&] { cost_fleet_operating(h800_fleet(), a); }, ErrorCode::invalid_value,
               "operating.maintenance_share_per_year", "got -0.1");
  a = one_year();
  a.electricity = {usd_per_kwh(std::numeric_limits<double>::quiet_NaN()), assumed("test")};
  expect_error([&] { cost_fleet_operating(h800_fleet(), a); }, ErrorCode::invalid_value,
               "operating.electricity_usd_per_kwh", "got nan");
}

TEST(OperatingCost, CapexOfAnotherFleetIsRejected) {
  Fleet other = h800_fleet();
  other.holdings.push_back(other.holdings[0]);
  expect_error([&] { cost_fleet_operating(h800_fleet(), cost_fleet_capex(other), one_year()); },
               ErrorCode::invalid_input, "capex", "the capex has 2 holdings and the fleet 1");
  // Same number of holdings, another label: maintenance would be charged on
  // the wrong holding's capex.
  Fleet renamed = h800_fleet();
  renamed.holdings[0].label = "H20";
  expect_error([&] { cost_fleet_operating(h800_fleet(), cost_fleet_capex(renamed), one_year()); },
               ErrorCode::invalid_input, "capex.holdings[0] (H20)",
               "got 800 x \"H20\", expected 800 x \"H800\"");
  // Same label, another count.
  Fleet smaller = h800_fleet();
  smaller.holdings[0].count = accelerators(80);
  expect_error([&] { cost_fleet_operating(h800_fleet(), cost_fleet_capex(smaller), one_year()); },
               ErrorCode::invalid_input, "capex.holdings[0] (H800)", "got 80 x \"H800\"");
}

TEST(OperatingCost, EnergyCarriesTheTdpEvidence) {
  // Epoch's published draw, PUE and electricity (sources.md §7, P) and
  // Epoch's published default ratio: the H800's TDP is the one assumption
  // (sources.md §5, [?]), and the energy line is as weak as it.
  const OperatingAssumptions a;
  const FleetOperatingCost h800 = cost_fleet_operating(h800_fleet(), a);
  EXPECT_EQ(h800.holdings[0].power_evidence, Evidence::assumed);
  EXPECT_EQ(h800.breakdown().children[0].provenance.evidence, Evidence::assumed);
  EXPECT_EQ(h800.breakdown().children[0].children[0].provenance.evidence, Evidence::assumed);
  // The H100 SXM's 700 W is published: the same computation is derived.
  Fleet f = h800_fleet();
  f.holdings[0].accelerator = accelerator("H100 SXM");
  const FleetOperatingCost h100 = cost_fleet_operating(f, a);
  EXPECT_EQ(h100.holdings[0].power_evidence, Evidence::published);
  EXPECT_EQ(h100.breakdown().children[0].provenance.evidence, Evidence::derived);
  // An assumed electricity price makes it an assumption again.
  EXPECT_EQ(cost_fleet_operating(f, one_year()).breakdown().children[0].provenance.evidence,
            Evidence::assumed);
}

}  // namespace
}  // namespace traincost
