#pragma once
/// \file
/// A whole development program as one line-item tree: final runs (e.g. V3 and
/// R1), research compute, data work, staff and — if the program ran on owned
/// hardware — an allocation of a fleet's cost. Every node carries its scope,
/// and the tree is checked by `check_composition` (scoped_cost.hpp).
///
/// The composition rule that matters most: compute is counted once. A
/// program's compute is priced on one of two bases, chosen explicitly:
///
///  - `ComputeBasis::rental_equivalent`: final runs, research and data
///    generation at their own per-GPU-hour prices (DeepSeek's $2 assumption,
///    a cloud quote ...). No fleet cost appears — a renter owns no fleet.
///  - `ComputeBasis::fleet_allocation`: the program pays its share of a
///    fleet's cost; the final runs, research and data generation are the uses
///    of that allocated time, re-priced at the fleet's own cost per GPU-hour
///    (final runs become `final_run_ownership`), and the rest of the
///    allocated time is shown as "other allocated fleet time".
///
/// Giving a fleet allocation *and* asking for rental-equivalent compute would
/// count the same GPU-hours twice, so it throws `ErrorCode::scope_mismatch`.
///
/// Tree shapes (scope in brackets):
///
///     rental_equivalent                      fleet_allocation
///     program [program]                      program [program]
///     ├ final runs [final_run_*]             ├ fleet allocation [fleet_allocation]
///     │ └ one per run, per stage             │ ├ each run at fleet cost [final_run_ownership]
///     ├ research [research_compute]          │ ├ each research item [research_compute]
///     ├ data [data]                          │ ├ data generation [data]
///     └ staff [staff]                        │ └ other allocated fleet time [fleet_allocation]
///                                            ├ data purchases [data]
///                                            └ staff [staff]

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/core/scoped_cost.hpp"
#include "traincost/fleet/lookup.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/specs.hpp"
#include "traincost/program/allocation.hpp"
#include "traincost/program/research.hpp"
#include "traincost/program/result_tree.hpp"
#include "traincost/program/staff.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// How a program's compute is priced; see the file comment.
enum class ComputeBasis {
  rental_equivalent,  ///< every GPU-hour at its stated price per GPU-hour
  fleet_allocation,   ///< a share of an owned fleet's cost
};

/// "rental-equivalent" or "fleet allocation".
constexpr std::string_view to_string(ComputeBasis b) {
  return b == ComputeBasis::rental_equivalent ? "rental-equivalent" : "fleet allocation";
}

/// Research of a program under Epoch AI's multiplier convention: total
/// compute is `multiplier` x the compute of one of the program's runs.
struct ResearchMultiplier {
  std::string name;
  /// The run the multiplier applies to: an index into `Program::runs`.
  std::size_t run = 0;
  /// Total compute / that run's compute; >= 1 (Epoch AI's range: 1.2 to 4).
  Sourced<double> multiplier{1.0, {}};
};

/// One research item: a multiplier on a run, or a ledger of experiments.
using ResearchItem = std::variant<ResearchMultiplier, ExperimentLedger>;

/// A share of an owned fleet's cost, from the fleet's own inputs: which of
/// the fleet's costs (capex, operating cost over the period, or TCO), and the
/// program's share of the fleet's accelerator time over the operating period.
/// A range on one of the fleet's inputs reaches the fleet's own results and
/// the program's allocation with one draw (both read the fleet's paths).
struct FleetShare {
  std::string name;  ///< label of the allocation, e.g. "share of the fleet's 4-year TCO"
  Fleet fleet;
  /// The operating assumptions; their period sets the fleet's capacity.
  OperatingAssumptions operating;
  /// `fleet_capex`, `fleet_operating` or `fleet_tco`.
  Scope cost = Scope::fleet_tco;
  /// The program's share of the fleet's time over the period, in (0, 1].
  Sourced<double> share{0.0, {}};
};

