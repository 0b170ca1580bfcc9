#pragma once
/// \file
/// DeepSeek-R1's post-training run — the "$294K".
///
/// Source: DeepSeek-AI, "DeepSeek-R1 ..." Nature 2025, supplementary B.4.4
/// (arXiv 2501.12948v2) [P]: R1-Zero on 64×8 H800 GPUs for about 198 hours;
/// SFT data creation 5K GPU-hours; R1 on the same 512 GPUs for about 80
/// hours. At $2 per GPU-hour: 101,376 + 5,000 + 40,960 = 147,336 GPU-hours →
/// $294,672 [D], printed in the paper as "147K" and "$294K".
/// Note: 512 GPUs (64×8) is right; press reports of "648 H800" misread "64*8".
/// Preparatory 30B-model experiments on A100s are not costed by the paper.
/// Scope: post-training of R1 on top of V3-Base, rental-equivalent.

#include "traincost/hardware/catalog.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost::reference {

/// Citation of the R1 paper's cost table.
inline constexpr const char* deepseek_r1_b44 =
    "DeepSeek-R1 (Nature 2025, supplementary B.4.4; arXiv 2501.12948v2)";

/// The 64 × 8 = 512 H800 cluster of R1's post-training [P].
inline Cluster deepseek_r1_cluster() {
  return Cluster(accelerator("H800 SXM"), accelerators(512));
}

/// R1's post-training as published: R1-Zero, SFT data, R1, at $2 per GPU-hour.
inline TrainingRun deepseek_r1_run() {
  return TrainingRun{
      "DeepSeek-R1 post-training",
      deepseek_r1_cluster(),
      deepseek_h800_rental_price(),
      {
          Stage::with_wall_clock("R1-Zero RL", StageKind::reinforcement_learning, hours(198),
                                 published(deepseek_r1_b44)),
          Stage::with_gpu_time("SFT data creation", StageKind::data_generation, gpu_hours(5'000),
                               published(deepseek_r1_b44)),
          Stage::with_wall_clock("R1 training", StageKind::reinforcement_learning, hours(80),
                                 published(deepseek_r1_b44)),
      },
  };
}

}  // namespace traincost::reference
