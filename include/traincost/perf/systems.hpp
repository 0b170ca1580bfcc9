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
/// Every preset keeps `NetworkDescription`'s assumed ring step latencies,
/// 2 us on scale-up and 5 us on scale-out (docs/step-time.md, "Parameters").
///
/// Efficiencies (`default_efficiencies`), one set for every accelerator:
/// * matmul 0.86 and memory_bound 0.48 were fitted once, by a grid search,
///   on three runs of Korthikanti et al. 2022 Table 5 on Selene — the 22B
///   full-recompute and SP + selective runs (1.42 s, 1.10 s: small GEMMs,
///   no pipeline) and the 1T SP + selective run (71.49 s: large GEMMs, a
///   64-stage pipeline) — minimising their RMS error, then frozen
///   (docs/sources.md §15). The other five Table 5 runs and every other
///   published run are predictions, not fits;
/// * matmul_size 256, attention 0.5, scale_up 0.75 and scale_out 0.75 are
///   assumptions, stated with their reasons in docs/step-time.md;
/// * on Hopper (H100, H800) matmul is 0.78, an assumption read from
///   third-party H800 GEMM benchmarks (docs/sources.md §15 I;
///   `default_efficiencies(accelerator)`), and block-scaled FP8 GEMMs
///   (`plan.fine_grained_fp8`) run at 0.66, derived from DeepSeek's own
///   DeepGEMM measurements (docs/sources.md §15 J); the other
///   shares of peak are assumed to carry over from the A100 fit.
/// Nothing is refitted per run. Override any of them on a `TrainingSystem`.

#include "traincost/hardware/catalog.hpp"
#include "traincost/perf/system.hpp"

namespace traincost::perf {

/// The frozen efficiencies (see the file comment and docs/step-time.md).
inline EfficiencyParameters default_efficiencies() {
  EfficiencyParameters e;
  e.matmul = {0.86, derived("fitted once on Korthikanti et al. 2022 Table 5 (22B full and SP + "
                            "selective, 1T SP + selective; Selene), then frozen "
                            "(docs/step-time.md)")};
  // No block-scaled FP8 measurement off Hopper: keep the plain value there.
  e.matmul_fine_grained_fp8 = {e.matmul.value,
                               assumed("block-scaled FP8 GEMMs at the plain matmul efficiency: no "
                                       "measurement for this accelerator (docs/step-time.md)")};
  e.matmul_size = 256;
  e.matmul_size_provenance = assumed(
      "a product loses about one 256-wide tile of work to pipeline fill, drain and wave "
      "quantisation (docs/step-time.md)");
  e.attention = {0.50, assumed("attention core (batched s x s products) at half of the dense "
                               "peak; not fitted (docs/step-time.md)")};
  e.memory_bound = {0.48, derived("fitted once on Korthikanti et al. 2022 Table 5 (22B full and "
                                  "SP + selective, 1T SP + selective; Selene), then frozen "
                                  "(docs/step-time.md)")};
  e.scale_up = {0.75, assumed("ring collectives reach 3/4 of the NVLink/NVSwitch link rate "
                              "(docs/step-time.md)")};
  e.scale_out = {0.75, assumed("ring collectives reach 3/4 of the InfiniBand line rate "
                               "(docs/step-time.md)")};
  return e;
}

/// Whether an accelerator is an NVIDIA Hopper part (H100, H800, H200, H20),
/// read from its catalog name.
inline bool is_hopper(const AcceleratorSpec& a) {
  return a.vendor == "NVIDIA" && a.name.size() >= 3 && a.name[0] == 'H' && a.name[1] >= '0' &&
         a.name[1] <= '9';
}

/// The efficiencies for an accelerator: `default_efficiencies()` (the A100
/// fit) except that on Hopper the large-product matmul efficiency is 0.78.
/// A Hopper tensor core is three times an A100's and its GEMMs stay further
/// from peak: public H800 benchmarks of 8192 x 8192 x K products reach 766
/// TFLOP/s in FP16 and 1,541 in FP8 at K = 16,384 (78% of 989.5 and 1,979),
/// and their fall with K follows the same d/(d + 256) size term (705 at
/// K = 2,048, 386 at K = 256). Those benchmarks are third-party measurements
/// (docs/sources.md §15 I), not a vendor's or a paper's; that training GEMMs
/// reach what an autotuned square product reaches is an assumption, so the
/// value is tagged assumed.
///
/// Block-scaled FP8 GEMMs (`plan.fine_grained_fp8`, DeepSeek's recipe) are
/// slower than plain FP8 ones: every 128-deep slice of the product is
/// promoted to FP32 and rescaled on the CUDA cores. DeepSeek's DeepGEMM
/// README (docs/sources.md §15 J) measures its own kernels on H800: the four
/// grouped MoE shapes (contiguous layout, the training-forward one) reach
/// 1,288-1,297 TFLOP/s at K = 7,168 and 1,093-1,099 at K = 2,048. Divided by
/// the FP8 peak (1,979) and by the size term d/(d + 256) (0.941 at d = 4,096,
/// 0.889 at d = 2,048) they give 0.69-0.70 and 0.62-0.63; their geometric
/// mean, 0.658, rounds to 0.66. With the size term this reproduces the
/// table's ten M = 4,096/8,192 shapes within -10% to +13% except the thin
/// K = 512 product (+48%); docs/step-time.md, "Parameters".
inline EfficiencyParameters default_efficiencies(const AcceleratorSpec& accelerator) {
  EfficiencyParameters e = default_efficiencies();
  if (is_hopper(accelerator)) {
    e.matmul = {0.78, assumed("Hopper large-GEMM efficiency 0.78 of the dense peak, BF16 and "
                              "FP8, read from third-party H800 GEMM benchmarks (766 of 989.5 "
                              "TFLOP/s FP16, 1,541 of 1,979 FP8; docs/sources.md §15 I)")};
    e.matmul_fine_grained_fp8 = {
        0.66, derived("Hopper block-scaled FP8 GEMM efficiency 0.66 of the FP8 peak: DeepSeek's "
                      "DeepGEMM grouped MoE GEMMs on H800 (1,288-1,297 TFLOP/s at K = 7,168, "
                      "1,093-1,099 at K = 2,048) over 1,979 and the size term d/(d + 256), "
                      "geometric mean 0.658 (docs/sources.md §15 J)")};
  }
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
  s.efficiency = default_efficiencies(s.accelerator);
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
