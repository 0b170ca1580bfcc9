// Reference checks for the reconstruction of the SemiAnalysis fleet estimate
// (sources.md §3, [A]). The reconstruction is ours; the tolerances are the
// issue's: server capex within ±5% of $1.6B, four-year operating cost within
// ±10% of $944M.
#include "traincost/reference/deepseek_fleet.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "traincost/capex.hpp"
#include "traincost/operating_cost.hpp"

namespace traincost {
namespace {

using namespace traincost::reference;

double relative_error(Money got, Money want) {
  return ratio(got, want) - 1.0;
}

TEST(DeepSeekFleet, HoldingsAreTheSemiAnalysisCounts) {
  // 10K A100, 10K H800, 10K H100, 30K H20 = 60K (sources.md §3, A / D).
  const Fleet f = deepseek_fleet();
  ASSERT_EQ(f.holdings.size(), 4u);
  EXPECT_DOUBLE_EQ(in_accelerators(f.find("A100")->count), 10'000);
  EXPECT_DOUBLE_EQ(in_accelerators(f.find("H800")->count), 10'000);
  EXPECT_DOUBLE_EQ(in_accelerators(f.find("H100")->count), 10'000);
  EXPECT_DOUBLE_EQ(in_accelerators(f.find("H20")->count), 30'000);
  EXPECT_DOUBLE_EQ(in_accelerators(accelerator_count(f)), 60'000);
  EXPECT_EQ(f.find("A100")->year_bought, 2021);
}

TEST(DeepSeekFleet, ServerCapexWithinFivePercentOfPublished) {
  // Published: ~$1.6B server capex (sources.md §3, A). Tolerance ±5%.
  const FleetCapex c = fleet_capex(deepseek_fleet());
  const PublishedFleetEstimate p = semianalysis_fleet_estimate();
  EXPECT_LE(std::fabs(relative_error(c.total, p.capex.value)), 0.05) << in_usd(c.total);
  // The reconstruction's own arithmetic, to the dollar.
  EXPECT_NEAR(in_usd(c.find("A100")->servers), 249.0e6, 1);                // $15K x 1.66
  EXPECT_NEAR(in_usd(c.find("H800")->servers), 2.3e6 / 7.2 / 8 * 1e4, 1);  // CNY 2.3M / 7.2 / 8
  EXPECT_NEAR(in_usd(c.find("H100")->servers), 337.5e6, 1);                // $270K / 8
  EXPECT_NEAR(in_usd(c.find("H20")->servers), 625.0e6, 1);                 // CNY 1.2M / 7.2 / 8
  EXPECT_NEAR(in_usd(c.total), 1'610.806e6, 1e3);
}

TEST(DeepSeekFleet, FourYearOperatingCostWithinTenPercentOfPublished) {
  // Published: $944M over 4 years (sources.md §3, A). Tolerance ±10%.
  const FleetOperatingCost o = fleet_operating_cost(deepseek_fleet(), deepseek_fleet_operating());
  const PublishedFleetEstimate p = semianalysis_fleet_estimate();
  EXPECT_LE(std::fabs(relative_error(o.total, p.operating.value)), 0.10) << in_usd(o.total);
  EXPECT_DOUBLE_EQ(in_years(o.period), in_years(p.period));
  // Energy per Epoch's method (sources.md §7): 55.2 MW peak IT power.
  EXPECT_NEAR(in_megawatts(fleet_capex(deepseek_fleet()).it_power), 55.2, 1e-9);
  EXPECT_NEAR(in_usd(o.energy_cost), 55.2e3 * 0.75 * 1.5 * 4 * 8'766 * 0.0806, 1);
  EXPECT_NEAR(in_usd(o.facility), 55.2e3 * 150 * 48, 1e-3);
  EXPECT_NEAR(in_usd(o.total), 959.538e6, 1e3);
}

TEST(DeepSeekFleet, FirstVersionIsTheSameModelWithoutH100s) {
  // First version: $1.3B / $715M (sources.md §3, A). Our model without the
  // H100 line lands at $1.273B (-2.1%) and $746M (+4.4%): checked within
  // ±5% and ±10%, the same tolerances as the corrected figures.
  const Fleet f = deepseek_fleet_without_h100();
  EXPECT_EQ(f.find("H100"), nullptr);
  const FleetTco t = fleet_tco(f, deepseek_fleet_operating());
  const PublishedFleetEstimate p = semianalysis_first_version();
  EXPECT_LE(std::fabs(relative_error(t.capex.total, p.capex.value)), 0.05);
  EXPECT_LE(std::fabs(relative_error(t.operating.total, p.operating.value)), 0.10);
  EXPECT_NEAR(relative_error(t.capex.total, p.capex.value), -0.0205, 5e-4);
  EXPECT_NEAR(relative_error(t.operating.total, p.operating.value), 0.0438, 5e-4);
}

TEST(DeepSeekFleet, EveryAssumptionIsLabelledAndCited) {
  const Fleet f = deepseek_fleet();
  for (const auto& h : f.holdings) {
    EXPECT_NE(h.price.provenance.evidence, Evidence::published) << h.label;
    EXPECT_NE(h.price.provenance.source.find("sources.md"), std::string::npos) << h.label;
  }
  ASSERT_TRUE(f.exchange_rate.has_value());
  EXPECT_EQ(f.exchange_rate->provenance.evidence, Evidence::assumed);
  EXPECT_EQ(f.facility.provenance.evidence, Evidence::assumed);
  EXPECT_NE(f.facility.provenance.source.find("NOT in sources.md"), std::string::npos);
  const OperatingAssumptions a = deepseek_fleet_operating();
  EXPECT_EQ(a.maintenance_share_per_year.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.pue.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(semianalysis_fleet_estimate().capex.provenance.evidence, Evidence::analyst_estimate);
}

TEST(DeepSeekFleet, AssumptionsCanBeChanged) {
  Fleet f = deepseek_fleet();
  // The 2024 China quote for an 8xH100 server, CNY 2.7M (sources.md §3, A).
  f.find("H100")->price = UnitPrice::per_server(cny(2.7e6), analyst_estimate("test"));
  const FleetCapex c = fleet_capex(f);
  EXPECT_NEAR(in_usd(c.find("H100")->servers), 2.7e6 / 7.2 / 8 * 1e4, 1);
  EXPECT_GT(relative_error(c.total, semianalysis_fleet_estimate().capex.value), 0.05);
  // A different exchange rate moves every yuan-priced line, and only those.
  f = deepseek_fleet();
  f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(7.0), assumed("test")};
  const FleetCapex d = fleet_capex(f);
  EXPECT_NEAR(in_usd(d.find("H20")->servers), 1.2e6 / 7.0 / 8 * 3e4, 1);
  EXPECT_NEAR(in_usd(d.find("A100")->servers), 249.0e6, 1);
}

TEST(DeepSeekFleet, WithoutExchangeRateTheYuanPricesThrow) {
  Fleet f = deepseek_fleet();
  f.exchange_rate.reset();
  try {
    fleet_capex(f);
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("fleet.holdings[1] (H800).price"), std::string::npos) << what;
    EXPECT_NE(what.find("CNY 2300000"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace traincost
