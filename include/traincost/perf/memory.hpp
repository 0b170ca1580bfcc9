#pragma once
/// \file
/// Memory per accelerator at the peak of a training step: weights,
/// gradients, optimizer state, stored activations and the system's reserved
/// allowance, for the stage that needs the most (the first, which holds the
/// most micro-batches in flight, or the last, which holds the logits).
///
/// Training state (mixed-precision Adam, bytes per parameter; the
/// conventions of Megatron-LM's distributed optimizer):
/// * weights 2 (BF16; FP8 runs keep BF16 weights too), gradients 4 (FP32
///   main gradients), optimizer 12 (FP32 master copy, Adam's m and v);
/// * ZeRO-1 shards the optimizer state over the data ranks, ZeRO-2 also the
///   gradients, ZeRO-3 also the weights (plus one gathered layer's weights in
///   flight). Dense parameters are replicated over data x context ranks, the
///   routed experts over data x context / expert ranks, so their shards are
///   that much larger.
///
/// Activations (Korthikanti et al. 2022, arXiv 2205.05198, §4), per layer
/// and micro-batch of b sequences of s tokens, h hidden, a heads, t-way
/// tensor parallel: GPT-style, no parallelism 34·sbh + 5·a·s²·b bytes; with
/// TP sbh·(10 + 24/t + 5·a·s/(h·t)); with TP + sequence parallel
/// sbh/t·(34 + 5·a·s/h); selective recompute (and FlashAttention) drops the
/// 5·a·s²·b attention-core term; full recompute stores only the layer input,
/// 2·sbh (/t with SP), and re-creates one layer's activations in backward.
/// The model writes these term by term, so the same count covers GQA (K and V
/// shrink with the KV heads), MLA (latent inputs), SwiGLU (three FFN
/// tensors), MoE (each routed copy of a token stores its input and expert
/// activations) and models without dropout (no masks); context parallelism
/// divides the tokens by c. tests/unit/perf/memory_test.cpp checks the
/// GPT-style totals against Korthikanti's formulas.
///
/// Pipeline: 1F1B keeps p micro-batches in flight on the first stage (l/p
/// layers each: l layers in all); the interleaved schedule (v chunks per
/// stage) keeps 2·(p-1) + (v-1)·p + 1 chunks of l/(p·v) layers, i.e. about
/// l·(1 + (p-1)/(p·v)) layers, Korthikanti's factor; never more than the
/// micro-batches of the step. The last stage holds one micro-batch
/// ((v-1)·p + 1 chunks interleaved) and the FP32 logits, 4·s·b·V/t bytes.

#include "traincost/perf/architecture.hpp"
#include "traincost/perf/detail/stage.hpp"
#include "traincost/perf/flop_count.hpp"
#include "traincost/perf/plan.hpp"
#include "traincost/perf/step_prediction.hpp"
#include "traincost/perf/system.hpp"

