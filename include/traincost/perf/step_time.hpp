#pragma once
/// \file
/// Time of one optimizer step for (architecture, plan, system), by cause, and
/// the MFU and HFU that follow. docs/step-time.md, "The model", states every
/// term; in short, per micro-batch on the slowest pipeline stage (first or
/// last, whichever has more work: the last computes the logits):
///
/// * compute: each linear layer's products at peak(plan.precision) x matmul
///   efficiency (matmul_fine_grained_fp8 for the block-scaled FP8 GEMMs of
///   `plan.fine_grained_fp8`) x d/(d + matmul_size), d the smallest of its token, input
///   and output sizes (forward, data-gradient and weight-gradient products
///   share it); the attention core at the BF16 peak x attention efficiency
///   (the whole s x s square unless `plan.flash_attention`, which skips the
///   causal half); memory-bound kernels (norms, activations, residual adds,
///   dropout, softmax, MoE permutes, cross-entropy) as bytes read + written
///   over HBM bandwidth x memory-bound efficiency; backward = 2 x forward
///   products and 1.5 x forward memory traffic (a kernel's backward reads its
///   input and the incoming gradient and writes one gradient);
/// * recompute: full re-runs each layer's forward (products, kernels and TP
///   collectives); selective re-runs the attention core and its softmax;
/// * tensor parallel: per layer two collectives forward of s·b·h BF16
///   values (all-reduce, or reduce-scatter + all-gather with sequence
///   parallelism: the same ring volume 2(t-1)/t), on scale-up when
///   t <= scale_up_domain, else scale-out. Backward, as Megatron-LM does it,
///   the column-parallel layers' collectives run behind their data- and
///   weight-gradient GEMMs (exposed only beyond them); with SP the all-gather
///   of the row-parallel output gradient stays exposed (half a forward's
///   volume). `overlap.tensor_parallel` also hides the forward collectives
///   behind the GEMMs. Full recompute repeats the forward collectives.
///   Context parallel: the ring exchange of K and V (and of their gradients
///   in backward), c-1 steps per layer with a step latency each, exposed
///   only beyond the attention core it overlaps; the merge of each step's
///   partial output (FP32 read + write) is memory-bound work;
/// * expert all-to-all: dispatch + combine forward and backward per MoE
///   layer (dispatch in FP8 when the plan is FP8), over scale-up within a
///   domain, else the out-of-domain share over scale-out (once per
///   destination domain under node-limited routing, `moe.node_limit`);
///   `overlap.expert_all_to_all` hides it behind the micro-batch's compute,
///   which slows by 1/(1 - `overlap.communication_sm_share`);
/// * pipeline: bubble (p-1)/v micro-batch times (of the mean stage: fill and
///   drain pass each stage once); stage-to-stage sends of
///   s·b·h/t values, on the critical path 2·(p·v-1) times when overlapped;
/// * data parallel: ring collectives of BF16 values over the d·c ranks (the
///   experts' over d·c/e), one call per layer, each paying n-1 step
///   latencies per half-ring (`network.scale_*_latency`). ZeRO-0 all-reduces
///   the gradients once per step, ZeRO-1 reduce-scatters them once, ZeRO-2
///   every micro-batch (sharded gradients cannot be accumulated); ZeRO-1/2
///   all-gather the updated weights once. Overlapped, a reduce hides behind
///   its micro-batch's backward less the stage's first layer, the weight
///   gather behind a forward likewise. ZeRO-3 gathers each layer's weights
///   forward, again for the recompute (full recompute) and for the
///   backward, and reduce-scatters its gradients, every micro-batch; only
///   the next layer's gather hides behind the current layer's compute, so
///   the exposed time is per layer max(0, comm - compute), plus the first
///   gather and the last reduce-scatter;
/// * optimizer: Adam reads and writes 32 bytes per local parameter, HBM-bound.
///
/// Step = m micro-batches of the slowest stage + bubble + exposed p2p,
/// data-parallel and optimizer time. MFU = model FLOP per token (flop_count.hpp;
/// causal by default) x tokens per second / (accelerators x dense
/// peak(mfu_precision)); HFU adds the recomputed forward FLOP.
///
/// One call costs about a microsecond and allocates only the provenance
/// string; it calls `check_plan` first.

