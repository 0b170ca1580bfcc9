#pragma once
/// \file
/// Parameters and training FLOP per token of a decoder-only transformer,
/// counted matrix product by matrix product from its shapes.
///
/// Conventions (docs/step-time.md, "The model"):
/// * a multiply-add is 2 FLOP; only matrix products are counted (norms,
///   activations, softmax and residual adds are memory-bound work that the
///   step-time model times separately, not FLOP);
/// * training = forward + backward = 3 x forward (the backward pass computes
///   the gradients of activations and of weights, each a forward's worth);
///   recomputed forward work is NOT model FLOP (it is hardware FLOP, HFU);
/// * the attention core (scores Q·K^T and context softmax·V, 2·s·d FLOP per
///   token per head each) is halved for causal masking: a token attends only
///   to the ones before it. `AttentionFlop::full` counts the whole square, the
///   convention of Korthikanti et al. 2022 Eq. 7, Narayanan et al. 2021 Eq. 3
///   and PaLM App. B; DeepSeek quotes both (docs/sources.md §1);
/// * the logits (output projection, 2·h·V per token forward) are counted, the
///   input embedding lookup is not (it is a gather);
/// * a MoE layer counts its router (2·h·experts), `top_k` routed experts and
///   every shared expert; the leading `dense_layers` count a dense FFN.
///
/// For a GPT-style model (GELU, ffn 4h, MHA) the count reduces to
/// 72·l·h²·(1 + s/(6h) + V/(12·l·h)) per token with `full`, Korthikanti's
/// Eq. 7 divided by B·s; tests/unit/perf/flop_count_test.cpp checks this, PaLM's
/// 6N + 12·L·H·Q·T and DeepSeek-V3's 250 GFLOP per token.

#include <string_view>

#include "traincost/core/error.hpp"
#include "traincost/perf/architecture.hpp"
#include "traincost/units/units.hpp"

namespace traincost::perf {

/// Whether the attention core counts the whole score square or its causal
/// half.
enum class AttentionFlop { causal, full };

/// "causal" or "full".
constexpr std::string_view to_string(AttentionFlop a) {
  switch (a) {
    case AttentionFlop::causal:
      return "causal";
    case AttentionFlop::full:
      return "full";
  }
  traincost::detail::fail_enum_value("AttentionFlop", static_cast<long long>(a));
}

/// Parameters of a model: all of them, those one token uses, and the
/// embedding matrices (input, plus output when untied).
struct ParameterCounts {
  ParameterCount total = parameters(0);
  ParameterCount active = parameters(0);     ///< used per token (MoE: top-k routed + shared)
  ParameterCount embedding = parameters(0);  ///< input embedding + untied output projection
};

/// Forward FLOP per token of one sequence position, by part, as plain
/// numbers (the step-time model's hot path reads these without unit
/// wrapping). Every figure is forward only; training is 3x.
struct ForwardFlop {
  double attention_projections = 0;  ///< all layers: Q, K, V (or MLA's low-rank) and output
  double attention_core = 0;         ///< all layers: Q·K^T and softmax·V, the full square
  double feed_forward = 0;           ///< all layers: dense FFN, routed + shared experts, router
  double logits = 0;                 ///< output projection 2·h·V
  /// Per layer, for stage sums: a dense-FFN layer and (when MoE) a MoE layer.
  double dense_layer = 0;       ///< projections + dense FFN of one layer, core excluded
  double moe_layer = 0;         ///< projections + MoE FFN of one MoE layer, core excluded
  double core_per_layer = 0;    ///< attention core of one layer, full square
  double router_per_layer = 0;  ///< router of one MoE layer (included in moe_layer)
  /// Multi-token-prediction modules, all depths: block (causal core),
  /// projection, output head. Not in `total` (not model FLOP).
  double prediction_modules = 0;

