#pragma once
/// \file
/// Research and data cost: everything a program spends on compute besides
/// its final runs. DeepSeek's $5.576M explicitly excludes "prior research and
/// ablation experiments on architectures, algorithms, or data" (arXiv
/// 2412.19437), and R1's $294K leaves out the preparatory 30B-model runs on
/// A100s (Nature 2025, supplementary B.4.4). Three ways to put a number on
/// what was left out:
///
///  (a) an experiment-compute multiplier on the final run — Epoch AI's
///      range is 1.2–4× (Cottier et al. 2024, arXiv 2405.21015; sources.md §7
///      [P]), read here as total compute = multiplier × final-run compute, so
///      1 means no experiments at all and the research is (m − 1) × the run;
///  (b) an explicit ledger of experiments — ablations, smaller runs on other
///      hardware, failed or restarted runs — each costed exactly like a
///      final-run stage (same `Stage`, same `cost_final_run`);
///  (c) data work: synthetic-data generation (compute, costed like a stage)
///      and purchased data or annotation (an amount).
///
/// Results have scope `research_compute` or `data`, never `final_run_*`: an
/// experiment priced at $2 per GPU-hour is still not part of "the final run".

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/core/scoped_cost.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/program/result_tree.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Epoch AI's range for total development compute over final-run compute
/// (Cottier et al. 2024, arXiv 2405.21015; sources.md §7 [P]): low end.
inline constexpr double epoch_experiment_multiplier_low = 1.2;
/// Epoch AI's experiment-compute multiplier range: high end (sources.md §7 [P]).
inline constexpr double epoch_experiment_multiplier_high = 4.0;
/// Citation of Epoch AI's development-cost method.
inline constexpr const char* epoch_development_cost_method =
    "Epoch AI, Cottier et al. 2024 (arXiv 2405.21015), development cost method";

/// What kind of experiment a ledger entry is; used for labels and grouping.
enum class ExperimentKind {
  ablation,       ///< architecture, algorithm or data ablations
  smaller_run,    ///< a smaller model or shorter run, possibly on other hardware
  failed_run,     ///< a run abandoned before it finished
  restarted_run,  ///< compute lost to restarts (work redone after a failure)
  other,
};

/// "ablation", "smaller run", ...
constexpr std::string_view to_string(ExperimentKind k) {
  switch (k) {
    case ExperimentKind::ablation:
      return "ablation";
    case ExperimentKind::smaller_run:
      return "smaller run";
    case ExperimentKind::failed_run:
      return "failed run";
    case ExperimentKind::restarted_run:
      return "restarted run";
    case ExperimentKind::other:
      return "other";
  }
  return "other";
}

/// One experiment of a ledger: a kind and a stage (usage, provenance and
/// optionally its own cluster and price), costed like a final-run stage.
struct Experiment {
  ExperimentKind kind = ExperimentKind::other;
  Stage stage;
};

/// A ledger of experiments on a default cluster at a default price; an
/// experiment on other hardware sets its own cluster (`Stage::on`) and price
/// (`Stage::priced_at`).
struct ExperimentLedger {
  std::string name;
  Cluster cluster;
  /// Default price per GPU-hour (rental, or ownership cost per GPU-hour).
  Sourced<GpuTimePrice> price;
  std::vector<Experiment> experiments;
};

/// The cost of research compute, scope `research_compute`.
struct ResearchCost {
  std::string name;
  ScopedCost<Scope::research_compute> total{usd(0)};
  /// Accelerator time the research used (any accelerator type).
  GpuTime gpu_time = gpu_hours(0);

  /// One node of scope `research_compute`, one child per experiment (ledger)
  /// or none (multiplier); its amount and evidence are `total`'s.
  const LineItem& breakdown() const { return tree_; }

 private:
  friend struct detail::TreeAccess;
  LineItem tree_;
};

namespace detail {

/// The evidence of a final run's cost: its weakest stage usage or price
/// (the same rule as `FinalRunCost::breakdown`, without building the tree).
inline Evidence final_run_evidence(const FinalRunCost& run) {
  Evidence e = Evidence::derived;
  for (const auto& s : run.stages)
    e = weakest({e, s.usage_provenance.evidence, s.price_provenance.evidence});
  return e;
}

}  // namespace detail

