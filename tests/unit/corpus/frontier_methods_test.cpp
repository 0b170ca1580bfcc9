// Frontier selection, imputation and Epoch's three methods on hand-made
// rows (corpus/frontier.hpp, corpus/methods.hpp): every formula checked by
// hand from the constants of docs/sources.md §12.
#include <gtest/gtest.h>

#include <cmath>

#include "corpus_fixture.hpp"
#include "traincost/corpus/pipeline.hpp"

namespace {

using namespace corpus_test;
using traincost::in_usd;
using traincost::Scope;

TEST(Frontier, PublishedRankSelectsTopN) {
  const std::vector<ModelRecord> models{model("a", "", "2020-01-01", "", {}, {}, 1e23, 1),
                                        model("b", "", "2020-02-01", "", {}, {}, 1e22, 7),
                                        model("c", "", "2020-03-01", "", {}, {}, 1e21, {})};
  EXPECT_EQ(select_frontier(models, 5), (std::vector<std::size_t>{0}));
  EXPECT_EQ(select_frontier(models, 10), (std::vector<std::size_t>{0, 1}));
}

TEST(Frontier, ComputedRankCountsEarlierModelsWithMoreCompute) {
  const std::vector<ModelRecord> models{model("big", "", "2020-01-01", "", {}, {}, 1e24, {}),
                                        model("small", "", "2020-06-01", "", {}, {}, 1e22, {}),
                                        model("mid", "", "2021-01-01", "", {}, {}, 1e23, {})};
  EXPECT_EQ(select_frontier(models, 1, FrontierRule::computed_rank), (std::vector<std::size_t>{0}));
  EXPECT_EQ(select_frontier(models, 2, FrontierRule::computed_rank),
            (std::vector<std::size_t>{0, 1, 2}));
}

TEST(Imputation, TheYearsMostCommonGpuFillsOnlyTheSelectedRows) {
  const std::vector<ModelRecord> models{
      model("x1", "", "2021-01-01", "NVIDIA A100,NVIDIA V100", {}, {}, {}, {}),
      model("x2", "", "2021-02-01", "NVIDIA A100", {}, {}, {}, {}),
      model("x3", "", "2021-03-01", "Google TPU v3", {}, {}, {}, {}),
      model("x4", "", "2021-03-01", "Google TPU v3", {}, {}, {}, {}),
      model("x5", "", "2021-03-01", "Google TPU v3", {}, {}, {}, {}),
      model("silent", "", "2021-05-01", "", {}, {}, {}, 3),
      model("silent too", "", "2021-06-01", "", {}, {}, {}, {})};
  const auto rows = impute_hardware(models, select_frontier(models, 10));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].hardware, "NVIDIA A100");  // GPUs before TPUs; parts of lists count
  EXPECT_TRUE(rows[0].hardware_imputed);
  EXPECT_EQ(HardwareByYear(models).for_year(1999), "");
}

struct OneModel : ::testing::Test {
  Record record;
  CorpusOptions options;
  void SetUp() override {
    record.chips = {chip("NVIDIA A100 SXM4 40 GB", "2020-05-14", 312e12, 400)};
    record.prices = {price("NVIDIA A100", "", "2020-05-14", {}, {}, {}, 10000, "Single-unit price"),
                     price("NVIDIA A100", "Amazon Web Services", "2021-01-01", 4, 2.5, 1.5)};
    record.index = {IndexPoint{0, Month{2022, 3}, 110}, IndexPoint{0, Month{2025, 6}, 121}};
    record.models = {
        model("M", "Lab", "2022-03-15", "NVIDIA A100 SXM4 40 GB", 1000, 1000, 1e24, 1)};
  }
};

