#pragma once
/// \file
/// A final-run `Stage` whose GPU-hours come from a workload instead of a
/// report, so a stage can be costed from what was trained as easily as from
/// reported GPU-hours. This joins two layers — the compute model
/// (compute.hpp) and the final-run cost model (final_run.hpp) — so it lives
/// here, at the cost-model layer, and the compute headers stay free of costs.

#include <string>
#include <utility>

#include "traincost/compute/compute.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/hardware/cluster.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost {

/// A final-run stage whose GPU-hours are `estimate_compute(w, cluster,
/// throughput).gpu_time`. The stage runs on `cluster` (so its wall-clock is on
/// the cluster the estimate assumed, not re-read as another accelerator's
/// hours) and its usage provenance is the estimate's chain, as weak as its
/// weakest input. Cost it with `cost_final_run` like any other stage.
/// Throws like `estimate_compute` for a bad workload or a missing precision.
inline Stage stage_from_workload(std::string name, StageKind kind, const Workload& w,
                                 const Cluster& cluster, const Throughput& throughput) {
  ComputeEstimate e = estimate_compute(w, cluster, throughput);
  return Stage::with_gpu_time(std::move(name), kind, e.gpu_time, std::move(e.provenance))
      .on(cluster);
}

}  // namespace traincost
