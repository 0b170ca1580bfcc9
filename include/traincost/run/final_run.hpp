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

#include "traincost/compute/plausibility.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/breakdown.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/cluster.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/specs.hpp"
#include "traincost/run/run_price.hpp"
#include "traincost/run/stage.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// A final training run: stages in order on a default cluster at a default
/// price. Its scope follows from the kind of price (run_price.hpp).
struct TrainingRun {
  std::string name;
  Cluster cluster;
  /// The default price, e.g. DeepSeek's assumed $2 per H800 GPU-hour (a
  /// rental price); `RunPrice::ownership_cost` for owned hardware.
  RunPrice price;
  std::vector<Stage> stages;

  /// `final_run_rental` or `final_run_ownership`, from the price's kind.
  Scope scope() const { return price.scope(); }
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
  /// The stage's MFU with its verdict, when it is known: stated (a workload
  /// stage's throughput) or implied (a claim beside reported time).
  std::optional<ImpliedMfu> mfu;
  /// Whether `mfu` was implied from reported time rather than stated.
  bool mfu_implied = false;
};

/// The cost of a final run, labelled with its scope.
struct FinalRunCost {
  std::string name;
  std::vector<StageCost> stages;
  GpuTime gpu_time = gpu_hours(0);  ///< total over stages
  Duration wall_clock = hours(0);   ///< stages run one after another
  Money total = usd(0);             ///< the run's cost: total over stages

  /// What the cost counts: fixed by the run's price (run_price.hpp).
  Scope scope() const { return scope_; }

  /// Whether the run has a stage with this name.
  bool has_stage(std::string_view stage_name) const {
    for (const auto& s : stages)
      if (s.name == stage_name)
        return true;
    return false;
  }

  /// The stage with this name. Throws `unknown_name` at "run.stages" whose
  /// value is the name as given and whose expected text lists the stages.
  const StageCost& stage(std::string_view stage_name) const {
    for (const auto& s : stages)
      if (s.name == stage_name)
        return s;
    std::string expected = "a stage of the run \"" + name + "\":";
    for (std::size_t i = 0; i < stages.size(); ++i)
      ((expected += i == 0 ? " \"" : ", \"") += stages[i].name) += '"';
    throw Error(ErrorCode::unknown_name, "run.stages", "\"" + std::string(stage_name) + "\"",
                std::move(expected));
  }

  /// The run as a breakdown tree: one child per stage.
  LineItem breakdown() const {
    LineItem root{name, total, scope_, derived("sum of the stages"), {}};
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
      root.children.push_back(LineItem{s.name, s.cost, scope_, std::move(p), {}});
    }
    root.provenance = derived_from({weakest_stage}, "sum of the stages");
    return root;
  }

 private:
  friend FinalRunCost cost_final_run(const TrainingRun& run);
  Scope scope_ = Scope::final_run_rental;
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

/// A stage's figures over a value type `V` (one point, or a block of samples).
template <class V>
struct StageValues {
  model::Val<V, GpuTime> gpu_time;
  model::Val<V, Duration> wall_clock;
  model::Val<V, GpuTimePrice> price;
  model::Val<V, Money> cost;
};

/// A run's totals over a value type `V`. Over samples (an evaluator without
/// `model::wants_details`) only `cost` is computed; the other totals stay zero.
template <class V>
struct RunValues {
  model::Val<V, GpuTime> gpu_time;
  model::Val<V, Duration> wall_clock;
  model::Val<V, Money> cost;
};

/// Takes no stage's figures: the default of `evaluate_run`.
struct IgnoreStages {
  template <class S>
  void operator()(std::size_t, const S&) const {}
};

