// The scenario reader, evaluation and renderers, in-process (the command's
// end-to-end tests are in tests/cli/).
#include "traincost/io/scenario.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "../cli/well_formed_xml.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/hardware/cluster.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/json_report.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/simulation.hpp"
#include "traincost/io/svg_chart.hpp"

namespace traincost::io {
namespace {

constexpr const char* v3 = R"(
name = "v3"
[run]
name = "V3"
[run.cluster]
accelerator = "h800"
count = 2048
[run.price]
usd_per_gpu_hour = 2.0
[[run.stages]]
name = "pre-training"
gpu_hours = 2_664_000
[[run.stages]]
name = "context extension"
gpu_hours = 119_000
[[run.stages]]
name = "post-training"
gpu_hours = 5_000
)";

TEST(ScenarioReader, ReadsAFinalRunThatCostsLikeTheLibrary) {
  const Scenario s = parse_scenario(v3, "v3.toml");
  ASSERT_EQ(s.runs.size(), 1u);
  EXPECT_EQ(s.runs[0].cluster.accelerator().name, "H800 SXM");
  const Estimate e = estimate(s);
  ASSERT_EQ(e.results.size(), 1u);
  // arXiv 2412.19437 Table 1 [P]: 2,788K GPU-hours x $2 = $5.576M; exact.
  EXPECT_DOUBLE_EQ(in_usd(e.results[0].total), 5'576'000.0);
  // Unsourced figures are the scenario author's assumptions.
  EXPECT_EQ(s.runs[0].price.provenance.evidence, Evidence::assumed);
}

TEST(ScenarioReader, RecordsWhereEveryFieldIs) {
  const Scenario s = parse_scenario(v3, "v3.toml");
  const Location price = locate(s, "run.price.usd_per_gpu_hour");
  EXPECT_EQ(price.line, 9u);
  EXPECT_EQ(price.column, 20u);
  // Labels in parentheses (as models print fields) are ignored; unknown
  // sub-fields fall back to their parent.
  EXPECT_EQ(locate(s, "run.stages[1] (context extension).gpu_hours").line, 15u);
  EXPECT_EQ(locate(s, "run.stages[1].nothing").line, 13u);
  EXPECT_EQ(locate(s, "elsewhere").line, 0u);
}

TEST(ScenarioReader, ErrorsCarryFileLineColumnFieldValueAndExpectation) {
  std::string bad = v3;
  bad.replace(bad.find("count = 2048"), 12, "count = 20.5");
  try {
    (void)parse_scenario(bad, "bad.toml");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file(), "bad.toml");
    EXPECT_EQ(e.where().line, 7u);
    EXPECT_EQ(e.where().column, 9u);
    EXPECT_EQ(e.field().str(), "run.cluster.count");
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    EXPECT_STREQ(e.what(),
                 "bad.toml:7:9: [traincost.invalid_value] run.cluster.count: got 20.5, expected "
                 "a positive whole number of accelerators, at most 1000000000");
    // The parts, not only the text: a ScenarioError is a traincost::Error.
    const Error& base = e;
    EXPECT_EQ(base.value(), "20.5");
    EXPECT_EQ(base.expected(), "a positive whole number of accelerators, at most 1000000000");
    EXPECT_EQ(base.message(), "got 20.5, expected " + base.expected());
  }
}

TEST(ScenarioReader, RefusesOversizedInputUnparsed) {
  const std::string huge(max_scenario_bytes + 1, '#');
  EXPECT_THROW((void)parse_scenario(huge, "huge.toml"), ScenarioError);
}

TEST(ScenarioReader, RangesAreSetToTheirMediansAndRecorded) {
  std::string ranged = v3;
  ranged.replace(ranged.find("usd_per_gpu_hour = 2.0"), 22,
                 "usd_per_gpu_hour = { low = 1.5, high = 3.5 }");
  const Scenario s = parse_scenario(ranged, "r.toml");
  ASSERT_EQ(s.uncertain.size(), 1u);
  EXPECT_EQ(s.uncertain[0].field, "run.price.usd_per_gpu_hour");
  EXPECT_DOUBLE_EQ(in_usd_per_gpu_hour(s.runs[0].price.value), 2.5);
  Scenario copy = s;
  s.uncertain[0].apply(copy, 3.0);
  EXPECT_DOUBLE_EQ(in_usd_per_gpu_hour(copy.runs[0].price.value), 3.0);
  // 2,788,000 GPU-hours x $3 = $8,364,000, exact.
  EXPECT_DOUBLE_EQ(in_usd(estimate(copy).results[0].total), 8'364'000.0);
}