/// A program as inputs: its runs, research, data work, staff and — on the
/// fleet-allocation basis — the fleet allocation. `cost_program` costs every
/// part; a simulation draws any of their numbers through the same definition.
struct Program {
  std::string name;
  ComputeBasis basis = ComputeBasis::rental_equivalent;
  /// Final runs, each rooted at its name: a range on "DeepSeek-V3.price"
  /// reaches the run alone and inside the program alike.
  std::vector<TrainingRun> runs;
  std::vector<ResearchItem> research;
  std::vector<DataWork> data;
  std::vector<StaffGroup> staff;
  /// Required for `ComputeBasis::fleet_allocation` (with a known fleet
  /// capacity); refused for `rental_equivalent`. Either an allocation
  /// costed already, or `fleet_share`: a share of a fleet given by its inputs.
  std::optional<FleetAllocation> fleet;
  std::optional<FleetShare> fleet_share;
};

namespace detail {

/// The fleet cost a share allocates, over any evaluator (the fleet's paths
/// are rooted at its name, as in its own results).
template <class E>
model::Val<typename E::value_type, Money> evaluate_shared_fleet_cost(const FleetShare& s, E& e) {
  const model::Path root(s.fleet.name);
  if (s.cost == Scope::fleet_capex)
    return evaluate_fleet_capex(s.fleet, e, root).total;
  if (s.cost == Scope::fleet_operating) {
    const auto capex = evaluate_fleet_capex(s.fleet, e, root);
    return evaluate_fleet_operating(s.fleet, capex, s.operating, e, root).total;
  }
  return evaluate_fleet_tco(s.fleet, s.operating, e, root).total;
}

/// The allocation a fleet share gives, costed at the fleet's own figures.
inline FleetAllocation allocation_of(const FleetShare& s) {
  if (s.cost != Scope::fleet_capex && s.cost != Scope::fleet_operating &&
      s.cost != Scope::fleet_tco)
    throw Error(ErrorCode::scope_mismatch, "program.fleet_share.cost",
                "got " + describe_scope(s.cost) +
                    ", expected a fleet's cost: fleet_capex, fleet_operating or fleet_tco");
  LineItem cost;
  if (s.cost == Scope::fleet_capex)
    cost = cost_fleet_capex(s.fleet).breakdown();
  else if (s.cost == Scope::fleet_operating)
    cost = cost_fleet_operating(s.fleet, s.operating).breakdown();
  else
    cost = cost_fleet_tco(s.fleet, s.operating).breakdown();
  return allocate_by_share(s.name, cost, s.share,
                           fleet_capacity(accelerator_count(s.fleet), s.operating.period));
}

}  // namespace detail

/// The cost of a program.
struct ProgramCost {
  std::string name;
  ComputeBasis basis = ComputeBasis::rental_equivalent;
  ScopedCost<Scope::program> total{usd(0)};
  /// Accelerator time of the final runs, research and data generation.
  GpuTime compute_time = gpu_hours(0);
  /// Under `fleet_allocation`: compute_time / allocated fleet time, the part
  /// of the allocation the listed work accounts for, in [0, 1].
  std::optional<double> allocation_used;
  /// The whole program as one tree; passes `check_composition`.
  const LineItem& breakdown() const { return tree_; }

  /// The first node (depth-first) with this label. Throws `traincost::Error`
  /// (`ErrorCode::unknown_name`, field "program.breakdown") listing the
  /// closest labels of the tree.
  const LineItem& at(std::string_view label) const {
    if (const LineItem* hit = find_in(tree_, label))
      return *hit;
    std::vector<std::string> labels;
    collect_labels(tree_, labels);
    detail::fail_unknown_label("program.breakdown", label, labels);
  }
  /// Whether some node of the tree has this label.
  bool contains(std::string_view label) const { return find_in(tree_, label) != nullptr; }

 private:
  friend struct detail::TreeAccess;
  LineItem tree_;

  static const LineItem* find_in(const LineItem& item, std::string_view label) {
    if (item.label == label)
      return &item;
    for (const auto& c : item.children)
      if (const LineItem* hit = find_in(c, label))
        return hit;
    return nullptr;
  }
  static void collect_labels(const LineItem& item, std::vector<std::string>& out) {
    out.push_back(item.label);
    for (const auto& c : item.children)
      collect_labels(c, out);
  }
};