/// The accelerator time of a workload stage: training FLOP / (reference peak
/// x MFU x goodput), one accelerator per unit of peak. Reads tokens, the
/// FLOP-per-token figure (stated) or the active parameters (formula), MFU
/// and goodput under `at`.
template <class E>
model::Val<typename E::value_type, GpuTime> workload_gpu_time(const WorkloadUsage& u,
                                                              const AcceleratorSpec& spec, E& e,
                                                              const model::Path& at) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  const Workload& w = u.workload;
  const V mfu = e.read(model::Path(at, "mfu"), u.throughput.mfu(), specs::mfu);
  const V goodput = e.read(model::Path(at, "goodput"), u.throughput.goodput(), specs::goodput);
  const model::Val<V, FlopRate> peak =
      model::constant<V>(spec.peak(u.throughput.mfu_precision(), "throughput.mfu_precision"));
  if (w.total_flop)
    return e.read(model::Path(at, "total_flop"), *w.total_flop, specs::flop) /
           (peak * (mfu * goodput)) * model::constant<V>(accelerators(1));
  model::Val<V, FlopPerToken> per_token = model::constant<V>(flop_per_token(0));
  if (w.flop_rule.is_stated()) {
    per_token = e.read(model::Path(at, "flop_per_token"), w.flop_rule.stated_value(),
                       specs::flop_per_token);
  } else {
    const model::Val<V, ParameterCount> active =
        e.read(model::Path(at, "active_parameters"), w.active_parameters, specs::parameters);
    // 6 x N (+ the attention term, a constant of the shape), in the order
    // FlopPerTokenRule::evaluate adds them, so both give the same bits.
    per_token = active * model::constant<V>(flop_per_token(6.0) / parameters(1.0)) +
                model::constant<V>(w.flop_rule.attention_term());
  }
  const model::Val<V, TokenCount> tokens_trained =
      e.read(model::Path(at, "training_tokens"), w.training_tokens, specs::tokens);
  return per_token * tokens_trained / (peak * (mfu * goodput)) *
         model::constant<V>(accelerators(1));
}

/// The one definition of a run's arithmetic, over any evaluator (model/
/// evaluator.hpp): per stage, accelerator time (GPU-hours as given,
/// wall-clock x accelerators, a workload at a throughput, or a rate per
/// token x tokens) x price; totals over stages. Inputs are read under
/// `root`: "price", "accelerators", and "stages[i].gpu_hours",
/// ".wall_clock_hours", ".accelerators", ".price", ".training_tokens",
/// ".active_parameters", ".flop_per_token", ".total_flop", ".mfu",
/// ".goodput", ".gpu_hours_per_trillion_tokens". It checks nothing:
/// `cost_final_run` validates a point, a simulation checks each drawn value
/// against its input's bound.
template <class E, class StageSink = IgnoreStages>
RunValues<typename E::value_type> evaluate_run(const TrainingRun& run, E& e,
                                               const model::Path& root, StageSink&& on_stage = {}) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  RunValues<V> out{model::constant<V>(gpu_hours(0)), model::constant<V>(hours(0)),
                   model::constant<V>(usd(0))};
  const model::Val<V, GpuTimePrice> run_price =
      e.read(model::Path(root, "price"), run.price.value, specs::usd_per_gpu_hour);
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Stage& stage = run.stages[i];
    const model::Path at(root, "stages", i);
    const Cluster& cluster = stage.cluster ? *stage.cluster : run.cluster;
    const model::Val<V, AcceleratorCount> count =
        stage.cluster
            ? e.read(model::Path(at, "accelerators"), cluster.count(), specs::accelerators)
            : e.read(model::Path(root, "accelerators"), cluster.count(), specs::accelerators);
    StageValues<V> sv{model::constant<V>(gpu_hours(0)), model::constant<V>(hours(0)), run_price,
                      model::constant<V>(usd(0))};
    if (stage.price)
      sv.price = e.read(model::Path(at, "price"), stage.price->value, specs::usd_per_gpu_hour);
    constexpr bool details = model::wants_details<E>;
    if (const auto* t = std::get_if<GpuTime>(&stage.usage)) {
      sv.gpu_time = e.read(model::Path(at, "gpu_hours"), *t, specs::gpu_hours);
      if constexpr (details)
        sv.wall_clock = sv.gpu_time / count;
    } else if (const auto* d = std::get_if<Duration>(&stage.usage)) {
      sv.wall_clock = e.read(model::Path(at, "wall_clock_hours"), *d, specs::wall_clock_hours);
      sv.gpu_time = count * sv.wall_clock;
    } else if (const auto* r = std::get_if<RateUsage>(&stage.usage)) {
      sv.gpu_time = e.read(model::Path(at, "gpu_hours_per_trillion_tokens"), r->rate,
                           specs::gpu_hours_per_token) *
                    e.read(model::Path(at, "training_tokens"), r->tokens, specs::tokens);
      if constexpr (details)
        sv.wall_clock = sv.gpu_time / count;
    } else {
      sv.gpu_time =
          workload_gpu_time(std::get<WorkloadUsage>(stage.usage), cluster.accelerator(), e, at);
      if constexpr (details)
        sv.wall_clock = sv.gpu_time / count;
    }
    sv.cost = sv.gpu_time * sv.price;
    out.cost += sv.cost;
    if constexpr (details) {
      out.gpu_time += sv.gpu_time;
      out.wall_clock += sv.wall_clock;
    }
    // Over samples too: a run's footprint (run/footprint_model.hpp) reads
    // each stage's GPU-time and price (wall-clock is zero there).
    on_stage(i, sv);
  }
  return out;
}