TEST(Simulation, IsReproducibleForASeed) {
  std::string ranged = v3;
  ranged.replace(ranged.find("usd_per_gpu_hour = 2.0"), 22,
                 "usd_per_gpu_hour = { p5 = 1.5, p95 = 3.5 }");
  const Scenario s = parse_scenario(ranged, "r.toml");
  SimulationOptions o;
  o.samples = 4000;
  o.seed = 9;
  const Simulation a = run_simulation(s, o);
  const Simulation b = run_simulation(s, o);
  ASSERT_EQ(a.results.size(), 1u);
  EXPECT_EQ(a.results[0].summary.mean, b.results[0].summary.mean);
  EXPECT_EQ(a.results[0].summary.p50, b.results[0].summary.p50);
  EXPECT_EQ(a.results[0].summary.histogram.counts, b.results[0].summary.histogram.counts);
  // Lognormal 90% interval [1.5, 3.5] x 2,788,000: P5/P95 within 5% of
  // $4.182M / $9.758M with 4,000 draws.
  EXPECT_NEAR(in_usd(a.results[0].summary.p5), 4'182'000.0, 0.05 * 4'182'000.0);
  EXPECT_NEAR(in_usd(a.results[0].summary.p95), 9'758'000.0, 0.05 * 9'758'000.0);
}

TEST(Render, CsvFieldsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(plain_number(5576000.0), "5576000");
  EXPECT_EQ(plain_number(0.1), "0.1");
  EXPECT_THROW((void)plain_number(std::numeric_limits<double>::quiet_NaN()), Error);
}

