// Monte Carlo of DeepSeek's costs through the library's generic path (issue
// 10: one model definition, evaluated over lanes of samples), next to the
// hand-vectorized evaluator the library had before, kept in bench/ as the
// baseline (bench/hand_vectorized_deepseek.hpp: NOT library code).
//
//  (a) Generic/V3: `simulate_cost(cost_model(run), deepseek_v3_ranges(run))`,
//      the V3 final run (pre-training from its workload) with 2 ranged
//      inputs (price, MFU), 1M samples: mean, sd, exact P5..P95, histogram.
//  (b) Generic/Program: the same over `deepseek_program_for_ranges()` with
//      its 10 ranged inputs.
//  (c) HandVectorized/{V3,Program}: the baseline, the old Eigen column
//      models with their own InputSets through `uncertainty::monte_carlo`
//      (one pass, outputs stored, then summarized), same samples and threads.
//  (d) NaiveScalar/Program: the old program model as a scalar loop on
//      std::mt19937_64 and <random> distributions, one thread, then the same
//      `summarize`.
//  (e) Tornado and Sobol indices of the program through the generic path.
//
//  Where the time goes: OnePass_Generic_* runs the generic model through the
//  baseline's one-pass `monte_carlo` (engine_model adapter); Block_* time one
//  block of 1,024 samples: drawing the ranges, evaluating the generic model
//  over lanes, evaluating the hand-written Eigen expression.
//
//  Ratio/{V3,Program}: the generic path and the baseline timed alternately
//  in the same iteration (so both see the same load on a shared machine);
//  counters `generic_ms`, `hand_ms` and `ratio` = generic / hand.
//
// Targets (issue 10): generic >= 20M samples/s on 2 cores (items_per_second
// of Generic/*/threads:0), and ratio <= 1.5.
//
// Argument: threads, 0 = every core (2 on the reference machine), 1 = one.
// All Monte Carlo benchmarks use real time: CPU time counts only the main
// thread. On a shared machine the two-thread figures depend on whether the
// other core is free; the one-thread figures are the per-core ones.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

#include "hand_vectorized_deepseek.hpp"
#include "traincost/reference/deepseek_ranges.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/model_sensitivity.hpp"
#include "traincost/uncertainty/model_simulation.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/sampler.hpp"
#include "traincost/uncertainty/sensitivity.hpp"

