// Monte Carlo of the DeepSeek program model (ten uncertain inputs), next to
// the naive baseline and the raw-double evaluation it is compared with.
//
//  (a) MonteCarlo/Program: traincost's engine — block streams of xoshiro256++,
//      ziggurat normals, Eigen column arithmetic, every core — drawing,
//      evaluating and summarizing (mean, sd, P5..P95, histogram) 1M samples.
//      Items per second = samples per second. Target >= 20M/s on 2 cores.
//  (b) MonteCarlo/NaiveScalar: the same model as a hand-written scalar loop on
//      std::mt19937_64 and std::lognormal_distribution / uniform_real_distribution,
//      one thread, then the same `summarize` (so the comparison is of drawing and
//      evaluating, not of percentile algorithms). Target: (a) >= 5x (b).
//  (c) ProgramPoint/{Typed,Raw}: one evaluation of the program model on typed
//      quantities vs on raw doubles (both validate MFU and goodput). The issue
//      sets no target; the library's usual aim is Typed <= 1.05x Raw.
//  (d) MonteCarloAndTornado/1M: one million samples with percentiles plus a
//      tornado, wall time. Target < 200 ms.
//  Also: Sobol indices of the program model (model evaluations per second).
//
// All Monte Carlo benchmarks use real time: CPU time would count only the
// main thread. On a shared machine the two-thread figures depend on whether
// the second core is free; MonteCarlo_Program/1 (one thread, real time close
// to its CPU time) is the per-core figure.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

#include "traincost/uncertainty/deepseek.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/sensitivity.hpp"