namespace detail {

/// The fleet's cost per GPU-hour and where it comes from: the fleet cost's
/// evidence is the rate's (capacity is arithmetic on GPUs and a period).
struct FleetRate {
  GpuTimePrice price;
  Evidence evidence;
  std::string source;
};

/// The provenance of GPU-hours from `usage` re-priced at the fleet's rate: as
/// weak as the weaker of the usage and the rate, naming the usage's own
/// evidence as the final-run breakdown does.
inline Provenance usage_at(const Provenance& usage, const FleetRate& rate) {
  return derived_from(
      {usage.evidence, rate.evidence},
      std::string(tag(usage.evidence)) + " GPU-hours (" + usage.source + ") x " + rate.source);
}

/// A final run's usage re-priced at a fleet's cost per GPU-hour: named
/// conversion from any final-run scope to `final_run_ownership`.
inline LineItem run_at_fleet_cost(const FinalRunCost& run, const FleetRate& rate) {
  std::vector<LineItem> stages;
  for (const auto& s : run.stages)
    stages.push_back(LineItem{s.name,
                              s.gpu_time * rate.price,
                              Scope::final_run_ownership,
                              usage_at(s.usage_provenance, rate),
                              {}});
  return compose(run.name + " at fleet cost", Scope::final_run_ownership, std::move(stages));
}

/// One item stays itself; several are grouped under `label`.
inline LineItem group(std::string label, Scope scope, std::vector<LineItem> items) {
  if (items.size() == 1)
    return std::move(items.front());
  return compose(std::move(label), scope, std::move(items));
}

}  // namespace detail