namespace detail {

/// Checks the inputs of a run at its own point (the typed path); each bad
/// figure is named as the run's field, e.g. "run.stages[0] (pre-training).gpu_hours".
inline void validate_run(const TrainingRun& run) {
  if (run.stages.empty())
    throw Error(ErrorCode::invalid_input, "run.stages",
                "the run \"" + run.name + "\" has no stages; expected at least one");
  require_positive("run.price", in_usd_per_gpu_hour(run.price.value), "price in USD per GPU-hour");
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    const Stage& stage = run.stages[i];
    if (stage.price)
      require_positive_stage_value(i, stage, "price", in_usd_per_gpu_hour(stage.price->value),
                                   "price in USD per GPU-hour");
    if (const auto* t = std::get_if<GpuTime>(&stage.usage)) {
      require_positive_stage_value(i, stage, "gpu_hours", in_gpu_hours(*t), "number of GPU-hours");
    } else if (const auto* d = std::get_if<Duration>(&stage.usage)) {
      require_positive_stage_value(i, stage, "wall_clock_hours", in_hours(*d), "number of hours");
    } else if (const auto* r = std::get_if<RateUsage>(&stage.usage)) {
      require_positive_stage_value(i, stage, "gpu_hours_per_trillion_tokens",
                                   in_gpu_hours_per_trillion_tokens(r->rate),
                                   "number of GPU-hours per trillion tokens");
      require_positive_stage_value(i, stage, "training_tokens", in_tokens(r->tokens),
                                   "number of tokens");
    } else {
      const WorkloadUsage& u = std::get<WorkloadUsage>(stage.usage);
      const Cluster& cluster = stage.cluster ? *stage.cluster : run.cluster;
      // The compute chain's own checks: sizes, tokens, rule, both precisions.
      (void)training_flop(u.workload);
      (void)cluster.accelerator().peak(u.workload.training_precision,
                                       "workload.training_precision");
      (void)u.throughput.achieved(cluster.accelerator());
    }
    if (stage.claim) {
      if (std::holds_alternative<WorkloadUsage>(stage.usage))
        fail_stage_value(i, stage, "claim", 0,
                         "no claim on a workload stage (its time follows from its MFU; a claim "
                         "implies an MFU from reported time)");
      const Cluster& cluster = stage.cluster ? *stage.cluster : run.cluster;
      (void)training_flop(stage.claim->workload);
      (void)cluster.accelerator().peak(stage.claim->basis.precision(), "claim.mfu_precision");
    }
  }
}

/// A workload stage's stated MFU, judged like an implied one: an MFU above
/// the ceiling is as doubtful stated as implied.
inline ImpliedMfu stated_mfu(const WorkloadUsage& u, const AcceleratorSpec& spec) {
  const Throughput& t = u.throughput;
  const std::string how = t.stated_rate()
                              ? "stated " + format_value(in_tflop_per_second(*t.stated_rate())) +
                                    " TFLOP/s per accelerator [" +
                                    std::string(tag(t.source().evidence)) + "]"
                              : "stated MFU " + format_value(t.mfu()) + " [" +
                                    std::string(tag(t.source().evidence)) + "]";
  return judge(t.achieved(spec), spec, MfuBasis(t.mfu_precision()).with_goodput(t.goodput()),
               t.source().evidence, how);
}

