// FLOP and parameter counts against the published formulas: Korthikanti et
// al. 2022 Eq. 7 and Narayanan et al. 2021 Eq. 3 (docs/sources.md §15), PaLM
// App. B (§10), DeepSeek-V3's 250 GFLOP per token and 671B / 37B parameters
// (§1).
#include "traincost/perf/flop_count.hpp"

#include <gtest/gtest.h>

#include "shapes.hpp"
#include "traincost/perf/step_time.hpp"
#include "traincost/perf/systems.hpp"

namespace traincost::perf {
namespace {

using testing::gpt;

double per_token(const TransformerArchitecture& m, AttentionFlop a) {
  return in_flop_per_token(model_flop_per_token(m, a));
}

TEST(FlopCount, GptMatchesKorthikantiEquation7) {
  // 72·B·s·l·h²·(1 + s/(6h) + V/(12·l·h)) per iteration = that / (B·s) per token.
  for (const auto& m :
       {gpt(48, 6144, 64), gpt(96, 12288, 96), gpt(105, 20480, 128), gpt(128, 25600, 160)}) {
    const double l = m.layers, h = static_cast<double>(m.hidden);
    const double s = static_cast<double>(m.sequence_length), v = static_cast<double>(m.vocabulary);
    const double eq7 = 72.0 * l * h * h * (1.0 + s / (6.0 * h) + v / (12.0 * l * h));
    EXPECT_NEAR(per_token(m, AttentionFlop::full), eq7, 1e-12 * eq7);
    // Causal masking halves the attention core, 12·s·h·l of the full count.
    EXPECT_NEAR(per_token(m, AttentionFlop::full) - per_token(m, AttentionFlop::causal),
                6.0 * s * h * l, 1e-9 * eq7);
  }
}

TEST(FlopCount, FullRecomputeHardwareFlopMatchesNarayananEquation3) {
  // 96·B·s·l·h²·(1 + s/(6h) + V/(16·l·h)): the forward pass of every layer
  // (not the logits) runs twice.
  const TransformerArchitecture m = gpt(96, 12288, 96);
  const ParallelPlan p = testing::selene_plan(8, 3, 64, 1, false);
  const StepPrediction pred =
      predict_step(m, p, selene_a100_80gb(), Precision::bf16, AttentionFlop::full);
  const double l = m.layers, h = 12288, s = 2048, v = 51200;
  const double eq3 = 96.0 * l * h * h * (1.0 + s / (6.0 * h) + v / (16.0 * l * h));
  EXPECT_NEAR(in_flop_per_token(pred.hardware_flop_per_token), eq3, 1e-12 * eq3);
  EXPECT_NEAR(in_flop_per_token(pred.model_flop_per_token), per_token(m, AttentionFlop::full), 1.0);
}

TEST(FlopCount, PalmAppendixBWithMultiQueryAttention) {
  // PaLM 540B's shapes (tied embeddings, multi-query attention, head size 256,
  // SwiGLU 4h): 6N + 12·L·H·Q·T with N the weight matrices (the shared
  // embedding counts once, as the output projection), non-causal.
  TransformerArchitecture m;
  m.layers = 118;
  m.hidden = 18432;
  m.ffn = 4 * 18432;
  m.ffn_kind = FeedForwardKind::swiglu;
  m.heads = 48;
  m.kv_heads = 1;
  m.head_dim = 256;
  m.vocabulary = 256000;
  m.sequence_length = 2048;
  m.tied_embeddings = true;
  const ParameterCounts c = count_parameters(m);
  const double h = 18432, l = 118;
  const double norms = 2.0 * h * l + h;
  const double n = in_parameters(c.total) - norms;
  const double palm = 6.0 * n + 12.0 * l * 48 * 256 * 2048;
  EXPECT_NEAR(per_token(m, AttentionFlop::full), palm, 1e-12 * palm);
  // About 540B parameters, as the model's name says.
  EXPECT_NEAR(in_parameters(c.total) / 1e9, 540.0, 5.0);
}

TEST(FlopCount, DeepSeekV3TwoHundredFiftyGflopPerToken) {
  const TransformerArchitecture m = testing::deepseek_v3();
  // ISCA'25: 250 GFLOP per token at sequence 4096, causal (sources.md §1).
  EXPECT_NEAR(per_token(m, AttentionFlop::causal) / 1e9, 250.0, 2.5);
  // 38.94% causal vs 43.73% non-causal MFU for the same run: the FLOP ratio.
  EXPECT_NEAR(per_token(m, AttentionFlop::causal) / per_token(m, AttentionFlop::full),
              38.94 / 43.73, 0.002);
  // 671B parameters in total, 37B active (sources.md §1).
  const ParameterCounts c = count_parameters(m);
  EXPECT_NEAR(in_parameters(c.total) / 1e9, 671.0, 1.0);
  EXPECT_NEAR(in_parameters(c.active) / 1e9, 37.0, 1.0);
  EXPECT_DOUBLE_EQ(in_parameters(c.embedding), 2.0 * 129280 * 7168);
}

TEST(FlopCount, GroupedQueryAttentionShrinksOnlyKeyValueProjections) {
  TransformerArchitecture mha = gpt(32, 4096, 32);
  TransformerArchitecture gqa = mha;
  gqa.kv_heads = 8;
  const double h = 4096;
  // K and V lose 3/4 of their h x h matrices each: 2 · 2 · (3/4)·h² weights per layer.
  const double fewer = 32 * 2.0 * 0.75 * h * h;
  EXPECT_NEAR(
      in_parameters(count_parameters(mha).total) - in_parameters(count_parameters(gqa).total),
      fewer, 1.0);
  EXPECT_NEAR(per_token(mha, AttentionFlop::causal) - per_token(gqa, AttentionFlop::causal),
              6.0 * fewer, 1.0);
}

TEST(FlopCount, MixtureOfExpertsCountsTopKSharedAndRouter) {
  TransformerArchitecture m = gpt(4, 1024, 16);
  m.ffn_kind = FeedForwardKind::swiglu;
  m.ffn = 4096;
  m.moe = MixtureOfExperts{16, 2, 1, 512, 1};
  const ForwardFlop f = forward_flop(m);
  const double h = 1024;
  EXPECT_DOUBLE_EQ(f.router_per_layer, 2.0 * h * 16);
  const double expert = 3.0 * h * 512;  // gate, up, down
  EXPECT_DOUBLE_EQ(f.moe_layer - f.dense_layer,
                   2.0 * h * 16 + 2.0 * 3 * expert - 2.0 * 3.0 * h * 4096);
  const ParameterCounts c = count_parameters(m);
  EXPECT_NEAR(in_parameters(c.total) - in_parameters(c.active), 3 * (16 - 2) * expert, 1.0);
}

TEST(FlopCount, AttentionFlopNames) {
  EXPECT_EQ(to_string(AttentionFlop::causal), "causal");
  EXPECT_EQ(to_string(AttentionFlop::full), "full");
}

}  // namespace
}  // namespace traincost::perf