/// Composes a program into one tree of scope `program`. Throws
/// `traincost::Error`: `scope_mismatch` for a fleet allocation under the
/// rental-equivalent basis, or a final run whose scope is not a final-run
/// scope; `invalid_input` for an empty program, a fleet basis without a fleet
/// allocation or capacity, or listed work needing more fleet time than was
/// allocated.
inline ProgramCost cost_program(const Program& program) {
  // Each part is costed by its own model first: the typed evaluations of
  // the same definitions `evaluate_program` runs over samples.
  if (program.fleet && program.fleet_share)
    throw Error(ErrorCode::invalid_input, "program.fleet_share",
                "got both a fleet allocation and a fleet share, expected one of them");
  if (program.fleet_share) {
    Program resolved = program;
    resolved.fleet = detail::allocation_of(*program.fleet_share);
    resolved.fleet_share.reset();
    return cost_program(resolved);
  }
  std::vector<FinalRunCost> final_runs;
  final_runs.reserve(program.runs.size());
  for (const auto& r : program.runs)
    final_runs.push_back(cost_final_run(r));
  std::vector<ResearchCost> research;
  for (std::size_t i = 0; i < program.research.size(); ++i) {
    if (const auto* m = std::get_if<ResearchMultiplier>(&program.research[i])) {
      if (m->run >= final_runs.size())
        detail::fail_value(
            "program.research[" + std::to_string(i) + "].run", static_cast<double>(m->run),
            "the index of one of the program's " + std::to_string(final_runs.size()) + " runs");
      research.push_back(research_from_multiplier(m->name, final_runs[m->run], m->multiplier));
    } else {
      research.push_back(cost_experiments(std::get<ExperimentLedger>(program.research[i])));
    }
  }
  std::vector<DataCost> data;
  for (const auto& d : program.data)
    data.push_back(cost_data_work(d));
  std::vector<StaffCost> staff;
  for (const auto& g : program.staff)
    staff.push_back(cost_staff(g));

  if (program.runs.empty() && research.empty() && data.empty() && staff.empty() && !program.fleet)
    throw Error(ErrorCode::invalid_input, "program",
                "the program \"" + program.name + "\" has no parts; expected at least one");
  ProgramCost out;
  out.name = program.name;
  out.basis = program.basis;
  for (const auto& r : final_runs)
    out.compute_time += r.gpu_time;
  for (const auto& r : research)
    out.compute_time += r.gpu_time;
  for (const auto& d : data)
    out.compute_time += d.gpu_time;

  std::vector<LineItem> parts;
  if (program.basis == ComputeBasis::rental_equivalent) {
    if (program.fleet)
      throw Error(ErrorCode::scope_mismatch, "program.fleet",
                  "got a fleet allocation (\"" + program.fleet->name +
                      "\") with ComputeBasis::rental_equivalent, expected none: the final runs "
                      "and research are already priced per GPU-hour, so the fleet's cost would "
                      "count the same GPU-hours twice; use ComputeBasis::fleet_allocation");
    if (!final_runs.empty()) {
      std::vector<LineItem> runs;
      Scope runs_scope = final_runs.front().scope();
      for (const auto& r : final_runs) {
        runs.push_back(r.breakdown());
        if (r.scope() != runs_scope)
          runs_scope = Scope::program;  // rental and ownership runs: only a program holds both
      }
      parts.push_back(compose("final runs", runs_scope, std::move(runs)));
    }
    if (!research.empty()) {
      std::vector<LineItem> items;
      for (const auto& r : research)
        items.push_back(r.breakdown());
      parts.push_back(detail::group("research compute", Scope::research_compute, std::move(items)));
    }
    if (!data.empty()) {
      std::vector<LineItem> items;
      for (const auto& d : data)
        items.push_back(d.breakdown());
      parts.push_back(detail::group("data", Scope::data, std::move(items)));
    }
  } else {
    if (!program.fleet)
      throw Error(ErrorCode::invalid_input, "program.fleet",
                  "got none, expected a fleet allocation for ComputeBasis::fleet_allocation");
    const FleetAllocation& fleet = *program.fleet;
    if (!fleet.cost_per_gpu_hour || !fleet.allocated_time)
      throw Error(ErrorCode::invalid_input, "program.fleet.fleet_capacity",
                  "got none, expected the fleet's accelerator time over the period "
                  "(fleet_capacity), to price the program's GPU-hours at the fleet's cost");
    const detail::FleetRate rate{
        *fleet.cost_per_gpu_hour, fleet.fleet_provenance.evidence,
        "fleet cost per GPU-hour " +
            detail::format_value(in_usd_per_gpu_hour(*fleet.cost_per_gpu_hour)) + " USD (" +
            std::string(tag(fleet.fleet_provenance.evidence)) + " " +
            std::string(to_string(fleet.fleet_scope)) + " / capacity)"};
    const double used = ratio(out.compute_time, *fleet.allocated_time);
    if (used > 1.0 + 1e-12)
      throw Error(ErrorCode::invalid_input, "program.fleet.share",
                  "got " + detail::format_value(fleet.share) + ", expected at least " +
                      detail::format_value(fleet.share * used) +
                      ": the runs, research and data "
                      "generation use " +
                      detail::format_value(in_gpu_hours(out.compute_time)) +
                      " GPU-hours but the allocation covers " +
                      detail::format_value(in_gpu_hours(*fleet.allocated_time)));
    out.allocation_used = used;

    std::vector<LineItem> uses;
    for (const auto& r : final_runs)
      uses.push_back(detail::run_at_fleet_cost(r, rate));
    for (const auto& r : research)
      uses.push_back(LineItem{r.name + " at fleet cost",
                              r.gpu_time * rate.price,
                              Scope::research_compute,
                              detail::usage_at(r.breakdown().provenance, rate),
                              {}});
    for (const auto& d : data)
      if (in_gpu_hours(d.gpu_time) > 0)
        uses.push_back(LineItem{d.name + " generation at fleet cost",
                                d.gpu_time * rate.price,
                                Scope::data,
                                detail::usage_at(d.breakdown().provenance, rate),
                                {}});
    Money listed = usd(0);
    Evidence listed_evidence = Evidence::published;
    for (const auto& u : uses) {
      listed += u.amount;
      listed_evidence = weakest({listed_evidence, u.provenance.evidence});
    }
    // Whatever the listed work does not account for is still the program's:
    // reserved, idle or unlisted time within its share.
    Money rest = fleet.total.amount() - listed;
    if (in_usd(rest) < 0)
      rest = usd(0);  // rounding only: the check above bounds listed by the allocation
    uses.push_back(LineItem{"other allocated fleet time",
                            rest,
                            Scope::fleet_allocation,
                            derived_from({fleet.total.provenance().evidence, listed_evidence},
                                         "allocation minus the listed work"),
                            {}});
    LineItem alloc =
        compose(fleet.name, Scope::fleet_allocation, std::move(uses), fleet.total.provenance());
    parts.push_back(std::move(alloc));
    // Purchased data is not compute: it stays a separate line.
    std::vector<LineItem> purchases;
    for (const auto& d : data)
      for (const auto& p : d.purchase_items)
        purchases.push_back(p);
    if (!purchases.empty())
      parts.push_back(compose("data purchases", Scope::data, std::move(purchases)));
  }
  if (!staff.empty()) {
    std::vector<LineItem> items;
    for (const auto& s : staff)
      items.push_back(s.breakdown());
    parts.push_back(detail::group("staff", Scope::staff, std::move(items)));
  }

  LineItem& tree = detail::TreeAccess::tree(out);
  tree = compose(program.name, Scope::program, std::move(parts));
  check_composition(tree);
  out.total = scoped_cost_of<Scope::program>(tree);
  return out;
}

