#include "traincost/uncertainty/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>

#include "traincost_test/deepseek_engine.hpp"
#include "traincost_test/standard_error.hpp"

namespace traincost::uncertainty {
namespace {

constexpr double pi = std::numbers::pi;

// The Ishigami function (Ishigami and Homma 1990), a = 7, b = 0.1, with
// x_i uniform on [-pi, pi]: the standard test of Sobol estimators.
void ishigami(const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out) {
  out = x.col(0).sin() + 7.0 * x.col(1).sin().square() +
        0.1 * x.col(2).square().square() * x.col(0).sin();
}

InputSet ishigami_inputs() {
  InputSet in;
  in.add("x1", uniform(-pi, pi)).add("x2", uniform(-pi, pi)).add("x3", uniform(-pi, pi));
  return in;
}

TEST(Sobol, IshigamiIndicesMatchTheirAnalyticValues) {
  // Analytic (Sobol' and Levitan 1999; Saltelli et al. 2008 §4):
  // V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2; V1 = (1 + b pi^4/5)^2 / 2;
  // V2 = a^2/8; V13 = b^2 pi^8 (1/18 - 1/50); V3 = 0.
  const double a = 7.0, b = 0.1;
  const double v = a * a / 8 + b * std::pow(pi, 4) / 5 + b * b * std::pow(pi, 8) / 18 + 0.5;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = b * b * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const SobolResult r = sobol(ishigami_inputs(), ishigami, {1 << 18, 2024, 0});
  ASSERT_EQ(r.indices.size(), 3u);
  // Each within 4 standard errors. The estimators' SE has no closed form here
  // (it depends on fourth moments of f(A), f(B), f(AB_i)), so it was measured:
  // the standard deviation of each estimate over 30 other seeds (1000-1029)
  // at the same N = 2^18, rounded up to 2 figures. Seed 2024 is within 2.5 SE
  // of each analytic value (S_2 is the farthest, -2.5 SE).
  using test::within_se;
  EXPECT_TRUE(within_se(r.variance, v, 0.039));
  EXPECT_TRUE(within_se(r.indices[0].first_order, v1 / v, 0.0017));  // 0.3139
  EXPECT_TRUE(within_se(r.indices[1].first_order, v2 / v, 0.0016));  // 0.4424
  EXPECT_TRUE(within_se(r.indices[2].first_order, 0.0, 0.0015));
  EXPECT_TRUE(within_se(r.indices[0].total, (v1 + v13) / v, 0.0030));  // 0.5576
  EXPECT_TRUE(within_se(r.indices[1].total, v2 / v, 0.0016));          // 0.4424
  EXPECT_TRUE(within_se(r.indices[2].total, v13 / v, 0.00062));        // 0.2437
  EXPECT_EQ(r.model_evaluations, (1 << 18) * 5);
}

TEST(Sobol, AdditiveModelIndicesAreVarianceShares) {
  // y = x1 + 2 x2 with x1, x2 uniform(0, 1): V1 : V2 = 1 : 4, no interactions.
  InputSet in;
  in.add("x1", uniform(0.0, 1.0)).add("x2", uniform(0.0, 1.0)).add("k", fixed(3.0));
  const Model m = [](const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out) {
    out = x.col(0) + 2.0 * x.col(1) + x.col(2);
  };
  const SobolResult r = sobol(in, m, {1 << 16, 5, 0});
  // Within 4 standard errors, each SE measured as the standard deviation of
  // the estimate over 30 other seeds (1000-1029) at N = 2^16, rounded up.
  using test::within_se;
  EXPECT_TRUE(within_se(r.indices[0].first_order, 0.2, 0.0025));
  EXPECT_TRUE(within_se(r.indices[1].first_order, 0.8, 0.0050));
  EXPECT_TRUE(within_se(r.indices[0].total, 0.2, 0.0012));
  EXPECT_TRUE(within_se(r.indices[1].total, 0.8, 0.0037));
  EXPECT_EQ(r.indices[2].first_order, 0.0);  // fixed input
  EXPECT_TRUE(within_se(r.mean, 4.5, 0.0021));
}

TEST(Sobol, BitIdenticalWhateverTheThreadCount) {
  const auto ds = test::deepseek_engine_case();
  const SobolResult one = sobol(ds->inputs, ds->engine, {50'000, 8, 1});
  for (unsigned threads : {2u, 4u}) {
    const SobolResult many = sobol(ds->inputs, ds->engine, {50'000, 8, threads});
    EXPECT_EQ(many.variance, one.variance);
    for (std::size_t i = 0; i < one.indices.size(); ++i) {
      EXPECT_EQ(many.indices[i].first_order, one.indices[i].first_order);
      EXPECT_EQ(many.indices[i].total, one.indices[i].total);
    }
  }
}

TEST(Sobol, RefusesCorrelatedInputs) {
  InputSet in = ishigami_inputs();
  in.correlate("x1", "x2", 0.5);
  try {
    (void)sobol(in, ishigami, {1000, 1, 1});
    FAIL() << "expected traincost::Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_NE(std::string(e.what()).find("independent inputs"), std::string::npos);
  }
}

TEST(Tornado, BarsAreTheOutputAtEachInputsLowAndHighWidestFirst) {
  InputSet in;
  in.add("a", uniform(0.0, 1.0)).add("b", uniform(0.0, 1.0)).add("c", fixed(10.0));
  const Model m = [](const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out) {
    out = 2.0 * x.col(0) + 3.0 * x.col(1) + x.col(2);
  };
  const Tornado t = tornado(in, m);
  EXPECT_DOUBLE_EQ(t.base_output, 2.0 * 0.5 + 3.0 * 0.5 + 10.0);
  ASSERT_EQ(t.bars.size(), 2u);  // the fixed input has no bar
  EXPECT_EQ(t.bars[0].input, "b");
  EXPECT_DOUBLE_EQ(t.bars[0].input_low, 0.05);
  EXPECT_DOUBLE_EQ(t.bars[0].input_high, 0.95);
  EXPECT_DOUBLE_EQ(t.bars[0].output_low, 1.0 + 0.15 + 10.0);
  EXPECT_DOUBLE_EQ(t.bars[0].output_high, 1.0 + 2.85 + 10.0);
  EXPECT_DOUBLE_EQ(t.bars[0].swing(), 2.7);
  EXPECT_EQ(t.bars[1].input, "a");
  EXPECT_DOUBLE_EQ(t.bars[1].swing(), 1.8);

  const Tornado wide = tornado(in, m, {0.01, 0.99});
  EXPECT_DOUBLE_EQ(wide.bars[0].swing(), 3.0 * 0.98);
  EXPECT_THROW((void)tornado(in, m, {0.9, 0.1}), Error);
}

}  // namespace
}  // namespace traincost::uncertainty