namespace {

using namespace traincost;
using namespace traincost::uncertainty;

constexpr std::int64_t kSamples = 1'000'000;

// ---- (a) the engine ----

void MonteCarlo_Program(benchmark::State& state) {
  const InputSet in = deepseek_program_inputs();
  const RunOptions options{kSamples, 42, static_cast<unsigned>(state.range(0)), 20};
  for (auto _ : state) {
    MonteCarloResult r = monte_carlo(in, deepseek_program_model, options);
    benchmark::DoNotOptimize(r.summary.p95);
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
  state.counters["inputs"] = static_cast<double>(in.size());
}
// 0 = every core (2 on the reference machine); 1 = one thread.
BENCHMARK(MonteCarlo_Program)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// Drawing and evaluating only, without the summary's partial sorts.
void MonteCarlo_ProgramSimulateOnly(benchmark::State& state) {
  const InputSet in = deepseek_program_inputs();
  for (auto _ : state) {
    Eigen::ArrayXd y = simulate(in, deepseek_program_model, kSamples, 42, 0);
    benchmark::DoNotOptimize(y.data());
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
}
BENCHMARK(MonteCarlo_ProgramSimulateOnly)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- (b) the naive baseline ----

// The program model's parameters as raw doubles in canonical units, derived
// once from the same typed ranges as deepseek_program_inputs().
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
  RawParams p{};
  p.flop = to_canonical(deepseek_v3_training_flop());
  p.peak = to_canonical(deepseek_mfu_reference_peak());
  p.later = to_canonical(deepseek_v3_later_stages());
  p.mfu_lo = 0.30;
  p.mfu_mode = 0.3894;
  p.mfu_hi = 0.4373;
  p.good_lo = 0.90;
  p.good_hi = 1.0;
  lognormal_params(to_canonical(usd_per_gpu_hour(1.5)), to_canonical(usd_per_gpu_hour(3.5)),
                   p.price_mu, p.price_sigma);
  p.r1_lo = 0.9 * to_canonical(deepseek_r1_gpu_time());
  p.r1_hi = 1.1 * to_canonical(deepseek_r1_gpu_time());
  lognormal_params(1.2, 4.0, p.mult_mu, p.mult_sigma);
  lognormal_params(100, 300, p.head_mu, p.head_sigma);
  lognormal_params(to_canonical(cny_per_person_year(0.5e6)),
                   to_canonical(cny_per_person_year(2.0e6)), p.staff_mu, p.staff_sigma);
  p.over_lo = 1.25;
  p.over_hi = 1.4;
  p.rate_lo = to_canonical(cny_per_usd(7.35));
  p.rate_hi = to_canonical(cny_per_usd(7.0));
  p.years_lo = to_canonical(years(1.0));
  p.years_hi = to_canonical(years(2.0));
  return p;
}

void MonteCarlo_NaiveScalar(benchmark::State& state) {
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
BENCHMARK(MonteCarlo_NaiveScalar)->Unit(benchmark::kMillisecond)->UseRealTime();

// Per-core figures, timed in CPU time of the one thread doing all the work:
// what the two above would give on a machine where nothing else runs (on a
// shared machine, wall-clock figures depend on what the other jobs are doing).
void MonteCarlo_Program_OneCoreCpuTime(benchmark::State& state) {
  const InputSet in = deepseek_program_inputs();
  for (auto _ : state) {
    MonteCarloResult r = monte_carlo(in, deepseek_program_model, {kSamples, 42, 1, 20});
    benchmark::DoNotOptimize(r.summary.p95);
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
}
BENCHMARK(MonteCarlo_Program_OneCoreCpuTime)->Unit(benchmark::kMillisecond);

void MonteCarlo_NaiveScalar_OneCoreCpuTime(benchmark::State& state) {
  MonteCarlo_NaiveScalar(state);
}
BENCHMARK(MonteCarlo_NaiveScalar_OneCoreCpuTime)->Unit(benchmark::kMillisecond);

// ---- (c) one typed evaluation vs raw double ----

void ProgramPoint_Typed(benchmark::State& state) {
  DeepSeekProgramPoint p;
  p.v3_mfu = 0.3894;
  p.v3_goodput = 0.95;
  p.price = usd_per_gpu_hour(2.3);
  p.research_multiplier = 2.2;
  p.staff_headcount = people(170);
  p.staff_cost = cny_per_person_year(1.0e6);
  p.staff_overhead = 1.3;
  p.exchange_rate = cny_per_usd(7.2);
  p.program_duration = years(1.5);
  for (auto _ : state) {
    benchmark::DoNotOptimize(p);
    DeepSeekProgramCost c = deepseek_program_cost(p);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(ProgramPoint_Typed);

struct RawPoint {
  double mfu, goodput, price, r1, mult, head, staff, over, rate, duration;
};
struct RawCost {
  double v3_gpu, final_runs, research, staff, total;
};
void raw_require_fraction(double v) {
  if (!std::isfinite(v) || !(v > 0.0) || v > 1.0)
    throw std::invalid_argument("not a fraction");
}
RawCost raw_program_cost(const RawPoint& p, const RawParams& k) {
  raw_require_fraction(p.mfu);
  raw_require_fraction(p.goodput);
  RawCost c{};
  c.v3_gpu = k.flop / (k.peak * p.mfu * p.goodput) + k.later;
  c.final_runs = (c.v3_gpu + p.r1) * p.price;
  c.research = (p.mult - 1.0) * c.final_runs;
  c.staff = p.head * p.staff * p.duration * p.over * p.rate;
  c.total = c.final_runs + c.research + c.staff;
  return c;
}

void ProgramPoint_Raw(benchmark::State& state) {
  const RawParams k = raw_params();
  RawPoint p{0.3894,
             0.95,
             2.3 / 3600.0,
             to_canonical(deepseek_r1_gpu_time()),
             2.2,
             170,
             to_canonical(cny_per_person_year(1.0e6)),
             1.3,
             1.0 / 7.2,
             to_canonical(years(1.5))};
  for (auto _ : state) {
    benchmark::DoNotOptimize(p);
    RawCost c = raw_program_cost(p, k);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(ProgramPoint_Raw);

// ---- (d) a million samples with percentiles, plus a tornado ----

void MonteCarloAndTornado_1M(benchmark::State& state) {
  const InputSet in = deepseek_program_inputs();
  for (auto _ : state) {
    MonteCarloResult r = monte_carlo(in, deepseek_program_model, {kSamples, 42, 0, 20});
    Tornado t = tornado(in, deepseek_program_model);
    benchmark::DoNotOptimize(r.summary.p50);
    benchmark::DoNotOptimize(t.bars.data());
  }
  state.SetItemsProcessed(state.iterations() * kSamples);
}
BENCHMARK(MonteCarloAndTornado_1M)->Unit(benchmark::kMillisecond)->UseRealTime();

// ---- Sobol indices of the program model: N x (10 + 2) evaluations ----

void Sobol_Program(benchmark::State& state) {
  const InputSet in = deepseek_program_inputs();
  std::int64_t evaluations = 0;
  for (auto _ : state) {
    SobolResult r = sobol(in, deepseek_program_model, {1 << 16, 42, 0});
    evaluations += r.model_evaluations;
    benchmark::DoNotOptimize(r.indices.data());
  }
  state.SetItemsProcessed(evaluations);
}
BENCHMARK(Sobol_Program)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