/// The one definition of a program's total over any evaluator: on the
/// rental-equivalent basis, runs + research + data + staff; on the
/// fleet-allocation basis, fleet cost x share (the runs, research and data
/// generation are uses of that time, not extra cost) + data purchases +
/// staff. Runs are read under their own names, the rest under `root`
/// ("research[i].multiplier", "data[i]....", "staff[i]....",
/// "fleet.fleet_cost", "fleet.share").
template <class E>
model::Val<typename E::value_type, Money> evaluate_program(const Program& program, E& e,
                                                           const model::Path& root) {
  using V = typename E::value_type;
  model::Val<V, Money> total = model::constant<V>(usd(0));
  if (program.basis == ComputeBasis::rental_equivalent) {
    std::vector<model::Val<V, Money>> run_costs;
    run_costs.reserve(program.runs.size());
    for (const auto& r : program.runs) {
      run_costs.push_back(evaluate_run(r, e, model::Path(r.name)).cost);
      total += run_costs.back();
    }
    for (std::size_t i = 0; i < program.research.size(); ++i) {
      const model::Path at(root, "research", i);
      if (const auto* m = std::get_if<ResearchMultiplier>(&program.research[i])) {
        const V mult =
            e.read(model::Path(at, "multiplier"), m->multiplier.value, model::specs::multiplier);
        total += research_beyond(mult, run_costs.at(m->run));
      } else {
        const auto& ledger = std::get<ExperimentLedger>(program.research[i]);
        total += evaluate_run(ledger_as_run(ledger), e, at).cost;
      }
    }
    for (std::size_t i = 0; i < program.data.size(); ++i)
      total += evaluate_data_work(program.data[i], e, model::Path(root, "data", i));
  } else {
    const model::Path at(root, "fleet");
    if (program.fleet_share) {
      const auto fleet_cost = detail::evaluate_shared_fleet_cost(*program.fleet_share, e);
      const V share = e.read(model::Path(at, "share"), program.fleet_share->share.value,
                             model::specs::unit_share);
      total += fleet_cost * share;
    } else {
      const FleetAllocation& fleet = program.fleet.value();
      const auto fleet_cost =
          e.read(model::Path(at, "fleet_cost"), fleet.fleet_cost, model::specs::usd_amount);
      const V share = e.read(model::Path(at, "share"), fleet.share, model::specs::unit_share);
      total += fleet_cost * share;
    }
    for (std::size_t i = 0; i < program.data.size(); ++i) {
      const model::Path d(root, "data", i);
      for (std::size_t j = 0; j < program.data[i].purchases.size(); ++j)
        total += e.read(model::Path(model::Path(d, "purchases", j), "amount"),
                        program.data[i].purchases[j].amount.value, model::specs::usd_amount);
    }
  }
  for (std::size_t i = 0; i < program.staff.size(); ++i)
    total += evaluate_staff_group(program.staff[i], e, model::Path(root, "staff", i));
  return total;
}

}  // namespace traincost