/// The research on top of a final run under Epoch AI's multiplier
/// convention, over any value type: (m - 1) x the run's cost. The one
/// definition both `research_from_multiplier` and a program use.
template <class V>
model::Val<V, Money> research_beyond(const V& multiplier, const model::Val<V, Money>& run_cost) {
  return run_cost * (multiplier - 1.0);
}

/// A ledger of experiments as a run: one stage per experiment, on the
/// ledger's cluster at its price.
inline TrainingRun ledger_as_run(const ExperimentLedger& ledger) {
  TrainingRun as_run{ledger.name, ledger.cluster, ledger.price, {}};
  as_run.stages.reserve(ledger.experiments.size());
  for (const auto& e : ledger.experiments)
    as_run.stages.push_back(e.stage);
  return as_run;
}

/// (a) Research compute from a total-to-final multiplier `m`, Epoch AI's
/// convention: the program's compute is m × the final run's, so the research
/// on top of the run is (m − 1) × its cost and GPU time.
/// \param name       label of the result
/// \param final_run  the final run the multiplier applies to
/// \param multiplier total compute / final-run compute; finite and >= 1
///                   (Epoch's range: 1.2–4)
inline ResearchCost research_from_multiplier(std::string name, const FinalRunCost& final_run,
                                             const Sourced<double>& multiplier) {
  const double m = multiplier.value;
  if (!std::isfinite(m) || m < 1.0)
    detail::fail_value("research.multiplier", m,
                       "a total-to-final-run compute ratio >= 1 (Epoch AI's range: 1.2 to 4)");
  const double extra = m - 1.0;
  // The research is as trustworthy as the weaker of the multiplier and the
  // run: an assumed multiplier (or an assumed price on the run) makes an
  // assumed cost, whatever arithmetic follows.
  Provenance p =
      derived_from({multiplier.provenance.evidence, detail::final_run_evidence(final_run)},
                   "(" + detail::format_value(m) + " - 1) x " + final_run.name + " (" +
                       std::string(tag(multiplier.provenance.evidence)) +
                       " multiplier: " + multiplier.provenance.source + ")");
  ResearchCost out;
  out.name = std::move(name);
  out.total = ScopedCost<Scope::research_compute>(research_beyond(m, final_run.total), p);
  out.gpu_time = final_run.gpu_time * extra;
  detail::TreeAccess::tree(out) =
      LineItem{out.name, out.total.amount(), Scope::research_compute, std::move(p), {}};
  return out;
}

/// (b) Research compute from an explicit ledger: each experiment is costed
/// like a final-run stage. Throws `traincost::Error` for an empty ledger or
/// any bad usage or price (field names as in `cost_final_run`).
inline ResearchCost cost_experiments(const ExperimentLedger& ledger) {
  if (ledger.experiments.empty())
    throw Error(ErrorCode::invalid_input, "ledger.experiments",
                "the ledger \"" + ledger.name + "\" has no experiments; expected at least one");
  const FinalRunCost c = cost_final_run(ledger_as_run(ledger));

  ResearchCost out;
  out.name = ledger.name;
  out.gpu_time = c.gpu_time;
  // Same arithmetic as a final run, different scope: re-label every node.
  LineItem& tree = detail::TreeAccess::tree(out);
  tree = c.breakdown();
  out.total = ScopedCost<Scope::research_compute>(
      c.total, derived_from({tree.provenance.evidence}, "sum of the experiments"));
  tree.scope = Scope::research_compute;
  for (std::size_t i = 0; i < tree.children.size(); ++i) {
    LineItem& child = tree.children[i];
    child.scope = Scope::research_compute;
    child.label += " (" + std::string(to_string(ledger.experiments[i].kind)) + ")";
  }
  return out;
}

/// Sum of several research costs (e.g. a multiplier for one run and a ledger
/// for another); same scope, so they simply add.
inline ResearchCost combine_research(std::string name, const std::vector<ResearchCost>& parts) {
  ResearchCost out;
  out.name = name;
  std::vector<LineItem> children;
  for (const auto& p : parts) {
    out.gpu_time += p.gpu_time;
    children.push_back(p.breakdown());
  }
  // The total is the tree's root: as weak as the weakest part.
  LineItem& tree = detail::TreeAccess::tree(out);
  tree = compose(std::move(name), Scope::research_compute, std::move(children));
  out.total = scoped_cost_of<Scope::research_compute>(tree);
  return out;
}

/// Purchased data or annotation: an amount, not compute.
struct DataPurchase {
  std::string name;
  Sourced<Money> amount;
};

