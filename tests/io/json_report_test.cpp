#include "traincost/io/json_report.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
