// Checks of our reconstruction of the SemiAnalysis fleet estimate
// (docs/sources.md §3, [A]). The analyst's per-GPU prices and cost breakdown are
// not public, so the $1.6B capex and $944M opex are NOT reproduced from
// published inputs by a published method: the reconstruction is a
// CALIBRATION. Tuned, and to what (deepseek_fleet.hpp):
//   - the H100 price point (DGX H100 $270K / 8 rather than the 2024 China
//     quote CNY 2.7M) and the H800 price point (the pre-ban CNY 2.3M server
//     quote rather than DeepSeek's own "> $51M for 256 servers") were chosen
//     so that server capex lands within ±5% of $1.6B;
//   - colocation $150/kW/month and maintenance 6%/year (neither in the
//     sources) were chosen so that the four-year opex lands within ±10% of $944M.
// The ±5% / ±10% checks below are therefore calibration checks: they fail
// when a code change moves the calibrated output off its target, and they
// are no evidence that the model is right. What IS checked independently:
// the counts against the published holdings, and each line recomputed here
// by hand from its stated inputs (price x count / exchange rate, Epoch's
// energy method) rather than compared with the figure the code printed.
#include "traincost/reference/deepseek_fleet.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/reference/fire_flyer.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using namespace traincost::reference;

double relative_error(Money got, Money want) {
  return ratio(got, want) - 1.0;
}

