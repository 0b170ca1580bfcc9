// A stage's reported time checked against what it trained (an implied MFU),
// workloads given as a total FLOP budget, throughput given as achieved FLOP/s,
// and time given as GPU-hours per trillion tokens.
#include <gtest/gtest.h>

#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

TrainingRun run_of(Stage s, const char* acc = "h800", double count = 2048) {
  return TrainingRun{"r",
                     Cluster(accelerator(acc), accelerators(count)),
                     sourced(usd_per_gpu_hour(2.0), assumed("test price")),
                     {std::move(s)}};
}

TEST(RateStage, GpuHoursPerTrillionTokensTimesTokens) {
  // DeepSeek-V3's report: 180K H800 GPU-hours per trillion tokens, 14.8T
  // tokens (docs/sources.md §1) -> 180e3 x 14.8 = 2,664,000 GPU-hours, the
  // pre-training figure of its Table 1.
  const FinalRunCost c = cost_final_run(run_of(Stage::with_rate(
      "pre-training", StageKind::pre_training, gpu_hours_per_trillion_tokens(180e3),
      tokens(14.8e12), published("DeepSeek-V3 report (docs/sources.md §1)"))));
  EXPECT_NEAR(in_gpu_hours(c.gpu_time), 2.664e6, 1e-6);
  EXPECT_NEAR(in_usd(c.total), 5.328e6, 1e-3);
  EXPECT_NEAR(in_days(c.stages[0].wall_clock), 2.664e6 / 2048 / 24, 1e-9);
  EXPECT_EQ(c.stages[0].usage_provenance.evidence, Evidence::published);
  EXPECT_FALSE(c.stages[0].mfu.has_value());
}

TEST(RateStage, UnitsRoundTrip) {
  EXPECT_DOUBLE_EQ(in_gpu_hours_per_trillion_tokens(gpu_hours_per_trillion_tokens(180e3)), 180e3);
  EXPECT_DOUBLE_EQ(in_gpu_hours_per_token(gpu_hours_per_trillion_tokens(1e12)), 1.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(gpu_hours_per_token(2.0) * tokens(3.0)), 6.0);
}

TEST(RateStage, NonPositiveRateIsNamed) {
  expect_error(
      [] {
        (void)cost_final_run(
            run_of(Stage::with_rate("pre", StageKind::other, gpu_hours_per_trillion_tokens(-1),
                                    tokens(1e12), assumed("t"))));
      },
      ErrorCode::invalid_value, "run.stages[0] (pre).gpu_hours_per_trillion_tokens", "got -1");
}

TEST(Claim, ImpliedMfuOfDeepSeekV3PreTraining) {
  // docs/sources.md §1: 2,664K H800 GPU-hours for 14.8T tokens at 250 GFLOP
  // per token; against the BF16 dense peak 989.5 TFLOP/s the implied MFU is
  // 250e9 x 14.8e12 / (2.664e6 x 3600 x 989.5e12) = 0.3899.
  Workload v3 = Workload::mixture_of_experts("V3", parameters(671e9), parameters(37e9),
                                             tokens(14.8e12), published("§1"));
  v3.with_flop_rule(FlopPerTokenRule::stated(flop_per_token(250e9), published("§1")));
  const FinalRunCost c =
      cost_final_run(run_of(Stage::with_gpu_time("pre-training", StageKind::pre_training,
                                                 gpu_hours(2.664e6), published("§1"))
                                .claiming(v3, MfuBasis(Precision::bf16))));
  ASSERT_TRUE(c.stages[0].mfu.has_value());
  EXPECT_TRUE(c.stages[0].mfu_implied);
  const ImpliedMfu& m = *c.stages[0].mfu;
  EXPECT_NEAR(m.mfu, 250e9 * 14.8e12 / (2.664e6 * 3600 * 989.5e12), 1e-12);
  EXPECT_EQ(m.verdict, Verdict::plausible);
  EXPECT_EQ(m.precision, Precision::bf16);
  // The claim changes nothing of the cost.
  EXPECT_NEAR(in_usd(c.total), 2.0 * 2.664e6, 1e-6);
}

TEST(Claim, ImpossibleClaimIsJudged) {
  // 1e25 FLOP in 1,000 H800 GPU-hours is 2.8e18 FLOP/s per GPU, far above
  // any peak: impossible.
  const FinalRunCost c = cost_final_run(
      run_of(Stage::with_gpu_time("p", StageKind::other, gpu_hours(1000), assumed("t"))
                 .claiming(Workload::from_total_flop("w", flop(1e25)), MfuBasis(Precision::bf16))));
  EXPECT_EQ(c.stages[0].mfu->verdict, Verdict::impossible);
  EXPECT_GT(c.stages[0].mfu->mfu, 1.0);
}

