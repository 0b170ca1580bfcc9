#include "traincost/io/json_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"

#include "traincost/reference/deepseek_r1.hpp"

namespace traincost::io {
namespace {

TEST(JsonReport, CarriesTotalsScopeAndStages) {
  const auto doc =
      nlohmann::json::parse(final_run_to_json(cost_final_run(reference::deepseek_r1_run())));
  EXPECT_EQ(doc.at("schema"), "traincost.final_run/1");
  EXPECT_EQ(doc.at("scope"), "final_run_rental");
  // R1 paper, supplementary B.4.4: 147,336 GPU-hours -> $294,672 [D]; exact.
  EXPECT_DOUBLE_EQ(doc.at("total").at("usd").get<double>(), 294'672.0);
  EXPECT_DOUBLE_EQ(doc.at("total").at("gpu_hours").get<double>(), 147'336.0);
  ASSERT_EQ(doc.at("stages").size(), 3u);
  EXPECT_EQ(doc.at("stages")[0].at("name"), "R1-Zero RL");
  EXPECT_DOUBLE_EQ(doc.at("stages")[0].at("wall_clock_hours").get<double>(), 198.0);
  EXPECT_EQ(doc.at("stages")[0].at("usage_provenance").at("evidence"), "published");
}

}  // namespace
}  // namespace traincost::io

namespace traincost::io {
namespace {

/// The fields of a CSV row (RFC 4180 quoting, no embedded newlines).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::string cur;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      fields.push_back(std::exchange(cur, {}));
    else if (c != '\r')
      cur.push_back(c);
  }
  fields.push_back(cur);
  return fields;
}

// A run with a published usage and a bare-number price (evidence assumed):
// every line reports the same evidence in CSV as in the JSON breakdown, and
// the total is as weak as its weakest input, not "derived".
TEST(EvidenceAcrossFormats, CsvAndJsonReportTheSameEvidenceForEachLine) {
  const Scenario s = parse_scenario(R"(
name = "evidence"
[run]
name = "R"
[run.cluster]
accelerator = "h800"
count = 8
[run.price]
usd_per_gpu_hour = 2.0
[[run.stages]]
name = "pre-training"
gpu_hours = 1000
evidence = "published"
source = "a report"
)",
                                    "evidence.toml");
  const Estimate e = estimate(s);
  const auto doc = nlohmann::json::parse(render_estimate(e, Format::json));
  const auto& tree = doc.at("results")[0].at("breakdown");
  std::istringstream csv(render_estimate(e, Format::csv));
  std::vector<std::string> lines;
  for (std::string l; std::getline(csv, l);)
    lines.push_back(l);
  ASSERT_EQ(lines.size(), 3u);  // header, total, one stage
  // The evidence column, found by name: columns are only ever added.
  const std::vector<std::string> header = csv_fields(lines[0]);
  const auto column = std::find(header.begin(), header.end(), "evidence") - header.begin();
  ASSERT_LT(static_cast<std::size_t>(column), header.size());
  auto evidence = [&](const std::string& line) { return csv_fields(line).at(column); };
  EXPECT_EQ(tree.at("provenance").at("evidence"), "assumed");
  EXPECT_EQ(evidence(lines[1]), tree.at("provenance").at("evidence").get<std::string>());
  EXPECT_EQ(evidence(lines[2]),
            tree.at("children")[0].at("provenance").at("evidence").get<std::string>());
}

}  // namespace
}  // namespace traincost::io