#include <algorithm>
#include <cmath>

#include "traincost/compute/throughput.hpp"
#include "traincost/perf/architecture.hpp"
#include "traincost/perf/architecture_check.hpp"
#include "traincost/perf/detail/stage.hpp"
#include "traincost/perf/flop_count.hpp"
#include "traincost/perf/memory.hpp"
#include "traincost/perf/plan.hpp"
#include "traincost/perf/step_prediction.hpp"
#include "traincost/perf/system.hpp"

namespace traincost::perf {

/// Bytes Adam reads and writes per local parameter in its update: FP32
/// master, m, v read and written (24), the FP32 gradient read (4), BF16
/// weights written (2), plus the gradient-norm read (~2).
inline constexpr double optimizer_update_bytes_per_parameter = 32.0;
/// Backward memory traffic of a memory-bound kernel relative to its forward.
inline constexpr double backward_memory_traffic_factor = 1.5;

namespace detail {

/// Rates of a system, read once per prediction.
struct Rates {
  double gemm = 0;     ///< FLOP/s of matrix products
  double core = 0;     ///< FLOP/s of the attention core
  double hbm = 0;      ///< bytes/s of memory-bound kernels
  double up = 0;       ///< bytes/s per accelerator on scale-up, achieved
  double out = 0;      ///< bytes/s per accelerator on scale-out, achieved
  double up_hop = 0;   ///< seconds per ring step on scale-up
  double out_hop = 0;  ///< seconds per ring step on scale-out
  double domain = 8;   ///< accelerators per scale-up domain
  double tile = 256;   ///< the GEMM size d0 at which products run at half the matmul efficiency
};

inline Rates rates_of(const ParallelPlan& p, const TrainingSystem& sys) {
  Rates r;
  const EfficiencyParameters& e = sys.efficiency;
  // Block-scaled FP8 products pay for their per-block scales and FP32
  // promotion (docs/step-time.md, "Parameters"); BF16 plans never do.
  const bool block_scaled = p.precision == Precision::fp8 && p.fine_grained_fp8;
  r.gemm = in_flop_per_second(sys.accelerator.peak(p.precision, "plan.precision")) *
           (block_scaled ? e.matmul_fine_grained_fp8.value : e.matmul.value);
  r.core = in_flop_per_second(sys.accelerator.peak(Precision::bf16, "plan.precision")) *
           e.attention.value;
  r.hbm = in_gigabytes_per_second(sys.accelerator.memory_bandwidth) * 1e9 * e.memory_bound.value;
  r.up = in_gigabytes_per_second(sys.network.scale_up) * 1e9 * e.scale_up.value;
  r.out = in_gigabytes_per_second(sys.network.scale_out) * 1e9 * e.scale_out.value;
  r.up_hop = in_seconds(sys.network.scale_up_latency);
  r.out_hop = in_seconds(sys.network.scale_out_latency);
  r.domain = sys.network.scale_up_domain;
  r.tile = e.matmul_size;
  return r;
}

/// Memory-bound bytes of one layer's forward per token on one accelerator:
/// `layer` for everything but the attention core's softmax/dropout, `core`
/// for those (what selective recompute runs again).
struct KernelTraffic {
  double dense = 0, moe = 0, core = 0;
};

inline KernelTraffic kernel_traffic(const TransformerArchitecture& m, const ParallelPlan& p) {
  const double t = p.tensor;
  const double rep = p.sequence_parallel ? 1.0 / t : 1.0;
  const double h = static_cast<double>(m.hidden);
  const double mask = m.dropout ? 1.0 : 0.0;
  // Two norms (read 2, write 2 bytes per element) and two residual adds with
  // bias/dropout (read 2 + 2, write 2, mask).
  const double common = (2.0 * 4.0 + 2.0 * (6.0 + mask)) * h * rep;
  const double acts = m.ffn_kind == FeedForwardKind::swiglu ? 6.0 : 4.0;
  KernelTraffic k;
  k.dense = common + acts * static_cast<double>(m.ffn) / t;
  if (m.moe) {
    const MixtureOfExperts& e = *m.moe;
    k.moe = common + 8.0 * h * e.top_k * rep  // permute and un-permute each routed copy
            + (e.top_k + e.shared_experts) * acts * static_cast<double>(e.expert_ffn) / t;
  }
  if (!p.flash_attention)  // softmax read + write, dropout read + write + mask, per score
    k.core = (4.0 + (m.dropout ? 5.0 : 0.0)) * m.heads * static_cast<double>(m.sequence_length) / t;
  return k;
}

/// Seconds of one linear layer's forward product on one accelerator: T
/// tokens, N outputs, K inputs. Its efficiency is the matmul efficiency times
/// d / (d + d0), d the smallest of T, N and K: the backward products of the
/// same layer (data gradient T x K x N, weight gradient K x N x T) share that
/// smallest size, so one factor serves forward and backward.
inline double gemm_time(const Rates& r, double tokens, double n, double k) {
  const double d = std::min(tokens, std::min(n, k));
  if (!(d > 0))  // an absent product (a MoE model's unused dense FFN size)
    return 0.0;
  return 2.0 * tokens * n * k / (r.gemm * d / (d + r.tile));
}

/// Forward product seconds of one layer's attention projections (in and out).
inline double attention_gemm_time(const TransformerArchitecture& m, const ParallelPlan& p,
                                  const Rates& r, double tokens) {
  const double t = p.tensor;
  const double h = static_cast<double>(m.hidden);
  const double out = m.heads * core_v_dim(m);  // output projection inputs
  const double in = attention_weights(m) / h - out;
  return gemm_time(r, tokens, in / t, h) + gemm_time(r, tokens, h, out / t);
}
/// Forward product seconds of one FFN of inner size f split t ways.
inline double ffn_gemm_time(const TransformerArchitecture& m, const Rates& r, double tokens,
                            double f, double t) {
  const double h = static_cast<double>(m.hidden);
  const double up = m.ffn_kind == FeedForwardKind::swiglu ? 2.0 : 1.0;
  return gemm_time(r, tokens, up * f / t, h) + gemm_time(r, tokens, h, f / t);
}
/// Forward product seconds of one dense-FFN layer.
inline double dense_gemm_time(const TransformerArchitecture& m, const ParallelPlan& p,
                              const Rates& r, double tokens) {
  return attention_gemm_time(m, p, r, tokens) +
         ffn_gemm_time(m, r, tokens, static_cast<double>(m.ffn), p.tensor);
}
/// Forward product seconds of one MoE layer: router, shared experts on every
/// token, and the routed copies spread evenly over the local experts.
inline double moe_gemm_time(const TransformerArchitecture& m, const ParallelPlan& p, const Rates& r,
                            double tokens) {
  if (!m.moe)
    return 0.0;
  const MixtureOfExperts& e = *m.moe;
  const double f = static_cast<double>(e.expert_ffn);
  const double local_experts = static_cast<double>(e.experts) / p.expert;
  const double per_expert = tokens * e.top_k / local_experts;
  return attention_gemm_time(m, p, r, tokens) +
         gemm_time(r, tokens, e.experts, static_cast<double>(m.hidden)) +
         e.shared_experts * ffn_gemm_time(m, r, tokens, f, p.tensor) +
         local_experts * ffn_gemm_time(m, r, per_expert, f, p.tensor);
}

/// Bandwidth for a group of `span` consecutive accelerators.
inline double link(const Rates& r, double span) {
  return span <= r.domain ? r.up : r.out;
}
/// Latency of one ring step for a group of `span` consecutive accelerators.
inline double hop(const Rates& r, double span) {
  return span <= r.domain ? r.up_hop : r.out_hop;
}

/// Seconds of one ring all-gather or reduce-scatter of `values` BF16 values
/// (the full, unsharded size) over n ranks whose group spans `span`
/// accelerators, issued as `calls` collectives: (n-1)/n of the bytes over
/// the link, plus n-1 steps of latency per call.
inline double half_ring(const Rates& r, double n, double values, double calls, double span) {
  if (!(n > 1.0) || !(values > 0.0))
    return 0.0;
  return (n - 1.0) / n * values * 2.0 / link(r, span) + calls * (n - 1.0) * hop(r, span);
}

/// Seconds of one all-reduce of `values` BF16 values over n ranks, as
/// `calls` collectives: the ring's 2(n-1)/n of the bytes, and the fewer
/// step latencies of a ring (2(n-1)) or a tree (2·ceil(log2 n)), which NCCL
/// chooses between for all-reduce (it has only rings for all-gather and
/// reduce-scatter).
inline double all_reduce(const Rates& r, double n, double values, double calls, double span) {
  if (!(n > 1.0) || !(values > 0.0))
    return 0.0;
  const double steps = std::min(2.0 * (n - 1.0), 2.0 * std::ceil(std::log2(n)));
  return 2.0 * (n - 1.0) / n * values * 2.0 / link(r, span) + calls * steps * hop(r, span);
}

/// Communication that a prefetch pipeline runs one layer ahead of compute:
/// the first layer's `first` seconds wait for nothing to hide behind, then
/// each of the other `layers - 1` layers exposes max(0, comm - compute).
/// Exposed seconds beyond the layers' compute.
inline double prefetched(double layers, double first, double comm, double compute) {
  if (!(layers > 0.0))
    return 0.0;
  return first + (layers - 1.0) * std::max(0.0, comm - compute);
}

/// Seconds of the expert all-to-all of `moe_layers` layers for one
/// micro-batch, forward (dispatch + combine) and backward (both in BF16).
/// Each token sends `top_k` copies of h values (T/t tokens per rank with
/// SP). The e expert ranks sit t·c apart, so a scale-up domain holds
/// k = domain/(t·c) of them and the group spans G = e/k domains: a copy
/// leaves its domain with probability (G-1)/G and crosses scale-out, the
/// others stay on scale-up; the slower link decides. With node-limited
/// routing (`moe.node_limit` = M, DeepSeek-V3's dispatch) a token crosses
/// scale-out once per destination domain, min(M, G·(1-(1-1/G)^top_k))
/// domains, and is forwarded to its experts inside the domain.
inline void expert_all_to_all(const TransformerArchitecture& m, const ParallelPlan& p,
                              const Rates& r, double tokens, double moe_layers, double& forward,
                              double& backward) {
  const double t = p.tensor, c = p.context, e = p.expert;
  const double k_top = m.moe->top_k;
  const double sent_tokens = tokens / (p.sequence_parallel ? t : 1.0);
  const double h = static_cast<double>(m.hidden);
  const double in_domain = std::max(1.0, std::min(e, r.domain / (t * c)));
  const double domains = e / in_domain;
  double remote_copies = k_top * (domains - 1.0) / domains;
  if (m.moe->node_limit > 0 && domains > 1.0) {
    const double distinct = domains * (1.0 - std::pow(1.0 - 1.0 / domains, k_top));
    remote_copies = std::min<double>(m.moe->node_limit, distinct) * (domains - 1.0) / domains;
  }
  const double local_copies = k_top * (in_domain - 1.0) / in_domain;
  const auto time = [&](double bytes_per_value) {
    const double per_copy = sent_tokens * h * bytes_per_value;
    return std::max(per_copy * remote_copies / r.out, per_copy * local_copies / r.up);
  };
  const double dispatch = p.precision == Precision::fp8 ? 1.0 : 2.0;
  forward = moe_layers * (time(dispatch) + time(2.0));
  backward = moe_layers * 2.0 * time(2.0);
}

/// The parts of one micro-batch on one stage, in seconds.
struct MicroBatch {
  double compute = 0, recompute = 0, tensor = 0, expert = 0;
  double gemm = 0;      ///< products only, forward + backward
  double forward = 0;   ///< compute of the forward pass (part of `compute`)
  double backward = 0;  ///< compute of the backward pass (part of `compute`)
  double total() const { return compute + recompute + tensor + expert; }
};

inline MicroBatch micro_batch(const TransformerArchitecture& m, const ParallelPlan& p,
                              const Rates& r, const ForwardFlop& f, const KernelTraffic& k,
                              const StageLayers& st) {
  const double t = p.tensor;
  const double c = p.context;
  const double tokens =
      static_cast<double>(p.micro_batch) * static_cast<double>(m.sequence_length) / c;
  const double layers = st.layers();
  const double h = static_cast<double>(m.hidden);
  const double v = static_cast<double>(m.vocabulary);

  // Forward compute of the layers (products, core, kernels) and the logits.
  const double core_flop = tokens * layers * f.core_per_layer * (p.flash_attention ? 0.5 : 1.0) / t;
  const double kern_layers = tokens * (st.dense * k.dense + st.moe * k.moe);
  const double kern_core = tokens * layers * k.core;
  const double kern_out = st.output ? tokens * 8.0 * v / t : 0.0;  // FP32 cross-entropy

  const double layer_gemm_time =
      st.dense * dense_gemm_time(m, p, r, tokens) + st.moe * moe_gemm_time(m, p, r, tokens);
  const double out_gemm_time = st.output ? gemm_time(r, tokens, v / t, h) : 0.0;
  const double fwd_gemm = layer_gemm_time + out_gemm_time;
  const double fwd_core = core_flop / r.core;
  const double fwd_kern_layers = (kern_layers + kern_core + kern_out) / r.hbm;

  // Tensor-parallel collectives: 2 per layer each way, ring volume 2(t-1)/t.
  double tp_fwd = 0;
  if (p.tensor > 1)
    tp_fwd = layers * 2.0 *
             ((2.0 * (t - 1.0) / t) * tokens * h * 2.0 / link(r, t) + 2.0 * (t - 1.0) * hop(r, t));
  // Context-parallel K/V ring: c-1 chunks received per layer forward, twice
  // that backward; hidden behind the attention core.
  double cp_fwd = 0;
  if (p.context > 1) {
    const double kv_width = m.latent_attention ? m.heads * (core_qk_dim(m) + core_v_dim(m))
                                               : (m.kv_heads > 0 ? m.kv_heads : m.heads) *
                                                     (core_qk_dim(m) + core_v_dim(m));
    // Each ring step is a send and a receive: c-1 step latencies per layer.
    cp_fwd = layers * (c - 1.0) * (tokens * kv_width * 2.0 / t / link(r, t * c) + hop(r, t * c));
  }
  // Ring attention merges each step's partial output into the running one
  // (rescaled by the softmax statistics): c-1 FP32 reads and writes of the
  // attention output per layer, memory-bound (Megatron/TE's ring attention).
  const double cp_merge =
      p.context > 1 ? layers * (c - 1.0) * tokens * m.heads * core_v_dim(m) / t * 8.0 / r.hbm : 0.0;
  const double fwd_kern = fwd_kern_layers + cp_merge;
  // Expert all-to-all per MoE layer: dispatch + combine.
  double a2a_fwd = 0, a2a_bwd = 0;
  if (m.moe && st.moe > 0 && p.expert > 1)
    expert_all_to_all(m, p, r, tokens, st.moe, a2a_fwd, a2a_bwd);

  MicroBatch mb;
  const double bwd_compute =
      2.0 * (fwd_gemm + fwd_core) + backward_memory_traffic_factor * fwd_kern;
  mb.forward = fwd_gemm + fwd_core + fwd_kern;
  mb.backward = bwd_compute;
  mb.compute = mb.forward + mb.backward;
  mb.gemm = 3.0 * fwd_gemm;
  // Backward TP collectives (Megatron's column-parallel linear): without
  // SP, the all-reduce of the input gradient runs behind the weight-gradient
  // GEMM; with SP, the re-gather of the input runs behind the data-gradient
  // GEMM and the reduce-scatter behind the weight-gradient GEMM, but the
  // all-gather of the row-parallel output gradient (the backward of the
  // forward reduce-scatter) is exposed: half a ring all-reduce per block.
  // Hidden work is bounded by the layers' backward GEMMs (one forward's
  // worth each for data and weight gradients).
  const double bwd_hidden = p.sequence_parallel ? 1.5 * tp_fwd : tp_fwd;
  const double bwd_exposed = p.sequence_parallel ? 0.5 * tp_fwd : 0.0;
  double tp = tp_fwd + bwd_exposed + std::max(0.0, bwd_hidden - 2.0 * layer_gemm_time);
  double cp = std::max(0.0, 3.0 * cp_fwd - 3.0 * fwd_core);
  double a2a = a2a_fwd + a2a_bwd;
  if (p.recompute == Recompute::full) {
    mb.recompute = layer_gemm_time + fwd_core + (kern_layers + kern_core) / r.hbm;
    tp += tp_fwd;
    a2a += a2a_fwd;
  } else if (p.recompute == Recompute::selective) {
    mb.recompute = fwd_core + kern_core / r.hbm;
    if (mla_up_projection_recomputed(m, p)) {  // MLA: the up-projections run again
      const LatentAttention& la = *m.latent_attention;
      const double nq = m.heads;
      mb.recompute +=
          layers *
          (gemm_time(r, tokens, nq * core_qk_dim(m) / t,
                     static_cast<double>(la.query_rank > 0 ? la.query_rank : m.hidden)) +
           gemm_time(r, tokens, nq * static_cast<double>(la.qk_head_dim + la.v_head_dim) / t,
                     static_cast<double>(la.kv_rank)));
    }
  }
  if (p.overlap.tensor_parallel)
    tp = std::max(0.0, tp - mb.gemm);
  if (p.overlap.expert_all_to_all && a2a > 0) {
    // Communication kernels running beside the compute hold a share of the
    // SMs (DeepSeek-V3: 20 of 132), so the compute they hide behind slows.
    const double share = p.overlap.communication_sm_share;
    const double slowed = mb.compute / (1.0 - share);
    a2a = std::max(0.0, a2a - slowed) + (slowed - mb.compute);
  }
  mb.tensor = tp + cp;
  mb.expert = a2a;
  return mb;
}

inline Duration secs(double s) {
  return seconds(s);
}

}  // namespace detail

/// Predicts one optimizer step. Throws what `check_plan` throws, and
/// `unsupported_precision` at "mfu_precision" when the accelerator has no
/// peak there. `attention` is the FLOP convention of the MFU (causal by
/// default; Korthikanti's and Narayanan's tables count the full square).
inline StepPrediction predict_step(const TransformerArchitecture& m, const ParallelPlan& p,
                                   const TrainingSystem& sys, Precision mfu_precision,
                                   AttentionFlop attention = AttentionFlop::causal) {
  check_plan(m, p, sys);
  const double mfu_peak = in_flop_per_second(sys.accelerator.peak(mfu_precision, "mfu_precision"));
  const detail::Rates r = detail::rates_of(p, sys);
  const ForwardFlop f = forward_flop(m);
  const detail::KernelTraffic k = detail::kernel_traffic(m, p);
  const detail::Stages st = detail::stages_of(m, p);

  detail::MicroBatch mb = detail::micro_batch(m, p, r, f, k, st.first);
  detail::StageLayers slow = st.first;
  // Fill and drain pass once through every stage: p x the mean stage's
  // micro-batch, less the slowest one's, which the m micro-batches count.
  double stage_sum = mb.total();
  if (!st.single) {
    const detail::MicroBatch last = detail::micro_batch(m, p, r, f, k, st.last);
    stage_sum += last.total();
    if (p.pipeline > 2) {
      detail::StageLayers middle = st.last;
      middle.output = false;
      stage_sum += (p.pipeline - 2) * detail::micro_batch(m, p, r, f, k, middle).total();
    }
    if (p.dual_pipe) {
      // DualPipe: rank 0 runs the first stage for the micro-batches of one
      // direction and the last for the other: the mean of the two (a
      // middle rank's two middle stages are no slower).
      const auto mean = [](double a, double b2) { return 0.5 * (a + b2); };
      mb.compute = mean(mb.compute, last.compute);
      mb.recompute = mean(mb.recompute, last.recompute);
      mb.tensor = mean(mb.tensor, last.tensor);
      mb.expert = mean(mb.expert, last.expert);
      mb.gemm = mean(mb.gemm, last.gemm);
      mb.forward = mean(mb.forward, last.forward);
      mb.backward = mean(mb.backward, last.backward);
    } else if (last.total() > mb.total()) {
      mb = last;
      slow = st.last;
    }
  }
  const double micro = static_cast<double>(p.micro_batches());
  const double pp = p.pipeline, v = p.virtual_stages;
  const double t = p.tensor, c = p.context, d = p.data;

  StepTimeBreakdown b;
  // Multi-token-prediction modules: their compute, spread over the stages
  // as if the pipeline were rebalanced for them (their layer assignment is
  // not published) [assumed]; no activations, all-to-all or bubble share.
  const double prediction = 1.0 + f.prediction_modules / f.total(AttentionFlop::causal);
  b.compute = detail::secs(micro * mb.compute * prediction);
  b.recompute = detail::secs(micro * mb.recompute);
  b.tensor_parallel = detail::secs(micro * mb.tensor);
  b.expert_all_to_all = detail::secs(micro * mb.expert);
  // DualPipe idles (p/2 - 1)(F&B + B - 3W) against 1F1B's (p - 1)(F + B):
  // with B = 2F, W = F (the weight gradient half the backward) and F&B =
  // F + B (an overlapped pair takes both computes) [assumed], 2F per step
  // of the bubble against 3F, over p/2 - 1 steps instead of p - 1.
  const double bubble_scale = p.dual_pipe ? (pp / 2.0 - 1.0) / (pp - 1.0) * (2.0 / 3.0) : 1.0 / v;
  b.pipeline_bubble = detail::secs(bubble_scale * (stage_sum - mb.total()));
  if (p.pipeline > 1) {
    const double msg = static_cast<double>(p.micro_batch) * static_cast<double>(m.sequence_length) /
                       c * static_cast<double>(m.hidden) * 2.0 / t;
    const double xfer = msg / detail::link(r, t * c * d * pp);
    double exposed = 2.0 * (pp * v - 1.0) * xfer;
    if (!p.overlap.pipeline)
      exposed += micro * v * 2.0 * xfer;
    b.pipeline_transfer = detail::secs(exposed);
  }
  // Data parallel: the slowest stage's parameters (the first holds the embedding).
  detail::StageParameters par = detail::stage_parameters(m, p, slow);
  if (p.dual_pipe && !st.single) {  // two stages, two copies of the parameters
    const detail::StageParameters other = detail::stage_parameters(m, p, st.last);
    par.dense += other.dense;
    par.expert += other.expert;
  }
  const double n_dense = d * c, n_expert = d * c / p.expert;
  const double span = t * c * d;
  // One all-gather or reduce-scatter of the stage's parameters, one
  // collective per layer (Megatron's and FSDP's buckets are about a layer).
  const double layers =
      std::max(1.0, slow.layers() + (p.dual_pipe && !st.single ? st.last.layers() : 0.0));
  const double pass = detail::half_ring(r, n_dense, par.dense, layers, span) +
                      detail::half_ring(r, n_expert, par.expert, layers, span);
  const bool overlap = p.overlap.data_parallel;
  double dp = 0;
  if (p.zero == ZeroStage::parameters) {
    // ZeRO-3 / FSDP full shard, every micro-batch: gather each layer's
    // weights for its forward, again for its recompute under full recompute
    // (the re-run forward gathers what the first forward released), again
    // for its backward, and reduce-scatter its gradients. A layer's gather
    // can only be prefetched behind the previous layer's compute, so the
    // exposed time is per layer, max(0, comm - compute), plus the first
    // layer's gather and the last layer's reduce-scatter.
    const double g = pass / layers;  // one layer's gather (= its reduce-scatter)
    const double back_gathers = p.recompute == Recompute::full ? 2.0 : 1.0;
    const double fwd_comm = g, bwd_comm = back_gathers * g + g;
    double exposed = layers * (fwd_comm + bwd_comm);
    if (overlap)
      exposed =
          detail::prefetched(layers, fwd_comm, fwd_comm, mb.forward / layers) +
          detail::prefetched(layers, bwd_comm, bwd_comm, (mb.backward + mb.recompute) / layers);
    dp = micro * exposed;
  } else {
    // Gradients: all-reduced once per step (ZeRO-0: the ring's volume, the
    // ring's or a tree's step latencies); reduce-scattered once per step (ZeRO-1, Megatron's
    // distributed optimizer, which accumulates full FP32 gradients), or every
    // micro-batch (ZeRO-2: a rank keeps only its shard of the gradients, so
    // it cannot accumulate the others'). ZeRO-1/2 then all-gather the
    // updated weights once. Overlapped, the step's last gradient reduce runs
    // behind the last micro-batch's backward (the only one for a once-per-
    // step reduce, as in Megatron) except the stage's first layer, whose
    // gradients are ready only when the backward ends; an earlier
    // micro-batch's reduce (ZeRO-2) also has the next forward to hide behind;
    // the weight all-gather runs behind the next step's first forward.
    const bool per_micro = p.zero == ZeroStage::gradients;
    const double reduce = p.zero == ZeroStage::none
                              ? detail::all_reduce(r, n_dense, par.dense, layers, span) +
                                    detail::all_reduce(r, n_expert, par.expert, layers, span)
                              : pass;
    const double gather = p.zero == ZeroStage::none ? 0.0 : pass;
    const double reduces = per_micro ? micro : 1.0;
    if (overlap) {
      const double tail = (layers - 1.0) / layers;
      const double last = std::max(reduce / layers, reduce - tail * (mb.backward + mb.recompute));
      // Earlier per-micro-batch reduces also run behind the next
      // micro-batch's forward: exposed only beyond a whole micro-batch.
      const double earlier = (reduces - 1.0) * std::max(0.0, reduce - mb.total());
      dp = last + earlier +
           (gather > 0 ? std::max(gather / layers, gather - tail * mb.forward) : 0.0);
    } else {
      dp = reduces * reduce + gather;
    }
  }
  b.data_parallel = detail::secs(dp);
  const bool sharded = p.zero != ZeroStage::none;
  const double local = sharded ? par.dense / n_dense + par.expert / n_expert : par.total();
  b.optimizer = detail::secs(local * optimizer_update_bytes_per_parameter / r.hbm);
  b.total = b.compute + b.recompute + b.tensor_parallel + b.pipeline_bubble + b.pipeline_transfer +
            b.data_parallel + b.expert_all_to_all + b.optimizer;

  StepPrediction out;
  out.time = b;
  out.memory = estimate_memory(m, p, sys);
  const double fwd = f.total(attention);
  const double model = 3.0 * fwd;
  double recomputed = 0;
  if (p.recompute == Recompute::full)
    recomputed = fwd - f.logits;
  else if (p.recompute == Recompute::selective) {
    recomputed = (attention == AttentionFlop::causal ? 0.5 : 1.0) * f.attention_core;
    if (detail::mla_up_projection_recomputed(m, p)) {
      const LatentAttention& la = *m.latent_attention;
      const double q_in = static_cast<double>(la.query_rank > 0 ? la.query_rank : m.hidden);
      recomputed += 2.0 * m.heads * m.layers *
                    (q_in * detail::core_qk_dim(m) +
                     static_cast<double>(la.kv_rank * (la.qk_head_dim + la.v_head_dim)));
    }
  }
  out.model_flop_per_token = flop_per_token(model);
  out.hardware_flop_per_token = flop_per_token(model + recomputed + 3.0 * f.prediction_modules);
  const double step = in_seconds(b.total);
  const double tokens =
      static_cast<double>(p.global_batch) * static_cast<double>(m.sequence_length);
  out.tokens_per_second = tokens_per_second(tokens / step);
  const double gpus = static_cast<double>(p.accelerators());
  out.mfu = model * tokens / step / gpus / mfu_peak;
  out.hfu = (model + recomputed) * tokens / step / gpus / mfu_peak;
  out.precision = mfu_precision;
  out.provenance = derived("step-time model (docs/step-time.md)");
  return out;
}

/// The predicted MFU as a stage's throughput, so a run is costed from
/// architecture + plan + system with no MFU typed in. Throws `invalid_value`
/// at "throughput.mfu" when the prediction's MFU is not in (0, 1].
inline Throughput throughput_from(const StepPrediction& prediction) {
  return Throughput(prediction.precision, prediction.mfu)
      .with_source(derived("step-time model (docs/step-time.md): MFU predicted from "
                           "architecture, plan and system"));
}

}  // namespace traincost::perf
