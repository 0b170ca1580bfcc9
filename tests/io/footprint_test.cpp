// [run.energy], [run.emissions], [run.failures] in scenario files: read,
// estimated, rendered, and their errors (docs/scenarios.md; figures
// docs/sources.md §13).
#include "traincost/io/footprint.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "traincost/io/estimate.hpp"
#include "traincost/io/json_report.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/io/simulation.hpp"

namespace traincost::io {
namespace {

const std::string card_file =
    std::string(TRAINCOST_SOURCE_DIR) + "/examples/scenarios/llama31_405b_model_card.toml";

constexpr const char* base = R"(
[run]
name = "r"
[run.cluster]
accelerator = "h100-sxm5"
count = 1000
[run.price]
usd_per_gpu_hour = 2.0
[[run.stages]]
name = "a"
gpu_hours = 100_000
[[run.stages]]
name = "b"
gpu_hours = 100_000
)";

std::string message_of(const std::string& text) {
  try {
    (void)estimate(parse_scenario(text, "f.toml"));
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Footprint, Llama31CardScenarioGivesTheCardsFigures) {
  const Estimate e = estimate(read_scenario(card_file));
  ASSERT_EQ(e.results.size(), 1u);
  const auto& f = e.results[0].footprint;
  ASSERT_TRUE(f && f->energy && f->emissions && f->failures);
  // 30.84M GPU-hours x 700 W (catalog TDP), PUE 1: 21,588,000 kWh.
  EXPECT_NEAR(in_kilowatt_hours(f->energy->total), 21.588e6, 1.0);
  // 8,930 t location-based (the intensity is implied by this row), 0 market-based.
  EXPECT_NEAR(in_tonnes_co2e(f->emissions->location_based->total.amount), 8930.0, 1.0);
  EXPECT_DOUBLE_EQ(in_tonnes_co2e(f->emissions->market_based->total.amount), 0.0);
  // Llama 3's rate on 16,384 GPUs, δ at the median of its range (0.3 min),
  // R = 5 min: above Meta's "over 90%" effective time.
  EXPECT_GT(f->failures->goodput, 0.90);
  EXPECT_LT(f->failures->goodput, 0.95);
  EXPECT_GT(in_usd(f->failures->total), in_usd(e.results[0].total));
  // The run's own cost is untouched.
  EXPECT_DOUBLE_EQ(in_usd(e.results[0].total), 30.84e6 * 2.0);
}

TEST(Footprint, RendersInEveryFormatAndJsonV2) {
  const Estimate e = estimate(read_scenario(card_file));
  const std::string table = render_estimate(e, Format::table);
  EXPECT_NE(table.find("energy: total (PUE 1.00)"), std::string::npos) << table;
  EXPECT_NE(table.find("21,588,000"), std::string::npos) << table;
  EXPECT_NE(table.find("emissions, market-based"), std::string::npos) << table;
  const std::string markdown = render_estimate(e, Format::markdown);
  EXPECT_NE(markdown.find("| emissions, location-based (414 g/kWh) | 8,930.1 | tCO2e |"),
            std::string::npos)
      << markdown;
  const auto doc = nlohmann::json::parse(estimate_to_json(e));
  EXPECT_EQ(doc.at("schema"), "traincost.estimate/2");
  const auto& fp = doc.at("results")[0].at("footprint");
  EXPECT_NEAR(fp.at("energy").at("kwh").get<double>(), 21.588e6, 1.0);
  EXPECT_DOUBLE_EQ(fp.at("emissions").at("market_based").at("tco2e").get<double>(), 0.0);
  EXPECT_TRUE(fp.at("failures").at("stages")[0].at("optimal_interval").get<bool>());
}

TEST(Footprint, StageOverrideAndGridTable) {
  const std::string text = std::string(base) + R"(
[run.energy]
power = "measured"
watts_per_accelerator = 400
pue = 1.1
usd_per_kwh = 0.1
[[run.energy.stages]]
name = "b"
watts_per_accelerator = 350
[run.emissions]
grid = "France"
grid_year = 2023
)";
  const Estimate e = estimate(parse_scenario(text, "f.toml"));
  const RunEnergy& en = *e.results[0].footprint->energy;
  EXPECT_NEAR(in_kilowatt_hours(en.stage("a").energy), 100'000 * 0.4 * 1.1, 1e-6);
  EXPECT_NEAR(in_kilowatt_hours(en.stage("b").energy), 100'000 * 0.35 * 1.1, 1e-6);
  EXPECT_NEAR(in_usd(*en.energy_cost), 82'500 * 0.1, 1e-6);
  // France 2023: 56 g/kWh.
  EXPECT_NEAR(in_tonnes_co2e(e.results[0].footprint->emissions->location_based->total.amount),
              82'500 * 0.056 / 1000.0, 1e-9);
  EXPECT_FALSE(e.results[0].footprint->emissions->market_based);
}

TEST(Footprint, BadInputsAreOneLocatedError) {
  EXPECT_EQ(message_of(std::string(base) + "[run.energy]\npue = 0.9\n"),
            "f.toml:16:7: [traincost.invalid_value] run.energy.pue: got 0.9, expected a PUE at "
            "least 1");
  EXPECT_NE(
      message_of(std::string(base) + "[run.emissions]\ngrid = \"atlantis\"\ngrid_year = 2023\n")
          .find("[traincost.unknown_name] run.emissions.grid: got \"atlantis\" 2023"),
      std::string::npos);
  EXPECT_NE(message_of(std::string(base) + "[run.emissions]\ngrid = \"france\"\ngrid_year = 2023\n"
                                           "location_based_kg_per_kwh = 0.1\n")
                .find("got both grid and location_based_kg_per_kwh"),
            std::string::npos);
  EXPECT_NE(message_of(std::string(base) + "[run.failures]\nmtbf_hours = 50000\n")
                .find("run.failures.checkpoint_write_minutes: missing or zero"),
            std::string::npos);
  EXPECT_NE(message_of(std::string(base) + "[run.energy]\npower = \"nuclear\"\n")
                .find("run.energy.power: got \"nuclear\", expected one of: catalog_tdp, measured, "
                      "server_model"),
            std::string::npos);
  // Failures faster than the job can recover: a located error, not a NaN.
  EXPECT_NE(message_of(std::string(base) +
                       "[run.failures]\nper_accelerator_hour = 0.01\ncheckpoint_write_minutes = 5\n"
                       "restart_minutes = 120\n")
                .find("failures come faster than the job can recover"),
            std::string::npos);
}

TEST(Footprint, RangesAreReadAtTheirMedianAndNotDrawnBySimulate) {
  const Scenario s = read_scenario(card_file);
  ASSERT_EQ(s.uncertain.size(), 1u);
  EXPECT_FALSE(s.uncertain[0].costs);
  EXPECT_NE(s.uncertain[0].description.find("not drawn"), std::string::npos);
  SimulationOptions o;
  o.samples = 100;
  try {
    (void)run_simulation(s, o);
    ADD_FAILURE() << "expected an error: no range on a cost";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("is a range on an input no cost reads"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace traincost::io
