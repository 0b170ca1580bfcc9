#include "traincost/uncertainty/random.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "traincost_test/standard_error.hpp"

namespace traincost::uncertainty {
namespace {

TEST(Random, StreamsAreReproducibleAndDistinct) {
  Xoshiro256pp a = stream_generator(42, 3, 7);
  Xoshiro256pp b = stream_generator(42, 3, 7);
  Xoshiro256pp c = stream_generator(42, 3, 8);
  Xoshiro256pp d = stream_generator(42, 4, 7);
  Xoshiro256pp e = stream_generator(43, 3, 7);
  const std::uint64_t first = a.next();
  EXPECT_EQ(first, b.next());
  EXPECT_NE(first, c.next());
  EXPECT_NE(first, d.next());
  EXPECT_NE(first, e.next());
}

TEST(Random, UniformsAreInsideTheOpenInterval) {
  Xoshiro256pp g(1);
  Eigen::ArrayXd u(1'000'000);
  fill_uniform(g, u);
  EXPECT_GT(u.minCoeff(), 0.0);
  EXPECT_LT(u.maxCoeff(), 1.0);
  // Mean of U(0, 1): SE = sigma / sqrt(n) = sqrt(1/12) / sqrt(1e6) = 2.9e-4.
  EXPECT_TRUE(test::within_se(u.mean(), 0.5, std::sqrt(1.0 / 12.0 / 1e6)));
}

TEST(Random, ZigguratNormalHasStandardMomentsAndTails) {
  // 4 million draws, each statistic within 4 standard errors (n = 4e6):
  // - mean: SE = 1 / sqrt(n) = 5.0e-4;
  // - sd: SE = 1 / sqrt(2n) = 3.5e-4 (normal: Var(s) ~ sigma^2 / 2n);
  // - a share P: SE = sqrt(P (1 - P) / n); exact tails from Phi:
  //   P(Z > 1.96) = 0.0249979, P(|Z| > 3.5) = 4.6525e-4 (this exercises the
  //   ziggurat's tail beyond r = 3.44), P(Z < -1) = 0.158655;
  // - E[Z^3] = 0: SE = sqrt(E[Z^6] / n) = sqrt(15 / n) = 1.9e-3;
  // - E[Z^4] = 3: SE = sqrt((E[Z^8] - 3^2) / n) = sqrt(96 / n) = 4.9e-3.
  Xoshiro256pp g(2024);
  constexpr double n = 4'000'000;
  Eigen::ArrayXd z(static_cast<Eigen::Index>(n));
  fill_standard_normal(g, z);
  const auto share_se = [&](double p) { return std::sqrt(p * (1 - p) / n); };
  const double mean = z.mean();
  EXPECT_TRUE(test::within_se(mean, 0.0, 1 / std::sqrt(n)));
  EXPECT_TRUE(test::within_se(std::sqrt((z - mean).square().mean()), 1.0, 1 / std::sqrt(2 * n)));
  EXPECT_TRUE(test::within_se((z > 1.96).cast<double>().mean(), 0.0249979, share_se(0.025)));
  EXPECT_TRUE(test::within_se((z.abs() > 3.5).cast<double>().mean(), 4.6525e-4, share_se(4.65e-4)));
  EXPECT_TRUE(test::within_se((z < -1.0).cast<double>().mean(), 0.158655, share_se(0.158655)));
  EXPECT_TRUE(test::within_se(z.cube().mean(), 0.0, std::sqrt(15 / n)));             // symmetric
  EXPECT_TRUE(test::within_se(z.square().square().mean(), 3.0, std::sqrt(96 / n)));  // kurtosis
}

}  // namespace
}  // namespace traincost::uncertainty