  /// Forward FLOP per token, with the core halved when causal.
  double total(AttentionFlop a) const {
    return attention_projections + feed_forward + logits +
           (a == AttentionFlop::causal ? 0.5 : 1.0) * attention_core;
  }
};

namespace detail {

/// Weights of one layer's attention (projections only).
inline double attention_weights(const TransformerArchitecture& m) {
  const double h = static_cast<double>(m.hidden);
  const double nq = m.heads;
  if (m.latent_attention) {
    const LatentAttention& la = *m.latent_attention;
    const double qk = static_cast<double>(la.qk_head_dim + la.qk_rope_head_dim);
    const double q = la.query_rank > 0 ? h * static_cast<double>(la.query_rank) +
                                             static_cast<double>(la.query_rank) * nq * qk
                                       : h * nq * qk;
    const double kv =
        h * static_cast<double>(la.kv_rank + la.qk_rope_head_dim) +
        static_cast<double>(la.kv_rank) * nq * static_cast<double>(la.qk_head_dim + la.v_head_dim);
    const double o = nq * static_cast<double>(la.v_head_dim) * h;
    return q + kv + o;
  }
  const double d = static_cast<double>(m.query_head_dim());
  const double nkv = m.kv_heads > 0 ? m.kv_heads : m.heads;
  return h * nq * d + 2.0 * h * nkv * d + nq * d * h;
}

/// Weight matrices of one FFN of inner size f: 2 (GELU) or 3 (SwiGLU) h x f.
inline double ffn_weights(const TransformerArchitecture& m, double f) {
  const double mats = m.ffn_kind == FeedForwardKind::swiglu ? 3.0 : 2.0;
  return mats * static_cast<double>(m.hidden) * f;
}

/// Query/key width per head used by the attention core, and value width.
inline double core_qk_dim(const TransformerArchitecture& m) {
  if (m.latent_attention)
    return static_cast<double>(m.latent_attention->qk_head_dim +
                               m.latent_attention->qk_rope_head_dim);
  return static_cast<double>(m.query_head_dim());
}
inline double core_v_dim(const TransformerArchitecture& m) {
  if (m.latent_attention)
    return static_cast<double>(m.latent_attention->v_head_dim);
  return static_cast<double>(m.query_head_dim());
}

/// MoE layers: all layers but the leading dense ones; 0 for a dense model.
inline int moe_layer_count(const TransformerArchitecture& m) {
  if (!m.moe)
    return 0;
  const int dense = m.moe->dense_layers < m.layers ? m.moe->dense_layers : m.layers;
  return m.layers - dense;
}

}  // namespace detail

/// Forward FLOP per token by part. Assumes a checked architecture
/// (`check_architecture`); never throws.
inline ForwardFlop forward_flop(const TransformerArchitecture& m) {
  ForwardFlop f;
  const double h = static_cast<double>(m.hidden);
  const double s = static_cast<double>(m.sequence_length);
  const double l = m.layers;
  const int moe_layers = detail::moe_layer_count(m);
  const double dense_layers = l - moe_layers;

  const double proj = 2.0 * detail::attention_weights(m);
  f.core_per_layer =
      2.0 * s * m.heads * detail::core_qk_dim(m) + 2.0 * s * m.heads * detail::core_v_dim(m);
  const double dense_ffn = 2.0 * detail::ffn_weights(m, static_cast<double>(m.ffn));
  f.dense_layer = proj + dense_ffn;
  double moe_ffn = 0;
  if (m.moe) {
    const MixtureOfExperts& e = *m.moe;
    f.router_per_layer = 2.0 * h * e.experts;
    moe_ffn = f.router_per_layer + 2.0 * (e.top_k + e.shared_experts) *
                                       detail::ffn_weights(m, static_cast<double>(e.expert_ffn));
    f.moe_layer = proj + moe_ffn;
  }
  f.attention_projections = l * proj;
  f.attention_core = l * f.core_per_layer;
  f.feed_forward = dense_layers * dense_ffn + moe_layers * moe_ffn;
  f.logits = 2.0 * h * static_cast<double>(m.vocabulary);
  if (m.multi_token_prediction > 0) {
    const double block = (m.moe && moe_layers > 0 ? f.moe_layer : f.dense_layer) +
                         0.5 * f.core_per_layer;  // causal, as fused kernels run it
    f.prediction_modules = m.multi_token_prediction * (block + 2.0 * 2.0 * h * h + f.logits);
  }
  return f;
}

/// Training model FLOP per token: 3 x forward, recompute not counted, the
/// attention core halved when `causal`.
inline FlopPerToken model_flop_per_token(const TransformerArchitecture& m,
                                         AttentionFlop attention = AttentionFlop::causal) {
  return flop_per_token(3.0 * forward_flop(m).total(attention));
}

/// Parameters: weight matrices of every layer, norms (2h per layer plus the
/// final norm; MLA's two latent norms), router, embeddings. Biases are left
/// out (GPT-style models have ~10h per layer of them: < 0.01% of the count).
inline ParameterCounts count_parameters(const TransformerArchitecture& m) {
  const double h = static_cast<double>(m.hidden);
  const double l = m.layers;
  const int moe_layers = detail::moe_layer_count(m);
  const double dense_layers = l - moe_layers;
  double norms = 2.0 * h;
  if (m.latent_attention)
    norms += static_cast<double>(m.latent_attention->query_rank + m.latent_attention->kv_rank);
  const double attn = detail::attention_weights(m) + norms;
  const double dense_ffn = detail::ffn_weights(m, static_cast<double>(m.ffn));
  double moe_total = 0, moe_active = 0;
  if (m.moe) {
    const MixtureOfExperts& e = *m.moe;
    const double expert = detail::ffn_weights(m, static_cast<double>(e.expert_ffn));
    const double router = h * e.experts;
    moe_total = router + (e.experts + e.shared_experts) * expert;
    moe_active = router + (e.top_k + e.shared_experts) * expert;
  }
  const double emb = static_cast<double>(m.vocabulary) * h * (m.tied_embeddings ? 1.0 : 2.0);
  const double common = l * attn + dense_layers * dense_ffn + emb + h;
  ParameterCounts c;
  c.total = parameters(common + moe_layers * moe_total);
  c.active = parameters(common + moe_layers * moe_active);
  c.embedding = parameters(emb);
  return c;
}

}  // namespace traincost::perf
