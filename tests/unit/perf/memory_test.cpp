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

// DeepSeek-V3's published memory savings as general mechanisms
// (docs/sources.md §15 G; report §3.2.3, §3.3.3): an fp8 plan caches
// linear-layer inputs in 1 byte and the experts' SwiGLU inputs in 1 byte
// (product recomputed); selective recompute of an MLA model re-creates Q, K,
// V from the latents. Bytes per token of one MoE layer, written out term by
// term (h 7,168, 128 heads of 192 / 128, ranks 1,536 / 512, rotary 64,
// 256 experts of 2,048, top-8, 1 shared; FlashAttention, no dropout).
TEST(Memory, DeepSeekV3MoeLayerUnderFp8AndSelectiveRecompute) {
  const TransformerArchitecture m = testing::deepseek_v3();
  ParallelPlan p;
  p.recompute = Recompute::selective;
  p.precision = Precision::fp8;
  const double h = 7'168;
  const double attn = 2 * h + h + (1'536 + 512) + 2 * 64 + 2 * 128 * 128 + 4 * 128;
  const double moe = 2 * h + h + 4 * 256 + 8 * (h + 2 * 2'048 + 2 * h) + 2 * 2'048;
  EXPECT_NEAR(in_bytes(layer_activation_memory(m, p, true)), 4'096 * (attn + moe), 1.0);
  // BF16 without recompute stores Q, K, V (128 x (192 + 192 + 128) x 2
  // bytes), BF16 linear inputs and the SwiGLU product: nearly twice as much.
  ParallelPlan bf16 = p;
  bf16.recompute = Recompute::none;
  bf16.precision = Precision::bf16;
  EXPECT_GT(in_bytes(layer_activation_memory(m, bf16, true)),
            1.9 * in_bytes(layer_activation_memory(m, p, true)));
}

TEST(Memory, DualPipeHoldsTwoStagesAndPipelinePlusOneLoadsInFlight) {
  // DualPipe (docs/sources.md §15 G): rank 0 holds the first and the last
  // stage (2x parameters) and p + 1 stage-loads of activations, against
  // 1F1B's p on the first stage; plus the last stage's logits.
  const TrainingSystem sys = h800_hgx_cluster();
  TransformerArchitecture m = testing::deepseek_v3();
  m.moe->dense_layers = 0;  // every stage holds four MoE layers
  ParallelPlan p;
  p.pipeline = 16;
  p.data = 128;
  p.expert = 64;
  p.global_batch = 15'360;  // 120 micro-batches: the pipeline is full
  p.zero = ZeroStage::optimizer;
  p.recompute = Recompute::selective;
  p.precision = Precision::fp8;
  const MemoryEstimate one_f_one_b = estimate_memory(m, p, sys);
  p.dual_pipe = true;
  const MemoryEstimate dual = estimate_memory(m, p, sys);
  EXPECT_NEAR(in_bytes(dual.weights), 2.0 * in_bytes(one_f_one_b.weights), 1.0);
  EXPECT_NEAR(in_bytes(dual.gradients), 2.0 * in_bytes(one_f_one_b.gradients), 1.0);
  const double h = 7'168, vocabulary = 129'280, tokens = 4'096;
  const double logits = tokens * (4.0 * h + 4.0 * vocabulary);
  EXPECT_NEAR(in_bytes(dual.activations), 17.0 / 16.0 * in_bytes(one_f_one_b.activations) + logits,
              1e3);
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

// Llama 3 405B's published split (TP 8 with SP, PP 16, DP 64; docs/sources.md
// §15 E), no recompute, FlashAttention, no dropout: Korthikanti's count term
// by term for GQA and SwiGLU, per token and layer, /t under SP — norm and
// QKV inputs 2h + 2h, Q 2·128·128, K and V 2·8·128 each, the output
// projection's input 2·128·128, FP32 softmax statistics 4·128 (no s x s
// scores), FFN norm and first-linear inputs 2h + 2h, SwiGLU 6f — and the
// first stage holds p = 16 micro-batches of its own 8 layers, not more.
TEST(Memory, Llama3FirstStageHoldsSixteenMicroBatchesOfItsEightLayers) {
  TransformerArchitecture m;
  m.name = "Llama 3 405B";
  m.layers = 126;
  m.hidden = 16384;
  m.ffn = 53248;
  m.ffn_kind = FeedForwardKind::swiglu;
  m.heads = 128;
  m.kv_heads = 8;
  m.vocabulary = 128256;
  m.sequence_length = 8192;
  m.tied_embeddings = false;
  m.dropout = false;
  ParallelPlan p;
  p.tensor = 8;
  p.sequence_parallel = true;
  p.pipeline = 16;
  p.data = 64;
  p.zero = ZeroStage::gradients;
  p.global_batch = 2048;  // 32 micro-batches of one sequence
  const double h = 16384, t = 8;
  const double per_token = (2 * h + 2 * h) / t + (2.0 * 128 * 128 + 2 * 2.0 * 8 * 128) / t +
                           2.0 * 128 * 128 / t + 4.0 * 128 / t + (2 * h + 2 * h) / t +
                           6.0 * 53248 / t;
  const double layer = 8192 * per_token;
  EXPECT_NEAR(in_bytes(layer_activation_memory(m, p)), layer, 1e-9 * layer);
  // ceil(126 / 16) = 8 layers on the first stage, 16 micro-batches in flight.
  EXPECT_NEAR(in_bytes(estimate_memory(m, p, h100_hgx_cluster()).activations), 16 * 8 * layer,
              1e-9 * layer);
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
