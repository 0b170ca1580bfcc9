// Serving: an inference deployment's cost, per day and per token, in its own
// scope that never adds to a training scope.
#include "traincost/run/serving.hpp"

#include <gtest/gtest.h>

#include "traincost/core/scoped_cost.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

Sourced<GpuTimePrice> two_dollars() {
  return sourced(usd_per_gpu_hour(2.0), published("DeepSeek's stated $2 per H800 GPU-hour"));
}

TEST(Serving, DeepSeekInferenceDisclosureOneDay) {
  // docs/sources.md §1 [published]: an average 226.75 nodes x 8 GPUs x 24 h x
  // $2 = $87,072 a day.
  const ServingCost c = cost_serving(ServingDeployment::for_period(
      "DeepSeek inference", accelerator("h800"), accelerators(226.75 * 8), hours(24), two_dollars(),
      published("DeepSeek open-source week, day 6 (docs/sources.md §1)")));
  EXPECT_DOUBLE_EQ(in_usd(c.total), 87'072.0);
  EXPECT_DOUBLE_EQ(in_usd(c.per_day), 87'072.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.gpu_time), 1814.0 * 24);
  EXPECT_EQ(ServingCost::scope(), Scope::inference_rental);
  EXPECT_EQ(c.breakdown().scope, Scope::inference_rental);
  EXPECT_EQ(c.breakdown().provenance.evidence, Evidence::derived);
  EXPECT_FALSE(c.per_token.has_value());
}

TEST(Serving, PerDayOfAWeekAndPerMillionTokens) {
  // 100 GPUs for 7 days at $2: 100 x 168 x 2 = $33,600, $4,800 a day; with
  // 1e10 tokens served that is $3.36 per million tokens.
  const ServingCost c =
      cost_serving(ServingDeployment::for_period("week", accelerator("H100 SXM"), accelerators(100),
                                                 days(7), two_dollars(), assumed("test"))
                       .serving(tokens(1e10)));
  EXPECT_DOUBLE_EQ(in_usd(c.total), 33'600.0);
  EXPECT_NEAR(in_usd(c.per_day), 4'800.0, 1e-9);
  ASSERT_TRUE(c.per_token.has_value());
  EXPECT_NEAR(in_usd_per_million_tokens(*c.per_token), 3.36, 1e-12);
}

TEST(Serving, TokensAtAThroughput) {
  // 3.6e9 tokens at 1,000 tokens/s per GPU = 3.6e6 GPU-seconds = 1,000
  // GPU-hours: $2,000; on 50 GPUs that is 20 h.
  const ServingCost c = cost_serving(ServingDeployment::for_tokens(
      "batch", accelerator("H100 SXM"), accelerators(50), tokens(3.6e9),
      tokens_per_second_per_accelerator(1000), two_dollars(), assumed("test")));
  EXPECT_NEAR(in_gpu_hours(c.gpu_time), 1000.0, 1e-9);
  EXPECT_NEAR(in_usd(c.total), 2000.0, 1e-9);
  EXPECT_NEAR(in_hours(c.period), 20.0, 1e-12);
  EXPECT_NEAR(in_usd(c.per_day), 2400.0, 1e-9);
  EXPECT_NEAR(in_usd_per_million_tokens(*c.per_token), 2000.0 / 3600.0, 1e-12);
}

TEST(Serving, NeverAddsToATrainingScope) {
  // The scope rules: inference composes only into itself.
  EXPECT_FALSE(composes_into(Scope::inference_rental, Scope::final_run_rental));
  EXPECT_FALSE(composes_into(Scope::inference_rental, Scope::program));
  EXPECT_FALSE(composes_into(Scope::final_run_rental, Scope::inference_rental));
  EXPECT_FALSE(is_program_part(Scope::inference_rental));
  EXPECT_TRUE(composes_into(Scope::inference_rental, Scope::inference_rental));
}

TEST(Serving, BadFiguresAreNamed) {
  expect_error(
      [] {
        (void)cost_serving(ServingDeployment::for_period(
            "s", accelerator("H100 SXM"), accelerators(0), hours(1), two_dollars(), assumed("t")));
      },
      ErrorCode::invalid_value, "serving.accelerators", "got 0");
  expect_error(
      [] {
        (void)cost_serving(ServingDeployment::for_tokens(
            "s", accelerator("H100 SXM"), accelerators(8), tokens(1e9),
            tokens_per_second_per_accelerator(-3), two_dollars(), assumed("t")));
      },
      ErrorCode::invalid_value, "serving.tokens_per_second_per_accelerator", "got -3");
}

}  // namespace
}  // namespace traincost
