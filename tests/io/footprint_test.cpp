// [run.energy], [run.emissions], [run.failures] in scenario files: read,
// estimated, rendered, and their errors (docs/scenarios.md; figures
// docs/sources.md §13).
#include "traincost/io/footprint.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "traincost/io/estimate.hpp"
#include "traincost/io/json_report.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/io/simulation.hpp"
#include "traincost/io/svg_chart.hpp"

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

/// The cells of one CSV line (no quoted commas in these rows).
std::vector<std::string> cells_of(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string c;
  while (std::getline(ss, c, ','))
    out.push_back(c);
  if (!line.empty() && line.back() == ',')
    out.emplace_back();
  return out;
}

TEST(Footprint, EstimateCsvEndsWithTheFootprintColumns) {
  const Estimate e = estimate(read_scenario(card_file));
  const std::string csv = render_estimate(e, Format::csv);
  std::istringstream in(csv);
  std::string header, total, stage;
  std::getline(in, header);
  std::getline(in, total);
  std::getline(in, stage);
  for (auto* l : {&header, &total, &stage})
    if (!l->empty() && l->back() == '\r')
      l->pop_back();
  const auto h = cells_of(header);
  ASSERT_EQ(h.size(), 33u);
  EXPECT_EQ(h[21], "usd_per_million_tokens");  // the old columns stay where they were
  EXPECT_EQ(h[22], "kwh");
  EXPECT_EQ(h[32], "usd_including_interruptions");
  const auto t = cells_of(total);
  ASSERT_EQ(t.size(), 33u) << total;
  EXPECT_EQ(t[3], "total");
  EXPECT_NEAR(std::stod(t[22]), 21.588e6, 1.0);  // 30.84M GPU-hours x 700 W
  EXPECT_NEAR(std::stod(t[25]), 8930.0, 1.0);    // location-based tCO2e
  EXPECT_EQ(t[26], "0");                         // market-based
  const auto& f = *e.results[0].footprint;
  EXPECT_DOUBLE_EQ(std::stod(t[32]), in_usd(f.failures->total));
  EXPECT_GT(std::stod(t[32]), std::stod(t[11]));  // more than the run's cost
  const auto st = cells_of(stage);
  ASSERT_EQ(st.size(), 33u) << stage;
  EXPECT_EQ(st[3], "training");
  EXPECT_EQ(st[23], "700");
  EXPECT_NEAR(std::stod(st[22]), 21.588e6, 1.0);
}

TEST(Footprint, BreakdownChartShowsTheFootprintBesideTheCost) {
  const std::string svg = breakdown_chart_svg(estimate(read_scenario(card_file)));
  EXPECT_NE(svg.find("energy 21,588,000 kWh"), std::string::npos);
  EXPECT_NE(svg.find("location-based 8,930"), std::string::npos);
  EXPECT_NE(svg.find("with interruptions $"), std::string::npos);
}

/// The simulated result called `name`.
const SimulatedResult& result_named(const Simulation& sim, const std::string& name) {
  for (const auto& r : sim.results)
    if (r.name == name)
      return r;
  throw std::runtime_error("no result " + name);
}