namespace traincost::perf {

/// Bytes per parameter of the training state (see the file comment).
inline constexpr double weight_bytes_per_parameter = 2.0;
inline constexpr double gradient_bytes_per_parameter = 4.0;
inline constexpr double optimizer_bytes_per_parameter = 12.0;

namespace detail {

/// Selective recompute of a latent-attention (MLA) model also re-creates the
/// queries, keys and values from the stored latents in backward instead of
/// storing them, as DeepSeek-V3 does (report §3.2.3, docs/sources.md §15 G):
/// like the attention core, they are large and cheap to recompute.
inline bool mla_up_projection_recomputed(const TransformerArchitecture& m, const ParallelPlan& p) {
  return m.latent_attention.has_value() && p.recompute == Recompute::selective;
}

/// Stored activation bytes of one layer for one micro-batch on one
/// accelerator, dense or MoE.
struct LayerActivations {
  double dense = 0;
  double moe = 0;
};

inline LayerActivations layer_activations(const TransformerArchitecture& m, const ParallelPlan& p) {
  const double t = p.tensor;
  const double rep = p.sequence_parallel ? 1.0 / t : 1.0;  // parts TP replicates unless SP
  const double tokens = static_cast<double>(p.micro_batch) *
                        static_cast<double>(m.sequence_length) / p.context;  // s·b per rank
  const double h = static_cast<double>(m.hidden);
  const double s = static_cast<double>(m.sequence_length);
  const double nq = m.heads;
  const double mask = m.dropout ? 1.0 : 0.0;  // bytes per element of a dropout mask

  if (p.recompute == Recompute::full) {
    const double input = 2.0 * tokens * h * rep;
    return {input, input};
  }
  // Bytes per element of a cached linear-layer input: FP8 plans cache them in
  // FP8 for the FP8 weight-gradient GEMM (DeepSeek-V3 report §3.3.3,
  // docs/sources.md §15 G) [assumed for every fp8 plan]; BF16 otherwise.
  const bool fp8 = p.precision == Precision::fp8;
  const double lin = fp8 ? 1.0 : 2.0;
  // Attention block, bytes per token.
  double attn = 2.0 * h * rep      // LayerNorm input
                + lin * h * rep    // QKV input (LayerNorm output)
                + mask * h * rep;  // dropout mask after the output projection
  const double qk = core_qk_dim(m), vd = core_v_dim(m);
  if (m.latent_attention) {
    const LatentAttention& la = *m.latent_attention;
    attn += lin * static_cast<double>(la.query_rank + la.kv_rank) * rep  // up-projection inputs
            + 2.0 * static_cast<double>(la.qk_rope_head_dim) * rep;      // rotary key
    // Q, K, V after the up-projections; selective recompute re-creates them
    // from the latents in backward (DeepSeek-V3 report §3.2.3).
    if (!mla_up_projection_recomputed(m, p))
      attn += (2.0 * nq * qk * 2.0 + 2.0 * nq * vd) / t;
  } else {
    const double nkv = m.kv_heads > 0 ? m.kv_heads : m.heads;
    attn += (2.0 * nq * qk + 2.0 * nkv * qk + 2.0 * nkv * vd) / t;  // Q, K, V
  }
  // Output projection input, kept at 2 bytes: DeepSeek stores it in a 12-bit
  // format (E5M6, report §3.3.3) rather than FP8.
  attn += 2.0 * nq * vd / t;
  // Attention core: softmax output 2, its dropout mask 1, dropout output 2
  // bytes per score (Korthikanti's 5·a·s²·b); gone under selective
  // recompute or a fused kernel, which keeps FP32 row statistics instead.
  const bool core_stored = p.recompute == Recompute::none && !p.flash_attention;
  if (core_stored)
    attn += (2.0 + mask + (m.dropout ? 2.0 : 0.0)) * nq * s / t;
  else
    attn += 4.0 * nq / t;
  // FFN block, bytes per token; per inner element: GELU input 2 and output
  // (the second linear's input); SwiGLU gate 2, up 2 and product.
  const bool swiglu = m.ffn_kind == FeedForwardKind::swiglu;
  const double acts = (swiglu ? 4.0 : 2.0) + lin;
  // Experts of FP8 plans cache the SwiGLU inputs in FP8 and recompute the
  // product in backward (DeepSeek-V3 report §3.3.3) [assumed for fp8 plans].
  const double expert_acts = fp8 && swiglu ? 2.0 : acts;
  const double ffn_common = 2.0 * h * rep      // LayerNorm input
                            + lin * h * rep    // first linear input
                            + mask * h * rep;  // dropout mask
  const double dense_ffn = ffn_common + acts * static_cast<double>(m.ffn) / t;
  double moe_ffn = 0;
  if (m.moe) {
    const MixtureOfExperts& e = *m.moe;
    const double f = static_cast<double>(e.expert_ffn);
    moe_ffn = ffn_common + 4.0 * e.experts                // FP32 router scores
              + e.top_k * (lin * h + expert_acts * f / t  // each routed copy: input, activations
                           + 2.0 * h)                     // and output, for the combine's backward
              + e.shared_experts * expert_acts * f / t;
  }
  return {tokens * (attn + dense_ffn), tokens * (attn + moe_ffn)};
}

/// Activation bytes of one full layer when full recompute re-creates it.
inline LayerActivations full_layer_activations(const TransformerArchitecture& m,
                                               const ParallelPlan& p) {
  ParallelPlan q = p;
  q.recompute = Recompute::none;
  return layer_activations(m, q);
}

/// Chunks of l/(p·v) layers' activations in flight on the first and last
/// stage (see the file comment), in units of a stage's layers.
inline double in_flight_first(const ParallelPlan& p) {
  const double m = static_cast<double>(p.micro_batches());
  if (p.dual_pipe)  // p + 1 stage-loads, half on each of the rank's two stages
    return (m < p.pipeline + 1.0 ? m : p.pipeline + 1.0) / 2.0;
  if (p.virtual_stages == 1)
    return m < p.pipeline ? m : p.pipeline;
  const double v = p.virtual_stages;
  const double chunks = 2.0 * (p.pipeline - 1) + (v - 1.0) * p.pipeline + 1.0;
  const double all = m * v;
  return (chunks < all ? chunks : all) / v;
}
inline double in_flight_last(const ParallelPlan& p) {
  if (p.dual_pipe)
    return in_flight_first(p);
  if (p.virtual_stages == 1)
    return 1.0;
  const double m = static_cast<double>(p.micro_batches());
  const double v = p.virtual_stages;
  const double chunks = (v - 1.0) * p.pipeline + 1.0;
  const double all = m * v;
  return (chunks < all ? chunks : all) / v;
}

struct StageMemory {
  double weights = 0, gradients = 0, optimizer = 0, activations = 0;
  double total() const { return weights + gradients + optimizer + activations; }
};

inline StageMemory stage_memory(const TransformerArchitecture& m, const ParallelPlan& p,
                                const StageLayers& st, double in_flight,
                                const LayerActivations& per_layer) {
  const StageParameters par = stage_parameters(m, p, st);
  const double dp_dense = static_cast<double>(p.data) * p.context;
  const double dp_expert = dp_dense / p.expert;
  const auto shard = [&](double dense_bytes, double expert_bytes, bool sharded) {
    return sharded ? dense_bytes / dp_dense + expert_bytes / dp_expert : dense_bytes + expert_bytes;
  };
  const int z = static_cast<int>(p.zero);
  StageMemory out;
  out.weights = shard(par.dense * weight_bytes_per_parameter,
                      par.expert * weight_bytes_per_parameter, z >= 3);
  if (z >= 3)  // the gathered layer being computed and the next one prefetched
    out.weights += 2.0 * par.largest_layer * weight_bytes_per_parameter;
  out.gradients = shard(par.dense * gradient_bytes_per_parameter,
                        par.expert * gradient_bytes_per_parameter, z >= 2);
  out.optimizer = shard(par.dense * optimizer_bytes_per_parameter,
                        par.expert * optimizer_bytes_per_parameter, z >= 1);

  const double t = p.tensor;
  const double rep = p.sequence_parallel ? 1.0 / t : 1.0;
  const double tokens =
      static_cast<double>(p.micro_batch) * static_cast<double>(m.sequence_length) / p.context;
  double act = in_flight * (st.dense * per_layer.dense + st.moe * per_layer.moe);
  if (p.recompute == Recompute::full) {  // one layer re-created during its backward
    const LayerActivations full = full_layer_activations(m, p);
    act += st.moe > 0 ? full.moe : full.dense;
  }
  const double h = static_cast<double>(m.hidden);
  if (st.embedding && m.dropout)  // embedding dropout mask, per micro-batch in flight
    act += in_flight * tokens * h * rep;
  if (st.output)  // final norm input, output projection input, FP32 logits
    act += tokens * (4.0 * h * rep + 4.0 * static_cast<double>(m.vocabulary) / t);
  out.activations = act;
  return out;
}

}  // namespace detail

/// Activation bytes one accelerator stores for one layer and one
/// micro-batch (a MoE layer when `moe_layer`, else a dense-FFN layer), as the
/// plan's recompute, tensor, sequence and context parallelism leave them:
/// Korthikanti's per-layer formulas for GPT-style models.
inline ByteCount layer_activation_memory(const TransformerArchitecture& m, const ParallelPlan& p,
                                         bool moe_layer = false) {
  const detail::LayerActivations a = detail::layer_activations(m, p);
  return bytes(moe_layer ? a.moe : a.dense);
}

/// Memory per accelerator of the stage that needs the most. Assumes a
/// checked plan (`check_plan`); never allocates.
inline MemoryEstimate estimate_memory(const TransformerArchitecture& m, const ParallelPlan& p,
                                      const TrainingSystem& sys) {
  const detail::Stages st = detail::stages_of(m, p);
  const detail::LayerActivations per_layer = detail::layer_activations(m, p);
  detail::StageMemory worst =
      detail::stage_memory(m, p, st.first, detail::in_flight_first(p), per_layer);
  if (p.dual_pipe) {  // rank 0 holds the first and the last stage (DualPipe)
    const detail::StageMemory last =
        detail::stage_memory(m, p, st.last, detail::in_flight_last(p), per_layer);
    worst.weights += last.weights;
    worst.gradients += last.gradients;
    worst.optimizer += last.optimizer;
    worst.activations += last.activations;
  } else if (!st.single) {
    const detail::StageMemory last =
        detail::stage_memory(m, p, st.last, detail::in_flight_last(p), per_layer);
    if (last.total() > worst.total())
      worst = last;
  }
  MemoryEstimate e;
  e.weights = bytes(worst.weights);
  e.gradients = bytes(worst.gradients);
  e.optimizer_state = bytes(worst.optimizer);
  e.activations = bytes(worst.activations);
  e.reserved = sys.reserved_memory;
  e.total = bytes(worst.total()) + sys.reserved_memory;
  e.capacity = sys.accelerator.memory;
  e.fits = e.total <= e.capacity;
  return e;
}

}  // namespace traincost::perf
