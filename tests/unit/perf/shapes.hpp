#pragma once
// Architectures and plans shared by the perf tests. Shapes are the papers'
// (docs/sources.md §1 for DeepSeek-V3, §15 for Korthikanti et al. 2022).

#include "traincost/perf/architecture.hpp"
#include "traincost/perf/plan.hpp"

namespace traincost::perf::testing {

/// A GPT-style model as Korthikanti et al. 2022 and Narayanan et al. 2021 run
/// it: GELU, ffn 4h, multi-head attention, dropout, vocabulary 51,200, s 2048.
inline TransformerArchitecture gpt(int layers, long long hidden, int heads) {
  TransformerArchitecture m;
  m.name = "GPT";
  m.layers = layers;
  m.hidden = hidden;
  m.ffn = 4 * hidden;
  m.heads = heads;
  m.kv_heads = heads;
  m.vocabulary = 51200;
  m.sequence_length = 2048;
  m.dropout = true;
  return m;
}

/// DeepSeek-V3 (arXiv 2412.19437; docs/sources.md §1): 61 layers, h 7168,
/// 128 heads, MLA (q rank 1536, kv rank 512, qk 128 + rope 64, v 128),
/// 256 routed experts top-8 + 1 shared, expert ffn 2048, 3 leading dense
/// layers with ffn 18432, vocabulary 129,280, sequence 4096.
inline TransformerArchitecture deepseek_v3() {
  TransformerArchitecture m;
  m.name = "DeepSeek-V3";
  m.layers = 61;
  m.hidden = 7168;
  m.ffn = 18432;
  m.ffn_kind = FeedForwardKind::swiglu;
  m.heads = 128;
  m.vocabulary = 129280;
  m.sequence_length = 4096;
  m.latent_attention = LatentAttention{1536, 512, 128, 64, 128};
  m.moe = MixtureOfExperts{256, 8, 1, 2048, 3};
  return m;
}

/// A Selene plan of Korthikanti et al. 2022 Table 5: TP 8, DP 1; "full"
/// runs use full recompute and plain TP, "seqsel" runs sequence parallelism
/// and selective recompute. Megatron-LM of 2022: unfused attention, blocking
/// stage-to-stage sends.
inline ParallelPlan selene_plan(int pipeline, int virtual_stages, long long global_batch,
                                long long micro_batch, bool seqsel) {
  ParallelPlan p;
  p.tensor = 8;
  p.pipeline = pipeline;
  p.virtual_stages = virtual_stages;
  p.global_batch = global_batch;
  p.micro_batch = micro_batch;
  p.flash_attention = false;
  p.overlap.pipeline = false;
  p.sequence_parallel = seqsel;
  p.recompute = seqsel ? Recompute::selective : Recompute::full;
  return p;
}

}  // namespace traincost::perf::testing
