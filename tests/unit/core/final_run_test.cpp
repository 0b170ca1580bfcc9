#include "traincost/run/final_run.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "traincost/hardware/catalog.hpp"

namespace traincost {
namespace {

Cluster h800s(double n) {
  return Cluster(accelerator("h800"), accelerators(n));
}

TrainingRun two_stage_run() {
  return TrainingRun{
      "test run",
      h800s(100),
      sourced(usd_per_gpu_hour(2.0), assumed("test price")),
      {Stage::with_gpu_time("a", StageKind::pre_training, gpu_hours(3000), assumed("test")),
       Stage::with_wall_clock("b", StageKind::post_training, hours(10), assumed("test"))}};
}

TEST(FinalRun, CostsEachStageAtTheRunPrice) {
  const FinalRunCost c = cost_final_run(two_stage_run());
  ASSERT_EQ(c.stages.size(), 2u);
  EXPECT_DOUBLE_EQ(in_usd(c.stages[0].cost), 6000.0);
  // Wall-clock stage: 10 h x 100 GPUs = 1,000 GPU-hours.
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.stages[1].gpu_time), 1000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.stages[1].cost), 2000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.total), 8000.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.gpu_time), 4000.0);
  EXPECT_EQ(c.scope(), Scope::final_run_rental);
}

TEST(FinalRun, WallClockOfAGpuTimeStageIsUsageOverClusterSize) {
  const FinalRunCost c = cost_final_run(two_stage_run());
  EXPECT_DOUBLE_EQ(in_hours(c.stages[0].wall_clock), 30.0);
  EXPECT_DOUBLE_EQ(in_hours(c.wall_clock), 40.0);
}

TEST(FinalRun, SharesSumToOne) {
  const FinalRunCost c = cost_final_run(two_stage_run());
  EXPECT_DOUBLE_EQ(c.stages[0].share, 0.75);
  EXPECT_DOUBLE_EQ(c.stages[1].share + c.stages[0].share, 1.0);
}

TEST(FinalRun, StagePriceOverridesRunPrice) {
  TrainingRun run = two_stage_run();
  run.stages[1].priced_at(sourced(usd_per_gpu_hour(4.0), assumed("spot")));
  const FinalRunCost c = cost_final_run(run);
  EXPECT_DOUBLE_EQ(in_usd(c.stages[1].cost), 4000.0);
  EXPECT_EQ(c.stages[1].price_provenance.source, "spot");
  EXPECT_EQ(c.stages[0].price_provenance.source, "test price");
}

TEST(FinalRun, StageClusterOverridesRunCluster) {
  TrainingRun run = two_stage_run();
  run.stages[1].on(Cluster(accelerator("a100-80gb"), accelerators(50)));
  const FinalRunCost c = cost_final_run(run);
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.stages[1].gpu_time), 500.0);
  EXPECT_EQ(c.stages[1].accelerator, "A100 SXM4 80GB");
  EXPECT_DOUBLE_EQ(in_accelerators(c.stages[1].accelerators), 50.0);
}

TEST(FinalRun, BreakdownHasOneChildPerStageAndKeepsScope) {
  const FinalRunCost c = cost_final_run(two_stage_run());
  const LineItem tree = c.breakdown();
  ASSERT_EQ(tree.children.size(), 2u);
  EXPECT_EQ(tree.scope, Scope::final_run_rental);
  EXPECT_DOUBLE_EQ(in_usd(tree.amount), 8000.0);
  EXPECT_EQ(tree.children[1].label, "b");
  EXPECT_EQ(tree.children[1].provenance.evidence, Evidence::assumed);  // assumed inputs
  EXPECT_NE(tree.children[1].provenance.source.find("test price"), std::string::npos);
}

TEST(FinalRun, StageByName) {
  const FinalRunCost c = cost_final_run(two_stage_run());
  EXPECT_TRUE(c.has_stage("b"));
  EXPECT_FALSE(c.has_stage("missing"));
  EXPECT_EQ(&c.stage("b"), &c.stages[1]);
  try {
    (void)c.stage("missing");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_name);
    EXPECT_EQ(e.field(), FieldPath("run.stages"));
    EXPECT_EQ(e.value(), "\"missing\"");
    EXPECT_EQ(e.expected(), "a stage of the run \"" + c.name + "\": \"a\", \"b\"");
  }
}

// ---- bad values ----