TEST(DeepSeekFleet, HoldingsAreTheSemiAnalysisCounts) {
  // 10K A100, 10K H800, 10K H100, 30K H20 = 60K (sources.md §3, A / D).
  // These are the header's own inputs (a transcription check); the A100 line
  // is also checked against an independent publication: DeepSeek's own
  // Fire-Flyer 2 paper (docs/sources.md §4, P), held in fire_flyer.hpp.
  const Fleet f = deepseek_fleet();
  ASSERT_EQ(f.holdings.size(), 4u);
  EXPECT_DOUBLE_EQ(in_accelerators(f.at("A100").count),
                   in_accelerators(fire_flyer_2().holdings[0].count));
  EXPECT_DOUBLE_EQ(in_accelerators(f.at("A100").count), 10'000);
  EXPECT_DOUBLE_EQ(in_accelerators(f.at("H800").count), 10'000);
  EXPECT_DOUBLE_EQ(in_accelerators(f.at("H100").count), 10'000);
  EXPECT_DOUBLE_EQ(in_accelerators(f.at("H20").count), 30'000);
  EXPECT_DOUBLE_EQ(in_accelerators(accelerator_count(f)), 60'000);
  EXPECT_EQ(f.at("A100").year_bought, 2021);
}

TEST(DeepSeekFleet, TheA100sAreFireFlyer2sPcieCards) {
  // sources.md §4 [P]: Fire-Flyer 2 is 10,000 PCIe A100-40GB — the same
  // 10,000 A100s bought in 2021 (§3). 250 W each (§5 [P]), not the SXM4's 400 W.
  const Fleet fleet = deepseek_fleet();
  const Holding* a100 = &fleet.at("A100");
  EXPECT_EQ(a100->accelerator.name, fire_flyer_2().holdings[0].accelerator.name);
  EXPECT_EQ(a100->accelerator.name, "A100 PCIe 40GB");
  EXPECT_DOUBLE_EQ(in_watts_per_accelerator(server_power_per_accelerator(*a100)), 250 * 2.03);
}

TEST(DeepSeekFleet, ServerCapexCalibrationStaysWithinFivePercentOfSemiAnalysis) {
  // Calibration check (see the top of the file): the H100 and H800 price
  // points were chosen to land within ±5% of the ~$1.6B server capex
  // (docs/sources.md §3, A); this pins that calibration, it does not test it.
  const FleetCapex c = cost_fleet_capex(deepseek_fleet());
  const PublishedFleetEstimate p = semianalysis_fleet_estimate();
  EXPECT_LE(std::fabs(relative_error(c.total, p.capex.value)), 0.05) << in_usd(c.total);
  // The reconstruction's own arithmetic, to the dollar.
  EXPECT_NEAR(in_usd(c.at("A100").servers), 249.0e6, 1);                // $15K x 1.66
  EXPECT_NEAR(in_usd(c.at("H800").servers), 2.3e6 / 7.2 / 8 * 1e4, 1);  // CNY 2.3M / 7.2 / 8
  EXPECT_NEAR(in_usd(c.at("H100").servers), 337.5e6, 1);                // $270K / 8
  EXPECT_NEAR(in_usd(c.at("H20").servers), 625.0e6, 1);                 // CNY 1.2M / 7.2 / 8
  // The total is the sum of the four lines recomputed above ($1,610.8M,
  // +0.7%), not the figure the code printed.
  const double lines = 249.0e6 + 2.3e6 / 7.2 / 8 * 1e4 + 337.5e6 + 1.2e6 / 7.2 / 8 * 3e4;
  EXPECT_NEAR(in_usd(c.total), lines, 1);
}

TEST(DeepSeekFleet, OperatingCostCalibrationStaysWithinTenPercentOfSemiAnalysis) {
  // Calibration check: colocation $150/kW/month and maintenance 6%/year are
  // round assumptions chosen to land within ±10% of $944M over 4 years
  // (docs/sources.md §3, A). Only the energy line follows a published method.
  const FleetOperatingCost o = cost_fleet_operating(deepseek_fleet(), deepseek_fleet_operating());
  const PublishedFleetEstimate p = semianalysis_fleet_estimate();
  EXPECT_LE(std::fabs(relative_error(o.total, p.operating.value)), 0.10) << in_usd(o.total);
  EXPECT_DOUBLE_EQ(in_years(o.period), in_years(p.period));
  // Energy per Epoch's method (sources.md §7), peak IT power = TDP x ratio:
  // A100 PCIe 250 W x 2.03, H800 and H100 700 W x 1.82, H20 400 W x 1.8
  // (sources.md §5, §7) = 5.075 + 12.74 + 12.74 + 21.6 = 52.155 MW.
  const double mw = (10'000 * 250 * 2.03 + 20'000 * 700 * 1.82 + 30'000 * 400 * 1.8) / 1e6;
  EXPECT_NEAR(mw, 52.155, 1e-9);
  EXPECT_NEAR(in_megawatts(cost_fleet_capex(deepseek_fleet()).it_power), mw, 1e-9);
  EXPECT_NEAR(in_usd(o.energy_cost), mw * 1e3 * 0.75 * 1.5 * 4 * 8'766 * 0.0806, 1);
  EXPECT_NEAR(in_usd(o.facility), mw * 1e3 * 150 * 48, 1e-3);
  // + maintenance 6% x 4 years x $1,610.8M capex = $927.9M, -1.7% of $944M.
  EXPECT_NEAR(in_usd(o.maintenance), 0.24 * in_usd(cost_fleet_capex(deepseek_fleet()).total), 1e-3);
  // The total is the three lines recomputed here ($927.9M, -1.7%).
  EXPECT_NEAR(in_usd(o.total),
              mw * 1e3 * 0.75 * 1.5 * 4 * 8'766 * 0.0806 + mw * 1e3 * 150 * 48 +
                  0.24 * in_usd(cost_fleet_capex(deepseek_fleet()).total),
              1);
}

TEST(DeepSeekFleet, FirstVersionIsConsistentWithTheCalibration) {
  // First version: $1.3B / $715M (docs/sources.md §3, A). Not an out-of-sample
  // test: the H100 price was chosen with the revision's ~$30K per H100
  // ($1.6B - $1.3B) in view, and the opex reuses the calibrated colocation
  // and maintenance. It checks the calibration is consistent with both
  // versions: the model without the H100 line lands at $1.273B (-2.1%) and
  // $714.7M (-0.04%), within ±5% and ±10%.
  const Fleet f = deepseek_fleet_without_h100();
  EXPECT_FALSE(f.contains("H100"));
  testing::expect_error([&] { (void)f.at("H100"); }, ErrorCode::unknown_name, "fleet.holdings",
                        "got \"H100\", expected one of");
  const FleetTco t = cost_fleet_tco(f, deepseek_fleet_operating());
  const PublishedFleetEstimate p = semianalysis_first_version();
  EXPECT_LE(std::fabs(relative_error(t.capex.total, p.capex.value)), 0.05);
  EXPECT_LE(std::fabs(relative_error(t.operating.total, p.operating.value)), 0.10);
  // Cross-evaluation: dropping the holding must remove exactly the full
  // fleet's H100 line (capex) and its share of every opex line.
  const FleetCapex full = cost_fleet_capex(deepseek_fleet());
  EXPECT_NEAR(in_usd(t.capex.total), in_usd(full.total) - in_usd(full.at("H100").servers), 1);
  const double mw = (10'000 * 250 * 2.03 + 10'000 * 700 * 1.82 + 30'000 * 400 * 1.8) / 1e6;
  EXPECT_NEAR(in_usd(t.operating.total),
              mw * 1e3 * 0.75 * 1.5 * 4 * 8'766 * 0.0806 + mw * 1e3 * 150 * 48 +
                  0.24 * in_usd(t.capex.total),
              1);
}

TEST(DeepSeekFleet, EveryAssumptionIsLabelledAndCited) {
  const Fleet f = deepseek_fleet();
  for (const auto& h : f.holdings) {
    EXPECT_NE(h.price.provenance.evidence, Evidence::published) << h.label;
    EXPECT_NE(h.price.provenance.source.find("sources.md"), std::string::npos) << h.label;
  }
  ASSERT_TRUE(f.exchange_rate.has_value());
  EXPECT_EQ(f.exchange_rate->provenance.evidence, Evidence::assumed);
  EXPECT_EQ(provenance_of(f.facility).evidence, Evidence::assumed);
  EXPECT_NE(provenance_of(f.facility).source.find("not published (sources.md §11)"),
            std::string::npos);
  const OperatingAssumptions a = deepseek_fleet_operating();
  EXPECT_EQ(a.maintenance_share_per_year.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.pue.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(semianalysis_fleet_estimate().capex.provenance.evidence, Evidence::analyst_estimate);
}

TEST(DeepSeekFleet, AssumptionsCanBeChanged) {
  Fleet f = deepseek_fleet();
  // The 2024 China quote for an 8xH100 server, CNY 2.7M (sources.md §3, A).
  f.at("H100").price = UnitPrice::per_server(cny(2.7e6), analyst_estimate("test"));
  const FleetCapex c = cost_fleet_capex(f);
  EXPECT_NEAR(in_usd(c.at("H100").servers), 2.7e6 / 7.2 / 8 * 1e4, 1);
  EXPECT_GT(relative_error(c.total, semianalysis_fleet_estimate().capex.value), 0.05);
  // A different exchange rate moves every yuan-priced line, and only those.
  f = deepseek_fleet();
  f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(7.0), assumed("test")};
  const FleetCapex d = cost_fleet_capex(f);
  EXPECT_NEAR(in_usd(d.at("H20").servers), 1.2e6 / 7.0 / 8 * 3e4, 1);
  EXPECT_NEAR(in_usd(d.at("A100").servers), 249.0e6, 1);
  // Fire-Flyer 2's measured 2,500 W per 8-GPU node (sources.md §4, P) for
  // the A100s instead of 250 W x 2.03: 312.5 W per GPU, 1.95 MW less, so
  // energy and colocation fall by that power's share ($907.7M) — still within
  // ±10% of $944M, as the header says.
  f = deepseek_fleet();
  f.at("A100").server_power = fire_flyer_2().holdings[0].server_power;
  const FleetOperatingCost o = cost_fleet_operating(f, deepseek_fleet_operating());
  const FleetOperatingCost base =
      cost_fleet_operating(deepseek_fleet(), deepseek_fleet_operating());
  const double less_kw = 10'000 * (250 * 2.03 - 2'500.0 / 8) / 1e3;
  EXPECT_NEAR(in_usd(o.total),
              in_usd(base.total) - less_kw * (0.75 * 1.5 * 4 * 8'766 * 0.0806 + 150 * 48), 1);
  EXPECT_LE(std::fabs(relative_error(o.total, semianalysis_fleet_estimate().operating.value)),
            0.10);
}

TEST(DeepSeekFleet, WithoutExchangeRateTheYuanPricesThrow) {
  Fleet f = deepseek_fleet();
  f.exchange_rate.reset();
  testing::expect_error([&] { cost_fleet_capex(f); }, ErrorCode::invalid_input,
                        "fleet.holdings[1] (H800).price", "got CNY 2300000 with no exchange rate");
}

TEST(DeepSeekFleet, EnergyIsAnAssumptionBecauseTheH800TdpIs) {
  // The H800's 700 W TDP is [?] in sources.md §5 (catalog tdp_evidence): the
  // energy line is as weak as that input, even with every other input published.
  Fleet f = deepseek_fleet();
  ASSERT_EQ(f.at("H800").accelerator.tdp_evidence, Evidence::assumed);
  OperatingAssumptions a;  // Epoch's published draw, PUE and electricity
  const LineItem tree = cost_fleet_operating(f, a).breakdown();
  ASSERT_EQ(tree.children[0].label, "energy");
  EXPECT_EQ(tree.children[0].provenance.evidence, Evidence::assumed);
  // Without the H800 and the H20 (whose row is [?]) the lines left are published: derived.
  f = without_holding(without_holding(f, "H800"), "H20");
  f.at("H100").server_to_chip_power.provenance.evidence = Evidence::published;
  const LineItem rest = cost_fleet_operating(f, a).breakdown();
  EXPECT_EQ(rest.children[0].provenance.evidence, Evidence::derived);
}

}  // namespace
}  // namespace traincost
