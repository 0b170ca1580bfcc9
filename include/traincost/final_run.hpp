#pragma once
/// \file
/// The final-run cost model: a training run is an ordered list of stages
/// (pre-training, context extension, post-training, RL ...). Each stage uses
/// accelerator time on a cluster, given directly in GPU-hours or as wall-clock
/// time on the cluster, and is priced at a rental rate. The result is the
/// rental-equivalent cost of the final run — the scope of DeepSeek's $5.576M,
/// which explicitly leaves out research and ablations.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/breakdown.hpp"
#include "traincost/cluster.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/provenance.hpp"
#include "traincost/scope.hpp"
#include "traincost/units.hpp"

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
  return "other";
}

/// One stage of a training run.
struct Stage {
  std::string name;
  StageKind kind = StageKind::other;
  /// Accelerator time used: GPU-hours given directly, or wall-clock time
  /// during which every accelerator of the stage's cluster was busy.
  std::variant<GpuTime, Duration> usage = gpu_hours(0);
  /// Where the usage figure comes from.
  Provenance usage_provenance;
  /// The cluster the stage ran on; empty means the run's cluster.
  std::optional<Cluster> cluster;
  /// The rental price for this stage; empty means the run's price.
  std::optional<Sourced<GpuTimePrice>> price;

  /// A stage whose accelerator time is reported directly (e.g. "2,664K GPU-hours").
  static Stage with_gpu_time(std::string name, StageKind kind, GpuTime usage, Provenance source) {
    return Stage{std::move(name), kind, usage, std::move(source), std::nullopt, std::nullopt};
  }
  /// A stage reported as wall-clock time on its cluster (e.g. "512 GPUs for 198 hours").
  static Stage with_wall_clock(std::string name, StageKind kind, Duration wall_clock,
                               Provenance source) {
    return Stage{std::move(name), kind, wall_clock, std::move(source), std::nullopt, std::nullopt};
  }
  /// Runs this stage on its own cluster instead of the run's.
  Stage& on(Cluster c) & {
    cluster = std::move(c);
    return *this;
  }
  Stage&& on(Cluster c) && { return std::move(on(std::move(c))); }
  /// Prices this stage at its own rate instead of the run's.
  Stage& priced_at(Sourced<GpuTimePrice> p) & {
    price = std::move(p);
    return *this;
  }
  Stage&& priced_at(Sourced<GpuTimePrice> p) && { return std::move(priced_at(std::move(p))); }
};

/// A final training run: stages in order on a default cluster at a default price.
struct TrainingRun {
  std::string name;
  Cluster cluster;
  /// The default rental price, e.g. DeepSeek's assumed $2 per H800 GPU-hour.
  Sourced<GpuTimePrice> price;
  std::vector<Stage> stages;
  /// What the result counts. A rental price gives a rental-equivalent; a run
  /// priced at owned-hardware cost per GPU-hour is `final_run_ownership`.
  Scope scope = Scope::final_run_rental;
};

/// The cost of one stage.
struct StageCost {
  std::string name;
  StageKind kind = StageKind::other;
  std::string accelerator;  ///< accelerator name of the stage's cluster
  AcceleratorCount accelerators = traincost::accelerators(0);
  GpuTime gpu_time = gpu_hours(0);
  Duration wall_clock = hours(0);  ///< on the stage's cluster
  GpuTimePrice price = usd_per_gpu_hour(0);
  Money cost = usd(0);
  double share = 0.0;  ///< of the run's total cost, in [0, 1]
  Provenance usage_provenance;
  Provenance price_provenance;
};

/// The cost of a final run, labelled with its scope.
struct FinalRunCost {
  std::string name;
  Scope scope = Scope::final_run_rental;
  std::vector<StageCost> stages;
  GpuTime gpu_time = gpu_hours(0);  ///< total over stages
  Duration wall_clock = hours(0);   ///< stages run one after another
  Money cost = usd(0);              ///< total over stages

  /// The stage with this name, or nullptr.
  const StageCost* find_stage(std::string_view stage_name) const {
    for (const auto& s : stages)
      if (s.name == stage_name)
        return &s;
    return nullptr;
  }

