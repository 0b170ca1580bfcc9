// `traincost simulate` and `sensitivity` through the models' one definition:
// the command against the typed library (cross-evaluation), results named in
// every format the same way, and the charted result chosen with --result.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_command.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::test {
namespace {

namespace fs = std::filesystem;

const std::string exe = TRAINCOST_EXE;
const fs::path source_dir = TRAINCOST_SOURCE_DIR;

CommandResult traincost(const std::vector<std::string>& args) {
  return run(exe, args);
}

std::string example(const std::string& name) {
  return (source_dir / "examples" / "scenarios" / name).string();
}

/// A scenario written to this test's own temporary directory.
class ScenarioFile {
 public:
  ScenarioFile(const std::string& name, const std::string& text)
      : dir_(fs::temp_directory_path() /
             ("traincost_simulation_test_" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
    path_ = dir_ / name;
    std::ofstream(path_) << text;
  }
  ~ScenarioFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path dir_;
  fs::path path_;
};

std::string read(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos)
    text.replace(at, from.size(), to);
  return text;
}

// Issue 12, row 6: finite draws whose squares overflow. Every format fails
// the same way, at the range, naming the statistic; nothing is printed.
TEST(SimulateOverflow, EveryFormatNamesTheRangeAndTheStatistic) {
  const ScenarioFile f("overflow.toml",
                       replaced(read(example("deepseek_v3.toml")), "gpu_hours = 2_664_000",
                                "gpu_hours = { p5 = 1, p95 = 1e150 }"));
  std::string first;
  for (const char* format : {"table", "markdown", "csv", "json"}) {
    const auto r = traincost({"simulate", f.path(), "-n", "100000", "-f", format});
    EXPECT_EQ(r.exit_code, 1) << format;
    EXPECT_EQ(r.out, "") << format;
    EXPECT_NE(r.err.find(f.path() + ":30:13: [traincost.invalid_value] run.stages[0].gpu_hours: "),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("standard deviation"), std::string::npos) << r.err;
    if (first.empty())
      first = r.err;
    EXPECT_EQ(r.err, first) << format;
  }
}

// The command's mean against the typed library at the ranges' medians: the
// fleet's capex is linear in the ranged price, so its mean is the typed
// estimate at the price's mean (a uniform's mean is its median), within
// four standard errors.
TEST(SimulateFleet, MeanOfALinearCapexIsTheTypedEstimateAtTheMedian) {
  const ScenarioFile f("fleet.toml",
                       replaced(read(example("deepseek_fleet.toml")), "usd_per_gpu = 15_000,",
                                "usd_per_gpu = { low = 12_000, high = 18_000 },"));
  const auto r = traincost({"simulate", f.path(), "-n", "200000", "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const auto& capex = doc.at("results")[0];
  EXPECT_EQ(capex.at("scope"), "fleet_capex");
  const double typed = in_usd(io::estimate(io::read_scenario(f.path())).results[0].total);
  const double se = capex.at("usd").at("sd").get<double>() / std::sqrt(200000.0);
  EXPECT_NEAR(capex.at("usd").at("mean").get<double>(), typed, 4 * se);
}

// A result's tornado lists only the ranges that reach it: in the program
// scenario the V3 run is moved by its price alone, the program by all four.
TEST(Sensitivity, EachResultListsOnlyTheRangesThatReachIt) {
  const auto r = traincost({"sensitivity", example("deepseek_program_ranges.toml"), "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const auto& results = doc.at("results");
  ASSERT_EQ(results.size(), 3u);
  ASSERT_EQ(results[0].at("bars").size(), 1u);
  EXPECT_EQ(results[0].at("bars")[0].at("input"), "run[0].price.usd_per_gpu_hour");
  EXPECT_EQ(results[1].at("bars").size(), 0u);  // R1 has no ranged input
  EXPECT_EQ(results[2].at("bars").size(), 4u);
  // The base is the typed estimate at the medians.
  const double typed = in_usd(
      io::estimate(io::read_scenario(example("deepseek_program_ranges.toml"))).results[2].total);
  EXPECT_NEAR(results[2].at("base_usd").get<double>(), typed, 1e-6 * typed);
}

TEST(Charts, TheProgramIsChartedByDefaultAndResultChoosesAnother) {
  const ScenarioFile chart("chart.svg", "");
  const auto program = traincost(
      {"simulate", example("deepseek_program_ranges.toml"), "-n", "5000", "--chart", chart.path()});
  ASSERT_EQ(program.exit_code, 0) << program.err;
  EXPECT_NE(read(chart.path()).find("Monte Carlo: DeepSeek V3 + R1 program (program)"),
            std::string::npos);
  const auto run = traincost({"sensitivity", example("deepseek_program_ranges.toml"), "--chart",
                              chart.path(), "--result", "DeepSeek-V3 final run"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(read(chart.path()).find("Sensitivity: DeepSeek-V3 final run"), std::string::npos);
  const auto unknown = traincost(
      {"simulate", example("deepseek_program_ranges.toml"), "-n", "100", "--result", "V4"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.out, "");
  EXPECT_NE(unknown.err.find("--result: got \"V4\", expected the name of a result: "
                             "\"DeepSeek-V3 final run\", \"DeepSeek-R1 post-training\", "
                             "\"DeepSeek V3 + R1 program\""),
            std::string::npos)
      << unknown.err;
}

}  // namespace
}  // namespace traincost::test
