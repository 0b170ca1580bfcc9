// One model, two evaluations: for every model kind, the lane evaluation of
// the one definition (model::LaneEvaluator over blocks of drawn inputs)
// agrees with the typed public function (cost_final_run, cost_staff,
// cost_program ...) evaluated on a typed copy of the model carrying the same
// drawn values, to 1e-12 relative, at 1,500 random points per model (one
// full block of model::lane_count and one partial block).
//
// Every numeric input a model reads is varied: the test records the reads
// with model::BindingEvaluator and fails if one of them has no draw rule
// below. An input read several times (a run's "accelerators", read once per
// stage on the run's cluster) gets one column, so every read of it sees the
// same draw.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/hardware/catalog.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/lanes.hpp"
#include "traincost/model/path.hpp"
#include "traincost/model/specs.hpp"
#include "traincost/program/allocation.hpp"
#include "traincost/program/program.hpp"
#include "traincost/program/research.hpp"
#include "traincost/program/staff.hpp"
#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/uncertainty/canonical.hpp"

namespace traincost {
namespace {

using uncertainty::to_canonical;

constexpr double tolerance = 1e-12;
/// One full block and one partial block of lanes.
constexpr std::size_t points = model::lane_count + 476;
static_assert(points >= 1000 && points % model::lane_count != 0);

// ---- What the test draws, by the last segment of an input's path ----------

/// A uniform draw in natural units (USD per GPU-hour, hours, years ...);
/// `whole` draws integers; `edge`, when set, is drawn instead 1 time in 32
/// so that the bound's closed end is exercised too.
struct DrawRule {
  double low;
  double high;
  bool whole = false;
  std::optional<double> edge = std::nullopt;
};

const std::map<std::string, DrawRule, std::less<>>& draw_rules() {
  static const std::map<std::string, DrawRule, std::less<>> rules{
      {"price", {0.5, 6.0}},                   // USD per GPU-hour
      {"accelerators", {1, 4096, true, 1.0}},  // whole accelerators
      {"gpu_hours", {10.0, 5e6}},              // GPU-hours
      {"wall_clock_hours", {1.0, 2000.0}},     // hours
      {"training_tokens", {1e9, 2e13}},        // tokens
      {"active_parameters", {1e8, 1e11}},      // parameters
      {"flop_per_token", {1e9, 1e12}},         // FLOP per token
      {"mfu", {0.05, 1.0, false, 1.0}},        // in (0, 1]
      {"goodput", {0.5, 1.0, false, 1.0}},     // in (0, 1]
      {"multiplier", {1.0, 4.0, false, 1.0}},  // >= 1
      {"headcount", {1.0, 300.0}},             // people (need not be whole)
      {"salary", {5e4, 5e5}},                  // USD per person-year
      {"overhead", {1.0, 2.0, false, 1.0}},    // >= 1
      {"period", {0.25, 5.0}},                 // years
      {"amount", {0.0, 1e7, false, 0.0}},      // USD, >= 0
      {"fleet_cost", {1e8, 2e9}},              // USD
      {"share", {0.01, 1.0, false, 1.0}},      // in (0, 1]
  };
  return rules;
}

std::string_view last_segment(std::string_view path) {
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

double draw(const DrawRule& r, std::mt19937_64& rng) {
  if (r.edge && std::uniform_int_distribution<int>(0, 31)(rng) == 0)
    return *r.edge;
  if (r.whole)
    return static_cast<double>(std::uniform_int_distribution<std::int64_t>(
        static_cast<std::int64_t>(r.low), static_cast<std::int64_t>(r.high))(rng));
  return std::uniform_real_distribution<double>(r.low, r.high)(rng);
}

// ---- Setting a drawn value on a typed copy of a model -----------------------

/// "stages[3].mfu" -> {"stages", 3, "mfu"}.
struct Indexed {
  std::string list;
  std::size_t index = 0;
  std::string rest;
};

std::optional<Indexed> split_indexed(std::string_view s) {
  const auto open = s.find('[');
  const auto close = s.find(']');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return std::nullopt;
  Indexed out;
  out.list = std::string(s.substr(0, open));
  out.index =
      static_cast<std::size_t>(std::stoul(std::string(s.substr(open + 1, close - open - 1))));
  out.rest = close + 1 < s.size() && s[close + 1] == '.' ? std::string(s.substr(close + 2)) : "";
  return out;
}

bool starts_with_root(std::string_view path, std::string_view root) {
  return path.size() > root.size() && path.substr(0, root.size()) == root &&
         path[root.size()] == '.';
}

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// Sets `field` of a stage to `x` (natural units); returns its canonical value.
double apply_stage(Stage& s, std::string_view field, double x) {
  if (field == "gpu_hours") {
    s.usage = gpu_hours(x);
    return to_canonical(std::get<GpuTime>(s.usage));
  }
  if (field == "wall_clock_hours") {
    s.usage = hours(x);
    return to_canonical(std::get<Duration>(s.usage));
  }
  if (field == "price") {
    s.price.value().value = usd_per_gpu_hour(x);
    return to_canonical(s.price->value);
  }
  if (field == "accelerators") {
    s.cluster = Cluster(s.cluster.value().accelerator(), accelerators(x));
    return to_canonical(s.cluster->count());
  }
  WorkloadUsage& u = std::get<WorkloadUsage>(s.usage);
  if (field == "training_tokens") {
    u.workload.training_tokens = tokens(x);
    return to_canonical(u.workload.training_tokens);
  }
  if (field == "active_parameters") {
    u.workload.active_parameters = parameters(x);
    // Not read by the model, but validated: active <= total.
    u.workload.total_parameters = std::max(u.workload.total_parameters, parameters(x));
    return to_canonical(u.workload.active_parameters);
  }
  if (field == "flop_per_token") {
    u.workload.flop_rule = FlopPerTokenRule::stated(flop_per_token(x), assumed("drawn"));
    return to_canonical(u.workload.flop_rule.stated_value());
  }
  if (field == "mfu") {
    u.throughput = Throughput(u.throughput.mfu_precision(), x, u.throughput.goodput())
                       .with_source(u.throughput.source());
    return u.throughput.mfu();
  }
  if (field == "goodput") {
    u.throughput = u.throughput.with_goodput(x);
    return u.throughput.goodput();
  }
  ADD_FAILURE() << "no setter for stage field " << field;
  return nan;
}

/// Sets an input of anything costed like a run (a run, a ledger, data
/// generation): `rest` is the path below the run's root.
double apply_run_like(Sourced<GpuTimePrice>& price, Cluster& cluster,
                      const std::function<Stage&(std::size_t)>& stage_at, std::string_view rest,
                      double x) {
  if (rest == "price") {
    price.value = usd_per_gpu_hour(x);
    return to_canonical(price.value);
  }
  if (rest == "accelerators") {
    cluster = Cluster(cluster.accelerator(), accelerators(x));
    return to_canonical(cluster.count());
  }
  const auto at = split_indexed(rest);
  if (at && at->list == "stages")
    return apply_stage(stage_at(at->index), at->rest, x);
  ADD_FAILURE() << "no setter for run input " << rest;
  return nan;
}

double apply_run(TrainingRun& run, std::string_view rest, double x) {
  // The base class of RunPrice: setting its value keeps the price's kind.
  Sourced<GpuTimePrice>& price = run.price;
  return apply_run_like(
      price, run.cluster, [&](std::size_t i) -> Stage& { return run.stages.at(i); }, rest, x);
}

double apply_ledger(ExperimentLedger& ledger, std::string_view rest, double x) {
  return apply_run_like(
      ledger.price, ledger.cluster,
      [&](std::size_t i) -> Stage& { return ledger.experiments.at(i).stage; }, rest, x);
}

double apply_data(DataWork& work, std::string_view rest, double x) {
  const auto at = split_indexed(rest);
  if (at && at->list == "purchases" && at->rest == "amount") {
    work.purchases.at(at->index).amount.value = usd(x);
    return to_canonical(work.purchases.at(at->index).amount.value);
  }
  return apply_run_like(
      work.price.value(), work.cluster.value(),
      [&](std::size_t i) -> Stage& { return work.generation.at(i); }, rest, x);
}

double apply_staff(StaffGroup& g, std::string_view field, double x) {
  if (field == "headcount") {
    g.headcount.value = people(x);
    return to_canonical(g.headcount.value);
  }
  if (field == "salary") {
    g.salary.value = usd_per_person_year(x);
    return to_canonical(g.salary.value);
  }
  if (field == "overhead") {
    g.overhead.value = x;
    return x;
  }
  if (field == "period") {
    g.period.value = years(x);
    return to_canonical(g.period.value);
  }
  ADD_FAILURE() << "no setter for staff field " << field;
  return nan;
}

/// A fleet allocation with a new fleet cost or share, rebuilt through
/// allocate_by_share so that its amount, allocated time and rate follow.
FleetAllocation reallocate(const FleetAllocation& f, double fleet_cost_usd, double share) {
  return allocate_by_share(f.name,
                           scoped<Scope::fleet_tco>(usd(fleet_cost_usd), f.fleet_provenance),
                           sourced(share, f.share_provenance), f.fleet_capacity);
}

double apply_program(Program& p, const std::string& path, double x) {
  for (TrainingRun& r : p.runs)
    if (starts_with_root(path, r.name))
      return apply_run(r, std::string_view(path).substr(r.name.size() + 1), x);
  if (!starts_with_root(path, p.name)) {
    ADD_FAILURE() << "no setter for program input " << path;
    return nan;
  }
  const std::string_view rest = std::string_view(path).substr(p.name.size() + 1);
  if (rest == "fleet.fleet_cost") {
    p.fleet = reallocate(*p.fleet, x, p.fleet->share);
    return to_canonical(p.fleet->fleet_cost);
  }
  if (rest == "fleet.share") {
    p.fleet = reallocate(*p.fleet, in_usd(p.fleet->fleet_cost), x);
    return p.fleet->share;
  }
  const auto at = split_indexed(rest);
  if (at && at->list == "research") {
    if (auto* m = std::get_if<ResearchMultiplier>(&p.research.at(at->index))) {
      EXPECT_EQ(at->rest, "multiplier");
      m->multiplier.value = x;
      return x;
    }
    return apply_ledger(std::get<ExperimentLedger>(p.research.at(at->index)), at->rest, x);
  }
  if (at && at->list == "data")
    return apply_data(p.data.at(at->index), at->rest, x);
  if (at && at->list == "staff")
    return apply_staff(p.staff.at(at->index), at->rest, x);
  ADD_FAILURE() << "no setter for program input " << path;
  return nan;
}

// ---- The check ---------------------------------------------------------------

/// A model kind under test: its model struct, how a drawn value is set on a
/// typed copy (returning the canonical value), and the typed public function.
template <class M>
struct Case {
  std::string what;
  M base;
  std::function<double(M&, const std::string& path, double natural)> apply;
  std::function<Money(const M&)> typed;
  /// At least one input must be read more than once (e.g. a run's accelerators).
  bool expect_repeated_read = false;
};

double rel_diff(double a, double b) {
  return std::abs(a - b) / std::max(std::abs(b), std::numeric_limits<double>::min());
}

/// `body(m, e)` is the model's one definition over evaluator `e`.
template <class M, class Body>
void expect_lanes_agree(const Case<M>& c, Body body, std::uint64_t seed) {
  SCOPED_TRACE(c.what);

  // Typed vs typed: the core at the model's own point is the typed function, bit for bit.
  {
    model::PointEvaluator point;
    const Money core = body(c.base, point);
    EXPECT_EQ(in_usd(core), in_usd(c.typed(c.base))) << "core at the model's own point";
  }

  // The reads, once; one column per distinct path.
  model::BindingEvaluator rec;
  (void)body(c.base, rec);
  const std::vector<model::ReadSite> sites = rec.take_sites();
  ASSERT_FALSE(sites.empty());
  std::vector<std::string> inputs;
  std::vector<std::size_t> column_of_read;
  for (const model::ReadSite& s : sites) {
    const auto it = std::find(inputs.begin(), inputs.end(), s.path);
    column_of_read.push_back(static_cast<std::size_t>(it - inputs.begin()));
    if (it == inputs.end())
      inputs.push_back(s.path);
  }
  if (c.expect_repeated_read) {
    EXPECT_LT(inputs.size(), sites.size()) << "expected an input read more than once";
  }
  std::vector<const DrawRule*> rules;
  std::vector<const model::ReadSite*> first_site(inputs.size(), nullptr);
  for (std::size_t k = 0; k < sites.size(); ++k)
    if (!first_site[column_of_read[k]])
      first_site[column_of_read[k]] = &sites[k];
  for (const std::string& in : inputs) {
    const auto it = draw_rules().find(last_segment(in));
    ASSERT_NE(it, draw_rules().end())
        << "the model reads " << in << ", which the test does not vary";
    rules.push_back(&it->second);
  }

  std::mt19937_64 rng(seed);
  double worst = 0.0;
  std::size_t checked = 0;
  for (std::size_t start = 0; start < points; start += model::lane_count) {
    const std::size_t rows = std::min(model::lane_count, points - start);
    // A lane evaluator reads whole columns of lane_count values: lanes past
    // the block's samples repeat its first, so they stay valid inputs.
    std::vector<std::vector<double>> columns(inputs.size(), std::vector<double>(model::lane_count));
    std::vector<double> typed(rows);
    for (std::size_t r = 0; r < rows; ++r) {
      M m = c.base;
      for (std::size_t u = 0; u < inputs.size(); ++u) {
        const double natural = draw(*rules[u], rng);
        const double canonical = c.apply(m, inputs[u], natural);
        const model::InputSpec& spec = first_site[u]->spec;
        ASSERT_TRUE(model::within(spec.bound, canonical)) << inputs[u] << " = " << natural;
        // The spec shows the canonical value in the unit the draw was made in.
        ASSERT_LE(rel_diff(spec.show(canonical), natural), 1e-14)
            << inputs[u] << " shown in " << spec.unit;
        columns[u][r] = canonical;
      }
      if (r == 0) {
        // The reads do not depend on the values read.
        model::BindingEvaluator again;
        (void)body(m, again);
        ASSERT_EQ(again.sites().size(), sites.size());
        for (std::size_t k = 0; k < sites.size(); ++k)
          ASSERT_EQ(again.sites()[k].path, sites[k].path);
      }
      typed[r] = in_usd(c.typed(m));
    }
    for (auto& column : columns)
      std::fill(column.begin() + static_cast<std::ptrdiff_t>(rows), column.end(), column[0]);
    std::vector<const double*> per_read(sites.size());
    for (std::size_t k = 0; k < sites.size(); ++k)
      per_read[k] = columns[column_of_read[k]].data();
    model::LaneEvaluator lanes(sites, per_read, rows);
    const model::Val<model::Lanes, Money> out = body(c.base, lanes);
    for (std::size_t r = 0; r < rows; ++r) {
      const double d = rel_diff(out.value()[r], typed[r]);
      worst = std::max(worst, d);
      ASSERT_LE(d, tolerance) << "point " << start + r << ": lanes " << out.value()[r]
                              << " vs typed " << typed[r];
      ++checked;
    }
  }
  EXPECT_EQ(checked, points);
  std::ostringstream worst_text;
  worst_text << std::scientific << worst;
  ::testing::Test::RecordProperty("worst_relative_difference", worst_text.str());
}

// ---- Models ------------------------------------------------------------------

Cluster h800s(double n) {
  return Cluster(accelerator("H800 SXM"), accelerators(n));
}
Cluster a100s(double n) {
  return Cluster(accelerator("A100 SXM4 80GB"), accelerators(n));
}

Sourced<GpuTimePrice> price(double usd_per_hour) {
  return sourced(usd_per_gpu_hour(usd_per_hour), assumed("test price"));
}

Stage gpu_hours_stage(std::string name, double h) {
  return Stage::with_gpu_time(std::move(name), StageKind::pre_training, gpu_hours(h),
                              assumed("test usage"));
}
Stage wall_clock_stage(std::string name, double h) {
  return Stage::with_wall_clock(std::move(name), StageKind::reinforcement_learning, hours(h),
                                assumed("test usage"));
}

enum class Rule { stated, six_n, six_n_attention };

Stage workload_stage(std::string name, Rule rule, Precision mfu_precision = Precision::bf16) {
  Workload w = Workload::mixture_of_experts(name + " workload", parameters(671e9), parameters(37e9),
                                            tokens(14.8e12));
  switch (rule) {
    case Rule::stated:
      w.with_flop_rule(FlopPerTokenRule::stated(flop_per_token(2.5e11), assumed("stated")));
      break;
    case Rule::six_n:
      break;
    case Rule::six_n_attention:
      w.with_flop_rule(FlopPerTokenRule::six_n_plus_attention(
          AttentionShape{61, 16384, tokens(4096), AttentionMask::causal}));
      break;
  }
  return Stage::with_workload(std::move(name), StageKind::pre_training, std::move(w),
                              Throughput(mfu_precision, 0.39, 0.9));
}

TrainingRun run_of(std::string name, std::vector<Stage> stages, Cluster cluster = h800s(2048)) {
  return TrainingRun{std::move(name), std::move(cluster), price(2.0), std::move(stages)};
}

Case<TrainingRun> run_case(std::string what, TrainingRun run, bool repeated = false) {
  return Case<TrainingRun>{std::move(what), std::move(run),
                           [](TrainingRun& r, const std::string& path, double x) {
                             EXPECT_TRUE(starts_with_root(path, r.name)) << path;
                             return apply_run(r, std::string_view(path).substr(r.name.size() + 1),
                                              x);
                           },
                           [](const TrainingRun& r) { return cost_final_run(r).total; }, repeated};
}

const auto run_body = [](const TrainingRun& r, auto& e) {
  return evaluate_run(r, e, model::Path(r.name)).cost;
};

void expect_run_agrees(const Case<TrainingRun>& c, std::uint64_t seed) {
  expect_lanes_agree(c, run_body, seed);
}

// ---- Final runs ----------------------------------------------------------------

TEST(LanesAgree, FinalRunInGpuHours) {
  expect_run_agrees(run_case("V3 in GPU-hours", reference::deepseek_v3_final_run()), 101);
}

TEST(LanesAgree, FinalRunInWallClockOnTheRunsCluster) {
  // R1: two wall-clock stages on the run's 512 GPUs read "<run>.accelerators" twice.
  expect_run_agrees(run_case("R1 in wall-clock", reference::deepseek_r1_run(), true), 102);
}

TEST(LanesAgree, FinalRunInWallClockOnAStagesOwnCluster) {
  TrainingRun run =
      run_of("own cluster", {wall_clock_stage("on run cluster", 100),
                             wall_clock_stage("on own cluster", 50).on(a100s(256)),
                             gpu_hours_stage("hours on own cluster", 1e4).on(h800s(64))});
  expect_run_agrees(run_case("wall-clock on a stage's own cluster", std::move(run)), 103);
}

TEST(LanesAgree, FinalRunWithAStagePriceOverride) {
  TrainingRun run = reference::deepseek_v3_final_run();
  run.stages[1].priced_at(price(3.0));
  run.stages.push_back(wall_clock_stage("priced wall-clock", 20).priced_at(price(2.5)));
  expect_run_agrees(run_case("stage price override", std::move(run)), 104);
}

TEST(LanesAgree, FinalRunWithAStatedFlopPerTokenWorkload) {
  expect_run_agrees(run_case("workload, stated FLOP/token",
                             run_of("stated", {workload_stage("pre-training", Rule::stated)})),
                    105);
}

TEST(LanesAgree, FinalRunWithASixNWorkload) {
  expect_run_agrees(
      run_case("workload, 6N", run_of("6N", {workload_stage("pre-training", Rule::six_n)})), 106);
}

TEST(LanesAgree, FinalRunWithASixNPlusAttentionWorkload) {
  // MFU quoted against FP8's peak, so the other peak of the H800 is used too.
  expect_run_agrees(
      run_case("workload, 6N + attention",
               run_of("6N+attn",
                      {workload_stage("pre-training", Rule::six_n_attention, Precision::fp8)})),
      107);
}

TEST(LanesAgree, FinalRunMixingEveryKindOfStage) {
  TrainingRun run =
      run_of("mixed", {gpu_hours_stage("hours", 2e6), wall_clock_stage("wall", 100),
                       workload_stage("stated", Rule::stated).on(h800s(1024)),
                       workload_stage("6N", Rule::six_n).priced_at(price(1.8)),
                       workload_stage("6N+attn", Rule::six_n_attention).on(a100s(512)),
                       wall_clock_stage("own", 10).on(h800s(32)).priced_at(price(4.0))});
  expect_run_agrees(run_case("every kind of stage", std::move(run), true), 108);
}

TEST(LanesAgree, FinalRunAtOwnershipCost) {
  TrainingRun run = reference::deepseek_r1_run();
  run.price = RunPrice::ownership_cost(sourced(usd_per_gpu_hour(1.2), assumed("fleet cost")));
  ASSERT_EQ(run.scope(), Scope::final_run_ownership);
  Case<TrainingRun> c = run_case("ownership-priced run", run, true);
  c.typed = [](const TrainingRun& r) {
    const FinalRunCost cost = cost_final_run(r);
    // A drawn price keeps the price's kind, and so the scope.
    EXPECT_EQ(cost.scope(), Scope::final_run_ownership);
    return cost.total;
  };
  expect_run_agrees(c, 109);
}

// ---- Research ------------------------------------------------------------------

ExperimentLedger ledger(std::string name) {
  ExperimentLedger l{std::move(name), h800s(256), price(2.0), {}};
  l.experiments.push_back({ExperimentKind::ablation, gpu_hours_stage("ablations", 1e5)});
  l.experiments.push_back(
      {ExperimentKind::smaller_run,
       wall_clock_stage("7B on A100s", 300).on(a100s(128)).priced_at(price(1.3))});
  l.experiments.push_back({ExperimentKind::failed_run, wall_clock_stage("failed", 40)});
  l.experiments.push_back(
      {ExperimentKind::restarted_run, workload_stage("restarted", Rule::six_n)});
  return l;
}

TEST(LanesAgree, ResearchByLedger) {
  const Case<ExperimentLedger> c{
      "research by ledger", ledger("ledger"),
      [](ExperimentLedger& l, const std::string& path, double x) {
        EXPECT_TRUE(starts_with_root(path, l.name)) << path;
        return apply_ledger(l, std::string_view(path).substr(l.name.size() + 1), x);
      },
      [](const ExperimentLedger& l) { return cost_experiments(l).total.amount(); }, true};
  expect_lanes_agree(
      c,
      [](const ExperimentLedger& l, auto& e) {
        return evaluate_run(ledger_as_run(l), e, model::Path(l.name)).cost;
      },
      201);
}

struct MultiplierModel {
  TrainingRun run;
  Sourced<double> multiplier;
};

TEST(LanesAgree, ResearchByMultiplier) {
  TrainingRun run = reference::deepseek_r1_run();
  run.stages.push_back(workload_stage("workload", Rule::six_n_attention));
  const Case<MultiplierModel> c{
      "research by multiplier",
      MultiplierModel{std::move(run), sourced(2.5, assumed("Epoch AI range"))},
      [](MultiplierModel& m, const std::string& path, double x) {
        if (path == "research.multiplier") {
          m.multiplier.value = x;
          return x;
        }
        EXPECT_TRUE(starts_with_root(path, m.run.name)) << path;
        return apply_run(m.run, std::string_view(path).substr(m.run.name.size() + 1), x);
      },
      [](const MultiplierModel& m) {
        return research_from_multiplier("research", cost_final_run(m.run), m.multiplier)
            .total.amount();
      },
      true};
  expect_lanes_agree(
      c,
      [](const MultiplierModel& m, auto& e) {
        using V = typename std::decay_t<decltype(e)>::value_type;
        const model::Val<V, Money> run_cost = evaluate_run(m.run, e, model::Path(m.run.name)).cost;
        const V multiplier = e.read(model::Path(model::Path("research"), "multiplier"),
                                    m.multiplier.value, model::specs::multiplier);
        return research_beyond(multiplier, run_cost);
      },
      202);
}

// ---- Data work and staff -------------------------------------------------------

DataWork data_work(std::string name) {
  DataWork d;
  d.name = std::move(name);
  d.cluster = h800s(128);
  d.price = price(2.0);
  d.generation = {gpu_hours_stage("synthetic", 5e4), wall_clock_stage("filtering", 24),
                  wall_clock_stage("labelling on A100s", 48).on(a100s(64)).priced_at(price(1.1)),
                  workload_stage("distillation", Rule::stated)};
  d.purchases = {DataPurchase{"licence", sourced(usd(2e5), assumed("quote"))},
                 DataPurchase{"annotation", sourced(usd(7.5e5), assumed("quote"))}};
  return d;
}

TEST(LanesAgree, DataWorkWithGenerationAndPurchases) {
  const Case<DataWork> c{"data work", data_work("data"),
                         [](DataWork& d, const std::string& path, double x) {
                           EXPECT_TRUE(starts_with_root(path, d.name)) << path;
                           return apply_data(d, std::string_view(path).substr(d.name.size() + 1),
                                             x);
                         },
                         [](const DataWork& d) { return cost_data_work(d).total.amount(); }, true};
  expect_lanes_agree(
      c, [](const DataWork& d, auto& e) { return evaluate_data_work(d, e, model::Path(d.name)); },
      301);
}

StaffGroup staff_group(std::string name, double headcount, double salary, double overhead,
                       double years_worked) {
  return StaffGroup{std::move(name), sourced(people(headcount), assumed("x")),
                    sourced(usd_per_person_year(salary), assumed("x")),
                    sourced(overhead, assumed("x")), sourced(years(years_worked), assumed("x"))};
}

struct StaffModel {
  std::string name;
  std::vector<StaffGroup> groups;
};

TEST(LanesAgree, StaffGroups) {
  const Case<StaffModel> c{
      "staff groups",
      StaffModel{
          "team",
          {staff_group("researchers", 80, 2e5, 1.3, 2), staff_group("engineers", 60, 1.5e5, 1.4, 2),
           staff_group("operations", 12.5, 9e4, 1.25, 1.5)}},
      [](StaffModel& m, const std::string& path, double x) {
        EXPECT_TRUE(starts_with_root(path, m.name)) << path;
        const auto at = split_indexed(std::string_view(path).substr(m.name.size() + 1));
        EXPECT_TRUE(at && at->list == "staff") << path;
        return apply_staff(m.groups.at(at->index), at->rest, x);
      },
      [](const StaffModel& m) { return cost_staff(m.name, m.groups).total.amount(); }};
  expect_lanes_agree(
      c,
      [](const StaffModel& m, auto& e) {
        using V = typename std::decay_t<decltype(e)>::value_type;
        model::Val<V, Money> total = model::constant<V>(usd(0));
        for (std::size_t i = 0; i < m.groups.size(); ++i)
          total +=
              evaluate_staff_group(m.groups[i], e, model::Path(model::Path(m.name), "staff", i));
        return total;
      },
      401);
}

// ---- Programs ------------------------------------------------------------------

Program rental_program() {
  Program p;
  p.name = "program";
  TrainingRun v3 = reference::deepseek_v3_final_run();
  v3.stages[2].priced_at(price(2.6));
  TrainingRun r1 = reference::deepseek_r1_run();
  r1.stages.push_back(workload_stage("extra RL", Rule::six_n).on(h800s(256)));
  p.runs = {std::move(v3), std::move(r1)};
  p.research = {ResearchMultiplier{"V3 research", 0, sourced(2.0, assumed("x"))},
                ledger("R1 ablations"),
                ResearchMultiplier{"R1 research", 1, sourced(1.5, assumed("x"))}};
  p.data = {data_work("data")};
  p.staff = {staff_group("researchers", 100, 1.5e5, 1.3, 2),
             staff_group("engineers", 50, 1.2e5, 1.25, 1)};
  return p;
}

Case<Program> program_case(std::string what, Program p) {
  return Case<Program>{std::move(what), std::move(p), apply_program,
                       [](const Program& q) { return cost_program(q).total.amount(); }, true};
}

const auto program_body = [](const Program& p, auto& e) {
  return evaluate_program(p, e, model::Path(p.name));
};

TEST(LanesAgree, ProgramOnTheRentalEquivalentBasis) {
  expect_lanes_agree(program_case("program, rental-equivalent", rental_program()), program_body,
                     501);
}

TEST(LanesAgree, ProgramOnTheFleetAllocationBasis) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  // A capacity large enough that the smallest drawn share covers every drawn use.
  p.fleet =
      allocate_by_share("fleet share", scoped<Scope::fleet_tco>(usd(1.6e9), assumed("fleet TCO")),
                        sourced(0.05, assumed("share")), gpu_hours(1e15));
  Case<Program> c = program_case("program, fleet allocation", std::move(p));
  c.expect_repeated_read = false;  // the runs are uses of the allocation, not read
  expect_lanes_agree(c, program_body, 502);
}

TEST(LanesAgree, FleetBasisReadsTheFleetAndNotTheRunsPrices) {
  Program p = rental_program();
  p.basis = ComputeBasis::fleet_allocation;
  p.fleet = allocate_by_share("fleet share", scoped<Scope::fleet_tco>(usd(1e9), assumed("x")),
                              sourced(0.1, assumed("x")), gpu_hours(1e12));
  model::BindingEvaluator rec;
  (void)evaluate_program(p, rec, model::Path(p.name));
  std::vector<std::string> paths;
  for (const auto& s : rec.sites())
    paths.push_back(s.path);
  EXPECT_NE(std::find(paths.begin(), paths.end(), "program.fleet.fleet_cost"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "program.fleet.share"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "program.data[0].purchases[1].amount"),
            paths.end());
  for (const auto& path : paths)
    EXPECT_FALSE(starts_with_root(path, "DeepSeek-V3 final run")) << path;
}

}  // namespace
}  // namespace traincost
