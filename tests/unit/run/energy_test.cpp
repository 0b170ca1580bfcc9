// Energy and emissions of a run, checked against Meta's model cards
// (docs/sources.md §13).
#include "traincost/run/energy.hpp"

#include <gtest/gtest.h>

#include "traincost/hardware/catalog.hpp"
#include "traincost/reference/llama_model_cards.hpp"
#include "traincost/run/emissions.hpp"
#include "traincost/run/grid_intensity.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using reference::llama::CardRow;

TrainingRun card_run(const CardRow& row) {
  return TrainingRun{
      std::string(row.model),
      Cluster(accelerator(row.accelerator), accelerators(1)),
      sourced(usd_per_gpu_hour(2.0), assumed("test price")),
      {Stage::with_gpu_time("pre-training", StageKind::pre_training, gpu_hours(row.gpu_hours),
                            published(std::string(row.source)))}};
}

RunEnergy card_energy(const CardRow& row, const PowerDraw& power) {
  const TrainingRun run = card_run(row);
  EnergyInputs in;
  in.power = power;
  // Meta's power per GPU is "adjusted for power usage efficiency": PUE 1.
  in.pue = sourced(1.0, published(std::string(row.source)));
  return energy_of_run(run, cost_final_run(run), in);
}

PowerDraw card_power(const CardRow& row) {
  return PowerDraw::measured(
      sourced(watts_per_accelerator(row.watts_per_gpu), published(std::string(row.source))));
}