TEST(Svg, TextIsAlwaysWellFormedXml) {
  EXPECT_EQ(xml_text("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
  EXPECT_EQ(xml_text(std::string("ctl\x01\x1f", 5)), "ctl  ");
  EXPECT_EQ(xml_text("\xff\xfe ok"), "?? ok");            // invalid UTF-8
  EXPECT_EQ(xml_text("\xed\xa0\x80"), "???");             // a UTF-16 surrogate
  EXPECT_EQ(xml_text("H800 \xc2\xa7"), "H800 \xc2\xa7");  // valid UTF-8 kept
}

TEST(Svg, EveryChartIsWellFormedWhateverTheLabels) {
  std::string odd = v3;
  odd.replace(odd.find("name = \"V3\""), 11, "name = \"<V3> & \\\"x\\\" \\u0001\"");
  const Estimate e = estimate(parse_scenario(odd, "odd.toml"));
  EXPECT_EQ(traincost::test::xml_problem(breakdown_chart_svg(e)), "");
  EXPECT_EQ(traincost::test::xml_problem(
                histogram_svg("<h>", std::vector<double>{1, 2, 2, 3}, {{50, 2}})),
            "");
  EXPECT_EQ(traincost::test::xml_problem(histogram_svg("flat", std::vector<double>{5, 5, 5}, {})),
            "");
  EXPECT_EQ(traincost::test::xml_problem(histogram_svg("empty", std::vector<double>{}, {})), "");
  EXPECT_EQ(traincost::test::xml_problem(tornado_svg("t&", 10, {{"a<b", 5, 15}, {"c", 9, 11}})),
            "");
  EXPECT_THROW((void)tornado_svg("nan", std::numeric_limits<double>::quiet_NaN(), {}), Error);
}

TEST(Json, EstimateSchemaCarriesScopesAndProvenance) {
  const Estimate e = estimate(parse_scenario(v3, "v3.toml"));
  const auto doc = nlohmann::json::parse(estimate_to_json(e));
  EXPECT_EQ(doc.at("schema"), "traincost.estimate/2");
  EXPECT_EQ(doc.at("scenario").at("file"), "v3.toml");
  const auto& r = doc.at("results")[0];
  EXPECT_EQ(r.at("scope"), "final_run_rental");
  // A stage's cost is as trustworthy as its weakest input: this file gives
  // no sources, so its figures are the author's assumptions.
  EXPECT_EQ(r.at("breakdown").at("children")[0].at("provenance").at("evidence"), "assumed");
  EXPECT_DOUBLE_EQ(r.at("final_run").at("total").at("gpu_hours").get<double>(), 2'788'000.0);
}

TEST(ScenarioReader, DiscreteWeightsNearTheLargestDoubleAreAllDrawn) {
  // weights = [1e308, 1e308]: the sum overflowed and only the second value
  // was ever drawn (its median was 3.5 instead of 1.5).
  std::string text = v3;
  text.replace(text.find("usd_per_gpu_hour = 2.0"), 22,
               "usd_per_gpu_hour = { values = [1.5, 3.5], weights = [1e308, 1e308] }");
  const Scenario s = parse_scenario(text, "w.toml");
  ASSERT_EQ(s.uncertain.size(), 1u);
  EXPECT_EQ(s.uncertain[0].distribution.quantile(0.25), 1.5);
  EXPECT_EQ(s.uncertain[0].distribution.quantile(0.75), 3.5);
  EXPECT_DOUBLE_EQ(in_usd_per_gpu_hour(s.runs[0].price.value), 1.5);  // the median
}

TEST(ScenarioReader, ALongKeyIsCutInTheFieldAndTheMessage) {
  // A 1 MB key gave a 1 MB error line; keys are cut as values are.
  const std::string key(100'000, 'k');
  try {
    (void)parse_scenario(key + " = 1\n" + v3, "long.toml");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_LT(std::string(e.what()).size(), 400u) << e.what();
    EXPECT_EQ(e.field().str(), "\"" + std::string(60, 'k') + "...\"");
  }
}

}  // namespace
}  // namespace traincost::io

namespace traincost::io {
namespace {

// One rule for a count of accelerators: the same wrong value gives the same
// message from C++ (Cluster) and from a scenario file.
TEST(OneSetOfRules, AWrongCountGivesTheSameMessageFromCppAndFromAScenario) {
  for (const double count : {0.0, -8.0, 2.5, 2e9}) {
    SCOPED_TRACE(count);
    std::string from_cpp, from_file;
    try {
      (void)Cluster(accelerator("h800"), accelerators(count));
      ADD_FAILURE() << "Cluster accepted " << count;
    } catch (const Error& e) {
      from_cpp = e.message();
    }
    std::string bad = v3;
    std::ostringstream written;
    written << "count = " << count;
    bad.replace(bad.find("count = 2048"), 12, written.str());
    try {
      (void)parse_scenario(bad, "bad.toml");
      ADD_FAILURE() << "the reader accepted " << count;
    } catch (const ScenarioError& e) {
      from_file = e.message();
      EXPECT_EQ(e.field().str(), "run.cluster.count");
    }
    EXPECT_FALSE(from_cpp.empty());
    EXPECT_EQ(from_cpp, from_file);
  }
}

TEST(ScenarioFields, PathsAreSegmentsAndReadBackAsWritten) {
  const FieldPath p = scenario_field("run[2].stages[0].gpu_hours");
  ASSERT_EQ(p.segments().size(), 3u);
  EXPECT_EQ(p.segments()[0].key, "run");
  EXPECT_EQ(p.segments()[0].index, std::optional<std::size_t>(2));
  EXPECT_EQ(p.segments()[1].key, "stages");
  EXPECT_EQ(p.segments()[1].index, std::optional<std::size_t>(0));
  EXPECT_EQ(p.segments()[2].key, "gpu_hours");
  EXPECT_EQ(p.str(), "run[2].stages[0].gpu_hours");
  // A quoted key with dots stays one segment; text without dots is one.
  EXPECT_EQ(scenario_field("run.\"a.b\"").segments().size(), 2u);
  EXPECT_EQ(scenario_field("run.\"a.b\"").str(), "run.\"a.b\"");
  EXPECT_EQ(scenario_field("(TOML syntax)").str(), "(TOML syntax)");
}

TEST(ScenarioFields, LocationKeysDropElementNames) {
  // A library path with a named element, built from segments ...
  const FieldPath named =
      FieldPath("run").key("stages").element(1, "context extension").key("price");
  EXPECT_EQ(location_key(named), "run.stages[1].price");
  // ... and one written by older library code as a dotted string.
  EXPECT_EQ(location_key(FieldPath("run.stages[1] (context extension).price")),
            "run.stages[1].price");
}

}  // namespace
}  // namespace traincost::io

namespace traincost::io {
namespace {

// A run on a GPU before Volta is sized against its FP32 peak (docs/sources.md
// §12: the K80's 8.126 TFLOP/s); asking it for BF16 is a located error that
// lists the precisions it has. The workload and MFU are test inputs.
constexpr const char* k80_run = R"(
name = "k80"
[run]
name = "on K80s"
[run.cluster]
accelerator = "NVIDIA Tesla K80"
count = 64
[run.price]
usd_per_gpu_hour = 1.0
[[run.stages]]
name = "pre-training"
[run.stages.workload]
total_parameters = 1e9
training_tokens = 1e10
training_precision = "fp32"
[run.stages.throughput]
mfu = 0.5
mfu_precision = "fp32"
)";

TEST(ScenarioReader, AnFp32RunOnAK80IsSizedAgainstItsFp32Peak) {
  const Scenario s = parse_scenario(k80_run, "k80.toml");
  EXPECT_EQ(s.runs[0].cluster.accelerator().name, "Tesla K80");
  const Estimate e = estimate(s);
  ASSERT_EQ(e.results.size(), 1u);
  // 6 x 1e9 x 1e10 FLOP at half of 8.126 TFLOP/s, in hours, at $1 an hour.
  const double gpu_hours = 6e19 / (8.126e12 * 0.5) / 3600.0;
  EXPECT_NEAR(in_usd(e.results[0].total), gpu_hours, gpu_hours * 1e-12);
}

TEST(ScenarioReader, Bf16OnAK80IsALocatedErrorListingFp32) {
  std::string bad = k80_run;
  bad.replace(bad.find("training_precision = \"fp32\""), 27, "training_precision = \"bf16\"");
  try {
    (void)parse_scenario(bad, "k80.toml");
    FAIL() << "a K80 has no BF16 peak";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.code(), ErrorCode::unsupported_precision);
    EXPECT_EQ(e.field().str(), "run.stages[0].workload.training_precision");
    EXPECT_EQ(e.expected(), "a precision the Tesla K80 has a peak for (one of: fp64 fp32)");
  }
}

}  // namespace
}  // namespace traincost::io