TEST(Footprint, SimulateDrawsEnergyRangesThroughTheRunsFootprint) {
  // The only range is on the power: kWh = 200,000 GPU-hours x W x PUE 1.2 at
  // each drawn W, so its percentiles are the power's, scaled.
  const Scenario s = parse_scenario(std::string(base) +
                                        "[run.energy]\npower = \"measured\"\n"
                                        "watts_per_accelerator = { low = 300, high = 500 }\n"
                                        "pue = 1.2\n"
                                        "[run.emissions]\nlocation_based_kg_per_kwh = 0.5\n"
                                        "market_based_kg_per_kwh = 0.1\n",
                                    "f.toml");
  SimulationOptions o;
  o.samples = 20'000;
  const Simulation sim = run_simulation(s, o);
  const SimulatedResult& kwh = result_named(sim, "r — energy");
  EXPECT_EQ(kwh.unit, "kWh");
  auto kwh_at = [](double w) { return 200'000 * w * 1.2 / 1000.0; };
  EXPECT_NEAR(in_usd(kwh.summary.p5), kwh_at(310), kwh_at(310) * 0.01);
  EXPECT_NEAR(in_usd(kwh.summary.p50), kwh_at(400), kwh_at(400) * 0.01);
  EXPECT_NEAR(in_usd(kwh.summary.p95), kwh_at(490), kwh_at(490) * 0.01);
  EXPECT_GE(in_usd(kwh.summary.min), kwh_at(300) * (1 - 1e-12));
  EXPECT_LE(in_usd(kwh.summary.max), kwh_at(500) * (1 + 1e-12));
  const SimulatedResult& loc = result_named(sim, "r — emissions, location-based");
  EXPECT_EQ(loc.unit, "tCO2e");
  EXPECT_NEAR(in_usd(loc.summary.p50), kwh_at(400) * 0.5 / 1000.0, kwh_at(400) * 0.5e-5);
  const SimulatedResult& mkt = result_named(sim, "r — emissions, market-based");
  EXPECT_NEAR(in_usd(mkt.summary.p95), kwh_at(490) * 0.1 / 1000.0, kwh_at(490) * 0.1e-5);
  // The run's cost reads no energy input: the same in every sample.
  const SimulatedResult& run = result_named(sim, "r");
  EXPECT_EQ(run.unit, "USD");
  EXPECT_DOUBLE_EQ(in_usd(run.summary.p5), 400'000.0);
  EXPECT_DOUBLE_EQ(in_usd(run.summary.p95), 400'000.0);

  // Every format shows them with their unit.
  const std::string table = render_simulation(sim, s, Format::table);
  EXPECT_NE(table.find("r — energy"), std::string::npos);
  EXPECT_NE(table.find(" kWh"), std::string::npos);
  EXPECT_NE(table.find(" tCO2e"), std::string::npos);
  EXPECT_NE(render_simulation(sim, s, Format::markdown).find("| statistic | kWh |"),
            std::string::npos);
  const std::string csv = render_simulation(sim, s, Format::csv);
  EXPECT_EQ(csv.rfind("result,scope,statistic,usd,value,unit\r\n", 0), 0u);
  EXPECT_NE(csv.find(",kWh\r\n"), std::string::npos);
  const auto j = nlohmann::json::parse(render_simulation(sim, s, Format::json));
  EXPECT_EQ(j["schema"], "traincost.simulation/2");
  bool found = false;
  for (const auto& r : j["results"])
    if (r["name"] == "r — energy") {
      found = true;
      EXPECT_EQ(r["unit"], "kWh");
      EXPECT_NEAR(r["usd"]["p50"].get<double>(), kwh_at(400), kwh_at(400) * 0.01);
    }
  EXPECT_TRUE(found);
  // The histogram of the energy is labelled in kWh, not in dollars.
  for (std::size_t i = 0; i < sim.results.size(); ++i)
    if (sim.results[i].name == "r — energy") {
      const std::string svg = simulation_chart_svg(sim, i);
      EXPECT_NE(svg.find(" kWh"), std::string::npos);
      EXPECT_EQ(svg.find('$'), std::string::npos);
    }
}

TEST(Footprint, SimulateDrawsFailureRangesIntoTheCostIncludingInterruptions) {
  // The card's one range is its checkpoint write time: the run's cost stays
  // put, the cost including interruptions moves with it.
  const Scenario s = read_scenario(card_file);
  ASSERT_EQ(s.uncertain.size(), 1u);
  SimulationOptions o;
  o.samples = 4'000;
  const Simulation sim = run_simulation(s, o);
  const SimulatedResult& run = result_named(sim, "Llama 3.1 405B");
  EXPECT_DOUBLE_EQ(in_usd(run.summary.p5), in_usd(run.summary.p95));
  const SimulatedResult& with = result_named(sim, "Llama 3.1 405B — cost including interruptions");
  EXPECT_EQ(with.unit, "USD");
  EXPECT_GT(in_usd(with.summary.p5), in_usd(run.summary.p50));
  EXPECT_GT(in_usd(with.summary.p95), in_usd(with.summary.p5));
  // Its median is estimate's figure (the range at its median).
  const Estimate e = estimate(s);
  EXPECT_NEAR(in_usd(with.summary.p50), in_usd(e.results[0].footprint->failures->total),
              in_usd(with.summary.p50) * 1e-3);
  // And a tornado shows the range's swing on it.
  const Sensitivity sens = sensitivity(s);
  bool swung = false;
  for (const auto& r : sens.results)
    if (r.name == with.name) {
      ASSERT_EQ(r.tornado.bars.size(), 1u);
      swung = in_usd(r.tornado.bars[0].swing()) > 0.0;
    }
  EXPECT_TRUE(swung);
}

}  // namespace
}  // namespace traincost::io
