// The catalog as the `catalog` command prints it: every precision, FP32
// included, in each format (docs/scenarios.md "catalog"; figures from
// docs/sources.md §12, Epoch AI's chip data).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "traincost/hardware/catalog.hpp"
#include "traincost/io/render.hpp"

namespace traincost::io {
namespace {

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep))
    out.push_back(cell);
  return out;
}

TEST(CatalogRender, CsvHasOnePeakColumnPerPrecisionFp32BetweenFp64TensorAndTf32) {
  const std::string csv = render_catalog(Format::csv, find_accelerator("NVIDIA Tesla K80"));
  const auto eol = csv.find("\r\n");
  ASSERT_NE(eol, std::string::npos);
  const auto header = split(csv.substr(0, eol), ',');
  ASSERT_GE(header.size(), 3 + all_precisions.size());
  for (std::size_t i = 0; i < all_precisions.size(); ++i)
    EXPECT_EQ(header[3 + i], "peak_" + std::string(to_string(all_precisions[i])) + "_tflops");
  EXPECT_EQ(header[5], "peak_fp32_tflops");
  EXPECT_EQ(header[6], "peak_tf32_tflops");
  // The K80's row (no quoted field before the peaks): FP64 2.742, FP32 8.126, nothing else.
  const auto row = split(csv.substr(eol + 2), ',');
  ASSERT_GT(row.size(), 9u);
  EXPECT_EQ(row[0], "Tesla K80");
  EXPECT_EQ(row[3], "2.742");
  EXPECT_EQ(row[4], "");
  EXPECT_EQ(row[5], "8.126");
  for (std::size_t i = 6; i < 3 + all_precisions.size(); ++i)
    EXPECT_EQ(row[i], "") << header[i];
}

TEST(CatalogRender, JsonNamesTheFp32Peak) {
  const auto doc = nlohmann::json::parse(render_catalog(Format::json));
  EXPECT_EQ(doc.at("schema"), "traincost.catalog/1");
  bool seen = false;
  for (const auto& a : doc.at("accelerators")) {
    if (a.at("name") != "Tesla M40")
      continue;
    seen = true;
    const auto& peaks = a.at("peak_tflops");
    EXPECT_DOUBLE_EQ(peaks.at("fp32").get<double>(), 6.832);
    EXPECT_DOUBLE_EQ(peaks.at("fp64").get<double>(), 0.2135);
    EXPECT_FALSE(peaks.contains("bf16"));
  }
  EXPECT_TRUE(seen);
}

TEST(CatalogRender, TablesShowFp32) {
  const std::string detail = render_catalog(Format::table, find_accelerator("gtx titan x"));
  EXPECT_NE(detail.find("dense peak fp32"), std::string::npos) << detail;
  EXPECT_NE(detail.find("6.7 TFLOP/s"), std::string::npos) << detail;
  const std::string list = render_catalog(Format::table);
  EXPECT_NE(list.find("FP32 TFLOP/s"), std::string::npos);
  EXPECT_NE(list.find("Ascend 910"), std::string::npos);
  const std::string md = render_catalog(Format::markdown);
  EXPECT_NE(md.find("| FP32 TFLOP/s |"), std::string::npos) << md.substr(0, 300);
}

}  // namespace
}  // namespace traincost::io
