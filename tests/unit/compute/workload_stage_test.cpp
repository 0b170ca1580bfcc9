#include "traincost/run/workload_stage.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

// 1e9 params x 1e12 tokens x 6 = 6e21 FLOP.
Workload one_b() {
  return Workload::dense("1B", parameters(1e9), tokens(1e12));
}
Cluster h800s(double n) {
  return Cluster(accelerator("h800"), accelerators(n));
}

TEST(WorkloadStage, StageFromWorkloadCostsLikeAGpuHourStage) {
  const Cluster c = h800s(64);
  const Throughput t(Precision::bf16, 0.4);
  const ComputeEstimate e = estimate_compute(one_b(), c, t);
  TrainingRun run{
      "r",
      c,
      sourced(usd_per_gpu_hour(2.0), assumed("test price")),
      {stage_from_workload("pre-training", StageKind::pre_training, one_b(), c, t),
       Stage::with_gpu_time("post", StageKind::post_training, gpu_hours(100), assumed("test"))}};
  const FinalRunCost cost = cost_final_run(run);
  ASSERT_EQ(cost.stages.size(), 2u);
  EXPECT_DOUBLE_EQ(in_gpu_hours(cost.stages[0].gpu_time), in_gpu_hours(e.gpu_time));
  EXPECT_DOUBLE_EQ(in_usd(cost.stages[0].cost), 2.0 * in_gpu_hours(e.gpu_time));
  EXPECT_DOUBLE_EQ(in_hours(cost.stages[0].wall_clock), in_hours(e.wall_clock));
  // The workload and MFU are assumed (test inputs), so the usage is too.
  EXPECT_EQ(cost.stages[0].usage_provenance.evidence, Evidence::assumed);
  EXPECT_EQ(cost.stages[0].usage_provenance.source, e.provenance.source);
  // The breakdown carries the chain into the cost's provenance.
  const LineItem tree = cost.breakdown();
  EXPECT_NE(tree.children[0].provenance.source.find("MFU 0.4"), std::string::npos);
}

TEST(WorkloadStage, StageFromWorkloadRunsOnItsOwnCluster) {
  // The estimate assumed an H800 cluster; costing it inside a run on another
  // cluster must not re-interpret its GPU-hours as another accelerator's.
  const Cluster c = h800s(32);
  const Stage s =
      stage_from_workload("x", StageKind::other, one_b(), c, Throughput(Precision::bf16, 0.4));
  ASSERT_TRUE(s.cluster.has_value());
  EXPECT_EQ(s.cluster->accelerator().name, "H800 SXM");
  EXPECT_DOUBLE_EQ(in_accelerators(s.cluster->count()), 32);
}

TEST(WorkloadStageErrors, Fp8TrainingOnA100) {
  // sources.md §5: the A100 has no FP8; the stage reports the workload's field.
  expect_error(
      [] {
        (void)stage_from_workload("x", StageKind::other, one_b().trained_in(Precision::fp8),
                                  Cluster(accelerator("a100-80gb"), accelerators(8)),
                                  Throughput(Precision::bf16, 0.4));
      },
      ErrorCode::unsupported_precision, "workload.training_precision",
      "got fp8, expected a precision the A100 SXM4 80GB has a peak for");
}

}  // namespace
}  // namespace traincost
