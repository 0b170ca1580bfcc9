#pragma once
/// \file
/// DeepSeek-V3's final training run — the "$5.576M".
///
/// Source: DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv 2412.19437,
/// Table 1 [P]: 2,664K H800 GPU-hours of pre-training, 119K of context
/// extension, 5K of post-training, 2,788K in all; "assuming the rental price
/// of the H800 GPU is $2 per GPU hour" → $5.328M + $0.238M + $0.01M = $5.576M.
/// Cluster: 2,048 H800 GPUs (§3.1), so pre-training takes 2,664K / 2,048 / 24
/// = 54.2 days [D] ("less than two months").
/// Scope: final-run rental-equivalent; the report excludes "prior research and
/// ablation experiments on architectures, algorithms, or data".

#include "traincost/hardware/catalog.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost::reference {

/// Citation of the V3 report's cost table.
inline constexpr const char* deepseek_v3_table1 =
    "DeepSeek-V3 technical report (arXiv 2412.19437), Table 1";

/// DeepSeek's own rental assumption, not a market quote: $2 per H800 GPU-hour.
inline Sourced<GpuTimePrice> deepseek_h800_rental_price() {
  return {usd_per_gpu_hour(2.0),
          published("DeepSeek's assumed H800 rental price (arXiv 2412.19437, §1); "
                    "an assumption of the authors, not a market quote")};
}

/// The 2,048-GPU H800 cluster V3 was trained on (arXiv 2412.19437, §3.1) [P].
inline Cluster deepseek_v3_cluster() {
  return Cluster(accelerator("H800 SXM"), accelerators(2048));
}

/// The final run as published: three stages at $2 per GPU-hour.
inline TrainingRun deepseek_v3_final_run() {
  return TrainingRun{
      "DeepSeek-V3 final run",
      deepseek_v3_cluster(),
      deepseek_h800_rental_price(),
      {
          Stage::with_gpu_time("pre-training", StageKind::pre_training, gpu_hours(2'664'000),
                               published(deepseek_v3_table1)),
          Stage::with_gpu_time("context extension", StageKind::context_extension,
                               gpu_hours(119'000), published(deepseek_v3_table1)),
          Stage::with_gpu_time("post-training", StageKind::post_training, gpu_hours(5'000),
                               published(deepseek_v3_table1)),
      },
  };
}

}  // namespace traincost::reference