/// The provenance of a workload stage's usage: the compute chain in words.
inline Provenance workload_usage_provenance(const WorkloadUsage& u, const AcceleratorSpec& spec,
                                            GpuTime gpu_time) {
  const Workload& w = u.workload;
  const Provenance rule = w.total_flop ? w.provenance : w.flop_rule.provenance();
  const Evidence peak_evidence = spec.provenance.evidence;
  const std::string flop_text =
      w.total_flop ? describe_flop(w) + " [" + std::string(tag(w.provenance.evidence)) + "]"
                   : w.flop_rule.describe() + " [" + std::string(tag(rule.evidence)) + "] x " +
                         format_value(in_tokens(w.training_tokens)) + " tokens [" +
                         std::string(tag(w.provenance.evidence)) + "]";
  return derived_from(
      {rule.evidence, w.provenance.evidence, peak_evidence, u.throughput.source().evidence},
      flop_text + " / (" + spec.name + " " + std::string(to_string(u.throughput.mfu_precision())) +
          " dense peak [" + std::string(tag(peak_evidence)) + "] x MFU " +
          format_value(u.throughput.mfu()) + " x goodput " + format_value(u.throughput.goodput()) +
          " [" + std::string(tag(u.throughput.source().evidence)) +
          "]) = " + format_value(in_gpu_hours(gpu_time)) + " GPU-hours");
}

}  // namespace detail

/// The cost of a run at its own figures: per stage GPU-hours, wall-clock on
/// the stage's cluster, cost and share of the total; scope from the price's
/// kind. Throws `traincost::Error` for an empty run, a non-positive or
/// non-finite usage or price, a bad workload, or totals that overflow.
inline FinalRunCost cost_final_run(const TrainingRun& run) {
  detail::validate_run(run);
  FinalRunCost out;
  out.name = run.name;
  out.scope_ = run.scope();
  out.stages.reserve(run.stages.size());
  model::PointEvaluator e;
  const RunValues<double> v = evaluate_run(
      run, e, model::Path(run.name), [&](std::size_t i, const StageValues<double>& sv) {
        const Stage& stage = run.stages[i];
        const Cluster& cluster = stage.cluster ? *stage.cluster : run.cluster;
        // Each factor is finite, but their product can still overflow or vanish.
        if (!detail::is_positive(in_gpu_hours(sv.gpu_time)) ||
            !detail::is_positive(in_hours(sv.wall_clock)))
          detail::fail_stage_value(i, stage, "gpu_hours", in_gpu_hours(sv.gpu_time),
                                   "a positive, finite number of GPU-hours (the stage's figures "
                                   "overflow or vanish)");
        if (!std::isfinite(in_usd(sv.cost)))
          detail::fail_stage_value(i, stage, "cost", in_usd(sv.cost),
                                   "a finite cost in USD (usage x price overflows)");
        if (!(in_usd(sv.cost) > 0.0))
          detail::fail_stage_value(i, stage, "cost", in_usd(sv.cost),
                                   "a positive cost in USD (usage x price vanishes)");
        StageCost& sc = out.stages.emplace_back();
        sc.name = stage.name;
        sc.kind = stage.kind;
        sc.accelerator = cluster.accelerator().name;
        sc.accelerators = cluster.count();
        sc.gpu_time = sv.gpu_time;
        sc.wall_clock = sv.wall_clock;
        sc.price = sv.price;
        sc.cost = sv.cost;
        if (const auto* w = std::get_if<WorkloadUsage>(&stage.usage)) {
          sc.usage_provenance =
              detail::workload_usage_provenance(*w, cluster.accelerator(), sv.gpu_time);
          sc.mfu = detail::stated_mfu(*w, cluster.accelerator());
        } else {
          sc.usage_provenance = stage.usage_provenance;
        }
        if (stage.claim) {
          sc.mfu = implied_mfu(stage.claim->workload, sv.gpu_time, cluster.accelerator(),
                               stage.claim->basis);
          sc.mfu_implied = true;
        }
        sc.price_provenance = stage.price ? stage.price->provenance : run.price.provenance;
      });
  out.gpu_time = v.gpu_time;
  out.wall_clock = v.wall_clock;
  out.total = v.cost;
  if (!std::isfinite(in_usd(out.total)) || !std::isfinite(in_gpu_hours(out.gpu_time)) ||
      !std::isfinite(in_hours(out.wall_clock)))
    detail::fail_value("run.cost", in_usd(out.total),
                       "a finite total cost, GPU time and wall-clock (the sum overflows)");
  if (!(in_usd(out.total) > 0.0))
    detail::fail_value("run.cost", in_usd(out.total),
                       "a positive total cost in USD (usage x price vanishes)");
  for (auto& sc : out.stages)
    sc.share = ratio(sc.cost, out.total);
  return out;
}

}  // namespace traincost