/// (c) Data work: compute stages (synthetic-data generation, filtering) on a
/// cluster at a price, and purchases. The cluster and price are needed only
/// when there is generation compute.
struct DataWork {
  std::string name;
  std::optional<Cluster> cluster;
  std::optional<Sourced<GpuTimePrice>> price;
  std::vector<Stage> generation;
  std::vector<DataPurchase> purchases;
};

/// Data generation as a run: the generation stages on the work's cluster at
/// its price (both required when there are stages).
inline TrainingRun generation_as_run(const DataWork& work) {
  return TrainingRun{work.name, *work.cluster, *work.price, work.generation};
}

/// The one definition of data work's cost over any evaluator: generation
/// stages as a run (read under `at`, like a run's) plus purchases (read as
/// "purchases[j].amount").
template <class E>
model::Val<typename E::value_type, Money> evaluate_data_work(const DataWork& work, E& e,
                                                             const model::Path& at) {
  using V = typename E::value_type;
  model::Val<V, Money> total = model::constant<V>(usd(0));
  if (!work.generation.empty())
    total = evaluate_run(generation_as_run(work), e, at).cost;
  for (std::size_t j = 0; j < work.purchases.size(); ++j)
    total += e.read(model::Path(model::Path(at, "purchases", j), "amount"),
                    work.purchases[j].amount.value, model::specs::usd_amount);
  return total;
}

/// The cost of data work, scope `data`.
struct DataCost {
  std::string name;
  ScopedCost<Scope::data> total{usd(0)};         ///< compute + purchases
  ScopedCost<Scope::data> compute_cost{usd(0)};  ///< generation compute only
  GpuTime gpu_time = gpu_hours(0);               ///< generation compute
  /// The purchases alone (no compute): what stays a separate line when the
  /// compute is paid by a fleet allocation.
  std::vector<LineItem> purchase_items;

  /// One node of scope `data`: one child per generation stage, then one per
  /// purchase; its amount and evidence are `total`'s.
  const LineItem& breakdown() const { return tree_; }

 private:
  friend struct detail::TreeAccess;
  LineItem tree_;
};

/// Costs data work. Throws `traincost::Error` for nothing to cost, generation
/// without a cluster or price, or a negative or non-finite purchase.
inline DataCost cost_data_work(const DataWork& work) {
  if (work.generation.empty() && work.purchases.empty())
    throw Error(ErrorCode::invalid_input, "data.generation",
                "the data work \"" + work.name +
                    "\" has no generation stages and no purchases; expected at least one");
  DataCost out;
  out.name = work.name;
  std::vector<LineItem> children;
  if (!work.generation.empty()) {
    if (!work.cluster)
      throw Error(ErrorCode::invalid_input, "data.cluster",
                  "got none, expected the cluster the generation stages run on");
    if (!work.price)
      throw Error(ErrorCode::invalid_input, "data.price",
                  "got none, expected a price per GPU-hour for the generation stages");
    const FinalRunCost c = cost_final_run(generation_as_run(work));
    LineItem stages = c.breakdown();
    out.compute_cost = ScopedCost<Scope::data>(
        c.total, derived_from({stages.provenance.evidence}, "sum of the generation stages"));
    out.gpu_time = c.gpu_time;
    for (auto& child : stages.children) {
      child.scope = Scope::data;  // generation compute is data work, priced like a run
      children.push_back(std::move(child));
    }
  } else {
    out.compute_cost = ScopedCost<Scope::data>(usd(0), derived("no generation stages"));
  }
  for (std::size_t i = 0; i < work.purchases.size(); ++i) {
    const DataPurchase& p = work.purchases[i];
    const double amount = in_usd(p.amount.value);
    if (!std::isfinite(amount) || amount < 0.0)
      detail::require_non_negative(detail::indexed_field("data.purchases", i, {}, "amount"), amount,
                                   "amount in USD");
    out.purchase_items.push_back(
        to_line_item(p.name, ScopedCost<Scope::data>(p.amount.value, p.amount.provenance)));
    children.push_back(out.purchase_items.back());
  }
  // The total is the tree's root: as weak as the weakest stage or purchase.
  LineItem& tree = detail::TreeAccess::tree(out);
  tree = compose(out.name, Scope::data, std::move(children));
  out.total = scoped_cost_of<Scope::data>(tree);
  return out;
}

}  // namespace traincost