TEST_F(OneModel, ThreeMethodsByHand) {
  const CorpusResult r = cost_corpus(record, options);
  ASSERT_EQ(r.models.size(), 1u);
  const CostedModel& m = r.models[0];
  const double inflation = 121.0 / 110.0;
  // Cloud: 1e6 chip-hours x $1.5 (3-year, AWS, closest before 2021-12-13).
  EXPECT_NEAR(in_usd(m.find(Method::cloud)->total->amount), 1.5e6 * inflation, 1e-6);
  // Acquisition: 1000 x 10000 x 1.66 / 0.81.
  const double servers = 1000 * 10000 * 1.66;
  EXPECT_NEAR(in_usd(m.find(Method::acquisition)->total->amount), servers / 0.81 * inflation, 1e-3);
  // Capex + energy: start = 2022-03-15 - 1000 h - 60 d (floor days since the
  // acquisition 2020-08-12), value depreciated 0.14 OOM/yr.
  const double start = instant(day("2022-03-15")) - (1000.0 / 24 + 60);
  const double acquired = instant(day("2020-05-14")) + 90;
  const double value = 16600 * std::pow(10.0, -0.14 * std::floor(start - acquired) / 365.25);
  const double amortized = value * 0.14 * std::log(10.0) / 8766 * 1e6;
  const double energy = 0.4 * (6.5 / 8) / 0.4 * 0.75 * 1.25 * 1e6 * 0.0832;
  const CostedMethod& capex = *m.find(Method::capex_energy);
  EXPECT_NEAR(in_usd(capex.cost.total.value()), amortized / 0.81 + energy, 1e-3);
  ASSERT_EQ(capex.cost.breakdown.size(), 4u);
  double sum = 0;
  for (const CostLine& l : capex.cost.breakdown)
    sum += in_usd(l.amount);
  EXPECT_NEAR(sum, in_usd(*capex.cost.total), 1e-6);
  EXPECT_NEAR(in_usd(capex.cost.breakdown[0].amount), amortized / 1.66, 1e-3);
  EXPECT_NEAR(in_usd(capex.cost.breakdown[3].amount), energy, 1e-6);
  EXPECT_EQ(capex.cost.scope, Scope::final_run_ownership);
  EXPECT_EQ(m.find(Method::cloud)->cost.scope, Scope::final_run_rental);
  EXPECT_EQ(m.find(Method::acquisition)->cost.scope, Scope::fleet_capex);
  EXPECT_EQ(r.base.str(), "2025-06");
  EXPECT_EQ(m.find(Method::cloud)->total->base, (Month{2025, 6}));
}

TEST_F(OneModel, EveryConstantIsOverridable) {
  options.constants.interconnect_share.value = 0.0;
  options.constants.server_overhead.rows.clear();
  options.constants.server_overhead.otherwise = 1.0;
  const CorpusResult r = cost_corpus(record, options);
  EXPECT_NEAR(in_usd(*r.models[0].find(Method::acquisition)->cost.total), 1000 * 10000, 1e-6);
}

TEST_F(OneModel, ChipHoursFromFlopUseTheMedianMfuAndSaySo) {
  record.models[0].hardware_quantity.reset();
  const CorpusResult r = cost_corpus(record, options);
  const MethodCost& capex = r.models[0].find(Method::capex_energy)->cost;
  ASSERT_TRUE(capex.total);
  EXPECT_NEAR(capex.chip_hours, 1e24 / (312e12 * 0.375) / 3600, 1e-6);
  EXPECT_NE(std::find(capex.flags.begin(), capex.flags.end(), Flag::mfu_imputed),
            capex.flags.end());
  // Epoch's cloud method needs quantity x time: no figure, and why.
  const MethodCost& cloud = r.models[0].find(Method::cloud)->cost;
  EXPECT_FALSE(cloud.total);
  EXPECT_EQ(cloud.missing, "no quantity x training time");
  EXPECT_FALSE(r.models[0].find(Method::acquisition)->cost.total);
}

TEST_F(OneModel, FineTunesAndMixedHardwareHaveNoFigureAndAReason) {
  record.models[0].base_model = "Base";
  auto r = cost_corpus(record, options);
  EXPECT_EQ(r.models[0].find(Method::capex_energy)->cost.missing, "a fine-tune of Base");
  record.models[0].base_model.clear();
  record.models[0].hardware = "NVIDIA A100 SXM4 40 GB,Google TPU v4";
  r = cost_corpus(record, options);
  EXPECT_FALSE(r.models[0].find(Method::acquisition)->total);
  EXPECT_NE(r.models[0].find(Method::acquisition)->cost.missing.find("mixed"), std::string::npos);
}

}  // namespace
