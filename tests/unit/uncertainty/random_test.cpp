#include "traincost/uncertainty/random.hpp"

#include <gtest/gtest.h>

#include <cmath>

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
  EXPECT_NEAR(u.mean(), 0.5, 0.002);  // ~7 standard errors
}

TEST(Random, ZigguratNormalHasStandardMomentsAndTails) {
  // 4 million draws: standard error of the mean 5e-4. Tail shares are checked
  // against Phi: P(Z > 1.96) = 0.025, P(|Z| > 3.5) = 4.65e-4 (this exercises
  // the ziggurat's tail beyond r = 3.44).
  Xoshiro256pp g(2024);
  Eigen::ArrayXd z(4'000'000);
  fill_standard_normal(g, z);
  const double mean = z.mean();
  EXPECT_NEAR(mean, 0.0, 0.003);
  EXPECT_NEAR(std::sqrt((z - mean).square().mean()), 1.0, 0.002);
  EXPECT_NEAR((z > 1.96).cast<double>().mean(), 0.025, 0.0005);
  EXPECT_NEAR((z.abs() > 3.5).cast<double>().mean(), 4.653e-4, 0.6e-4);
  EXPECT_NEAR((z < -1.0).cast<double>().mean(), 0.158655, 0.001);
  EXPECT_NEAR(z.cube().mean(), 0.0, 0.01);             // symmetric
  EXPECT_NEAR(z.square().square().mean(), 3.0, 0.03);  // kurtosis of a normal
}

}  // namespace
}  // namespace traincost::uncertainty
