// Reference checks: DeepSeek-V3's published throughput figures, run forwards
// and backwards through the compute model. Every expected number cites
// docs/sources.md §1 with its tag and states its tolerance.
#include "traincost/reference/deepseek_v3_compute.hpp"

#include <gtest/gtest.h>

#include "traincost/compute/plausibility.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost {
namespace {

using namespace traincost::reference;

TEST(DeepSeekV3Compute, WorkloadAsPublished) {
  // sources.md §1 [P]: 671B total, 37B active, 14.8T tokens, FP8, 250 GFLOP/token.
  // The header holds these verbatim; comparing them with the same literals
  // would test the transcription against itself. Instead the token count is
  // checked against two other published figures held elsewhere: 14.8T tokens
  // at "180K H800 GPU hours per trillion tokens" is Table 1's 2,664K GPU-hours
  // of pre-training (deepseek_v3.hpp), exactly.
  const Workload w = deepseek_v3_workload();
  EXPECT_DOUBLE_EQ(
      in_tokens(w.training_tokens) / 1e12 *
          in_gpu_hours(deepseek_v3_gpu_hours_per_trillion_tokens().value),
      in_gpu_hours(cost_final_run(deepseek_v3_final_run()).stage("pre-training").gpu_time));
  EXPECT_LT(w.active_parameters, w.total_parameters);
  EXPECT_EQ(w.training_precision, Precision::fp8);
  EXPECT_EQ(w.flop_rule.provenance().evidence, Evidence::published);
  EXPECT_EQ(w.provenance.evidence, Evidence::published);
}

TEST(DeepSeekV3Compute, SixNActiveIs3Point29e24Flop) {
  // sources.md §1 [D]: 6 x 37e9 x 14.8e12 = 3.29e24 FLOP (tolerance: 3 s.f.).
  EXPECT_NEAR(in_flop(training_flop(deepseek_v3_workload_six_n())), 3.29e24, 0.005e24);
}

TEST(DeepSeekV3Compute, TokenRateImplies39PercentOfBf16Peak) {
  // sources.md §1 [P] 250 GFLOP/token, 272.8B tokens/day, 2,048 H800, MFU 38.94%;
  // [D] check 38.96% against 989.4 TFLOP/s. We use the catalog's 989.5 (§5 [P]):
  // the band is 38.9–39.0%.
  const ImpliedMfu m =
      implied_mfu(training_flop_per_token(deepseek_v3_workload()), deepseek_v3_token_rate().value,
                  deepseek_v3_cluster(), MfuBasis(Precision::bf16));
  EXPECT_GE(m.mfu, 0.389);
  EXPECT_LE(m.mfu, 0.390);
  EXPECT_NEAR(m.mfu, 0.3894, 0.0005);  // the published 38.94%, within 0.05 pp
  EXPECT_EQ(m.verdict, Verdict::plausible);
  // sources.md §1 [P]: 385 TFLOP/s per GPU (tolerance 1 TFLOP/s).
  EXPECT_NEAR(in_tflop_per_second(m.achieved), 385.0, 1.0);
}

TEST(DeepSeekV3Compute, SameFiguresAreAbout19Point5PercentOfFp8Peak) {
  // sources.md §1 [D]: against FP8's 1,979 TFLOP/s it would be 19.5% (±0.05 pp).
  const ImpliedMfu m =
      implied_mfu(training_flop_per_token(deepseek_v3_workload()), deepseek_v3_token_rate().value,
                  deepseek_v3_cluster(), MfuBasis(Precision::fp8));
  EXPECT_NEAR(m.mfu, 0.195, 0.0005);
  EXPECT_NEAR(restate_mfu(0.3894, accelerator("h800"), Precision::bf16, Precision::fp8), 0.195,
              0.0005);
}

TEST(DeepSeekV3Compute, StatedFlopOverPublishedGpuHoursIs39Percent) {
  // 250 GFLOP/token x 14.8T over 2,664K GPU-hours (§1 [P]) -> 38.99% [D]; band 38.9–39.0%.
  const ImpliedMfu m = implied_mfu(deepseek_v3_workload(), deepseek_v3_pretraining_gpu_time().value,
                                   accelerator("h800"), MfuBasis(Precision::bf16));
  EXPECT_GE(m.mfu, 0.389);
  EXPECT_LE(m.mfu, 0.390);
}

TEST(DeepSeekV3Compute, SixNOverPublishedGpuHoursIs34Point6Percent) {
  // sources.md §1 [D]: 3.29e24 FLOP over 2,664K GPU-hours -> 34.6% of BF16 peak (±0.05 pp).
  const ImpliedMfu m =
      implied_mfu(deepseek_v3_workload_six_n(), deepseek_v3_pretraining_gpu_time().value,
                  accelerator("h800"), MfuBasis(Precision::bf16));
  EXPECT_NEAR(m.mfu, 0.346, 0.0005);
  EXPECT_EQ(m.verdict, Verdict::plausible);
}

TEST(DeepSeekV3Compute, HundredEightyKGpuHoursPerTrillionTokensIs3Point7Days) {
  // sources.md §1 [P]: "180K H800 GPU hours, i.e., 3.7 days on our cluster with
  // 2048 H800 GPUs". 180,000 / 2,048 / 24 = 3.66 days; tolerance ±0.05 day.
  const Cluster cluster = deepseek_v3_cluster();
  EXPECT_NEAR(in_days(cluster.wall_clock(deepseek_v3_gpu_hours_per_trillion_tokens().value)), 3.7,
              0.05);

  // And backwards: "3.7 days" is a rounded figure, any wall-clock in
  // [3.65, 3.75) days; on 2,048 GPUs that is 179.4K-184.3K GPU-hours, which
  // contains the published 180K.
  EXPECT_LE(in_gpu_hours(cluster.gpu_time(days(3.65))), 180e3);
  EXPECT_GT(in_gpu_hours(cluster.gpu_time(days(3.75))), 180e3);

  // Through the compute model: the MFU implied by 180K GPU-hours for 1T tokens,
  // run forward again, takes 3.7 days on the cluster (±0.05 day).
  const Workload one_t = deepseek_v3_workload().on_tokens(tokens(1e12));
  const ImpliedMfu m = implied_mfu(one_t, deepseek_v3_gpu_hours_per_trillion_tokens().value,
                                   accelerator("h800"), MfuBasis(Precision::bf16));
  const ComputeEstimate e = estimate_compute(one_t, cluster, Throughput(Precision::bf16, m.mfu));
  EXPECT_NEAR(in_gpu_hours(e.gpu_time), 180e3, 180e3 * 1e-12);
  EXPECT_NEAR(in_days(e.wall_clock), 3.7, 0.05);
  // The token rate published separately agrees: 1T / 272.8B per day = 3.67 days.
  EXPECT_NEAR(1e12 / in_tokens_per_day(deepseek_v3_token_rate().value), 3.7, 0.05);
}

TEST(DeepSeekV3Compute, FourteenPointEightTrillionTokensIs54Point2Days) {
  // sources.md §1 [D]: 180K x 14.8 = 2,664K GPU-hours; 2,664K / 2,048 / 24 = 54.2 days.
  // Forward at the MFU implied by 180K GPU-hours per trillion tokens.
  const Workload w = deepseek_v3_workload();
  const ImpliedMfu m =
      implied_mfu(w.on_tokens(tokens(1e12)), deepseek_v3_gpu_hours_per_trillion_tokens().value,
                  accelerator("h800"), MfuBasis(Precision::bf16));
  const ComputeEstimate e =
      estimate_compute(w, deepseek_v3_cluster(), Throughput(Precision::bf16, m.mfu));
  EXPECT_NEAR(in_gpu_hours(e.gpu_time), 2'664'000, 2'664'000 * 1e-12);
  EXPECT_NEAR(in_days(e.wall_clock), 54.2, 0.005);  // 54.199 days
}

TEST(DeepSeekV3Compute, StageFromWorkloadReproducesTable1Cost) {
  // Pre-training from the workload at the published 38.94% MFU: within 0.2% of
  // Table 1's 2,664K GPU-hours and $5.328M (§1 [P]); the run within 0.2% of $5.576M.
  TrainingRun run = deepseek_v3_final_run();
  run.stages[0] = deepseek_v3_pretraining_stage_from_workload();
  const FinalRunCost cost = cost_final_run(run);
  EXPECT_NEAR(in_gpu_hours(cost.stages[0].gpu_time), 2'664'000, 0.002 * 2'664'000);
  EXPECT_NEAR(in_usd(cost.stages[0].cost), 5.328e6, 0.002 * 5.328e6);
  EXPECT_NEAR(in_usd(cost.total), 5.576e6, 0.002 * 5.576e6);
  EXPECT_EQ(cost.stages[0].usage_provenance.evidence, Evidence::derived);
  EXPECT_NE(cost.stages[0].usage_provenance.source.find("250 GFLOP/token"), std::string::npos);
}

TEST(DeepSeekV3Compute, PublishedThroughputIsQuotedAgainstBf16) {
  // The header's 38.94% is checked against the MFU the separately published
  // token rate implies (272.8B tokens/day at 250 GFLOP/token on 2,048 H800,
  // docs/sources.md §1 [P]) — not against its own literal. The implied value is 38.96%
  // (against the catalog's 989.5 TFLOP/s, docs/sources.md §5): within 0.05 pp. Had the MFU
  // been quoted against FP8 the two would differ by 2x.
  const Throughput t = deepseek_v3_throughput();
  EXPECT_EQ(t.mfu_precision(), Precision::bf16);
  const ImpliedMfu m =
      implied_mfu(training_flop_per_token(deepseek_v3_workload()), deepseek_v3_token_rate().value,
                  deepseek_v3_cluster(), MfuBasis(t.mfu_precision()));
  EXPECT_NEAR(t.mfu(), m.mfu, 0.0005);
  EXPECT_DOUBLE_EQ(t.goodput(), 1.0);
  EXPECT_EQ(t.source().evidence, Evidence::published);
}

}  // namespace
}  // namespace traincost