TEST(Claim, WallClockStageImpliesFromItsGpuTime) {
  // 6e21 FLOP (1B params x 1e12 tokens x 6) in 10 h on 64 H800 = 640 GPU-hours.
  const Stage s = Stage::with_wall_clock("p", StageKind::other, hours(10), assumed("t"))
                      .claiming(Workload::dense("1B", parameters(1e9), tokens(1e12)),
                                MfuBasis(Precision::bf16));
  const FinalRunCost c = cost_final_run(run_of(s, "h800", 64));
  EXPECT_NEAR(c.stages[0].mfu->mfu, 6e21 / (640 * 3600 * 989.5e12), 1e-12);
}

TEST(Claim, NotOnAWorkloadStage) {
  Stage s = Stage::with_workload("p", StageKind::other,
                                 Workload::dense("1B", parameters(1e9), tokens(1e12)),
                                 Throughput(Precision::bf16, 0.4));
  s.claiming(Workload::dense("1B", parameters(1e9), tokens(1e12)), MfuBasis(Precision::bf16));
  expect_error([&] { (void)cost_final_run(run_of(s)); }, ErrorCode::invalid_value,
               "run.stages[0] (p).claim", "0");
}

TEST(Claim, PrecisionTheAcceleratorLacks) {
  // sources.md §5: no FP8 on the A100.
  const Stage s =
      Stage::with_gpu_time("p", StageKind::other, gpu_hours(1000), assumed("t"))
          .claiming(Workload::dense("1B", parameters(1e9), tokens(1e12)), MfuBasis(Precision::fp8));
  expect_error([&] { (void)cost_final_run(run_of(s, "a100-80gb", 8)); },
               ErrorCode::unsupported_precision, "claim.mfu_precision", "fp8");
}

TEST(TotalFlop, WorkloadStageFromABudget) {
  // 3e23 FLOP at MFU 0.5 of 989.5 TFLOP/s: 3e23 / (494.75e12 x 3600) GPU-hours.
  const FinalRunCost c = cost_final_run(run_of(Stage::with_workload(
      "p", StageKind::pre_training, Workload::from_total_flop("budget", flop(3e23), published("t")),
      Throughput(Precision::bf16, 0.5))));
  EXPECT_NEAR(in_gpu_hours(c.gpu_time), 3e23 / (494.75e12 * 3600), 1e-6);
  EXPECT_NE(c.stages[0].usage_provenance.source.find("stated total 3e+23 FLOP"), std::string::npos)
      << c.stages[0].usage_provenance.source;
  // The stated MFU is reported and judged too.
  ASSERT_TRUE(c.stages[0].mfu.has_value());
  EXPECT_FALSE(c.stages[0].mfu_implied);
  EXPECT_DOUBLE_EQ(c.stages[0].mfu->mfu, 0.5);
}

TEST(TotalFlop, SizesAreOptionalButChecked) {
  Workload w = Workload::from_total_flop("w", flop(1e20));
  EXPECT_DOUBLE_EQ(in_flop(training_flop(w)), 1e20);
  w.training_tokens = tokens(-5);
  expect_error([&] { (void)training_flop(w); }, ErrorCode::invalid_value,
               "workload.training_tokens", "-5");
  expect_error([] { (void)training_flop(Workload::from_total_flop("w", flop(0))); },
               ErrorCode::invalid_value, "workload.total_flop", "0");
}

TEST(EffectiveRate, OptsStatedRateBecomesMfu) {
  // OPT-175B style: 147 TFLOP/s per A100 against the BF16 dense peak of 312
  // TFLOP/s (docs/sources.md §5) is an MFU of 147/312 = 0.4712.
  const AcceleratorSpec& a100 = accelerator("a100-80gb");
  const Throughput t = Throughput::from_flop_rate(tflop_per_second(147), a100, Precision::bf16);
  EXPECT_NEAR(t.mfu(), 147.0 / 312.0, 1e-12);
  ASSERT_TRUE(t.stated_rate().has_value());
  EXPECT_DOUBLE_EQ(in_tflop_per_second(*t.stated_rate()), 147.0);
  EXPECT_TRUE(t.with_goodput(0.9).stated_rate().has_value());
}

TEST(EffectiveRate, AboveThePeakIsRefused) {
  const AcceleratorSpec& a100 = accelerator("a100-80gb");
  expect_error(
      [&] { (void)Throughput::from_flop_rate(tflop_per_second(400), a100, Precision::bf16); },
      ErrorCode::invalid_value, "throughput.effective_tflops", "400");
}

}  // namespace
}  // namespace traincost
