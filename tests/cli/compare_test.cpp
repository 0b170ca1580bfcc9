// `traincost compare` end to end: configurations side by side in every
// format, variants, their errors, and Fire-Flyer 2's published ratios.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_command.hpp"

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

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() /
         ("traincost_compare_test_" + std::to_string(::getpid()) + "_" + name);
}

/// The measure `key` of the first result of a traincost.compare/1 document.
const nlohmann::json& measure(const nlohmann::json& doc, const std::string& key) {
  for (const auto& m : doc.at("results")[0].at("measures"))
    if (m.at("key") == key)
      return m;
  ADD_FAILURE() << "no measure " << key;
  static const nlohmann::json none;
  return none;
}

// ---- Fire-Flyer 2 against DGX-A100 ---------------------------------------------

TEST(CompareFireFlyer, TheScenarioGivesThePapersTwoRatios) {
  // Fire-Flyer AI-HPC (arXiv 2408.14158), docs/sources.md §4 [P]: cluster cost
  // 11,600 vs 23,000 cost units ("half the cost", 50.4% [D]) and 2,500 W vs
  // 4,200 W per node ("40% lower energy", 59.5% [D]); servers 11,250 vs
  // 19,000, network 350 vs 4,000. The base is DGX-A100, the variant
  // Fire-Flyer 2, so B / A are Fire-Flyer 2's ratios.
  const auto r = traincost({"compare", scenario("fire_flyer_2.toml"), "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("schema"), "traincost.compare/1");
  ASSERT_EQ(doc.at("configurations").size(), 2u);
  EXPECT_EQ(doc.at("configurations")[0].at("name"), "DGX-A100 cluster");
  EXPECT_EQ(doc.at("configurations")[1].at("name"), "Fire-Flyer 2");
  EXPECT_EQ(doc.at("configurations")[1].at("variant"), 0);
  ASSERT_EQ(doc.at("results").size(), 1u);
  EXPECT_EQ(doc.at("results")[0].at("model"), "fleet_capex");
  EXPECT_TRUE(doc.at("results")[0].at("same_scope").get<bool>());

  EXPECT_NEAR(measure(doc, "usd").at("ratios")[1].get<double>(), 11'600.0 / 23'000.0, 1e-9);
  EXPECT_NEAR(measure(doc, "it_power_kw").at("ratios")[1].get<double>(), 2'500.0 / 4'200.0, 1e-12);
  EXPECT_NEAR(measure(doc, "servers_usd").at("ratios")[1].get<double>(), 11'250.0 / 19'000.0, 1e-9);
  EXPECT_NEAR(measure(doc, "network_usd").at("ratios")[1].get<double>(), 350.0 / 4'000.0, 1e-9);
  // Peak IT power: 1,250 nodes x 4,200 W and x 2,500 W.
  EXPECT_DOUBLE_EQ(measure(doc, "it_power_kw").at("values")[0].get<double>(), 5'250.0);
  EXPECT_DOUBLE_EQ(measure(doc, "it_power_kw").at("values")[1].get<double>(), 3'125.0);
  EXPECT_DOUBLE_EQ(measure(doc, "it_power_kw").at("differences")[1].get<double>(), -2'125.0);
  // The DGX side's servers are 1,250 x $199K (docs/sources.md §6 [P]).
  EXPECT_DOUBLE_EQ(measure(doc, "servers_usd").at("values")[0].get<double>(), 248'750'000.0);

  // The same ratios as people read them.
  const auto t = traincost({"compare", scenario("fire_flyer_2.toml")});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("0.504x"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("0.595x"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("5,250"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("-2,125"), std::string::npos) << t.out;
}

// ---- Every format ----------------------------------------------------------------

// The what-ifs file: DeepSeek-V3's 2,788,000 GPU-hours at $2 (A, $5,576,000),
// at $3.49 on H100 (B), at $1.76976 (C), and on 4,096 GPUs (D).
TEST(CompareFormats, TableShowsValuesDifferencesAndRatios) {
  const auto r = traincost({"compare", scenario("deepseek_v3_whatifs.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("compare: 4 configurations; differences and ratios against A"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("B  H100 at $3.49"), std::string::npos) << r.out;
  // 2,788,000 x $3.49 = $9,730,120; + $4,154,120 = 1.745x.
  EXPECT_NE(r.out.find("$5,576,000  $9,730,120  $4,934,091  $5,576,000  +$4,154,120  1.745x  "
                       "-$641,909  0.885x      $0  1.000x"),
            std::string::npos)
      << r.out;
  // 4,096 GPUs: 2,788,000 / 4,096 / 24 = 28.4 days, half of 56.7.
  EXPECT_NE(r.out.find("56.7        56.7        56.7        28.4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("-28.4  0.500x"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+2,048  2.000x"), std::string::npos) << r.out;
}

TEST(CompareFormats, MarkdownIsATablePerResult) {
  const auto r = traincost({"compare", scenario("deepseek_v3_whatifs.toml"), "-f", "markdown"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# Comparison of 4 configurations"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- **B**: H100 at $3.49 (variant[0] of "), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("| measure | A | B | C | D | B - A | B / A | C - A | C / A | D - A | D / A |"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("| cost | $5,576,000 | $9,730,120 | $4,934,091 | $5,576,000 | +$4,154,120 | "
                       "1.745x | -$641,909 | 0.885x | $0 | 1.000x |"),
            std::string::npos)
      << r.out;
}

TEST(CompareFormats, CsvHasOneRowPerResultMeasureAndConfiguration) {
  const auto r = traincost({"compare", scenario("deepseek_v3_whatifs.toml"), "-f", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("result,model,measure,label,unit,configuration,name,scope,value,"
                        "difference,ratio,evidence\r\n",
                        0),
            0u);
  // 2,788,000 x 3.49 = 9,730,120; the difference 4,154,120; the ratio 1.745.
  const std::string row =
      "DeepSeek-V3 final run,final_run,usd,cost,USD,B,H100 at $3.49,"
      "final_run_rental,";
  const auto at = r.out.find(row);
  ASSERT_NE(at, std::string::npos) << r.out;
  std::istringstream numbers(r.out.substr(at + row.size(), r.out.find('\r', at) - at - row.size()));
  double value = 0, difference = 0, ratio = 0;
  char comma1 = 0, comma2 = 0;
  numbers >> value >> comma1 >> difference >> comma2 >> ratio;
  EXPECT_NEAR(value, 9'730'120.0, 1e-6);
  EXPECT_NEAR(difference, 4'154'120.0, 1e-6);
  EXPECT_NEAR(ratio, 1.745, 1e-12);
  EXPECT_NE(r.out.find(",wall_clock_hours,wall-clock,hours,D,\"4,096 H800\",final_run_rental,"),
            std::string::npos)
      << r.out;
  // 1 result x 5 measures x 4 configurations, plus the header.
  std::size_t rows = 0;
  for (std::size_t end = 0; (end = r.out.find("\r\n", end)) != std::string::npos; end += 2)
    ++rows;
  EXPECT_EQ(rows, 1u + 5u * 4u);
}

TEST(CompareFormats, JsonHasValuesDifferencesAndRatios) {
  const auto r = traincost({"compare", scenario("deepseek_v3_whatifs.toml"), "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("baseline"), "A");
  ASSERT_EQ(doc.at("configurations").size(), 4u);
  const auto& cost = measure(doc, "usd");
  EXPECT_DOUBLE_EQ(cost.at("values")[0].get<double>(), 5'576'000.0);  // Table 1 [P]
  EXPECT_NEAR(cost.at("values")[1].get<double>(), 2'788'000.0 * 3.49, 1e-6);
  EXPECT_NEAR(cost.at("differences")[1].get<double>(), 2'788'000.0 * (3.49 - 2.0), 1e-6);
  EXPECT_NEAR(cost.at("ratios")[2].get<double>(), 1.76976 / 2.0, 1e-12);
  EXPECT_DOUBLE_EQ(cost.at("differences")[0].get<double>(), 0.0);
  const auto& wall = measure(doc, "wall_clock_hours");
  EXPECT_NEAR(wall.at("values")[3].get<double>(), 2'788'000.0 / 4'096.0, 1e-9);
  EXPECT_NEAR(wall.at("ratios")[3].get<double>(), 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(measure(doc, "accelerators").at("values")[3].get<double>(), 4'096.0);
  EXPECT_DOUBLE_EQ(measure(doc, "gpu_hours").at("ratios")[1].get<double>(), 1.0);
  // B's $3.49 is an analyst's quote: its total is no stronger than that.
  EXPECT_EQ(doc.at("results")[0].at("evidence")[1], "analyst estimate");
  EXPECT_EQ(doc.at("results")[0].at("evidence")[3], doc.at("results")[0].at("evidence")[0]);
}

TEST(CompareFormats, TwoFilesSideBySide) {
  // V3 as published against V3 from its workload (250 GFLOP/token x 14.8T
  // tokens at 38.94% MFU, sources.md §1): the same run within 0.2%.
  const auto r = traincost({"compare", scenario("deepseek_v3.toml"),
                            scenario("deepseek_v3_workload.toml"), "-f", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.at("configurations").size(), 2u);
  EXPECT_TRUE(doc.at("configurations")[1].at("variant").is_null());
  const auto& hours = measure(doc, "gpu_hours");
  const double a = hours.at("values")[0].get<double>(), b = hours.at("values")[1].get<double>();
  EXPECT_DOUBLE_EQ(a, 2'788'000.0);
  EXPECT_DOUBLE_EQ(hours.at("differences")[1].get<double>(), b - a);
  EXPECT_DOUBLE_EQ(hours.at("ratios")[1].get<double>(), b / a);
  EXPECT_NEAR(b / a, 1.0, 0.002);
}

TEST(CompareFormats, ResultsOfDifferentNamesAreMatchedByKindAndShowBothNames) {
  // V3's $5,576,000 (Table 1 [P]) against R1's $294,672 (147,336 GPU-hours
  // at $2, sources.md §2 [D]): each file's first final run.
  const auto t = traincost({"compare", scenario("deepseek_v3.toml"), scenario("deepseek_r1.toml")});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  EXPECT_NE(t.out.find("A DeepSeek-V3 final run, B DeepSeek-R1 post-training — final run "
                       "(rental-equivalent)"),
            std::string::npos)
      << t.out;
  const auto j = traincost(
      {"compare", scenario("deepseek_v3.toml"), scenario("deepseek_r1.toml"), "-f", "json"});
  const auto doc = nlohmann::json::parse(j.out);
  EXPECT_NEAR(measure(doc, "usd").at("ratios")[1].get<double>(), 294'672.0 / 5'576'000.0, 1e-12);
  EXPECT_NEAR(measure(doc, "gpu_hours").at("differences")[1].get<double>(), 147'336.0 - 2'788'000.0,
              1e-6);
}

// ---- Options and errors ----------------------------------------------------------------

TEST(CompareOptions, OutputGoesToTheFileAndNeverOverAScenario) {
  const fs::path out = temp_path("report.csv");
  fs::remove(out);
  const auto r =
      traincost({"compare", scenario("fire_flyer_2.toml"), "-f", "csv", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_NE(slurp(out).find(",it_power_kw,peak IT power,kW,B,Fire-Flyer 2,fleet_capex,3125,-2125,"),
            std::string::npos)
      << slurp(out);
  fs::remove(out);

  const fs::path copy = temp_path("scenario.toml");
  fs::copy_file(scenario("fire_flyer_2.toml"), copy, fs::copy_options::overwrite_existing);
  const std::string before = slurp(copy);
  const auto bad = traincost({"compare", copy.string(), "--output", copy.string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.out, "");
  EXPECT_NE(bad.err.find("is a scenario file being read"), std::string::npos) << bad.err;
  EXPECT_EQ(slurp(copy), before);
  fs::remove(copy);
}

TEST(CompareOptions, UsageAndNothingToCompare) {
  auto r = traincost({"compare"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  r = traincost({"compare", scenario("fire_flyer_2.toml"), "--format", "xml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  r = traincost({"compare", scenario("deepseek_v3.toml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("only one configuration"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[[variant]]"), std::string::npos) << r.err;
  // A file with variants is for compare; estimate says so at the first variant.
  r = traincost({"estimate", scenario("fire_flyer_2.toml")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("fire_flyer_2.toml:40:3: [traincost.unknown_name] variant: got [[variant]] "
                       "tables, which only `traincost compare` reads"),
            std::string::npos)
      << r.err;
}

/// A copy of the what-ifs file's base (everything before its first
/// variant) followed by `variant`; the variant's first line is `first_line`.
fs::path with_variant(const std::string& name, const std::string& variant, int& first_line) {
  const std::string text = slurp(scenario("deepseek_v3_whatifs.toml"));
  std::string base = text.substr(0, text.find("\n# The same GPU-hours") + 1);
  first_line = 1;
  for (char c : base)
    first_line += c == '\n' ? 1 : 0;
  const fs::path p = temp_path(name);
  std::ofstream(p) << base << variant;
  return p;
}

TEST(CompareErrors, AVariantsErrorIsAtItsLineAndNamesTheField) {
  int line = 0;
  const fs::path p = with_variant("negative.toml",
                                  "[[variant]]\n"
                                  "name = \"cheap\"\n"
                                  "run.price.usd_per_gpu_hour = -2\n",
                                  line);
  const auto r = traincost({"compare", p.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "traincost: error: " + p.string() + ":" + std::to_string(line + 2) +
                       ":30: [traincost.invalid_value] variant[0] (cheap).run.price."
                       "usd_per_gpu_hour: got -2, expected a positive price in USD per GPU-hour\n");
  // `check` reads every variant too.
  const auto c = traincost({"check", p.string()});
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_EQ(c.err, r.err);
  fs::remove(p);
}

TEST(CompareErrors, AnUnknownElementListsTheNames) {
  int line = 0;
  const fs::path p = with_variant("element.toml",
                                  "[[variant]]\n"
                                  "name = \"typo\"\n"
                                  "[variant.run.stages.\"pre-trainin\"]\n"
                                  "gpu_hours = 5\n",
                                  line);
  const auto r = traincost({"compare", p.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "traincost: error: " + p.string() + ":" + std::to_string(line + 2) +
                       ":21: [traincost.unknown_name] variant[0] (typo).run.stages.pre-trainin: "
                       "got \"pre-trainin\", expected an element of run.stages: an index from 0 "
                       "to 2 or a name: \"pre-training\", \"context extension\", "
                       "\"post-training\"\n");
  fs::remove(p);
}

TEST(CompareErrors, AConflictWithTheBaseIsPlacedAtTheVariantsChange) {
  // The base's stage has gpu_hours; the variant adds wall_clock_days. The
  // reader sees the conflict at the stage, which the base wrote: the error
  // is moved to the variant's line that caused it.
  int line = 0;
  const fs::path p = with_variant("conflict.toml",
                                  "[[variant]]\n"
                                  "name = \"both\"\n"
                                  "[variant.run.stages.0]\n"
                                  "wall_clock_days = 50\n",
                                  line);
  const auto r = traincost({"compare", p.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(p.string() + ":" + std::to_string(line + 3) +
                       ":19: [traincost.invalid_input] variant[0] (both).run.stages[0]: got more "
                       "than one of gpu_hours, wall_clock_hours"),
            std::string::npos)
      << r.err;
  fs::remove(p);

  // With `unset` the same change reads: 50 days x 2,048 x 24 h at $2.
  const fs::path q = with_variant("unset.toml",
                                  "[[variant]]\n"
                                  "name = \"50 days\"\n"
                                  "unset = [\"run.stages.0.gpu_hours\"]\n"
                                  "[variant.run.stages.0]\n"
                                  "wall_clock_days = 50\n",
                                  line);
  const auto ok = traincost({"compare", q.string(), "-f", "json"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  const auto doc = nlohmann::json::parse(ok.out);
  EXPECT_NEAR(measure(doc, "usd").at("values")[1].get<double>(),
              (50.0 * 24 * 2'048 + 119'000 + 5'000) * 2.0, 1e-6);
  fs::remove(q);
}

TEST(CompareErrors, VariantKeysAndNamesAreChecked) {
  int line = 0;
  const fs::path p = with_variant("key.toml",
                                  "[[variant]]\n"
                                  "name = \"typo\"\n"
                                  "rnu.price = 3\n",
                                  line);
  auto r = traincost({"compare", p.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "traincost: error: " + p.string() + ":" + std::to_string(line + 2) +
                       ":1: [traincost.unknown_name] variant[0] (typo).rnu: got unknown key "
                       "\"rnu\", expected one of: name, description, unset, accelerators, run, "
                       "fleet, program, serving (closest: run)\n");
  fs::remove(p);

  const fs::path q = with_variant("same_name.toml",
                                  "[[variant]]\n"
                                  "name = \"DeepSeek-V3 final run\"\n",
                                  line);
  r = traincost({"compare", q.string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(":" + std::to_string(line + 1) +
                       ":8: [traincost.invalid_input] variant[0].name: got \"DeepSeek-V3 final "
                       "run\", also the name of the base"),
            std::string::npos)
      << r.err;
  fs::remove(q);
}

// ---- The documents show real output ------------------------------------------------

/// The output a document shows after `$ COMMAND` in a console block.
std::string shown_after(const fs::path& doc, const std::string& command) {
  const std::string text = slurp(doc);
  const std::string prompt = "$ " + command + "\n";
  const auto at = text.find(prompt);
  if (at == std::string::npos)
    return "(no \"" + command + "\" in " + doc.string() + ")";
  const auto end = text.find("```\n", at);
  return text.substr(at + prompt.size(), end - at - prompt.size());
}

TEST(CompareDocuments, TheReadmeAndScenariosDocShowRealOutput) {
  const std::string whatifs = "traincost compare examples/scenarios/deepseek_v3_whatifs.toml";
  const std::string fire_flyer = "traincost compare examples/scenarios/fire_flyer_2.toml";
  // The command run from the source directory, as the documents show it.
  auto in_source_dir = [](const std::string& file) { return traincost({"compare", file}).out; };
  const fs::path cwd = fs::current_path();
  fs::current_path(source_dir);
  const std::string whatifs_out = in_source_dir("examples/scenarios/deepseek_v3_whatifs.toml");
  const std::string fire_flyer_out = in_source_dir("examples/scenarios/fire_flyer_2.toml");
  fs::current_path(cwd);
  EXPECT_EQ(shown_after(source_dir / "README.md", whatifs), whatifs_out);
  EXPECT_EQ(shown_after(source_dir / "docs" / "scenarios.md", fire_flyer), fire_flyer_out);
}

}  // namespace
}  // namespace traincost::test