void expect_invalid(const TrainingRun& run, const std::string& field, const std::string& value) {
  try {
    cost_final_run(run);
    FAIL() << "expected traincost::Error for " << field;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    const std::string what = e.what();
    EXPECT_NE(what.find(field), std::string::npos) << what;
    EXPECT_NE(what.find("got " + value), std::string::npos) << what;
  }
}

TEST(FinalRunErrors, NegativeRunPrice) {
  TrainingRun run = two_stage_run();
  run.price.value = usd_per_gpu_hour(-2.0);
  expect_invalid(run, "run.price", "-2");
}

TEST(FinalRunErrors, NanStagePrice) {
  TrainingRun run = two_stage_run();
  run.stages[0].priced_at(
      sourced(usd_per_gpu_hour(std::numeric_limits<double>::quiet_NaN()), assumed("x")));
  expect_invalid(run, "run.stages[0] (a).price", "nan");
}

TEST(FinalRunErrors, NegativeGpuHours) {
  TrainingRun run = two_stage_run();
  run.stages[0].usage = gpu_hours(-5);
  expect_invalid(run, "run.stages[0] (a).gpu_hours", "-5");
}

TEST(FinalRunErrors, NanWallClockHours) {
  TrainingRun run = two_stage_run();
  run.stages[1].usage = hours(std::numeric_limits<double>::quiet_NaN());
  expect_invalid(run, "run.stages[1] (b).wall_clock_hours", "nan");
}

TEST(FinalRunErrors, InfiniteHours) {
  TrainingRun run = two_stage_run();
  run.stages[1].usage = hours(std::numeric_limits<double>::infinity());
  expect_invalid(run, "run.stages[1] (b).wall_clock_hours", "inf");
}

// Finite usage and price whose product overflows must not become an infinite cost.
TEST(FinalRunErrors, OverflowingCostIsAnError) {
  TrainingRun run = two_stage_run();
  run.stages[0].usage = gpu_hours(1e300);
  run.stages[0].priced_at(sourced(usd_per_gpu_hour(1e300), assumed("x")));
  expect_invalid(run, "run.stages[0] (a).cost", "inf");
}

// Issue 12, row 10: five stages of 1e304 GPU-hours at $1e-300: each cost is
// finite, but the total GPU time and wall-clock overflow; they must not be
// reported as infinite.
TEST(FinalRunErrors, OverflowingTotalGpuTimeIsAnError) {
  TrainingRun run = two_stage_run();
  run.price.value = usd_per_gpu_hour(1e-300);
  run.stages.clear();
  for (int i = 0; i < 5; ++i)
    run.stages.push_back(
        Stage::with_gpu_time("s", StageKind::other, gpu_hours(1e304), assumed("x")));
  expect_invalid(run, "run.cost", "");
}

// A usage so small that usage x price underflows to zero dollars would give
// every stage a share of 0/0: refused.
TEST(FinalRunErrors, ACostThatVanishesIsAnError) {
  TrainingRun run = two_stage_run();
  run.price.value = usd_per_gpu_hour(1e-300);
  run.stages.resize(1);
  run.stages[0].usage = gpu_hours(1e-30);
  expect_invalid(run, "run.stages[0] (a).cost", "0");
}

TEST(FinalRun, BreakdownEvidenceIsTheWeakestInput) {
  TrainingRun run = two_stage_run();
  run.price = sourced(usd_per_gpu_hour(2.0), published("p"));
  for (auto& s : run.stages)
    s.usage_provenance = published("u");
  const LineItem all_published = cost_final_run(run).breakdown();
  EXPECT_EQ(all_published.children[0].provenance.evidence, Evidence::derived);
  EXPECT_EQ(all_published.provenance.evidence, Evidence::derived);
  run.stages[1].usage_provenance = assumed("guess");
  const LineItem one_assumed = cost_final_run(run).breakdown();
  EXPECT_EQ(one_assumed.children[0].provenance.evidence, Evidence::derived);
  EXPECT_EQ(one_assumed.children[1].provenance.evidence, Evidence::assumed);
  EXPECT_EQ(one_assumed.provenance.evidence, Evidence::assumed);
}

TEST(FinalRunErrors, EmptyRunIsInvalidInput) {
  TrainingRun run = two_stage_run();
  run.stages.clear();
  try {
    cost_final_run(run);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_NE(std::string(e.what()).find("run.stages"), std::string::npos);
  }
}

TEST(StageKindNames, AreReadable) {
  EXPECT_EQ(to_string(StageKind::context_extension), "context extension");
  EXPECT_EQ(to_string(StageKind::reinforcement_learning), "reinforcement learning");
}

}  // namespace
}  // namespace traincost
