#pragma once
/// \file
/// A decoder-only transformer as a step-time model needs it: the shapes that
/// decide FLOP, parameter bytes, activation bytes and communication volume.
///
/// Dense models fill the first block; grouped-query and multi-head latent
/// attention (DeepSeek-V2/V3) and mixture-of-experts layers are optional
/// parts. Every size is a whole number; `validate` checks the combination
/// (heads divide the hidden size unless a head dimension is given, KV heads
/// divide heads, top-k at most the experts ...).

#include <optional>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"

namespace traincost::perf {

/// The feed-forward block: GELU has two weight matrices (up, down), SwiGLU
/// three (gate, up, down), so SwiGLU models state a smaller FFN size for the
/// same parameter count (LLaMA: 8/3 x hidden).
enum class FeedForwardKind { gelu, swiglu };

/// "gelu" or "swiglu".
constexpr std::string_view to_string(FeedForwardKind k) {
  switch (k) {
    case FeedForwardKind::gelu:
      return "gelu";
    case FeedForwardKind::swiglu:
      return "swiglu";
  }
  traincost::detail::fail_enum_value("FeedForwardKind", static_cast<long long>(k));
}

/// Multi-head latent attention (DeepSeek-V2 §2.1): queries and keys/values
/// pass through low-rank projections; keys carry a separate rotary part.
struct LatentAttention {
  long long query_rank = 0;        ///< q_lora_rank (1536 in V3); 0: no query compression
  long long kv_rank = 0;           ///< kv_lora_rank (512 in V3)
  long long qk_head_dim = 0;       ///< non-rotary query/key dimension per head (128)
  long long qk_rope_head_dim = 0;  ///< rotary query/key dimension per head (64)
  long long v_head_dim = 0;        ///< value dimension per head (128)
};

/// Mixture-of-experts feed-forward layers (GShard / DeepSeekMoE style): each
/// token goes to `top_k` of `experts` routed experts plus every shared
/// expert; the first `dense_layers` layers keep a dense FFN of the
/// architecture's `ffn` size.
struct MixtureOfExperts {
  int experts = 0;           ///< routed experts per MoE layer
  int top_k = 0;             ///< routed experts each token visits
  int shared_experts = 0;    ///< experts every token visits
  long long expert_ffn = 0;  ///< FFN size of one expert
  int dense_layers = 0;      ///< leading layers with a dense FFN instead
  /// Node-limited routing (DeepSeek-V3 §2.1.2: M = 4): a token's routed
  /// experts lie in at most this many scale-up domains, and its dispatch
  /// crosses the scale-out network once per domain, then fans out inside
  /// it. 0: unrestricted, one scale-out copy per routed expert.
  int node_limit = 0;
};

/// One decoder-only transformer.
struct TransformerArchitecture {
  std::string name;      ///< e.g. "GPT-3 175B"
  int layers = 0;        ///< transformer blocks
  long long hidden = 0;  ///< model width h
  long long ffn = 0;     ///< dense FFN inner size (4h for GPT-style GELU models)
  FeedForwardKind ffn_kind = FeedForwardKind::gelu;
  int heads = 0;                      ///< query heads
  int kv_heads = 0;                   ///< key/value heads: = heads (MHA), < heads (GQA), 1 (MQA)
  std::optional<long long> head_dim;  ///< per-head size when not hidden / heads
  long long vocabulary = 0;           ///< vocabulary size (input and output embeddings)
  long long sequence_length = 0;      ///< training sequence length in tokens
  bool tied_embeddings = false;       ///< input and output embeddings share one matrix
  /// Dropout after attention and FFN (GPT-3, Megatron's GPT): a 1-byte mask
  /// per element is stored for backward. LLaMA-style models train without.
  bool dropout = false;
  std::optional<LatentAttention> latent_attention;  ///< MLA instead of (G)QA
  std::optional<MixtureOfExperts> moe;              ///< MoE FFN layers
  /// Multi-token-prediction depth (DeepSeek-V3 §2.2: 1): each module runs one
  /// more transformer block of the last layer's kind, a 2h -> h projection
  /// and the shared output head once more per token. Trained, discarded at
  /// inference: its work is hardware FLOP and time, not model FLOP (the
  /// MFU's 250 GFLOP/token of ISCA'25 leaves it out; docs/sources.md §15 G).
  int multi_token_prediction = 0;
  Provenance provenance;  ///< where the shapes come from

  /// Per-head query/key size: `head_dim` when given, else hidden / heads.
  long long query_head_dim() const { return head_dim ? *head_dim : hidden / heads; }
};

}  // namespace traincost::perf
