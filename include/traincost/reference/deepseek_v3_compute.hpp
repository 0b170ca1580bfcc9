#pragma once
/// \file
/// DeepSeek-V3's workload and throughput as published — the inputs for
/// checking whether the $5.576M (2,664K H800 GPU-hours of pre-training) is
/// plausible. Every figure is from docs/sources.md §1:
///
///  * 671B total parameters, 37B activated per token; 14.8T training tokens;
///    FP8 mixed-precision training — DeepSeek-V3 technical report (arXiv
///    2412.19437) [P].
///  * 250 GFLOP per token at sequence length 4096; 272.8B tokens per day on
///    2,048 H800; MFU 38.94% (causal attention) — DeepSeek ISCA'25 paper
///    (arXiv 2505.09343) [P]. Checked [D]: the MFU's denominator is the BF16
///    dense peak, not FP8's.
///  * "each trillion tokens requires only 180K H800 GPU hours, i.e., 3.7 days
///    on our cluster with 2048 H800 GPUs" — V3 report [P].

#include "traincost/compute/compute.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/workload_stage.hpp"

namespace traincost::reference {

/// Citation of the V3 technical report (sizes, tokens, precision, 180K/T).
inline constexpr const char* deepseek_v3_report = "DeepSeek-V3 technical report (arXiv 2412.19437)";
/// Citation of DeepSeek's ISCA'25 paper (FLOP per token, tokens per day, MFU).
inline constexpr const char* deepseek_isca25 =
    "DeepSeek ISCA'25, Insights into DeepSeek-V3 (arXiv 2505.09343)";

/// V3's FLOP per token as DeepSeek states it: 250 GFLOP at sequence length
/// 4096 (sources.md §1) [P].
inline FlopPerTokenRule deepseek_v3_stated_flop_per_token() {
  return FlopPerTokenRule::stated(
      flop_per_token(250e9),
      published(std::string(deepseek_isca25) + ", 250 GFLOP/token at sequence length 4096"));
}

/// The V3 pre-training workload: 671B total / 37B active parameters, 14.8T
/// tokens, FP8, at DeepSeek's stated 250 GFLOP per token (sources.md §1) [P].
inline Workload deepseek_v3_workload() {
  return Workload::mixture_of_experts(
             "DeepSeek-V3 pre-training", parameters(671e9), parameters(37e9), tokens(14.8e12),
             published(std::string(deepseek_v3_report) +
                       ": 671B total, 37B active parameters, 14.8T tokens"))
      .with_flop_rule(deepseek_v3_stated_flop_per_token())
      .trained_in(Precision::fp8);
}

/// The same workload counted as 6 x active parameters per token, the rule
/// outside analysts used (6 x 37e9 x 14.8e12 = 3.29e24 FLOP, sources.md §1 [D]).
inline Workload deepseek_v3_workload_six_n() {
  return deepseek_v3_workload().with_flop_rule(FlopPerTokenRule::six_n());
}

/// Tokens per day on the 2,048-GPU H800 cluster during full training:
/// 272.8B (ISCA'25, sources.md §1) [P].
inline Sourced<TokenRate> deepseek_v3_token_rate() {
  return {tokens_per_day(272.8e9),
          published(std::string(deepseek_isca25) + ", 272.8B tokens/day on 2,048 H800")};
}

/// H800 GPU-hours per trillion tokens: 180K (V3 report, sources.md §1) [P].
inline Sourced<GpuTime> deepseek_v3_gpu_hours_per_trillion_tokens() {
  return {gpu_hours(180e3), published(std::string(deepseek_v3_report) +
                                      ": each trillion tokens requires only 180K H800 GPU hours")};
}

/// Pre-training H800 GPU-hours: 2,664K (V3 report, Table 1, sources.md §1) [P].
inline Sourced<GpuTime> deepseek_v3_pretraining_gpu_time() {
  return {gpu_hours(2'664'000), published(deepseek_v3_table1)};
}

/// DeepSeek's published MFU, 38.94% with causal attention, quoted against the
/// BF16 dense peak although training ran in FP8 (ISCA'25; the BF16 basis is
/// checked by arithmetic in sources.md §1) [P].
inline Throughput deepseek_v3_throughput() {
  return Throughput(Precision::bf16, 0.3894)
      .with_source(published(std::string(deepseek_isca25) +
                             ", MFU 38.94% (causal), relative to the BF16 dense peak [D]"));
}

/// The V3 pre-training stage costed from the workload instead of the
/// reported GPU-hours: 250 GFLOP/token x 14.8T tokens on 2,048 H800 at the
/// published 38.94% MFU (BF16 basis) and goodput 1.0.
inline Stage deepseek_v3_pretraining_stage_from_workload() {
  return stage_from_workload("pre-training (from workload)", StageKind::pre_training,
                             deepseek_v3_workload(), deepseek_v3_cluster(),
                             deepseek_v3_throughput());
}

}  // namespace traincost::reference
