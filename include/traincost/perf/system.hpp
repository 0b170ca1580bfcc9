#pragma once
/// \file
/// The system a plan runs on: the accelerator from the catalog, the network
/// between accelerators, and the efficiencies that turn peaks into achieved
/// rates.
///
/// Efficiencies are named parameters with a provenance each, never silently
/// fitted: a value read from a paper is `published`, one fitted once on a
/// stated subset of the validation runs is `derived` and says which, and a
/// user's own is `assumed`. Every one can be overridden.

#include <string>

#include "traincost/core/provenance.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/units/units.hpp"

namespace traincost::perf {

/// A number in (0, 1] with where it comes from.
struct Efficiency {
  double value = 1.0;
  Provenance provenance;
};

/// The links between accelerators.
struct NetworkDescription {
  /// Scale-up (NVLink / NVSwitch, ICI) bandwidth per accelerator, one
  /// direction: 300 GB/s on A100 (600 GB/s bidirectional), 200 on H800,
  /// 450 on H100.
  Bandwidth scale_up = gigabytes_per_second(0);
  /// Accelerators that share one scale-up domain (8 in a DGX/HGX node).
  int scale_up_domain = 8;
  /// Scale-out (InfiniBand / RoCE) bandwidth per accelerator, one direction:
  /// 25 GB/s for one 200 Gb/s HDR port, 50 GB/s for 400 Gb/s NDR.
  Bandwidth scale_out = gigabytes_per_second(0);
  /// Accelerators under one leaf/spine switch domain before traffic crosses
  /// the oversubscribed tier; 0 = a non-blocking fabric.
  long long switch_domain = 0;
  Provenance provenance;
  /// Latency of one step of a ring collective (a chunk sent to the next
  /// rank and one received from the previous) on scale-up and on
  /// scale-out. A ring all-gather or reduce-scatter over n ranks takes n-1
  /// steps, an all-reduce 2(n-1), a context-parallel K/V ring c-1 per layer:
  /// at a thousand ranks the steps, not the bytes, decide a layer's gather.
  /// Assumed (no measurement in docs/sources.md): a few microseconds, the
  /// order of a NIC/NVSwitch round trip plus a kernel's synchronisation;
  /// docs/step-time.md, "Parameters". Overridable; 0 drops the term.
  Duration scale_up_latency = seconds(2e-6);
  Duration scale_out_latency = seconds(5e-6);
  Provenance latency_provenance = assumed(
      "ring collective step latency 2 us on scale-up, 5 us on scale-out; not measured "
      "(docs/step-time.md)");
};

/// How close to peak each kind of work runs.
struct EfficiencyParameters {
  Efficiency matmul;  ///< large GEMMs, share of the dense peak
  /// Large block-scaled FP8 GEMMs (`plan.fine_grained_fp8`), share of the FP8
  /// dense peak; the same size term applies.
  Efficiency matmul_fine_grained_fp8;
  /// A product whose smallest size (tokens, outputs or inputs) is d runs at
  /// matmul x d / (d + matmul_size): small shards of a wide tensor-parallel
  /// split, short micro-batches and thin experts run below the peak.
  double matmul_size = 256;
  Provenance matmul_size_provenance;
  Efficiency attention;     ///< attention core (scores, softmax, context)
  Efficiency memory_bound;  ///< element-wise/norm kernels, share of HBM bandwidth
  Efficiency scale_up;      ///< achieved share of scale-up bandwidth in collectives
  Efficiency scale_out;     ///< achieved share of scale-out bandwidth in collectives
};

/// Accelerator + network + efficiencies + the memory held back for the
/// framework (CUDA context, allocator fragmentation, communication buffers).
struct TrainingSystem {
  AcceleratorSpec accelerator;
  NetworkDescription network;
  EfficiencyParameters efficiency;
  ByteCount reserved_memory = gigabytes(0);  ///< per accelerator, not usable by tensors
  Provenance reserved_memory_provenance;
};

}  // namespace traincost::perf
