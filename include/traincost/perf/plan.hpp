#pragma once
/// \file
/// A parallel training plan: how a model's work is split over accelerators,
/// in Megatron-LM's terms (Narayanan et al. 2021; Korthikanti et al. 2022).
///
/// The accelerators are tensor x context x pipeline x data; expert
/// parallelism splits the routed experts over `expert` ranks taken from the
/// data x context ranks (Megatron's convention), so it does not multiply the
/// count.

#include <string_view>

#include "traincost/core/error.hpp"
#include "traincost/hardware/precision.hpp"

namespace traincost::perf {

/// What is recomputed in the backward pass instead of stored.
/// * none: every activation stored;
/// * selective: the attention core (softmax, dropout, score products) is
///   recomputed, the rest stored (Korthikanti §5);
/// * full: only each layer's input is stored; the whole forward pass of a
///   layer runs again before its backward pass.
enum class Recompute { none, selective, full };

/// "none", "selective" or "full".
constexpr std::string_view to_string(Recompute r) {
  switch (r) {
    case Recompute::none:
      return "none";
    case Recompute::selective:
      return "selective";
    case Recompute::full:
      return "full";
  }
  traincost::detail::fail_enum_value("Recompute", static_cast<long long>(r));
}

/// How data-parallel replicas shard training state (Rajbhandari et al.
/// 2020, ZeRO): 0 nothing; 1 optimizer state (Megatron's distributed
/// optimizer); 2 also gradients; 3 also parameters (= FSDP full shard).
enum class ZeroStage { none = 0, optimizer = 1, gradients = 2, parameters = 3 };

/// "0", "1", "2" or "3".
constexpr std::string_view to_string(ZeroStage z) {
  switch (z) {
    case ZeroStage::none:
      return "0";
    case ZeroStage::optimizer:
      return "1";
    case ZeroStage::gradients:
      return "2";
    case ZeroStage::parameters:
      return "3";
  }
  traincost::detail::fail_enum_value("ZeroStage", static_cast<long long>(z));
}

/// Which communication runs concurrently with compute. What overlaps is
/// hidden up to the compute it overlaps with; the rest is exposed time.
struct Overlap {
  bool data_parallel = true;       ///< gradient reduce / parameter gather behind backward
  bool tensor_parallel = false;    ///< TP/SP collectives behind GEMMs (comm-GEMM overlap)
  bool expert_all_to_all = false;  ///< MoE dispatch/combine behind compute (DualPipe-style)
  bool pipeline = true;            ///< stage-to-stage sends behind compute
  /// Share of the SMs the overlapped expert all-to-all holds while it runs
  /// (DeepSeek-V3 §3.2.2: 20 of the H800's 132); the compute it hides behind
  /// slows by 1 / (1 - share). In [0, 1); 0 by default.
  double communication_sm_share = 0.0;
};

/// One parallel plan.
struct ParallelPlan {
  int tensor = 1;                  ///< tensor-parallel degree t
  bool sequence_parallel = false;  ///< Korthikanti's sequence parallelism within TP
  int pipeline = 1;                ///< pipeline stages p
  int virtual_stages = 1;          ///< interleaved chunks per stage v (1 = plain 1F1B)
  /// DeepSeek's DualPipe schedule (V3 report §3.2.1; the DualPipe README's
  /// table, docs/sources.md §15 G): micro-batches enter from both ends, so
  /// rank i holds stages i and p-1-i (two copies of the parameters), keeps
  /// p + 1 stage-loads of activations in flight and idles
  /// (p/2 - 1)(F&B + B - 3W). Needs an even pipeline and no interleaving.
  bool dual_pipe = false;
  int data = 1;  ///< data-parallel degree d
  ZeroStage zero = ZeroStage::none;
  int expert = 1;              ///< expert-parallel degree e (divides data x context)
  int context = 1;             ///< context-parallel degree c
  long long micro_batch = 1;   ///< sequences per micro-batch b
  long long global_batch = 1;  ///< sequences per optimizer step B
  Recompute recompute = Recompute::none;
  Precision precision = Precision::bf16;  ///< the GEMMs' arithmetic precision (bf16, fp8)
  /// FP8 GEMMs with fine-grained (block) scaling: 1 x 128 activation tiles
  /// and 128 x 128 weight blocks each with their own scale, partial sums
  /// promoted to FP32 on the CUDA cores (DeepSeek-V3 report §3.3.2, its
  /// DeepGEMM kernels; docs/sources.md §15 J). Such products run at
  /// `efficiency.matmul_fine_grained_fp8` instead of `matmul`. Ignored by
  /// BF16 plans; false (per-tensor scaled FP8) by default.
  bool fine_grained_fp8 = false;
  Overlap overlap;
  /// The attention core runs as one fused kernel (FlashAttention, Dao et al.
  /// 2022): the s x s scores are never stored (as under selective recompute)
  /// and causal masking skips the upper triangle. Runs before 2022 (Megatron's
  /// Selene runs of Narayanan 2021 and Korthikanti 2022, BLOOM) set false:
  /// their kernels computed and stored the whole square.
  bool flash_attention = true;

  /// Accelerators the plan occupies: t x c x p x d.
  long long accelerators() const {
    return static_cast<long long>(tensor) * context * pipeline * data;
  }
  /// Micro-batches each pipeline processes per step: B / (b x d).
  long long micro_batches() const { return global_batch / (micro_batch * data); }
};

}  // namespace traincost::perf
