// The `traincost` command end to end: what an analyst types, what comes out.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "well_formed_xml.hpp"

namespace traincost::test {
namespace {

namespace fs = std::filesystem;

const std::string exe = TRAINCOST_EXE;
const fs::path source_dir = TRAINCOST_SOURCE_DIR;

CommandResult traincost(const std::vector<std::string>& args, const std::string& stdin_file = "") {
  return run(exe, args, stdin_file);
}

std::string scenario(const std::string& name) {
  return (source_dir / "examples" / "scenarios" / name).string();
}

/// The `// expect: ` lines of a C++ example.
std::vector<std::string> example_expectations(const std::string& example) {
  std::ifstream in(source_dir / "examples" / example);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);)
    if (line.rfind("// expect: ", 0) == 0)
      out.push_back(line.substr(11));
  return out;
}

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() /
         ("traincost_cli_test_" + std::to_string(::getpid()) + "_" + name);
}

// ---- The example scenarios give the C++ examples' figures -------------------

// Each scenario must print, through the command, the same table rows and
// total as the matching C++ example: every `// expect:` line of the example
// that is a table row or the total line appears verbatim (exact figures).
void expect_same_figures(const std::string& toml, const std::string& example,
                         const std::vector<std::string>& row_prefixes) {
  const auto r = traincost({"estimate", scenario(toml)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::size_t checked = 0;
  for (const auto& line : example_expectations(example)) {
    bool is_table_line = line.rfind("total cost:", 0) == 0;
    for (const auto& p : row_prefixes)
      is_table_line = is_table_line || line.rfind(p, 0) == 0;
    if (!is_table_line)
      continue;
    EXPECT_NE(r.out.find(line), std::string::npos) << "missing: " << line << "\n" << r.out;
    ++checked;
  }
  EXPECT_EQ(checked, row_prefixes.size() + 1);
}

TEST(ExampleScenarios, DeepSeekV3MatchesTheCppExample) {
  // arXiv 2412.19437 Table 1 [P]: $5,328,000 + $238,000 + $10,000 = $5,576,000; exact.
  expect_same_figures("deepseek_v3.toml", "deepseek_v3_final_run.cpp",
                      {"pre-training ", "context extension ", "post-training "});
}

TEST(ExampleScenarios, DeepSeekR1MatchesTheCppExample) {
  // R1 paper, supplementary B.4.4 [P]: 147,336 GPU-hours -> $294,672 [D]; exact.
  expect_same_figures("deepseek_r1.toml", "deepseek_r1.cpp",
                      {"R1-Zero RL ", "SFT data creation ", "R1 training "});
}

TEST(ExampleScenarios, DeepSeekV3WorkloadMatchesThePlausibilityExample) {
  // examples/deepseek_v3_plausibility.cpp prints, from 250 GFLOP/token x 14.8T
  // tokens at 38.94% MFU on 2,048 H800 ([P] inputs, sources.md §1), the
  // pre-training GPU-hours, days and the run's total; the scenario must give
  // the same figures (exact to the printed digits).
  std::string stage_line, run_line;
  for (const auto& line : example_expectations("deepseek_v3_plausibility.cpp")) {
    if (line.rfind("pre-training from the workload", 0) == 0)
      stage_line = line;
    if (line.rfind("whole run with that stage", 0) == 0)
      run_line = line;
  }
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      stage_line, m, std::regex(R"(: ([0-9,]+) GPU-hours, ([0-9.]+) days, (\$[0-9.]+M))")))
      << stage_line;
  const std::string gpu_hours = m[1], days = m[2], stage_cost = m[3];
  ASSERT_TRUE(std::regex_search(run_line, m, std::regex(R"(: (\$[0-9.]+M))"))) << run_line;
  const std::string run_cost = m[1];

  const auto r = traincost({"estimate", scenario("deepseek_v3_workload.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex("pre-training \\(from workload\\) +H800 SXM +2,048 +" + gpu_hours + " +" +
                        std::regex_replace(days, std::regex("\\."), "\\.") + " ")))
      << r.out;
  EXPECT_NE(r.out.find("total cost: " + run_cost + " "), std::string::npos) << r.out;
  const auto doc = nlohmann::json::parse(
      traincost({"estimate", scenario("deepseek_v3_workload.toml"), "-f", "json"}).out);
  const double pre = doc.at("results")[0].at("final_run").at("stages")[0].at("usd").get<double>();
  char compact[32];
  std::snprintf(compact, sizeof compact, "$%.3fM", pre / 1e6);
  EXPECT_EQ(compact, stage_cost);
  EXPECT_EQ(
      doc.at("results")[0].at("final_run").at("stages")[0].at("usage_provenance").at("evidence"),
      "derived");
}

