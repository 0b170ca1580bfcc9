#pragma once
/// \file
/// What one pipeline stage holds: its layers (dense and MoE), whether it
/// holds the input embedding or the output projection, and the parameters
/// one accelerator of it stores. Shared by memory.hpp and step_time.hpp.
/// Plain doubles: this is the hot path of the plan search.

#include "traincost/perf/architecture.hpp"
#include "traincost/perf/flop_count.hpp"
#include "traincost/perf/plan.hpp"

namespace traincost::perf::detail {

/// One stage's share of the model.
struct StageLayers {
  double dense = 0;        ///< layers with a dense FFN
  double moe = 0;          ///< MoE layers
  bool embedding = false;  ///< holds the input embedding (first stage)
  bool output = false;     ///< holds the output projection and the loss (last stage)
  double layers() const { return dense + moe; }
};

/// The first and the last stage. Uneven pipelines: both are given the
/// largest share, ceil(l / p) layers (the stage that decides the time and the
/// memory); the leading dense layers of a MoE model sit on the first stage.
struct Stages {
  StageLayers first;
  StageLayers last;
  bool single = false;  ///< p = 1: first and last are the same stage
};

inline Stages stages_of(const TransformerArchitecture& m, const ParallelPlan& p) {
  Stages s;
  const long long per = (m.layers + p.pipeline - 1) / p.pipeline;
  const int moe_total = moe_layer_count(m);
  const int dense_total = m.layers - moe_total;
  s.single = p.pipeline == 1;
  if (s.single) {
    s.first = {static_cast<double>(dense_total), static_cast<double>(moe_total), true, true};
    s.last = s.first;
    return s;
  }
  const double first_dense = static_cast<double>(dense_total < per ? dense_total : per);
  s.first = {first_dense, static_cast<double>(per) - first_dense, true, false};
  const double last_moe = static_cast<double>(moe_total < per ? moe_total : per);
  s.last = {static_cast<double>(per) - last_moe, last_moe, false, true};
  return s;
}

/// Parameters one accelerator of a stage stores, split by how they are
/// replicated: `dense` over data x context ranks, `expert` over
/// data x context / expert ranks.
struct StageParameters {
  double dense = 0;
  double expert = 0;
  double largest_layer = 0;  ///< one layer's parameters on this accelerator (ZeRO-3 gather)
  double total() const { return dense + expert; }
};

inline StageParameters stage_parameters(const TransformerArchitecture& m, const ParallelPlan& p,
                                        const StageLayers& st) {
  const double t = p.tensor;
  const double h = static_cast<double>(m.hidden);
  double norms = 2.0 * h;
  if (m.latent_attention)
    norms += static_cast<double>(m.latent_attention->query_rank + m.latent_attention->kv_rank);
  const double attn = attention_weights(m) / t + norms;
  const double dense_layer = attn + ffn_weights(m, static_cast<double>(m.ffn)) / t;
  double moe_shared = 0, moe_routed = 0;
  if (m.moe) {
    const double expert = ffn_weights(m, static_cast<double>(m.moe->expert_ffn)) / t;
    moe_shared = attn + h * m.moe->experts + m.moe->shared_experts * expert;
    moe_routed = m.moe->experts * expert / p.expert;
  }
  StageParameters out;
  out.dense = st.dense * dense_layer + st.moe * moe_shared;
  out.expert = st.moe * moe_routed;
  const double emb = static_cast<double>(m.vocabulary) * h / t;
  if (st.embedding)
    out.dense += emb;
  if (st.output && !(st.embedding && m.tied_embeddings))
    out.dense += emb;
  out.largest_layer = st.moe > 0 ? moe_shared + moe_routed : dense_layer;
  return out;
}

}  // namespace traincost::perf::detail