  /// The run as a breakdown tree: one child per stage.
  LineItem breakdown() const {
    LineItem root{name, cost, scope, derived("sum of the stages"), {}};
    root.children.reserve(stages.size());
    Evidence weakest_stage = Evidence::published;
    for (const auto& s : stages) {
      // A stage's cost is usage x price: as trustworthy as the weaker of the two.
      Provenance p = derived_from({s.usage_provenance.evidence, s.price_provenance.evidence},
                                  std::string(tag(s.usage_provenance.evidence)) + " usage (" +
                                      s.usage_provenance.source + ") x " +
                                      std::string(tag(s.price_provenance.evidence)) + " price (" +
                                      s.price_provenance.source + ")");
      weakest_stage = weakest({weakest_stage, p.evidence});
      root.children.push_back(LineItem{s.name, s.cost, scope, std::move(p), {}});
    }
    root.provenance = derived_from({weakest_stage}, "sum of the stages");
    return root;
  }
};

namespace detail {

/// Checks a stage's figure; the field name is built only when it is bad, so
/// the happy path allocates nothing.
/// Throws for a stage's bad figure. Out of line and cold: building the field
/// name allocates, and inlined into the loop it slowed the happy path by a third.
[[noreturn, gnu::cold, gnu::noinline]] inline void fail_stage_value(std::size_t index,
                                                                    const Stage& s,
                                                                    std::string_view what,
                                                                    double value,
                                                                    std::string_view expected) {
  fail_value(indexed_field("run.stages", index, s.name, what), value, expected);
}

inline void require_positive_stage_value(std::size_t index, const Stage& s, std::string_view what,
                                         double value, std::string_view expected) {
  if (!is_positive(value))
    fail_stage_value(index, s, what, value, std::string("a positive ") += expected);
}

}  // namespace detail

/// The rental-equivalent cost of a run: per stage GPU-hours, wall-clock on
/// the stage's cluster, cost and share of the total. Throws `traincost::Error`
/// for an empty run, a non-positive or non-finite usage or price.
inline FinalRunCost cost_final_run(const TrainingRun& run) {
  if (run.stages.empty())
    throw Error(ErrorCode::invalid_input, "run.stages",
                "the run \"" + run.name + "\" has no stages; expected at least one");
  detail::require_positive("run.price", in_usd_per_gpu_hour(run.price.value),
                           "price in USD per GPU-hour");

  FinalRunCost out;
  out.name = run.name;
  out.scope = run.scope;
  out.stages.reserve(run.stages.size());
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Stage& stage = run.stages[i];
    const Cluster& cluster = stage.cluster ? *stage.cluster : run.cluster;
    const Sourced<GpuTimePrice>& price = stage.price ? *stage.price : run.price;
    if (stage.price)
      detail::require_positive_stage_value(i, stage, "price", in_usd_per_gpu_hour(price.value),
                                           "price in USD per GPU-hour");

    StageCost sc;
    if (const auto* t = std::get_if<GpuTime>(&stage.usage)) {
      detail::require_positive_stage_value(i, stage, "gpu_hours", in_gpu_hours(*t),
                                           "number of GPU-hours");
      sc.gpu_time = *t;
      sc.wall_clock = cluster.wall_clock(*t);
    } else {
      const Duration d = std::get<Duration>(stage.usage);
      detail::require_positive_stage_value(i, stage, "wall_clock_hours", in_hours(d),
                                           "number of hours");
      sc.wall_clock = d;
      sc.gpu_time = cluster.gpu_time(d);
    }
    sc.name = stage.name;
    sc.kind = stage.kind;
    sc.accelerator = cluster.accelerator().name;
    sc.accelerators = cluster.count();
    sc.price = price.value;
    sc.cost = sc.gpu_time * price.value;
    // Each factor is finite, but their product can still overflow.
    if (!std::isfinite(in_usd(sc.cost)))
      detail::fail_stage_value(i, stage, "cost", in_usd(sc.cost),
                               "a finite cost in USD (usage x price overflows)");
    sc.usage_provenance = stage.usage_provenance;
    sc.price_provenance = price.provenance;
    out.gpu_time += sc.gpu_time;
    out.wall_clock += sc.wall_clock;
    out.cost += sc.cost;
    out.stages.push_back(std::move(sc));
  }
  if (!std::isfinite(in_usd(out.cost)))
    detail::fail_value("run.cost", in_usd(out.cost),
                       "a finite total cost in USD (the sum overflows)");
  for (auto& sc : out.stages)
    sc.share = ratio(sc.cost, out.cost);
  return out;
}

}  // namespace traincost
