#pragma once
/// \file
/// Named training systems: an accelerator from the catalog, its network, and
/// the efficiencies and memory allowance the step-time model uses. Every
/// figure carries its provenance; docs/step-time.md, "Parameters", lists
/// them.
///
/// Networks (bandwidth per accelerator, one direction):
/// * Selene, DGX A100 80GB: NVSwitch 300 GB/s (600 GB/s bidirectional NVLink,
///   docs/sources.md §5), 8 GPUs per node; 8 x 200 Gb/s HDR InfiniBand per
///   node = 25 GB/s per GPU.
/// * H800 HGX: NVLink 400 GB/s bidirectional = 200 GB/s per direction;
///   InfiniBand 400 Gb/s per GPU = 50 GB/s (DeepSeek-V3 report §3.2.2 and
///   ISCA'25, docs/sources.md §1, §5).
/// * H100 HGX: NVLink 900 GB/s bidirectional = 450 GB/s per direction
///   (docs/sources.md §5); 400 Gb/s NDR InfiniBand per GPU = 50 GB/s.
///
/// Efficiencies (`default_efficiencies`): the matrix-product and
/// memory-bound efficiencies were fitted once, by hand, on Korthikanti et
/// al. 2022's two 22B runs on Selene (Table 5: 1.42 s full recompute, 1.10 s
/// sequence parallel + selective; docs/sources.md §15) and then frozen; the
/// attention-core and network efficiencies are assumptions stated below.
/// Nothing is refitted per run. Override any of them on a `TrainingSystem`.

#include "traincost/hardware/catalog.hpp"
#include "traincost/perf/system.hpp"

namespace traincost::perf {

/// The frozen efficiencies (see the file comment and docs/step-time.md).
inline EfficiencyParameters default_efficiencies() {
  EfficiencyParameters e;
  e.matmul = {0.70, derived("fitted once on Korthikanti et al. 2022 Table 5, the two 22B runs "
                            "(TP 8, Selene), then frozen (docs/step-time.md)")};
  e.attention = {0.50, assumed("attention core (batched s x s products) at half of the dense "
                               "peak; not fitted (docs/step-time.md)")};
  e.memory_bound = {0.70, derived("fitted once on Korthikanti et al. 2022 Table 5, the two 22B "
                                  "runs (TP 8, Selene), then frozen (docs/step-time.md)")};
  e.scale_up = {0.75, assumed("ring collectives reach 3/4 of the NVLink/NVSwitch link rate "
                              "(docs/step-time.md)")};
  e.scale_out = {0.75, assumed("ring collectives reach 3/4 of the InfiniBand line rate "
                               "(docs/step-time.md)")};
  return e;
}

namespace detail {

inline TrainingSystem hgx_system(const char* accelerator, double up_gb_s, double out_gb_s,
                                 Provenance network) {
  TrainingSystem s;
  s.accelerator = traincost::accelerator(accelerator);
  s.network.scale_up = gigabytes_per_second(up_gb_s);
  s.network.scale_up_domain = 8;
  s.network.scale_out = gigabytes_per_second(out_gb_s);
  s.network.provenance = std::move(network);
  s.efficiency = default_efficiencies();
  s.reserved_memory = gigabytes(4.0);
  s.reserved_memory_provenance = assumed(
      "CUDA context, NCCL buffers and allocator fragmentation: 4 GB per accelerator "
      "(docs/step-time.md)");
  return s;
}

}  // namespace detail

/// NVIDIA Selene: DGX A100 80GB nodes (Narayanan et al. 2021; Korthikanti et
/// al. 2022).
inline TrainingSystem selene_a100_80gb() {
  return detail::hgx_system(
      "A100 SXM4 80GB", 300.0, 25.0,
      published("DGX A100: NVSwitch 600 GB/s bidirectional per GPU (docs/sources.md §5), 8 GPUs "
                "per node; 8 x 200 Gb/s HDR InfiniBand per node (Selene, Korthikanti et al. 2022 "
                "§6; docs/sources.md §15)"));
}

/// An HGX H800 cluster as DeepSeek describes its own (docs/sources.md §1).
inline TrainingSystem h800_hgx_cluster() {
  return detail::hgx_system(
      "H800 SXM", 200.0, 50.0,
      published("H800 NVLink 400 GB/s bidirectional, 400 Gb/s InfiniBand per GPU (DeepSeek-V3 "
                "report §3.2.2, ISCA'25; docs/sources.md §1)"));
}

/// An HGX H100 cluster with one 400 Gb/s NDR InfiniBand port per GPU.
inline TrainingSystem h100_hgx_cluster() {
  return detail::hgx_system(
      "H100 SXM", 450.0, 50.0,
      published("H100 NVLink 900 GB/s bidirectional (docs/sources.md §5); 400 Gb/s NDR "
                "InfiniBand per GPU"));
}

}  // namespace traincost::perf