namespace {

using namespace traincost;
using namespace traincost::uncertainty;
namespace hv = traincost::bench::hand_vectorized;

constexpr std::int64_t kSamples = 1'000'000;

RunOptions options_for(const benchmark::State& state) {
  return RunOptions{kSamples, 42, static_cast<unsigned>(state.range(0)), 20};
}

/// The V3 final run and its two ranges, built once.
struct GenericV3 {
  TrainingRun run = reference::deepseek_v3_final_run_by_workload();
  CostModel model = cost_model(run);
  Ranges ranges = reference::deepseek_v3_ranges(run);
};
/// The program and its ten ranges, built once.
struct GenericProgram {
  Program program = reference::deepseek_program_for_ranges();
  CostModel model = cost_model(program);
  Ranges ranges = reference::deepseek_program_ranges(program);
};

template <class G>
double run_generic(const G& g, const RunOptions& o) {
  const CostSummary s = simulate_cost(g.model, g.ranges, o);
  return in_usd(s.p95);
}
double run_hand(const InputSet& in, const Model& m, const RunOptions& o) {
  const MonteCarloResult r = monte_carlo(in, m, o);
  return r.summary.p95;
}

// ---- (a), (b) the generic path ----

void Generic_V3(benchmark::State& state) {
  const GenericV3 g;
  const RunOptions o = options_for(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_generic(g, o));
  state.SetItemsProcessed(state.iterations() * kSamples);
  state.counters["inputs"] = static_cast<double>(g.ranges.size());
}
BENCHMARK(Generic_V3)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void Generic_Program(benchmark::State& state) {
  const GenericProgram g;
  const RunOptions o = options_for(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_generic(g, o));
  state.SetItemsProcessed(state.iterations() * kSamples);
  state.counters["inputs"] = static_cast<double>(g.ranges.size());
}
BENCHMARK(Generic_Program)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---- (c) the hand-vectorized baseline ----

void HandVectorized_V3(benchmark::State& state) {
  const InputSet in = hv::v3_final_run_inputs();
  const RunOptions o = options_for(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_hand(in, hv::v3_final_run_model, o));
  state.SetItemsProcessed(state.iterations() * kSamples);
  state.counters["inputs"] = static_cast<double>(in.size());
}
BENCHMARK(HandVectorized_V3)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void HandVectorized_Program(benchmark::State& state) {
  const InputSet in = hv::program_inputs();
  const RunOptions o = options_for(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_hand(in, hv::program_model, o));
  state.SetItemsProcessed(state.iterations() * kSamples);
  state.counters["inputs"] = static_cast<double>(in.size());
}
BENCHMARK(HandVectorized_Program)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// ---- the ratio, measured alternately in the same iterations ----

double seconds_of(auto&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

template <class G>
void ratio_benchmark(benchmark::State& state, const G& g, const InputSet& in, const Model& m) {
  const RunOptions o = options_for(state);
  double generic = 0.0, hand = 0.0;
  for (auto _ : state) {
    const double tg = seconds_of([&] { benchmark::DoNotOptimize(run_generic(g, o)); });
    const double th = seconds_of([&] { benchmark::DoNotOptimize(run_hand(in, m, o)); });
    generic += tg;
    hand += th;
    state.SetIterationTime(tg);
  }
  const auto n = static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations() * kSamples);
  state.counters["generic_ms"] = 1e3 * generic / n;
  state.counters["hand_ms"] = 1e3 * hand / n;
  state.counters["ratio"] = generic / hand;
  state.counters["ratio_ok"] = generic / hand <= 1.5 ? 1 : 0;
  state.SetLabel("ratio = generic / hand-vectorized; target <= 1.5");
}

void Ratio_V3(benchmark::State& state) {
  const GenericV3 g;
  ratio_benchmark(state, g, hv::v3_final_run_inputs(), hv::v3_final_run_model);
}
BENCHMARK(Ratio_V3)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

void Ratio_Program(benchmark::State& state) {
  const GenericProgram g;
  ratio_benchmark(state, g, hv::program_inputs(), hv::program_model);
}
BENCHMARK(Ratio_Program)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

// ---- where the time goes: one pass, and one block ----

/// The ranges as the engine's InputSet, in range order (as simulate_costs does).
InputSet input_set_of(const Ranges& ranges) {
  InputSet set;
  for (const RangedInput& r : ranges.inputs())
    set.add(r.path, r.distribution, r.provenance);
  return set;
}

// The generic model through the baseline's machinery: `monte_carlo` over
// `engine_model(bound)` — one pass, outputs stored, then summarized. The
// difference from HandVectorized_* is the evaluation over lanes alone; the
// difference from Generic_* is simulate_cost's three streaming passes.
template <class G>
void one_pass_generic(benchmark::State& state) {
  const G g;
  const BoundModel b = bind(g.model, g.ranges);
  const InputSet set = input_set_of(g.ranges);
  const Model m = engine_model(b);
  const RunOptions o = options_for(state);
  for (auto _ : state)
    benchmark::DoNotOptimize(run_hand(set, m, o));
  state.SetItemsProcessed(state.iterations() * kSamples);
}
void OnePass_Generic_V3(benchmark::State& state) {
  one_pass_generic<GenericV3>(state);
}
void OnePass_Generic_Program(benchmark::State& state) {
  one_pass_generic<GenericProgram>(state);
}
BENCHMARK(OnePass_Generic_V3)->ArgName("threads")->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(OnePass_Generic_Program)->ArgName("threads")->Arg(1)->Unit(benchmark::kMillisecond);

// One block of 1,024 samples, one thread, CPU time; items = samples.
template <class G>
void block_draw(benchmark::State& state) {
  const G g;
  const InputSet set = input_set_of(g.ranges);
  const BlockSampler sampler(set, 42);
  Eigen::ArrayXXd buf(block_size, static_cast<Eigen::Index>(set.size()));
  std::int64_t b = 0;
  for (auto _ : state) {
    sampler.fill(b++ % 977, buf);
    benchmark::DoNotOptimize(buf.data());
  }
  state.SetItemsProcessed(state.iterations() * block_size);
}
template <class G>
void block_evaluate_generic(benchmark::State& state) {
  const G g;
  const BoundModel b = bind(g.model, g.ranges);
  const InputSet set = input_set_of(g.ranges);
  Eigen::ArrayXXd buf(block_size, static_cast<Eigen::Index>(set.size()));
  BlockSampler(set, 42).fill(0, buf);
  const std::vector<const double*> cols = columns_for(b, buf);
  for (auto _ : state) {
    model::LaneEvaluator e(b.sites, cols, static_cast<std::size_t>(block_size));
    const auto cost = b.model->over_lanes(e);
    benchmark::DoNotOptimize(cost.value()[0]);
  }
  state.SetItemsProcessed(state.iterations() * block_size);
}
void block_evaluate_hand(benchmark::State& state, const InputSet& set, const Model& m) {
  Eigen::ArrayXXd buf(block_size, static_cast<Eigen::Index>(set.size()));
  BlockSampler(set, 42).fill(0, buf);
  Eigen::ArrayXd out(block_size);
  for (auto _ : state) {
    m(buf, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * block_size);
}
void Block_Draw_V3(benchmark::State& state) {
  block_draw<GenericV3>(state);
}
void Block_Draw_Program(benchmark::State& state) {
  block_draw<GenericProgram>(state);
}
void Block_Evaluate_Generic_V3(benchmark::State& state) {
  block_evaluate_generic<GenericV3>(state);
}
void Block_Evaluate_Generic_Program(benchmark::State& state) {
  block_evaluate_generic<GenericProgram>(state);
}
void Block_Evaluate_Hand_V3(benchmark::State& state) {
  block_evaluate_hand(state, hv::v3_final_run_inputs(), hv::v3_final_run_model);
}
void Block_Evaluate_Hand_Program(benchmark::State& state) {
  block_evaluate_hand(state, hv::program_inputs(), hv::program_model);
}
BENCHMARK(Block_Draw_V3);
BENCHMARK(Block_Draw_Program);
BENCHMARK(Block_Evaluate_Generic_V3);
BENCHMARK(Block_Evaluate_Generic_Program);
BENCHMARK(Block_Evaluate_Hand_V3);
BENCHMARK(Block_Evaluate_Hand_Program);

// ---- (d) the naive scalar loop (old program model, one thread) ----

struct RawParams {
  double flop, peak, later;
  double mfu_lo = 0.30, mfu_mode = 0.3894, mfu_hi = 0.4373;
  double good_lo = 0.90, good_hi = 1.0;
  double price_mu, price_sigma;
  double r1_lo, r1_hi;
  double mult_mu, mult_sigma;
  double head_mu, head_sigma;
  double staff_mu, staff_sigma;
  double over_lo = 1.25, over_hi = 1.4;
  double rate_lo, rate_hi;
  double years_lo, years_hi;
};

void lognormal_params(double p5, double p95, double& mu, double& sigma) {
  mu = 0.5 * (std::log(p5) + std::log(p95));
  sigma = (std::log(p95) - std::log(p5)) / (2 * 1.6448536269514722);
}

RawParams raw_params() {
  const hv::Canonical& c = hv::canonical();
  RawParams p{};
  p.flop = c.training_flop;
  p.peak = c.peak;
  p.later = c.later_stages;
  p.mfu_lo = 0.30;
  p.mfu_mode = 0.3894;
  p.mfu_hi = 0.4373;
  p.good_lo = 0.90;
  p.good_hi = 1.0;
  lognormal_params(to_canonical(usd_per_gpu_hour(1.5)), to_canonical(usd_per_gpu_hour(3.5)),
                   p.price_mu, p.price_sigma);
  p.r1_lo = 0.9 * to_canonical(hv::r1_gpu_time());
  p.r1_hi = 1.1 * to_canonical(hv::r1_gpu_time());
  lognormal_params(1.2, 4.0, p.mult_mu, p.mult_sigma);
  lognormal_params(100, 300, p.head_mu, p.head_sigma);
  lognormal_params(to_canonical(hv::cny_per_person_year(0.5e6)),
                   to_canonical(hv::cny_per_person_year(2.0e6)), p.staff_mu, p.staff_sigma);
  p.over_lo = 1.25;
  p.over_hi = 1.4;
  p.rate_lo = to_canonical(cny_per_usd(7.35));
  p.rate_hi = to_canonical(cny_per_usd(7.0));
  p.years_lo = to_canonical(years(1.0));
  p.years_hi = to_canonical(years(2.0));
  return p;
}

void NaiveScalar_Program(benchmark::State& state) {
  const RawParams p = raw_params();
  std::vector<double> out(static_cast<std::size_t>(kSamples));
  for (auto _ : state) {
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_real_distribution<double> goodput(p.good_lo, p.good_hi);
    std::lognormal_distribution<double> price(p.price_mu, p.price_sigma);
    std::uniform_real_distribution<double> r1(p.r1_lo, p.r1_hi);
    std::lognormal_distribution<double> mult(p.mult_mu, p.mult_sigma);
    std::lognormal_distribution<double> head(p.head_mu, p.head_sigma);
    std::lognormal_distribution<double> staff(p.staff_mu, p.staff_sigma);
    std::uniform_real_distribution<double> over(p.over_lo, p.over_hi);
    std::uniform_real_distribution<double> rate(p.rate_lo, p.rate_hi);
    std::uniform_real_distribution<double> yrs(p.years_lo, p.years_hi);
    const double split = (p.mfu_mode - p.mfu_lo) / (p.mfu_hi - p.mfu_lo);
    for (auto& y : out) {
      const double u = unit(rng);
      const double mfu =
          u < split
              ? p.mfu_lo + std::sqrt(u * (p.mfu_hi - p.mfu_lo) * (p.mfu_mode - p.mfu_lo))
              : p.mfu_hi - std::sqrt((1 - u) * (p.mfu_hi - p.mfu_lo) * (p.mfu_hi - p.mfu_mode));
      const double gpu = p.flop / (p.peak * mfu * goodput(rng)) + p.later + r1(rng);
      const double compute = gpu * price(rng) * mult(rng);
      y = compute + head(rng) * staff(rng) * yrs(rng) * over(rng) * rate(rng);
    }
    Summary s = summarize(Eigen::Map<const Eigen::ArrayXd>(out.data(), kSamples), 20);
    benchmark::DoNotOptimize(s.p95);
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
}
BENCHMARK(NaiveScalar_Program)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- (e) tornado and Sobol indices through the generic path ----

// One-at-a-time swings of the ten inputs: 2 x 10 + 1 typed point evaluations.
void Tornado_Program(benchmark::State& state) {
  const GenericProgram g;
  for (auto _ : state) {
    CostTornado t = tornado_cost(g.model, g.ranges);
    benchmark::DoNotOptimize(t.bars.data());
  }
  state.counters["bars"] = static_cast<double>(g.ranges.size());
}
BENCHMARK(Tornado_Program)->Unit(benchmark::kMicrosecond);

// What `traincost sensitivity` does for the program: 1M samples with
// percentiles plus the tornado, wall time.
void SimulateAndTornado_Program(benchmark::State& state) {
  const GenericProgram g;
  const RunOptions o = options_for(state);
  for (auto _ : state) {
    benchmark::DoNotOptimize(run_generic(g, o));
    CostTornado t = tornado_cost(g.model, g.ranges);
    benchmark::DoNotOptimize(t.bars.data());
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
}
BENCHMARK(SimulateAndTornado_Program)
    ->ArgName("threads")
    ->Arg(0)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Sobol indices, N = 65,536: N x (10 + 2) model evaluations; items = evaluations.
void Sobol_Program_Generic(benchmark::State& state) {
  const GenericProgram g;
  std::int64_t evaluations = 0;
  for (auto _ : state) {
    SobolResult r = sobol_cost(g.model, g.ranges, {1 << 16, 42, 0});
    evaluations += r.model_evaluations;
    benchmark::DoNotOptimize(r.indices.data());
  }
  state.SetItemsProcessed(evaluations);
}
BENCHMARK(Sobol_Program_Generic)->Unit(benchmark::kMillisecond)->UseRealTime();

void Sobol_Program_HandVectorized(benchmark::State& state) {
  const InputSet in = hv::program_inputs();
  std::int64_t evaluations = 0;
  for (auto _ : state) {
    SobolResult r = sobol(in, hv::program_model, {1 << 16, 42, 0});
    evaluations += r.model_evaluations;
    benchmark::DoNotOptimize(r.indices.data());
  }
  state.SetItemsProcessed(evaluations);
}
BENCHMARK(Sobol_Program_HandVectorized)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