TEST(ExampleScenarios, DeepSeekFleetMatchesTheFleetExample) {
  // examples/deepseek_fleet_capex.cpp prints the reconstruction's capex and
  // 4-year operating cost as "$1,610.8M  $959.5M" (a reconstruction of
  // SemiAnalysis's ~$1.6B / $944M, sources.md §3 [A]); the scenario must give
  // the same figures to the printed digit.
  std::string totals;
  for (const auto& line : example_expectations("deepseek_fleet_capex.cpp"))
    if (std::regex_match(line, std::regex(R"(\$[0-9,.]+M +\$[0-9,.]+M)")))
      totals = line;
  std::smatch m;
  ASSERT_TRUE(std::regex_match(totals, m, std::regex(R"(\$([0-9,.]+)M +\$([0-9,.]+)M)"))) << totals;
  const auto r = traincost({"estimate", scenario("deepseek_fleet.toml"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.at("results").size(), 2u);
  auto millions = [](double usd) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", usd / 1e6);
    std::string s = buf;  // insert the thousands separator the example prints
    const auto dot = s.find('.');
    for (auto i = static_cast<long>(dot) - 3; i > 0; i -= 3)
      s.insert(static_cast<std::size_t>(i), ",");
    return s;
  };
  EXPECT_EQ(doc.at("results")[0].at("scope"), "fleet_capex");
  EXPECT_EQ(millions(doc.at("results")[0].at("usd").get<double>()), m[1].str());
  EXPECT_EQ(doc.at("results")[1].at("scope"), "fleet_operating");
  EXPECT_EQ(millions(doc.at("results")[1].at("usd").get<double>()), m[2].str());
  const auto table = traincost({"estimate", scenario("deepseek_fleet.toml")});
  EXPECT_NE(table.out.find("H800 (H800 SXM)"), std::string::npos);
  EXPECT_NE(table.out.find("fleet capex"), std::string::npos);
}

/// "$52.310M" as the C++ examples print amounts (format_usd_compact).
std::string compact_usd(double usd) {
  char buf[48];
  if (usd >= 1e9)
    std::snprintf(buf, sizeof buf, "$%.3fB", usd / 1e9);
  else if (usd >= 1e6)
    std::snprintf(buf, sizeof buf, "$%.3fM", usd / 1e6);
  else
    std::snprintf(buf, sizeof buf, "$%.3fK", usd / 1e3);
  return buf;
}

TEST(ExampleScenarios, DeepSeekProgramMatchesTheDebateExample) {
  // examples/deepseek_debate.cpp: "program total (rental-equivalent basis):
  // $52.310M" and "= final runs $5.871M + research $6.713M + data $40.000K +
  // staff $39.686M" (assumptions of reference/deepseek_program.hpp; the runs
  // are [P], sources.md §1-2). The scenario must print the same, part by part.
  std::string total_line, parts_line;
  for (const auto& line : example_expectations("deepseek_debate.cpp")) {
    if (line.rfind("program total (rental-equivalent basis)", 0) == 0)
      total_line = line;
    if (line.rfind("= final runs", 0) == 0)
      parts_line = line;
  }
  ASSERT_FALSE(total_line.empty());
  ASSERT_FALSE(parts_line.empty());
  const auto r = traincost({"estimate", scenario("deepseek_program.toml"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const auto& results = doc.at("results");
  ASSERT_EQ(results.size(), 3u);  // V3 run, R1 run, program
  const auto& program = results[2];
  EXPECT_EQ(program.at("scope"), "program");
  EXPECT_NE(total_line.find(": " + compact_usd(program.at("usd").get<double>())), std::string::npos)
      << total_line;
  const auto& parts = program.at("breakdown").at("children");
  ASSERT_EQ(parts.size(), 4u);  // final runs, research, data, staff
  for (const auto& part : parts)
    EXPECT_NE(parts_line.find(compact_usd(part.at("usd").get<double>())), std::string::npos)
        << part.at("label") << " " << compact_usd(part.at("usd").get<double>()) << " not in "
        << parts_line;
  const auto table = traincost({"estimate", scenario("deepseek_program.toml")});
  EXPECT_NE(table.out.find("total: $52.310M ($52,309,846)"), std::string::npos) << table.out;
}

TEST(ExampleScenarios, TheDebatePagePrintsEveryFigureInItsOwnScope) {
  const auto r = traincost({"estimate", scenario("deepseek_debate.toml"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  std::vector<std::string> scopes;
  for (const auto& res : doc.at("results"))
    scopes.push_back(res.at("scope"));
  const std::vector<std::string> expected = {"final_run_rental", "final_run_rental", "fleet_capex",
                                             "fleet_operating", "program"};
  EXPECT_EQ(scopes, expected);
  // Table 1 [P], B.4.4 [P], the fleet reconstruction and the program: exact
  // to the printed digit of the C++ examples.
  EXPECT_DOUBLE_EQ(doc.at("results")[0].at("usd").get<double>(), 5'576'000.0);
  EXPECT_DOUBLE_EQ(doc.at("results")[1].at("usd").get<double>(), 294'672.0);
  EXPECT_EQ(compact_usd(doc.at("results")[2].at("usd").get<double>()), "$1.611B");
  EXPECT_EQ(compact_usd(doc.at("results")[4].at("usd").get<double>()), "$52.310M");
  // No result adds figures of different scopes: there is no grand total.
  EXPECT_EQ(r.out.find("grand total"), std::string::npos);
}

TEST(ExampleScenarios, TheReadmeSectionShowsRealOutput) {
  // README.md ("The traincost command") shows a scenario file, the command
  // and its output: running that file must print exactly that output.
  const std::string doc = slurp(source_dir / "README.md");
  const auto toml_at = doc.find("```toml\n");
  ASSERT_NE(toml_at, std::string::npos);
  const auto toml_end = doc.find("```\n", toml_at + 8);
  const fs::path file = temp_path("readme.toml");
  { std::ofstream(file) << doc.substr(toml_at + 8, toml_end - toml_at - 8); }
  const std::string prompt = "$ traincost estimate examples/scenarios/deepseek_v3.toml\n";
  const auto out_at = doc.find(prompt);
  ASSERT_NE(out_at, std::string::npos);
  const auto out_end = doc.find("```\n", out_at);
  const std::string shown = doc.substr(out_at + prompt.size(), out_end - out_at - prompt.size());
  const auto r = traincost({"estimate", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, shown);
  EXPECT_EQ(traincost({"estimate", scenario("deepseek_v3.toml")}).out, shown);
  fs::remove(file);
}

TEST(ExampleScenarios, EveryExampleScenarioChecksClean) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "examples" / "scenarios")) {
    if (entry.path().extension() != ".toml")
      continue;
    const auto r = traincost({"check", entry.path().string()});
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.err;
    EXPECT_NE(r.out.find(": ok ("), std::string::npos) << r.out;
    ++n;
  }
  EXPECT_GE(n, 2u);
}

// ---- Output formats -----------------------------------------------------------

TEST(Formats, JsonFollowsTheDocumentedSchema) {
  const auto r = traincost({"estimate", scenario("deepseek_v3.toml"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("schema"), "traincost.estimate/2");
  EXPECT_EQ(doc.at("scenario").at("name"), "DeepSeek-V3 final run");
  ASSERT_EQ(doc.at("results").size(), 1u);
  const auto& res = doc.at("results")[0];
  EXPECT_EQ(res.at("model"), "final_run");
  EXPECT_EQ(res.at("scope"), "final_run_rental");
  // Table 1 [P]: $5.576M in plain USD, exact.
  EXPECT_DOUBLE_EQ(res.at("usd").get<double>(), 5'576'000.0);
  EXPECT_EQ(res.at("breakdown").at("children").size(), 3u);
  EXPECT_DOUBLE_EQ(res.at("breakdown").at("children")[0].at("usd").get<double>(), 5'328'000.0);
  const auto& stage = res.at("final_run").at("stages")[0];
  EXPECT_EQ(stage.at("usage_provenance").at("evidence"), "published");
  EXPECT_NE(stage.at("usage_provenance").at("source").get<std::string>().find("Table 1"),
            std::string::npos);
  EXPECT_DOUBLE_EQ(stage.at("gpu_hours").get<double>(), 2'664'000.0);
}

TEST(Formats, CsvHasAHeaderRowAndOneRowPerItem) {
  const auto r = traincost({"estimate", scenario("deepseek_r1.toml"), "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines;
  std::istringstream in(r.out);
  for (std::string l; std::getline(in, l);)
    lines.push_back(l);
  ASSERT_EQ(lines.size(), 5u);  // header, total, three stages
  EXPECT_EQ(lines[0].rfind("result,model,scope,item,depth,", 0), 0u);
  EXPECT_NE(lines[1].find(",total,0,"), std::string::npos);
  EXPECT_NE(lines[1].find(",294672,"), std::string::npos);  // B.4.4: $294,672 [D], exact
  EXPECT_NE(lines[2].find("R1-Zero RL,1,reinforcement learning,H800 SXM,512,101376,198,2,202752"),
            std::string::npos)
      << lines[2];
  // Sources contain commas: they are quoted.
  EXPECT_NE(lines[2].find("\"DeepSeek-R1 (Nature 2025, supplementary"), std::string::npos);
}

TEST(Formats, MarkdownIsATableWithTotalsAndSources) {
  const auto r = traincost({"estimate", scenario("deepseek_v3.toml"), "--format", "markdown"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(
      r.out.find("| pre-training | H800 SXM | 2,048 | 2,664,000 | 54.2 | 2.00 | $5,328,000 |"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("|---|---|---:|"), std::string::npos);
  EXPECT_NE(r.out.find("**$5,576,000**"), std::string::npos);
  EXPECT_NE(r.out.find("Sources:"), std::string::npos);
}

TEST(Formats, StandardInputIsReadWithADash) {
  const auto r = traincost({"estimate", "-"}, scenario("deepseek_v3.toml"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("total cost: $5.576M ($5,576,000)"), std::string::npos);
  const auto bad =
      traincost({"check", "-"}, (source_dir / "tests/scenarios/zero_price.toml").string());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("traincost: error: <stdin>:12:20: ", 0), 0u) << bad.err;
}

TEST(Formats, NoNanOrInfinityIsEverPrinted) {
  for (const char* f : {"table", "markdown", "csv", "json"})
    for (const char* s : {"deepseek_v3.toml", "deepseek_r1.toml"}) {
      const auto r = traincost({"estimate", scenario(s), "--format", f});
      ASSERT_EQ(r.exit_code, 0) << r.err;
      const std::regex bad("\\b(nan|NaN|inf|Infinity)\\b");
      EXPECT_FALSE(std::regex_search(r.out, bad)) << s << " " << f;
    }
}

// ---- Usage: help, version, exit codes -------------------------------------------

TEST(Usage, HelpAndVersionExitZero) {
  const auto help = traincost({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* cmd : {"estimate", "check", "catalog", "Exit codes"})
    EXPECT_NE(help.out.find(cmd), std::string::npos) << cmd;
  const auto sub = traincost({"estimate", "--help"});
  EXPECT_EQ(sub.exit_code, 0);
  EXPECT_NE(sub.out.find("--format"), std::string::npos);
  EXPECT_NE(sub.out.find("--chart"), std::string::npos);
  const auto version = traincost({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, "traincost 0.1.0\n");
}

TEST(Usage, UsageErrorsExitTwoWithNothingOnStandardOutput) {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"estimat", scenario("deepseek_v3.toml")},
      {"estimate"},
      {"estimate", scenario("deepseek_v3.toml"), "--format", "xml"},
      {"estimate", scenario("deepseek_v3.toml"), "--colour"},
      {"check", scenario("deepseek_v3.toml"), "extra"},
  };
  for (const auto& args : cases) {
    const auto r = traincost(args);
    EXPECT_EQ(r.exit_code, 2) << (args.empty() ? "" : args[0]);
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(r.err.empty());
  }
}

TEST(Usage, AMissingFileIsBadInput) {
  const auto r = traincost({"estimate", "/nonexistent/scenario.toml"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("/nonexistent/scenario.toml"), std::string::npos);
  EXPECT_NE(r.err.find("cannot be opened"), std::string::npos);
}

// ---- Catalog ------------------------------------------------------------------------

TEST(Catalog, ListsEveryAcceleratorWithItsSource) {
  const auto r = traincost({"catalog"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"H800 SXM", "H100 SXM", "A100 PCIe 40GB", "MI300X", "TPU v5p"})
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  EXPECT_NE(r.out.find("NVIDIA H100 data sheet (sources.md §5)"), std::string::npos);
  const auto json = nlohmann::json::parse(traincost({"catalog", "--format", "json"}).out);
  EXPECT_EQ(json.at("schema"), "traincost.catalog/1");
  EXPECT_GE(json.at("accelerators").size(), 14u);
}

TEST(Catalog, OneEntryInDetail) {
  const auto r = traincost({"catalog", "h800"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // sources.md §5 [P]: H800 SXM dense BF16 989.5 TFLOP/s, NVLink 400 GB/s.
  EXPECT_NE(r.out.find("989.5 TFLOP/s"), std::string::npos);
  EXPECT_NE(r.out.find("400 GB/s"), std::string::npos);
  EXPECT_NE(r.out.find("arXiv 2412.19437"), std::string::npos);
}

TEST(Catalog, AnUnknownNameListsTheClosestOnes) {
  const auto r = traincost({"catalog", "h100"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("closest known names: H100 SXM, H100 PCIe"), std::string::npos) << r.err;
}

// ---- The malformed corpus ---------------------------------------------------------------

struct CorpusCase {
  fs::path file;
  std::string expected;  // stderr after "traincost: error: FILE"
};

// gtest shows a failing case by its file, not as bytes.
void PrintTo(const CorpusCase& c, std::ostream* os) {
  *os << c.file.filename().string();
}

std::vector<CorpusCase> corpus() {
  std::vector<CorpusCase> out;
  for (const auto& entry : fs::directory_iterator(source_dir / "tests" / "scenarios")) {
    if (entry.path().extension() != ".toml")
      continue;
    const std::string text = slurp(entry.path());
    const auto at = text.rfind("\n# expect: ");
    CorpusCase c{entry.path(), ""};
    if (at != std::string::npos) {
      c.expected = text.substr(at + 11);
      c.expected.erase(c.expected.find_last_not_of("\r\n") + 1);
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(),
            [](const CorpusCase& a, const CorpusCase& b) { return a.file < b.file; });
  return out;
}

TEST(MalformedCorpus, HoldsEnoughFiles) {
  EXPECT_GE(corpus().size(), 40u);
}

// One test per corpus file, named after it, so a failure names the file.
class MalformedFile : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(MalformedFile, YieldsItsExpectedErrorAndNothingOnStandardOutput) {
  const CorpusCase& c = GetParam();
  ASSERT_FALSE(c.expected.empty()) << "no '# expect: ' line";
  // Every error names file, line and column (":L:C: "), an id and a field.
  EXPECT_TRUE(
      std::regex_search(c.expected, std::regex("^:[0-9]+:[0-9]+: \\[traincost\\.[a-z_]+\\] ")))
      << c.expected;
  for (const char* command : {"check", "estimate"}) {
    SCOPED_TRACE(command);
    const auto r = traincost({command, c.file.string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "traincost: error: " + c.file.string() + c.expected + "\n");
  }
}

std::string corpus_test_name(const ::testing::TestParamInfo<CorpusCase>& info) {
  std::string name = info.param.file.stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch)))
      ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedFile, ::testing::ValuesIn(corpus()), corpus_test_name);

TEST(MalformedCorpus, AFailedRunLeavesAnExistingChartUntouched) {
  const fs::path chart = temp_path("untouched.svg");
  { std::ofstream(chart) << "previous"; }
  const auto r =
      traincost({"estimate", (source_dir / "tests/scenarios/negative_gpu_hours.toml").string(),
                 "--chart", chart.string(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(slurp(chart), "previous");
  // No temporary file is left behind either.
  for (const auto& entry : fs::directory_iterator(chart.parent_path()))
    EXPECT_EQ(entry.path().string().find(chart.string() + ".tmp"), std::string::npos);
  fs::remove(chart);
}

TEST(MalformedCorpus, AnUnwritableChartIsBadInputAndPrintsNothing) {
  const auto r = traincost(
      {"estimate", scenario("deepseek_v3.toml"), "--chart", "/nonexistent-dir/chart.svg"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("/nonexistent-dir/chart.svg"), std::string::npos);
}

// ---- Charts ---------------------------------------------------------------------------------

/// Renders an SVG to PNG with rsvg-convert; returns the PNG's bytes.
std::string render_png(const fs::path& svg, const std::string& name) {
  const fs::path png = temp_path(name + ".png");
  const auto r = run(TRAINCOST_RSVG_CONVERT, {"-o", png.string(), svg.string()});
  EXPECT_EQ(r.exit_code, 0) << "rsvg-convert (Debian: librsvg2-bin) failed: " << r.err;
  std::string bytes = slurp(png);
  fs::remove(png);
  return bytes;
}

void expect_good_chart(const fs::path& svg, const std::vector<std::string>& figures,
                       const std::string& name) {
  const std::string doc = slurp(svg);
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(xml_problem(doc), "") << doc;
  for (const auto& f : figures)
    EXPECT_NE(doc.find(f), std::string::npos) << "figure not in the chart: " << f;
  const std::string png = render_png(svg, name);
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
}

TEST(Charts, BreakdownChartIsWellFormedCarriesTheFiguresAndRenders) {
  const fs::path chart = temp_path("breakdown.svg");
  const auto r = traincost({"estimate", scenario("deepseek_v3.toml"), "--chart", chart.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("$5,576,000"), std::string::npos);  // the table is still printed
  // Table 1 [P]: the three stages and the total, exact.
  expect_good_chart(chart, {"$5,328,000", "$238,000", "$10,000", "$5,576,000", "pre-training"},
                    "breakdown");
  fs::remove(chart);
}

// ---- Ranges: simulate and sensitivity ------------------------------------------------

// deepseek_v3_ranges.toml: 2,788,000 GPU-hours (Table 1 [P]) x price uniform
// on [$1.50, $3.50] (assumed). Exact: mean $6,970,000, P5 = 2,788,000 x 1.60
// = $4,460,800, P95 = 2,788,000 x 3.40 = $9,479,200, support [$4,182,000,
// $9,758,000].
TEST(Ranges, EstimateUsesTheMedian) {
  const auto r = traincost({"estimate", scenario("deepseek_v3_ranges.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("total cost: $6.970M ($6,970,000)"), std::string::npos) << r.out;
}

TEST(Ranges, SimulateMatchesTheAnalyticDistribution) {
  const auto r = traincost({"simulate", scenario("deepseek_v3_ranges.toml"), "--samples", "100000",
                            "--seed", "3", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // no progress when standard error is not a terminal
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("schema"), "traincost.simulation/2");
  EXPECT_EQ(doc.at("samples"), 100000);
  const auto& usd = doc.at("results")[0].at("usd");
  // Monte Carlo error of the mean: sd $1.61M / sqrt(1e5) = $5.1K; allow 0.5%.
  EXPECT_NEAR(usd.at("mean").get<double>(), 6'970'000.0, 0.005 * 6'970'000.0);
  // Percentiles of 1e5 draws: within 1% of the exact values.
  EXPECT_NEAR(usd.at("p5").get<double>(), 4'460'800.0, 0.01 * 4'460'800.0);
  EXPECT_NEAR(usd.at("p95").get<double>(), 9'479'200.0, 0.01 * 9'479'200.0);
  EXPECT_GE(usd.at("min").get<double>(), 4'182'000.0 - 1e-6);
  EXPECT_LE(usd.at("max").get<double>(), 9'758'000.0 + 1e-6);
  EXPECT_EQ(doc.at("inputs")[0].at("field"), "run.price.usd_per_gpu_hour");
}

TEST(Ranges, TheSameSeedGivesTheSameNumbers) {
  const std::vector<std::string> args = {
      "simulate", scenario("deepseek_v3_ranges.toml"), "--samples", "5000", "--seed", "42"};
  const auto a = traincost(args);
  const auto b = traincost(args);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  auto other = args;
  other.back() = "43";
  EXPECT_NE(traincost(other).out, a.out);
}

TEST(Ranges, SimulateTableAndCsv) {
  const auto t = traincost({"simulate", scenario("deepseek_v3_ranges.toml"), "-n", "2000"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("2,000 samples, seed 1"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("p50 (median)"), std::string::npos);
  EXPECT_NE(t.out.find("uniform 1.5 to 3.5"), std::string::npos);
  const auto c =
      traincost({"simulate", scenario("deepseek_v3_ranges.toml"), "-n", "2000", "-f", "csv"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.rfind("result,scope,statistic,usd,value,unit\r\n", 0), 0u);
  EXPECT_NE(c.out.find(",final_run_rental,p95,"), std::string::npos);
}

TEST(Ranges, SensitivityGivesTheExactSwing) {
  const auto r = traincost({"sensitivity", scenario("deepseek_v3_ranges.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Price at its 5% and 95% quantiles, $1.60 and $3.40: exact.
  EXPECT_NE(r.out.find("$4,460,800"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("$9,479,200"), std::string::npos);
  EXPECT_NE(r.out.find("base (every range at its median): $6,970,000"), std::string::npos);
  const auto j = nlohmann::json::parse(
      traincost({"sensitivity", scenario("deepseek_v3_ranges.toml"), "-f", "json"}).out);
  EXPECT_EQ(j.at("schema"), "traincost.sensitivity/2");
  EXPECT_DOUBLE_EQ(j.at("results")[0].at("bars")[0].at("swing_usd").get<double>(),
                   9'479'200.0 - 4'460'800.0);
}

TEST(Ranges, NoRangesIsBadInputAndBadSampleCountsAreUsageErrors) {
  const auto r = traincost({"simulate", scenario("deepseek_v3.toml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("has no ranges to simulate"), std::string::npos) << r.err;
  for (const char* n : {"1", "0", "-5", "many", "100000000"}) {
    const auto u = traincost({"simulate", scenario("deepseek_v3_ranges.toml"), "--samples", n});
    EXPECT_EQ(u.exit_code, 2) << n;
    EXPECT_EQ(u.out, "");
  }
}

TEST(Charts, HistogramIsWellFormedCarriesThePercentilesAndRenders) {
  const fs::path chart = temp_path("histogram.svg");
  const auto r = traincost({"simulate", scenario("deepseek_v3_ranges.toml"), "--samples", "20000",
                            "--chart", chart.string(), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const auto& usd = doc.at("results")[0].at("usd");
  // The chart marks the same P5/P50/P95 the JSON reports (compact form).
  std::vector<std::string> figures = {"P5 ", "P50 ", "P95 ", "20000 samples"};
  for (const char* k : {"p5", "p50", "p95"}) {
    const double v = usd.at(k).get<double>();
    char buf[32];
    std::snprintf(buf, sizeof buf, "$%.3fM", v / 1e6);
    figures.emplace_back(buf);
  }
  expect_good_chart(chart, figures, "histogram");
  fs::remove(chart);
}

TEST(Charts, TornadoIsWellFormedCarriesTheSwingAndRenders) {
  const fs::path chart = temp_path("tornado.svg");
  const auto r =
      traincost({"sensitivity", scenario("deepseek_v3_ranges.toml"), "--chart", chart.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_good_chart(chart, {"$4.461M", "$9.479M", "$6,970,000", "run.price.usd_per_gpu_hour"},
                    "tornado");
  fs::remove(chart);
}

}  // namespace
}  // namespace traincost::test
