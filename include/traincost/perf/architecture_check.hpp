#pragma once
/// \file
/// Checks of an architecture and of a parallel plan against it and its
/// system. Each throws `traincost::Error` naming the field ("architecture.heads",
/// "plan.tensor"), the value as written and what was expected; nothing is
/// silently rounded.
///
/// Conventions the checks encode:
/// * `kv_heads = 0` means multi-head attention (as many KV heads as heads);
/// * uneven pipelines are allowed: the layers need not divide by
///   pipeline x virtual_stages (Llama 3 405B: 126 layers on 16 stages;
///   DeepSeek-V3: 61 on 16). Each model chunk needs at least one layer, and
///   the step-time model times the stage with the most layers, ceil(l / p);
/// * a tensor-parallel degree must divide the heads, and the KV heads must
///   divide by it or it by them (Megatron replicates KV heads when t exceeds
///   them, e.g. GQA with 8 KV heads on t = 16);
/// * expert parallelism takes its ranks from data x context (Megatron's
///   convention), so `expert` divides data x context and the routed experts.
///
/// The checks allocate only on the failure path.

#include <string>
#include <utility>

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/perf/architecture.hpp"
#include "traincost/perf/plan.hpp"
#include "traincost/perf/system.hpp"

namespace traincost::perf {

namespace detail {

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_field(const char* field, double value,
                                                              const std::string& expected) {
  throw Error(ErrorCode::invalid_value, FieldPath(field), traincost::detail::format_value(value),
              expected);
}

inline void require_at_least(const char* field, double value, double minimum, const char* what) {
  if (!(value >= minimum)) [[unlikely]]
    fail_field(field, value, what);
}

/// `value` must divide `into` (both positive).
inline void require_divides(const char* field, long long value, const char* into_name,
                            long long into) {
  if (value <= 0 || into % value != 0) [[unlikely]]
    fail_field(field, static_cast<double>(value),
               std::string("a divisor of ") + into_name + " (" + std::to_string(into) + ")");
}

inline void require_efficiency(const char* field, const Efficiency& e) {
  if (!(e.value > 0.0 && e.value <= 1.0)) [[unlikely]]
    fail_field(field, e.value, "a fraction in (0, 1]");
}

}  // namespace detail

/// Checks the shapes of a transformer. Throws `invalid_value` at
/// "architecture.<field>".
inline void check_architecture(const TransformerArchitecture& m) {
  using detail::require_at_least;
  require_at_least("architecture.layers", m.layers, 1, "a positive number of layers");
  require_at_least("architecture.hidden", static_cast<double>(m.hidden), 1,
                   "a positive hidden size");
  require_at_least("architecture.heads", m.heads, 1, "a positive number of heads");
  require_at_least("architecture.vocabulary", static_cast<double>(m.vocabulary), 1,
                   "a positive vocabulary size");
  require_at_least("architecture.sequence_length", static_cast<double>(m.sequence_length), 1,
                   "a positive sequence length in tokens");
  require_at_least("architecture.multi_token_prediction", m.multi_token_prediction, 0,
                   "a prediction depth >= 0 (0: next-token prediction only)");
  const bool all_moe = m.moe && m.moe->dense_layers == 0;
  if (!all_moe)
    require_at_least("architecture.ffn", static_cast<double>(m.ffn), 1,
                     "a positive FFN size (4 x hidden for GPT-style models)");
  if (m.head_dim) {
    require_at_least("architecture.head_dim", static_cast<double>(*m.head_dim), 1,
                     "a positive per-head size");
  } else if (!m.latent_attention && m.hidden % m.heads != 0) [[unlikely]] {
    detail::fail_field("architecture.heads", m.heads,
                       "a divisor of architecture.hidden (" + std::to_string(m.hidden) +
                           "), or a head_dim stated");
  }
  if (m.kv_heads != 0) {
    require_at_least("architecture.kv_heads", m.kv_heads, 1,
                     "a positive number of KV heads (0: as many as heads)");
    detail::require_divides("architecture.kv_heads", m.kv_heads, "architecture.heads", m.heads);
  }
  if (m.latent_attention) {
    const LatentAttention& la = *m.latent_attention;
    require_at_least("architecture.latent_attention.query_rank", static_cast<double>(la.query_rank),
                     0, "a rank >= 0 (0: no query compression)");
    require_at_least("architecture.latent_attention.kv_rank", static_cast<double>(la.kv_rank), 1,
                     "a positive KV compression rank");
    require_at_least("architecture.latent_attention.qk_head_dim",
                     static_cast<double>(la.qk_head_dim), 1, "a positive per-head size");
    require_at_least("architecture.latent_attention.qk_rope_head_dim",
                     static_cast<double>(la.qk_rope_head_dim), 0, "a per-head size >= 0");
    require_at_least("architecture.latent_attention.v_head_dim", static_cast<double>(la.v_head_dim),
                     1, "a positive per-head size");
  }
  if (m.moe) {
    const MixtureOfExperts& e = *m.moe;
    require_at_least("architecture.moe.experts", e.experts, 1, "a positive number of experts");
    require_at_least("architecture.moe.top_k", e.top_k, 1, "at least one routed expert per token");
    if (e.top_k > e.experts) [[unlikely]]
      detail::fail_field("architecture.moe.top_k", e.top_k,
                         "at most architecture.moe.experts (" + std::to_string(e.experts) + ")");
    require_at_least("architecture.moe.shared_experts", e.shared_experts, 0,
                     "a number of shared experts >= 0");
    require_at_least("architecture.moe.expert_ffn", static_cast<double>(e.expert_ffn), 1,
                     "a positive expert FFN size");
    require_at_least("architecture.moe.node_limit", e.node_limit, 0,
                     "a number of domains >= 0 (0: unrestricted routing)");
    require_at_least("architecture.moe.dense_layers", e.dense_layers, 0,
                     "a number of leading dense layers >= 0");
    if (e.dense_layers > m.layers) [[unlikely]]
      detail::fail_field("architecture.moe.dense_layers", e.dense_layers,
                         "at most architecture.layers (" + std::to_string(m.layers) + ")");
  }
}

/// Checks a plan against its architecture and system (and both of those).
/// Throws `invalid_value` at "plan.<field>", "architecture.<field>" or
/// "system.<field>", and `unsupported_precision` at "plan.precision" when the
/// accelerator has no peak at the plan's precision (FP8 on an A100).
inline void check_plan(const TransformerArchitecture& m, const ParallelPlan& p,
                       const TrainingSystem& sys) {
  check_architecture(m);
  using detail::require_at_least;
  using detail::require_divides;
  require_at_least("plan.tensor", p.tensor, 1, "a positive tensor-parallel degree");
  require_at_least("plan.pipeline", p.pipeline, 1, "a positive number of pipeline stages");
  require_at_least("plan.virtual_stages", p.virtual_stages, 1,
                   "a positive number of model chunks per stage");
  require_at_least("plan.data", p.data, 1, "a positive data-parallel degree");
  require_at_least("plan.expert", p.expert, 1, "a positive expert-parallel degree");
  require_at_least("plan.context", p.context, 1, "a positive context-parallel degree");
  require_at_least("plan.micro_batch", static_cast<double>(p.micro_batch), 1,
                   "a positive number of sequences per micro-batch");
  require_at_least("plan.global_batch", static_cast<double>(p.global_batch), 1,
                   "a positive number of sequences per step");

  require_divides("plan.tensor", p.tensor, "architecture.heads", m.heads);
  const int kv = m.kv_heads > 0 ? m.kv_heads : m.heads;
  if (!m.latent_attention && kv % p.tensor != 0 && p.tensor % kv != 0) [[unlikely]]
    detail::fail_field(
        "plan.tensor", p.tensor,
        "a divisor or multiple of architecture.kv_heads (" + std::to_string(kv) + ")");
  if (p.sequence_parallel && p.tensor == 1) [[unlikely]]
    detail::fail_field("plan.tensor", p.tensor,
                       "a tensor-parallel degree > 1 when plan.sequence_parallel is set");
  if (p.dual_pipe && (p.pipeline < 2 || p.pipeline % 2 != 0)) [[unlikely]]
    detail::fail_field("plan.pipeline", p.pipeline,
                       "an even number of stages >= 2 when plan.dual_pipe is set");
  if (p.dual_pipe && p.virtual_stages != 1) [[unlikely]]
    detail::fail_field("plan.virtual_stages", p.virtual_stages,
                       "1 when plan.dual_pipe is set (DualPipe does not interleave)");
  if (p.virtual_stages > 1 && p.pipeline == 1) [[unlikely]]
    detail::fail_field("plan.virtual_stages", p.virtual_stages,
                       "1 when plan.pipeline is 1 (interleaving needs a pipeline)");
  const long long chunks = static_cast<long long>(p.pipeline) * p.virtual_stages;
  if (chunks > m.layers) [[unlikely]]
    detail::fail_field("plan.pipeline", p.pipeline,
                       "at most architecture.layers (" + std::to_string(m.layers) +
                           ") model chunks: pipeline x virtual_stages = " + std::to_string(chunks));
  if (p.global_batch % (p.micro_batch * p.data) != 0) [[unlikely]]
    detail::fail_field("plan.global_batch", static_cast<double>(p.global_batch),
                       "a multiple of plan.micro_batch x plan.data (" +
                           std::to_string(p.micro_batch * p.data) + ")");
  require_divides("plan.context", p.context, "architecture.sequence_length", m.sequence_length);
  if (p.expert > 1) {
    if (!m.moe) [[unlikely]]
      detail::fail_field("plan.expert", p.expert, "1 for a model without MoE layers");
    require_divides("plan.expert", p.expert, "plan.data x plan.context",
                    static_cast<long long>(p.data) * p.context);
    require_divides("plan.expert", p.expert, "architecture.moe.experts", m.moe->experts);
  }
  if (!(p.overlap.communication_sm_share >= 0.0 && p.overlap.communication_sm_share < 1.0))
      [[unlikely]]
    detail::fail_field("plan.overlap.communication_sm_share", p.overlap.communication_sm_share,
                       "a share in [0, 1)");
  if (p.precision != Precision::bf16 && p.precision != Precision::fp8) [[unlikely]]
    throw Error(ErrorCode::unsupported_precision, "plan.precision",
                std::string(to_string(p.precision)), "bf16 or fp8 (the training GEMM precisions)");
  (void)sys.accelerator.peak(p.precision, "plan.precision");
  (void)sys.accelerator.peak(Precision::bf16, "plan.precision");

  require_at_least("system.accelerator.memory", in_gigabytes(sys.accelerator.memory), 1e-9,
                   "a positive memory size in GB");
  require_at_least("system.accelerator.memory_bandwidth",
                   in_gigabytes_per_second(sys.accelerator.memory_bandwidth), 1e-9,
                   "a positive memory bandwidth in GB/s");
  require_at_least("system.network.scale_up", in_gigabytes_per_second(sys.network.scale_up), 1e-9,
                   "a positive scale-up bandwidth per accelerator in GB/s");
  require_at_least("system.network.scale_out", in_gigabytes_per_second(sys.network.scale_out), 1e-9,
                   "a positive scale-out bandwidth per accelerator in GB/s");
  require_at_least("system.network.scale_up_domain", sys.network.scale_up_domain, 1,
                   "a positive number of accelerators per scale-up domain");
  for (const auto& [field, latency] :
       {std::pair{"system.network.scale_up_latency", sys.network.scale_up_latency},
        std::pair{"system.network.scale_out_latency", sys.network.scale_out_latency}}) {
    const double s = in_seconds(latency);
    if (!(s >= 0.0 && s < 1.0)) [[unlikely]]
      detail::fail_field(field, s, "a collective step latency in [0, 1) seconds");
  }
  require_at_least("system.reserved_memory", in_gigabytes(sys.reserved_memory), 0,
                   "a reserved allowance >= 0 GB");
  detail::require_efficiency("system.efficiency.matmul", sys.efficiency.matmul);
  detail::require_efficiency("system.efficiency.matmul_fine_grained_fp8",
                             sys.efficiency.matmul_fine_grained_fp8);
  if (!(sys.efficiency.matmul_size >= 0.0 && sys.efficiency.matmul_size < 1e12)) [[unlikely]]
    detail::fail_field("system.efficiency.matmul_size", sys.efficiency.matmul_size,
                       "a product size >= 0 (0: no size penalty)");
  detail::require_efficiency("system.efficiency.attention", sys.efficiency.attention);
  detail::require_efficiency("system.efficiency.memory_bound", sys.efficiency.memory_bound);
  detail::require_efficiency("system.efficiency.scale_up", sys.efficiency.scale_up);
  detail::require_efficiency("system.efficiency.scale_out", sys.efficiency.scale_out);
}

}  // namespace traincost::perf
