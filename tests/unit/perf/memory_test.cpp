// Memory per accelerator: activations against Korthikanti et al. 2022 §4
// (arXiv 2205.05198; docs/sources.md §15), training state, pipeline
// in-flight factors, ZeRO sharding and the fits verdict.
#include "traincost/perf/memory.hpp"

#include <gtest/gtest.h>

#include "shapes.hpp"
#include "traincost/perf/systems.hpp"

namespace traincost::perf {
namespace {

using testing::gpt;

struct Shape {
  double s, b, h, a;
};

double layer_bytes(const TransformerArchitecture& m, const ParallelPlan& p) {
  return in_bytes(layer_activation_memory(m, p));
}

ParallelPlan plan(int tensor, bool sp, Recompute r, long long micro = 1) {
  ParallelPlan p;
  p.tensor = tensor;
  p.sequence_parallel = sp;
  p.recompute = r;
  p.micro_batch = micro;
  p.global_batch = micro;
  p.flash_attention = false;
  return p;
}

TEST(Memory, ActivationsPerLayerMatchKorthikantiSection4) {
  const TransformerArchitecture m = gpt(96, 12288, 96);
  const double s = 2048, b = 2, h = 12288, a = 96, t = 8;
  const double sbh = s * b * h;
  // No parallelism: sbh·(34 + 5·a·s/h).
  EXPECT_NEAR(layer_bytes(m, plan(1, false, Recompute::none, 2)), sbh * (34 + 5 * a * s / h),
              1e-9 * sbh);
  // Tensor parallel: sbh·(10 + 24/t + 5·a·s/(h·t)).
  EXPECT_NEAR(layer_bytes(m, plan(8, false, Recompute::none, 2)),
              sbh * (10 + 24 / t + 5 * a * s / (h * t)), 1e-9 * sbh);
  // Tensor + sequence parallel: sbh/t·(34 + 5·a·s/h).
  EXPECT_NEAR(layer_bytes(m, plan(8, true, Recompute::none, 2)), sbh / t * (34 + 5 * a * s / h),
              1e-9 * sbh);
  // + selective recompute: 34·sbh/t (the fused-softmax statistics aside: 4 bytes per head).
  EXPECT_NEAR(layer_bytes(m, plan(8, true, Recompute::selective, 2)),
              sbh / t * 34 + 4 * s * b * a / t, 1e-9 * sbh);
  // TP without SP + selective: sbh·(10 + 24/t).
  EXPECT_NEAR(layer_bytes(m, plan(8, false, Recompute::selective, 2)),
              sbh * (10 + 24 / t) + 4 * s * b * a / t, 1e-9 * sbh);
  // Full recompute: the layer input, 2·sbh (/t with SP).
  EXPECT_NEAR(layer_bytes(m, plan(8, false, Recompute::full, 2)), 2 * sbh, 1e-9 * sbh);
  EXPECT_NEAR(layer_bytes(m, plan(8, true, Recompute::full, 2)), 2 * sbh / t, 1e-9 * sbh);
}

TEST(Memory, FlashAttentionAndNoDropoutShrinkActivations) {
  TransformerArchitecture m = gpt(24, 4096, 32);
  ParallelPlan p = plan(1, false, Recompute::none);
  const double unfused = layer_bytes(m, p);
  p.flash_attention = true;
  EXPECT_LT(layer_bytes(m, p), 0.5 * unfused);  // the s² term dominates at s = 2048, h = 4096
  const double with_dropout = layer_bytes(m, p);
  m.dropout = false;
  EXPECT_NEAR(with_dropout - layer_bytes(m, p), 2.0 * 2048 * 4096, 1.0);  // two 1-byte masks
}

TEST(Memory, TrainingStateIsEighteenBytesPerParameterAndZeroShardsIt) {
  const TrainingSystem sys = selene_a100_80gb();
  const TransformerArchitecture m = gpt(24, 2048, 16);
  ParallelPlan p;
  p.data = 8;
  p.global_batch = 8;
  const double params = in_parameters(count_parameters(m).total) - 2048.0;  // final norm aside
  const MemoryEstimate none = estimate_memory(m, p, sys);
  EXPECT_NEAR(in_bytes(none.weights), 2 * params, 1e-6 * params);
  EXPECT_NEAR(in_bytes(none.gradients), 4 * params, 1e-6 * params);
  EXPECT_NEAR(in_bytes(none.optimizer_state), 12 * params, 1e-6 * params);
  p.zero = ZeroStage::optimizer;
  const MemoryEstimate z1 = estimate_memory(m, p, sys);
  EXPECT_NEAR(in_bytes(z1.optimizer_state), 12 * params / 8, 1e-6 * params);
  EXPECT_EQ(z1.gradients, none.gradients);
  p.zero = ZeroStage::gradients;
  EXPECT_NEAR(in_bytes(estimate_memory(m, p, sys).gradients), 4 * params / 8, 1e-6 * params);
  p.zero = ZeroStage::parameters;
  const MemoryEstimate z3 = estimate_memory(m, p, sys);
  EXPECT_LT(z3.weights, none.weights * 0.3);  // 1/8 plus two gathered layers
  EXPECT_GT(z3.weights, none.weights * (1.0 / 8));
}

TEST(Memory, ExpertsShardOverExpertRanks) {
  const TrainingSystem sys = h800_hgx_cluster();
  TransformerArchitecture m = testing::deepseek_v3();
  m.moe->dense_layers = 0;  // every stage holds four MoE layers
  ParallelPlan p;
  p.pipeline = 16;
  p.data = 128;
  p.global_batch = 1920;
  p.zero = ZeroStage::optimizer;
  p.expert = 8;
  const MemoryEstimate e8 = estimate_memory(m, p, sys);
  p.expert = 64;
  const MemoryEstimate e64 = estimate_memory(m, p, sys);
  // Routed experts dominate a MoE stage: 8x the expert ranks, about a third of the weights.
  EXPECT_LT(e64.weights, e8.weights * 0.4);
  // ZeRO-1 shards expert state over data x context / expert ranks: the
  // optimizer state per GPU is the same however the experts are split.
  EXPECT_NEAR(in_bytes(e64.optimizer_state), in_bytes(e8.optimizer_state),
              1e-9 * in_bytes(e8.optimizer_state));
  EXPECT_EQ(e64.activations, e8.activations);
}

TEST(Memory, PipelineFirstStageHoldsKorthikantiInFlightFactor) {
  // Full recompute: the first stage stores the layer inputs of every
  // micro-batch in flight, l·(1 + (p-1)/(p·v)) layers' worth, plus the
  // embedding dropout mask per micro-batch and one layer re-created whole.
  const TrainingSystem sys = selene_a100_80gb();
  const TransformerArchitecture m = gpt(96, 12288, 96);
  ParallelPlan p = testing::selene_plan(8, 1, 64, 1, false);
  ParallelPlan whole = p;
  whole.recompute = Recompute::none;
  const double layer_input = 2.0 * 2048 * 12288;
  const double one_layer = in_bytes(layer_activation_memory(m, whole));
  const double mask = 2048.0 * 12288;
  // 1F1B: p = 8 micro-batches of 12 layers = all 96 layers.
  EXPECT_NEAR(in_bytes(estimate_memory(m, p, sys).activations),
              96 * layer_input + 8 * mask + one_layer, 1e-6 * layer_input);
  // Interleaved, v = 3: 2(p-1) + (v-1)p + 1 = 31 chunks of 4 layers.
  p.virtual_stages = 3;
  EXPECT_NEAR(in_bytes(estimate_memory(m, p, sys).activations),
              31.0 * 4 * layer_input + 31.0 / 3 * mask + one_layer, 1e-6 * layer_input);
  // ... which is Korthikanti's factor 1 + (p-1)/(p·v) = 1.29 on 96 layers.
  EXPECT_NEAR(31.0 * 4 / 96, 1.0 + 7.0 / 24, 0.01);
  // Fewer micro-batches than stages: only those are in flight.
  p.virtual_stages = 1;
  p.global_batch = 2;
  EXPECT_NEAR(in_bytes(estimate_memory(m, p, sys).activations),
              2 * 12 * layer_input + 2 * mask + one_layer, 1e-6 * layer_input);
}

TEST(Memory, MoreTensorParallelismNeedsLessMemoryPerGpu) {
  const TrainingSystem sys = selene_a100_80gb();
  const TransformerArchitecture m = gpt(48, 6144, 64);
  double previous = 1e300;
  for (int t : {1, 2, 4, 8}) {
    ParallelPlan p;
    p.tensor = t;
    p.sequence_parallel = t > 1;
    p.recompute = Recompute::selective;
    p.global_batch = 4;
    p.micro_batch = 4;
    const double total = in_gigabytes(estimate_memory(m, p, sys).total);
    EXPECT_LT(total, previous) << "t = " << t;
    previous = total;
  }
}

TEST(Memory, FitsComparesTotalWithCapacityIncludingReserve) {
  TrainingSystem sys = selene_a100_80gb();
  const TransformerArchitecture m = gpt(48, 6144, 64);
  ParallelPlan p = testing::selene_plan(1, 1, 4, 4, true);
  MemoryEstimate e = estimate_memory(m, p, sys);
  EXPECT_TRUE(e.fits);
  EXPECT_EQ(e.reserved, sys.reserved_memory);
  EXPECT_NEAR(in_bytes(e.total),
              in_bytes(e.weights + e.gradients + e.optimizer_state + e.activations + e.reserved),
              1.0);
  sys.reserved_memory = gigabytes(80) - e.total + e.reserved + gigabytes(1);
  e = estimate_memory(m, p, sys);
  EXPECT_FALSE(e.fits);
  EXPECT_EQ(e.capacity, gigabytes(80));
}

}  // namespace
}  // namespace traincost::perf
