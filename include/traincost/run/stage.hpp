#pragma once
/// \file
/// A stage of a training run: what it does (`StageKind`), how its
/// accelerator time is known — GPU-hours, wall-clock on its cluster, a
/// workload at a throughput, or a rate per token times tokens — and,
/// optionally, the workload its reported time trained, from which the
/// result implies an MFU (`WorkloadClaim`).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "traincost/compute/plausibility.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/cluster.hpp"
#include "traincost/run/run_price.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// What a stage of a run does; used for labels and grouping.
enum class StageKind {
  pre_training,
  context_extension,
  post_training,
  supervised_fine_tuning,
  reinforcement_learning,
  data_generation,
  other,
};

/// "pre-training", "context extension", ...
constexpr std::string_view to_string(StageKind k) {
  switch (k) {
    case StageKind::pre_training:
      return "pre-training";
    case StageKind::context_extension:
      return "context extension";
    case StageKind::post_training:
      return "post-training";
    case StageKind::supervised_fine_tuning:
      return "supervised fine-tuning";
    case StageKind::reinforcement_learning:
      return "reinforcement learning";
    case StageKind::data_generation:
      return "data generation";
    case StageKind::other:
      return "other";
  }
  detail::fail_enum_value("StageKind", static_cast<long long>(k));
}

/// A stage's accelerator time computed from what was trained: the
/// workload's FLOP at a throughput (MFU against a named precision, goodput)
/// on the stage's cluster.
struct WorkloadUsage {
  Workload workload;
  Throughput throughput;
};

/// A stage's accelerator time quoted as a rate per token trained, times the
/// tokens: "180K H800 GPU-hours per trillion tokens" x 14.8T tokens.
struct RateUsage {
  GpuTimePerToken rate;
  TokenCount tokens;
};

/// What a stage trained, stated beside its reported accelerator time, and
/// what an MFU is measured against: the two together imply an MFU, which the
/// run's result reports with a verdict (compute/plausibility.hpp). The claim
/// does not change the stage's GPU-hours or cost.
struct WorkloadClaim {
  Workload workload;
  MfuBasis basis;
};

/// One stage of a training run.
struct Stage {
  std::string name;
  StageKind kind = StageKind::other;
  /// Accelerator time used: GPU-hours given directly, wall-clock time during
  /// which every accelerator of the stage's cluster was busy, a workload at a
  /// throughput, or a rate per token times tokens.
  std::variant<GpuTime, Duration, WorkloadUsage, RateUsage> usage = gpu_hours(0);
  /// Where the usage figure comes from.
  Provenance usage_provenance;
  /// The cluster the stage ran on; empty means the run's cluster.
  std::optional<Cluster> cluster;
  /// The price for this stage, of the run's kind; empty means the run's price.
  std::optional<Sourced<GpuTimePrice>> price;

  /// A stage whose accelerator time is reported directly (e.g. "2,664K GPU-hours").
  static Stage with_gpu_time(std::string name, StageKind kind, GpuTime usage, Provenance source) {
    return Stage{std::move(name), kind, usage, std::move(source), std::nullopt, std::nullopt, {}};
  }
  /// A stage reported as wall-clock time on its cluster (e.g. "512 GPUs for 198 hours").
  static Stage with_wall_clock(std::string name, StageKind kind, Duration wall_clock,
                               Provenance source) {
    return Stage{std::move(name), kind,         wall_clock, std::move(source),
                 std::nullopt,    std::nullopt, {}};
  }
  /// A stage whose accelerator time follows from a workload at a throughput;
  /// its provenance is the compute chain's, as weak as its weakest input.
  /// Checked when costed (the cluster is the stage's or the run's).
  static Stage with_workload(std::string name, StageKind kind, Workload workload,
                             Throughput throughput) {
    Provenance p = derived_from({workload.provenance.evidence, throughput.source().evidence},
                                "workload " + workload.name + " at a throughput");
    return Stage{std::move(name),
                 kind,
                 WorkloadUsage{std::move(workload), std::move(throughput)},
                 std::move(p),
                 std::nullopt,
                 std::nullopt,
                 {}};
  }
  /// Runs this stage on its own cluster instead of the run's.
  Stage& on(Cluster c) & {
    cluster = std::move(c);
    return *this;
  }
  Stage&& on(Cluster c) && { return std::move(on(std::move(c))); }
  /// The workload the reported time trained, to imply an MFU from; only for
  /// stages whose time is reported (not computed from a workload).
  std::optional<WorkloadClaim> claim;

  /// A stage reported as a rate per token trained, times the tokens
  /// (e.g. "180K GPU-hours per trillion tokens" x 14.8T tokens).
  static Stage with_rate(std::string name, StageKind kind, GpuTimePerToken rate, TokenCount trained,
                         Provenance source) {
    Stage s = with_gpu_time(std::move(name), kind, gpu_hours(0), std::move(source));
    s.usage = RateUsage{rate, trained};
    return s;
  }
  /// States what the reported time trained: the result then carries the MFU
  /// it implies against `basis`'s precision, with a verdict.
  Stage& claiming(Workload trained, MfuBasis basis) & {
    claim = WorkloadClaim{std::move(trained), std::move(basis)};
    return *this;
  }
  Stage&& claiming(Workload trained, MfuBasis basis) && {
    return std::move(claiming(std::move(trained), std::move(basis)));
  }
  /// Prices this stage at its own rate instead of the run's.
  Stage& priced_at(Sourced<GpuTimePrice> p) & {
    price = std::move(p);
    return *this;
  }
  Stage&& priced_at(Sourced<GpuTimePrice> p) && { return std::move(priced_at(std::move(p))); }
};

}  // namespace traincost
