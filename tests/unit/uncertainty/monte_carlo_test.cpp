#include "traincost/uncertainty/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "traincost_test/deepseek_engine.hpp"
#include "traincost_test/standard_error.hpp"

namespace traincost::uncertainty {
namespace {

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected traincost::Error";
  return {};
}

void identity(const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out) {
  out = x.col(0);
}

TEST(Percentiles, InterpolateBetweenOrderStatistics) {
  Eigen::ArrayXd v(5);
  v << 5, 1, 4, 2, 3;
  // Type 7: h = p (n - 1); 0.1 -> 1 + 0.4 x (2 - 1) = 1.4.
  const std::vector<double> q = percentiles(v, {0.0, 0.1, 0.25, 0.5, 0.9, 1.0});
  EXPECT_DOUBLE_EQ(q[0], 1.0);
  EXPECT_DOUBLE_EQ(q[1], 1.4);
  EXPECT_DOUBLE_EQ(q[2], 2.0);
  EXPECT_DOUBLE_EQ(q[3], 3.0);
  EXPECT_DOUBLE_EQ(q[4], 4.6);
  EXPECT_DOUBLE_EQ(q[5], 5.0);
}

TEST(MonteCarlo, SummarizesAUniformInput) {
  InputSet in;
  in.add("u", uniform(0.0, 1.0));
  const MonteCarloResult r = monte_carlo(in, identity, {400'000, 11, 0, 10});
  // Each statistic within 4 standard errors, n = 4e5 draws of U(0, 1):
  // - mean: SE = sigma / sqrt(n), sigma = sqrt(1/12): 4.6e-4;
  // - sd: SE = sigma sqrt((kurtosis - 1) / 4n), the uniform's kurtosis 9/5: 2.0e-4;
  // - a p-quantile: SE = sqrt(p (1 - p) / n) / f, density f = 1: 3.4e-4 (P5)
  //   to 7.9e-4 (P50).
  constexpr double n = 400'000;
  const double sigma = std::sqrt(1.0 / 12.0);
  const auto quantile_se = [&](double p) { return std::sqrt(p * (1 - p) / n); };
  EXPECT_TRUE(test::within_se(r.summary.mean, 0.5, sigma / std::sqrt(n)));
  EXPECT_TRUE(test::within_se(r.summary.sd, sigma, sigma * std::sqrt(0.8 / (4 * n))));
  EXPECT_TRUE(test::within_se(r.summary.p5, 0.05, quantile_se(0.05)));
  EXPECT_TRUE(test::within_se(r.summary.p25, 0.25, quantile_se(0.25)));
  EXPECT_TRUE(test::within_se(r.summary.p50, 0.50, quantile_se(0.50)));
  EXPECT_TRUE(test::within_se(r.summary.p75, 0.75, quantile_se(0.75)));
  EXPECT_TRUE(test::within_se(r.summary.p95, 0.95, quantile_se(0.95)));
  ASSERT_EQ(r.summary.histogram.counts.size(), 10u);
  // The histogram spans P1..P99 (each within 4 SE, SE 1.6e-4): 10 bins of
  // 0.098 hold 39,200 each, a binomial count with SE sqrt(n q (1 - q)),
  // q = 0.098: 188 (the edges' own error moves a bin by ~9, negligible);
  // 1% of samples fall below and 1% above.
  EXPECT_TRUE(test::within_se(r.summary.histogram.low, 0.01, quantile_se(0.01)));
  EXPECT_TRUE(test::within_se(r.summary.histogram.high, 0.99, quantile_se(0.99)));
  std::int64_t total = r.summary.histogram.below + r.summary.histogram.above;
  for (auto c : r.summary.histogram.counts) {
    EXPECT_TRUE(test::within_se(static_cast<double>(c), 39'200.0, std::sqrt(n * 0.098 * 0.902)));
    total += c;
  }
  EXPECT_EQ(total, 400'000);
  EXPECT_NEAR(static_cast<double>(r.summary.histogram.below), 4'000.0, 10.0);
  EXPECT_EQ(r.outputs.size(), 400'000);
}

TEST(MonteCarlo, BitIdenticalWhateverTheThreadCount) {
  // 200,003 samples: the last block is partial. The copula path is covered
  // by correlating two inputs.
  const auto ds = test::deepseek_engine_case();
  InputSet in = ds->inputs;
  in.correlate("staff_headcount", "staff_salary", -0.3);
  in.correlate("price", "research_multiplier", 0.2);
  const MonteCarloResult one = monte_carlo(in, ds->engine, {200'003, 99, 1, 20});
  for (unsigned threads : {2u, 4u, 3u}) {
    const MonteCarloResult many = monte_carlo(in, ds->engine, {200'003, 99, threads, 20});
    ASSERT_EQ(many.outputs.size(), one.outputs.size());
    EXPECT_TRUE((many.outputs == one.outputs).all()) << threads << " threads";
    EXPECT_EQ(many.summary.mean, one.summary.mean);
    EXPECT_EQ(many.summary.sd, one.summary.sd);
    EXPECT_EQ(many.summary.p5, one.summary.p5);
    EXPECT_EQ(many.summary.p95, one.summary.p95);
    EXPECT_EQ(many.summary.histogram.counts, one.summary.histogram.counts);
  }
  const MonteCarloResult other = monte_carlo(in, ds->engine, {200'003, 100, 2, 20});
  EXPECT_NE(other.summary.mean, one.summary.mean);
}

TEST(MonteCarlo, ASampleDoesNotDependOnTheRunLength) {
  const auto ds = test::deepseek_engine_case();
  const Eigen::ArrayXd short_run = simulate(ds->inputs, ds->engine, 5'000, 7, 2);
  const Eigen::ArrayXd long_run = simulate(ds->inputs, ds->engine, 50'000, 7, 2);
  EXPECT_TRUE((long_run.head(5'000) == short_run).all());
}

TEST(Copula, GivesTheRequestedCorrelationAndKeepsMarginals) {
  InputSet in;
  in.add("a", normal(0.0, 1.0));
  in.add("b", normal(5.0, 2.0));
  in.add("c", lognormal_90(1.5, 3.5));
  in.add("d", uniform(0.0, 1.0));
  in.correlate("a", "b", 0.8);
  in.correlate("c", "d", -0.5);
  const Eigen::ArrayXXd x = sample_inputs(in, 500'000, 3);
  auto corr = [](const Eigen::ArrayXd& p, const Eigen::ArrayXd& q) {
    const Eigen::ArrayXd dp = p - p.mean(), dq = q - q.mean();
    return (dp * dq).sum() / std::sqrt(dp.square().sum() * dq.square().sum());
  };
  // Each within 4 standard errors at n = 5e5:
  // - Pearson r of two normals with correlation rho: SE = (1 - rho^2) / sqrt(n)
  //   = 5.1e-4; of two independent variables: SE = 1 / sqrt(n) = 1.4e-3;
  // - a mean: sigma / sqrt(n) (normal sigma 2; uniform sigma sqrt(1/12));
  // - the lognormal's P5 and P95, relative SE sqrt(p (1 - p) / n) sigma_log /
  //   phi(z_95) = 7.7e-4, sigma_log = ln(3.5 / 1.5) / (2 z_95).
  constexpr double n = 500'000;
  EXPECT_TRUE(test::within_se(corr(x.col(0), x.col(1)), 0.8, (1 - 0.8 * 0.8) / std::sqrt(n)));
  EXPECT_TRUE(test::within_se(x.col(1).mean(), 5.0, 2 / std::sqrt(n)));
  // Marginals survive the copula: the lognormal's 90% interval.
  const double sigma_log = std::log(3.5 / 1.5) / (2 * z_95);
  const double tail_rse = std::sqrt(0.05 * 0.95 / n) * sigma_log /
                          (std::exp(-z_95 * z_95 / 2) / std::sqrt(2 * 3.141592653589793));
  const std::vector<double> q = percentiles(x.col(2), {0.05, 0.95});
  EXPECT_TRUE(test::within_se(q[0] / 1.5, 1.0, tail_rse));
  EXPECT_TRUE(test::within_se(q[1] / 3.5, 1.0, tail_rse));
  EXPECT_GT(x.col(3).minCoeff(), 0.0);
  EXPECT_LT(x.col(3).maxCoeff(), 1.0);
  EXPECT_TRUE(test::within_se(x.col(3).mean(), 0.5, std::sqrt(1.0 / 12.0 / n)));
  EXPECT_LT(corr(x.col(2), x.col(3)), -0.4);
  // Independent pairs stay independent.
  EXPECT_TRUE(test::within_se(corr(x.col(0), x.col(3)), 0.0, 1 / std::sqrt(n)));
}

TEST(Copula, NotPositiveDefiniteThrows) {
  InputSet in;
  in.add("a", normal(0.0, 1.0));
  in.add("b", normal(0.0, 1.0));
  in.add("c", normal(0.0, 1.0));
  // a~b and b~c strongly positive but a~c strongly negative: impossible.
  in.correlate("a", "b", 0.9).correlate("b", "c", 0.9).correlate("a", "c", -0.9);
  std::string m = error_of([&] { (void)monte_carlo(in, identity, {1000, 1, 1, 10}); });
  EXPECT_NE(m.find("[traincost.invalid_value] correlation (smallest eigenvalue): got -"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("positive definite"), std::string::npos) << m;

  Eigen::MatrixXd r(3, 3);
  r << 1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1;
  InputSet fresh;
  fresh.add("a", normal(0.0, 1.0)).add("b", normal(0.0, 1.0)).add("c", normal(0.0, 1.0));
  m = error_of([&] { fresh.set_correlation(r); });
  EXPECT_NE(m.find("positive definite"), std::string::npos) << m;
  EXPECT_FALSE(fresh.has_correlation());  // the bad matrix was not kept

  m = error_of([&] { fresh.correlate("a", "b", 1.5); });
  EXPECT_NE(m.find("correlation(a, b): got 1.5, expected a correlation in [-1, 1]"),
            std::string::npos)
      << m;
  r << 1, 0.2, 0, 0.3, 1, 0, 0, 0, 1;
  m = error_of([&] { fresh.set_correlation(r); });
  EXPECT_NE(m.find("symmetric"), std::string::npos) << m;
  m = error_of([&] { fresh.correlate("a", "zeta", 0.5); });
  EXPECT_NE(m.find("no input named \"zeta\""), std::string::npos) << m;
}

TEST(MonteCarlo, ANonFiniteOutputThrowsNamingTheSample) {
  InputSet in;
  in.add("u", uniform(-1.0, 1.0));
  const Model log_model = [](const Eigen::Ref<const Eigen::ArrayXXd>& x,
                             Eigen::Ref<Eigen::ArrayXd> out) { out = x.col(0).log(); };
  const std::string m = error_of([&] { (void)monte_carlo(in, log_model, {1000, 1, 1, 10}); });
  EXPECT_NE(m.find("output["), std::string::npos) << m;
  EXPECT_NE(m.find("nan, expected a finite model output"), std::string::npos) << m;
}

TEST(Inputs, RejectDuplicateAndEmptyNames) {
  InputSet in;
  in.add("a", uniform(0.0, 1.0));
  EXPECT_NE(error_of([&] { in.add("a", uniform(0.0, 1.0)); }).find("inputs.a"), std::string::npos);
  EXPECT_NE(error_of([&] { in.add("", uniform(0.0, 1.0)); }).find("inputs.name"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              (void)monte_carlo(in, identity, {1, 1, 1, 10});
            }).find("options.samples: got 1"),
            std::string::npos);
}

}  // namespace
}  // namespace traincost::uncertainty
