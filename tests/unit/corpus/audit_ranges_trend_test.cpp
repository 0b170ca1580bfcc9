// The steps beyond Epoch: audit (corpus/audit.hpp), ranges through the Monte
// Carlo core (corpus/ranges.hpp) and the trend with its bootstrap
// (corpus/trend.hpp).
#include <gtest/gtest.h>

#include <cmath>

#include "corpus_fixture.hpp"
#include "traincost/corpus/audit.hpp"
#include "traincost/corpus/ranges.hpp"
#include "traincost/corpus/trend.hpp"

namespace {

using namespace corpus_test;

TEST(Audit, ImpliedMfuAtTheRowsFormatWithItsVerdict) {
  Record r;
  r.chips = {chip("G", "2020-01-01", 100e12, 300)};
  r.chips[0].fp8 = 200e12;
  r.models = {model("fine", "", "2021-01-01", "G", 10, 1000, 0.4 * 100e12 * 3600 * 1e4, {}),
              model("too good", "", "2021-01-01", "G", 10, 1000, 0.8 * 100e12 * 3600 * 1e4, {}),
              model("impossible", "", "2021-01-01", "G", 10, 1000, 1.5 * 100e12 * 3600 * 1e4, {}),
              model("fp8", "", "2021-01-01", "G", 10, 1000, 0.8 * 100e12 * 3600 * 1e4, {}),
              model("unknown", "", "2021-01-01", "H", 10, 1000, 1e20, {}),
              model("disagrees", "", "2021-01-01", "G", 10, 1000, {}, {})};
  r.models[3].numerical_format = "FP8";
  r.models[5].chip_hours = 12000;  // vs 10 x 1000 = 10,000: +20%
  const Audit a = audit_record(r);
  EXPECT_NEAR(*a.find("fine")->implied_mfu, 0.4, 1e-12);
  EXPECT_FALSE(a.find("fine")->flagged());
  EXPECT_EQ(*a.find("too good")->verdict, traincost::Verdict::implausible);
  EXPECT_EQ(*a.find("impossible")->verdict, traincost::Verdict::impossible);
  EXPECT_NEAR(*a.find("fp8")->implied_mfu, 0.4, 1e-12);  // against the FP8 peak
  EXPECT_FALSE(a.find("fp8")->flagged());
  ASSERT_TRUE(a.find("unknown")->flagged());
  EXPECT_NE(a.find("unknown")->reasons[0].find("unknown hardware"), std::string::npos);
  EXPECT_NEAR(*a.find("disagrees")->chip_hours_disagreement, 0.2, 1e-12);
  EXPECT_TRUE(a.find("disagrees")->flagged());
  EXPECT_EQ(a.flagged().size(), 4u);
}

TEST(Ranges, TheIntervalBracketsThePointAndFollowsTheInputs) {
  MethodCost c;
  c.total = traincost::usd(1e6);
  c.price = 1.0;
  c.chip_hours = 1e6;
  RangeOptions o;
  const Interval i = cost_interval(c, 0.375, o);
  EXPECT_LT(i.p5, 1e6);
  EXPECT_GT(i.p95, 1e6);
  // Price 0.5-2x and quantity 0.8-1.25x as independent lognormals: the
  // product's 90% interval is about exp(+-1.645 sqrt(s1^2 + s2^2)).
  const double s =
      std::sqrt(std::pow(std::log(2.0) / 1.6449, 2) + std::pow(std::log(1.25) / 1.6449, 2));
  EXPECT_NEAR(std::log(i.p95 / 1e6), 1.6449 * s, 0.05);
  EXPECT_NEAR(std::log(i.p5 / 1e6), -1.6449 * s, 0.05);
  // A fixed price and quantity leave no range.
  o.price_factor = traincost::uncertainty::fixed(1.0);
  o.quantity_factor = traincost::uncertainty::fixed(1.0);
  const Interval none = cost_interval(c, 0.375, o);
  EXPECT_DOUBLE_EQ(none.p5, 1e6);
  EXPECT_DOUBLE_EQ(none.p95, 1e6);
}

TEST(Trend, RecoversAKnownGrowthWithAnIntervalAroundIt) {
  std::vector<TrendPoint> p;
  for (int k = 0; k < 40; ++k) {
    const double year = 2015 + k * 0.25;
    const double noise = (k % 3 == 0 ? 1.3 : k % 3 == 1 ? 0.8 : 1.0);
    p.push_back({"m" + std::to_string(k), year, 1e6 * std::pow(2.4, year - 2015) * noise});
  }
  const TrendFit f = fit_trend(p, 1000, 7);
  EXPECT_NEAR(f.growth, 2.4, 0.1);
  EXPECT_LT(f.growth_p5, f.growth);
  EXPECT_GT(f.growth_p95, f.growth);
  EXPECT_EQ(f.points, 40u);
  EXPECT_THROW(fit_trend({p[0], p[1]}), traincost::Error);
  EXPECT_NEAR(fractional_year(day("2020-07-02")), 2020.5, 0.003);
}

}  // namespace
