#include "traincost/uncertainty/distribution.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost_test/standard_error.hpp"

namespace traincost::uncertainty {
namespace {

// Draws n values of one distribution through the engine (block streams).
Eigen::ArrayXd draw(const Distribution& d, std::int64_t n, std::uint64_t seed) {
  InputSet in;
  in.add("x", d);
  return sample_inputs(in, n, seed).col(0);
}

// Relative standard error of a sample p-quantile of a lognormal with log-sd
// sigma: SE(x_p) = sqrt(p (1 - p) / n) / f(x_p), and x_p f(x_p) = phi(z_p) / sigma.
double lognormal_quantile_rse(double p, double sigma, double n) {
  const double z = normal_quantile(p);
  const double phi = std::exp(-z * z / 2) / std::sqrt(2 * 3.141592653589793);
  return std::sqrt(p * (1 - p) / n) * sigma / phi;
}

// The message of the traincost::Error `f` throws; fails the test otherwise.
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

TEST(NormalQuantile, MatchesKnownValuesAndInvertsTheCdf) {
  // z_0.975 = 1.959963984540054 (standard tables), to 1e-12.
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_quantile(0.95), z_95, 1e-12);
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  for (double p : {1e-10, 1e-4, 0.02, 0.3, 0.7, 0.99, 1 - 1e-9})
    EXPECT_NEAR(normal_cdf(normal_quantile(p)) / p, 1.0, 1e-9) << p;
}

TEST(FastExp, MatchesStdExpToAFewUlps) {
  // The vectorized exp behind lognormal sampling: relative error <= 4.5e-16
  // (2 ulps) against std::exp over the range lognormal draws use.
  Eigen::ArrayXd x = Eigen::ArrayXd::LinSpaced(200'001, -40.0, 40.0);
  Eigen::ArrayXd y = x;
  detail::exp_in_place(y);
  double worst = 0.0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    worst = std::max(worst, std::abs(y[i] / std::exp(x[i]) - 1.0));
  EXPECT_LE(worst, 4.5e-16);
  Eigen::ArrayXd extreme(3);
  extreme << -1000.0, 0.0, 1000.0;  // clamped: finite, never NaN
  detail::exp_in_place(extreme);
  EXPECT_TRUE(extreme.allFinite());
  EXPECT_EQ(extreme[1], 1.0);
}

TEST(Lognormal90, RecoversItsNinetyPercentIntervalAtOneMillionSamples) {
  // Epoch AI's convention (sources.md §7): a lognormal fitted to a 90% interval.
  // Within 4 standard errors: log-sd sigma = ln(3.5 / 1.5) / (2 z_95) = 0.2576,
  // so at n = 1e6 the relative SE of P5 and P95 is 5.4e-4, of P50 3.2e-4
  // (lognormal_quantile_rse).
  const Distribution d = lognormal_90(1.5, 3.5);
  const Eigen::ArrayXd x = draw(d, 1'000'000, 20250125);
  const std::vector<double> q = percentiles(x, {0.05, 0.5, 0.95});
  const double sigma = std::log(3.5 / 1.5) / (2 * z_95);
  EXPECT_TRUE(test::within_se(q[0] / 1.5, 1.0, lognormal_quantile_rse(0.05, sigma, 1e6)));
  EXPECT_TRUE(
      test::within_se(q[1] / std::sqrt(1.5 * 3.5), 1.0, lognormal_quantile_rse(0.5, sigma, 1e6)));
  EXPECT_TRUE(test::within_se(q[2] / 3.5, 1.0, lognormal_quantile_rse(0.95, sigma, 1e6)));
  // The analytic quantiles are exact.
  EXPECT_NEAR(d.quantile(0.05), 1.5, 1e-12);
  EXPECT_NEAR(d.quantile(0.95), 3.5, 1e-12);
}

TEST(Distributions, UniformTriangularNormalHaveTheirMoments) {
  // Within 4 standard errors at N = 200,000 samples: a mean's SE is
  // sigma / sqrt(N); U(2, 4): sigma = 2 / sqrt(12); triangular(0, 1, 4):
  // sigma^2 = (a^2 + b^2 + c^2 - ab - ac - bc) / 18 = 13 / 18; normal: the
  // sd's SE is sigma / sqrt(2N).
  constexpr double N = 200'000;
  const Eigen::ArrayXd u = draw(uniform(2.0, 4.0), 200'000, 1);
  EXPECT_GT(u.minCoeff(), 2.0);
  EXPECT_LT(u.maxCoeff(), 4.0);
  EXPECT_TRUE(test::within_se(u.mean(), 3.0, 2 / std::sqrt(12 * N)));

  const Eigen::ArrayXd t = draw(triangular(0.0, 1.0, 4.0), 200'000, 2);
  EXPECT_TRUE(test::within_se(t.mean(), 5.0 / 3.0, std::sqrt(13.0 / 18 / N)));  // (a + b + c) / 3
  EXPECT_GE(t.minCoeff(), 0.0);
  EXPECT_LE(t.maxCoeff(), 4.0);

  const Eigen::ArrayXd n = draw(normal(10.0, 2.0), 200'000, 3);
  EXPECT_TRUE(test::within_se(n.mean(), 10.0, 2 / std::sqrt(N)));
  EXPECT_TRUE(
      test::within_se(std::sqrt((n - n.mean()).square().mean()), 2.0, 2 / std::sqrt(2 * N)));
}

TEST(Distributions, TruncatedNormalStaysInItsInterval) {
  const Distribution d = truncated_normal(0.4, 0.1, 0.3, 0.45);
  const Eigen::ArrayXd x = draw(d, 100'000, 4);
  EXPECT_GE(x.minCoeff(), 0.3);
  EXPECT_LE(x.maxCoeff(), 0.45);
  // Median: 0.4 + 0.1 x Phi^-1((Phi(-1) + Phi(0.5)) / 2) = 0.4 + 0.1 x Phi^-1(0.425059)
  // = 0.4 - 0.01890 = 0.38110 (Phi from tables).
  EXPECT_NEAR(d.quantile(0.5), 0.38110, 1e-4);
}

TEST(Distributions, DiscreteChoicesFollowTheirWeights) {
  // A share p of n = 400,000 draws: SE = sqrt(p (1 - p) / n), within 4 SE.
  const Eigen::ArrayXd x = draw(discrete({1.0, 2.0, 5.0}, {1.0, 2.0, 1.0}), 400'000, 5);
  const auto se = [](double p) { return std::sqrt(p * (1 - p) / 400'000); };
  EXPECT_TRUE(test::within_se((x == 1.0).cast<double>().mean(), 0.25, se(0.25)));
  EXPECT_TRUE(test::within_se((x == 2.0).cast<double>().mean(), 0.50, se(0.50)));
  EXPECT_TRUE(test::within_se((x == 5.0).cast<double>().mean(), 0.25, se(0.25)));
  EXPECT_EQ(discrete({1.0, 2.0, 5.0}, {1.0, 2.0, 1.0}).median(), 2.0);
}

TEST(Distributions, DiscreteWeightsWhoseSumOverflowsStillCount) {
  // 1e308 + 1e308 overflows: the total was infinite, every weight became 0
  // and every draw the last value. Equal weights are equal, however large
  // or small. A share p of n = 100,000 draws: SE = sqrt(p (1 - p) / n),
  // within 4 SE (a collapse to the last value is a share of 0, 316 SE off).
  const auto se = [](double p) { return std::sqrt(p * (1 - p) / 100'000); };
  for (double w : {1e308, std::numeric_limits<double>::max(), 4.9e-324}) {
    const Distribution d = discrete({1.0, 3.0}, {w, w});
    const Eigen::ArrayXd x = draw(d, 100'000, 7);
    EXPECT_TRUE(test::within_se((x == 1.0).cast<double>().mean(), 0.5, se(0.5))) << w;
    EXPECT_EQ(d.quantile(0.25), 1.0) << w;
    EXPECT_EQ(d.quantile(0.75), 3.0) << w;
  }
  // 3:1 at the top of the range.
  const Eigen::ArrayXd y = draw(discrete({1.0, 3.0}, {1.5e308, 0.5e308}), 100'000, 8);
  EXPECT_TRUE(test::within_se((y == 1.0).cast<double>().mean(), 0.75, se(0.75)));
}

TEST(Distributions, FixedIsAlwaysItsValue) {
  const Eigen::ArrayXd x = draw(fixed(7.5), 3000, 6);
  EXPECT_TRUE((x == 7.5).all());
  EXPECT_TRUE(fixed(7.5).is_fixed());
}

TEST(Distributions, TypedRangesAreStoredInCanonicalUnits) {
  // $1.5-$3.5 per GPU-hour is stored as USD per GPU-second.
  const Distribution d = uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5));
  EXPECT_NEAR(in_usd_per_gpu_hour(from_canonical<GpuTimePrice>(d.median())), 2.5, 1e-12);
  EXPECT_NEAR(d.median(), 2.5 / 3600.0, 1e-18);
}

TEST(Distributions, BadParametersThrowNamingFieldAndValue) {
  std::string m = error_of([] { (void)uniform(3.5, 1.5); });
  EXPECT_NE(m.find("[traincost.invalid_value] uniform.low: got 3.5"), std::string::npos) << m;
  EXPECT_NE(m.find("below uniform.high = 1.5"), std::string::npos) << m;

  m = error_of([] { (void)lognormal_90(0.0, 3.5); });
  EXPECT_NE(m.find("lognormal_90.p5: got 0, expected a positive"), std::string::npos) << m;
  m = error_of([] { (void)lognormal_90(-2.0, 3.5); });
  EXPECT_NE(m.find("lognormal_90.p5: got -2"), std::string::npos) << m;
  m = error_of([] { (void)lognormal_90(1.0, -3.0); });
  EXPECT_NE(m.find("lognormal_90.p95: got -3"), std::string::npos) << m;
  m = error_of([] { (void)lognormal_90(4.0, 3.0); });
  EXPECT_NE(m.find("lognormal_90.p5: got 4"), std::string::npos) << m;

  m = error_of([] { (void)triangular(1.0, 5.0, 3.0); });
  EXPECT_NE(m.find("triangular.mode: got 5"), std::string::npos) << m;
  m = error_of([] { (void)triangular(3.0, 3.0, 1.0); });
  EXPECT_NE(m.find("triangular.low: got 3"), std::string::npos) << m;
  m = error_of([] { (void)normal(1.0, 0.0); });
  EXPECT_NE(m.find("normal.sd: got 0"), std::string::npos) << m;
  m = error_of([] { (void)uniform(std::nan(""), 1.0); });
  EXPECT_NE(m.find("uniform.low: got nan"), std::string::npos) << m;
  m = error_of([] { (void)discrete({1.0, 2.0}, {1.0}); });
  EXPECT_NE(m.find("discrete.weights"), std::string::npos) << m;
  m = error_of([] { (void)discrete({1.0, 2.0}, {1.0, -1.0}); });
  EXPECT_NE(m.find("discrete.weights[1]: got -1"), std::string::npos) << m;
  m = error_of([] { (void)truncated_normal(0.0, 1.0, 2.0, 1.0); });
  EXPECT_NE(m.find("truncated_normal.low: got 2"), std::string::npos) << m;
  m = error_of([] { (void)uniform(0.0, 1.0).quantile(1.0); });
  EXPECT_NE(m.find("quantile.p: got 1"), std::string::npos) << m;
}

}  // namespace
}  // namespace traincost::uncertainty