TEST(RunEnergy, Llama2SevenBIsGpuHoursTimesCardPower) {
  // 184,320 GPU-hours x 400 W = 73,728 kWh (PUE already in the card's power).
  const RunEnergy e =
      card_energy(reference::llama::llama2[0], card_power(reference::llama::llama2[0]));
  EXPECT_DOUBLE_EQ(in_kilowatt_hours(e.total), 73'728.0);
  EXPECT_EQ(e.stages[0].basis, PowerBasis::measured_average);
  EXPECT_EQ(e.provenance.evidence, Evidence::derived);
}

TEST(RunEnergy, Llama2OneIntensityReproducesEverySizesEmissions) {
  // Meta prints no intensity; the 7B row implies one (31.22 t / 73,728 kWh),
  // and that one intensity must give the 13B and 70B rows.
  const auto& rows = reference::llama::llama2;
  const double implied = rows[0].location_tco2e * 1000.0 /
                         in_kilowatt_hours(card_energy(rows[0], card_power(rows[0])).total);
  EXPECT_NEAR(implied, 0.4234, 0.0001);
  for (const auto& row : rows) {
    const RunEmissions em = emissions_of_run(
        card_energy(row, card_power(row)),
        {sourced(kg_co2e_per_kwh(implied), derived("implied by the 7B row")), std::nullopt});
    ASSERT_TRUE(em.location_based);
    EXPECT_NEAR(in_tonnes_co2e(em.location_based->total.amount), row.location_tco2e,
                row.location_tco2e * 0.001)
        << row.model;
    EXPECT_FALSE(em.market_based);
  }
}

TEST(RunEnergy, Llama31CatalogTdpGivesTheCardsEnergyAndBothEmissionKinds) {
  // The card's 700 W is the H100's TDP: the catalog gives the same figure.
  const auto& rows = reference::llama::llama31;
  const RunEnergy big = card_energy(rows[2], PowerDraw::catalog_tdp());
  EXPECT_EQ(big.stages[0].basis, PowerBasis::catalog_tdp);
  EXPECT_DOUBLE_EQ(in_watts_per_accelerator(big.stages[0].power), 700.0);
  EXPECT_NEAR(in_kilowatt_hours(big.total), 21.588e6, 1.0);
  const double implied = rows[2].location_tco2e * 1000.0 / in_kilowatt_hours(big.total);
  EXPECT_NEAR(implied, 0.4137, 0.0001);
  for (const auto& row : rows) {
    const RunEmissions em = emissions_of_run(
        card_energy(row, PowerDraw::catalog_tdp()),
        {sourced(kg_co2e_per_kwh(implied), derived("implied by the 405B row")),
         sourced(kg_co2e_per_kwh(0), published("100% matched renewables, Llama 3.1 card"))});
    // The card rounds GPU-hours to three figures: within 1%.
    EXPECT_NEAR(in_tonnes_co2e(em.location_based->total.amount), row.location_tco2e,
                row.location_tco2e * 0.01)
        << row.model;
    EXPECT_DOUBLE_EQ(in_tonnes_co2e(em.market_based->total.amount), row.market_tco2e);
  }
}

TEST(RunEnergy, AStageOverridesTheRunsPower) {
  // Llama 2's production cluster was capped at 350 W, its RSC at 400 W.
  TrainingRun run{
      "two clusters",
      Cluster(accelerator("a100-80gb"), accelerators(1000)),
      sourced(usd_per_gpu_hour(2.0), assumed("test")),
      {Stage::with_gpu_time("rsc", StageKind::pre_training, gpu_hours(1000), assumed("test")),
       Stage::with_gpu_time("production", StageKind::pre_training, gpu_hours(1000),
                            assumed("test"))}};
  EnergyInputs in;
  in.power = PowerDraw::measured(sourced(watts_per_accelerator(400), assumed("cap")));
  in.stage("production", PowerDraw::measured(sourced(watts_per_accelerator(350), assumed("cap"))));
  const RunEnergy e = energy_of_run(run, cost_final_run(run), in);
  EXPECT_DOUBLE_EQ(in_kilowatt_hours(e.stage("rsc").energy), 400.0);
  EXPECT_DOUBLE_EQ(in_kilowatt_hours(e.stage("production").energy), 350.0);
  EXPECT_DOUBLE_EQ(in_kilowatt_hours(e.total), 750.0);
}

TEST(RunEnergy, ServerModelMultipliesTdpMultiplierFractionAndPue) {
  // Epoch AI's method: H100 700 W x 1.82 x 0.75, at PUE 1.1 (docs/sources.md §7).
  const TrainingRun run = card_run(reference::llama::llama31[0]);
  EnergyInputs in;
  in.power = PowerDraw::server_model(sourced(1.82, published("Epoch AI H100 ratio")),
                                     sourced(0.75, published("Epoch AI average draw")));
  in.pue = sourced(1.1, published("Epoch AI hyperscaler PUE"));
  in.price = sourced(usd_per_kwh(0.08), assumed("test price"));
  const RunEnergy e = energy_of_run(run, cost_final_run(run), in);
  EXPECT_NEAR(in_watts_per_accelerator(e.stages[0].power), 955.5, 1e-9);
  EXPECT_NEAR(in_kilowatt_hours(e.total), 1.46e6 * 0.9555 * 1.1, 1e-3);
  ASSERT_TRUE(e.energy_cost);
  EXPECT_NEAR(in_usd(*e.energy_cost), 1.46e6 * 0.9555 * 1.1 * 0.08, 1e-3);
  // Published usage, ratios and PUE, an assumed price: the energy itself is derived.
  EXPECT_EQ(e.provenance.evidence, Evidence::derived);
}

TEST(RunEnergy, BadInputsAreOneClearError) {
  const TrainingRun run = card_run(reference::llama::llama2[0]);
  const FinalRunCost cost = cost_final_run(run);
  EnergyInputs low_pue;
  low_pue.pue = sourced(0.9, assumed("test"));
  testing::expect_error([&] { (void)energy_of_run(run, cost, low_pue); }, ErrorCode::invalid_value,
                        "energy.pue", "got 0.9");
  EnergyInputs unknown;
  unknown.stage("nope", PowerDraw::catalog_tdp());
  testing::expect_error([&] { (void)energy_of_run(run, cost, unknown); }, ErrorCode::unknown_name,
                        "run.stages", "\"nope\"");
  EnergyInputs zero;
  zero.power = PowerDraw::measured(sourced(watts_per_accelerator(0), assumed("test")));
  testing::expect_error([&] { (void)energy_of_run(run, cost, zero); }, ErrorCode::invalid_value,
                        "energy.power", "got 0");
  const RunEnergy e = energy_of_run(run, cost, EnergyInputs{});
  testing::expect_error(
      [&] {
        (void)emissions_of_run(e, {sourced(kg_co2e_per_kwh(-0.1), assumed("test")), std::nullopt});
      },
      ErrorCode::invalid_value, "emissions.location_based", "got -0.1");
}

TEST(GridIntensity, TableRowsCarryTheirSourceAndUnknownRegionsAreNamed) {
  const Sourced<CarbonIntensity> fr = grid_intensity("France", 2023);
  EXPECT_DOUBLE_EQ(in_g_co2e_per_kwh(fr.value), 56.0);
  EXPECT_EQ(fr.provenance.evidence, Evidence::published);
  EXPECT_NE(fr.provenance.source.find("§13"), std::string::npos);
  testing::expect_error([] { (void)grid_intensity("atlantis", 2023); }, ErrorCode::unknown_name,
                        "emissions.grid", "\"atlantis\" 2023");
  testing::expect_error([] { (void)grid_intensity("france", 1990); }, ErrorCode::unknown_name,
                        "emissions.grid", "france 2023");
}

TEST(Emissions, SameBasisAdds) {
  LocationBasedEmissions a{tonnes_co2e(1)}, b{tonnes_co2e(2)};
  EXPECT_DOUBLE_EQ(in_tonnes_co2e((a + b).amount), 3.0);
  static_assert(LocationBasedEmissions::basis == EmissionsBasis::location_based);
}

}  // namespace
}  // namespace traincost
