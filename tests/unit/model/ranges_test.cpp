// Ranges on model inputs through the one vectorized path: binding (dimension
// and name checks), drawn-value bounds, streaming statistics typed as Money
// with the model's scope, exact percentiles, tornadoes limited to the inputs
// that reach a result, and one input shared by a run and a program.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include <Eigen/Core>

#include "traincost/hardware/catalog.hpp"
#include "traincost/program/program.hpp"
#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/handles.hpp"
#include "traincost/uncertainty/model_binding.hpp"
#include "traincost/uncertainty/model_sensitivity.hpp"
#include "traincost/uncertainty/model_simulation.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/ranges.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost::uncertainty {
namespace {

using traincost::testing::expect_error;

const std::string v3_name = reference::deepseek_v3_final_run().name;

StaffGroup staff_group() {
  return StaffGroup{"staff", sourced(people(150), assumed("x")),
                    sourced(usd_per_person_year(1.5e5), assumed("x")), sourced(1.3, assumed("x")),
                    sourced(years(2), assumed("x"))};
}

/// The V3 run, a multiplier on it and a staff group: rental-equivalent.
Program v3_program() {
  Program p;
  p.name = "program";
  p.runs = {reference::deepseek_v3_final_run()};
  p.research = {ResearchMultiplier{"research", 0, sourced(2.0, assumed("x"))}};
  p.staff = {staff_group()};
  return p;
}

/// A run with a workload stage (MFU, goodput, tokens are inputs).
TrainingRun workload_run() {
  Workload w =
      Workload::mixture_of_experts("V3-like", parameters(671e9), parameters(37e9), tokens(14.8e12));
  return TrainingRun{"workload run",
                     Cluster(accelerator("H800 SXM"), accelerators(2048)),
                     sourced(usd_per_gpu_hour(2.0), assumed("x")),
                     {Stage::with_workload("pre-training", StageKind::pre_training, std::move(w),
                                           Throughput(Precision::bf16, 0.39, 0.9))}};
}

/// The number after "got " in an error message.
double got_value(const std::string& what) {
  const auto at = what.find("got ");
  EXPECT_NE(at, std::string::npos) << what;
  return at == std::string::npos ? std::nan("") : std::stod(what.substr(at + 4));
}

/// Type-7 percentile of sorted values (NumPy's default).
double type7(const std::vector<double>& sorted, double p) {
  const double h = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - std::floor(h)) * (sorted[hi] - sorted[lo]);
}

double rel(Money a, double b) {
  return std::abs(in_usd(a) - b) / std::abs(b);
}

// ---- (a) a range of another dimension, by path text ---------------------------

TEST(Ranges, RangeOfAnotherDimensionByPathThrowsNamingThePath) {
  const CostModel run = cost_model(reference::deepseek_v3_final_run());
  Ranges r;
  r.set(v3_name + ".price", uniform(gpu_hours(1.5), gpu_hours(3.5)));
  expect_error([&] { (void)bind(run, r); }, ErrorCode::invalid_input, v3_name + ".price",
               "another dimension");
  expect_error(
      [&] {
        (void)simulate_costs({run}, r, RunOptions{1000, 1, 1, 20});
      },
      ErrorCode::invalid_input, v3_name + ".price", "USD per GPU-hour");
}

TEST(Ranges, RangeOfTheRightDimensionByPathBinds) {
  const CostModel run = cost_model(reference::deepseek_v3_final_run());
  Ranges r;
  r.set(v3_name + ".price", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
  r.set(v3_name + ".stages[1].gpu_hours", uniform(gpu_hours(1e5), gpu_hours(1.4e5)));
  const BoundModel b = bind(run, r);
  EXPECT_EQ(b.reached, (std::vector<std::size_t>{0, 1}));
  // A plain-number range on a quantity input is of another dimension too.
  Ranges plain;
  plain.set(v3_name + ".price", uniform(1.5, 3.5));
  expect_error([&] { (void)bind(run, plain); }, ErrorCode::invalid_input, v3_name + ".price",
               "another dimension");
}

// ---- (b) a range that reaches no input ------------------------------------------

TEST(Ranges, RangeReachingNoInputSuggestsTheClosePath) {
  const CostModel run = cost_model(reference::deepseek_v3_final_run());
  Ranges r;
  r.set(v3_name + ".prise", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
  expect_error([&] { (void)bind_all({run}, r); }, ErrorCode::unknown_name, v3_name + ".prise",
               "e.g. " + v3_name + ".price");
  expect_error(
      [&] {
        (void)simulate_costs({run}, r, RunOptions{1000, 1, 1, 20});
      },
      ErrorCode::unknown_name, v3_name + ".prise", "reaches no input");
}

TEST(Ranges, SuggestionsNameEachInputOnce) {
  // "<run>.accelerators" is read once per stage: the hint lists it once.
  const CostModel run = cost_model(reference::deepseek_v3_final_run());
  Ranges r;
  r.set(v3_name + ".acelerators", uniform(accelerators(1000), accelerators(3000)));
  try {
    (void)bind_all({run}, r);
    ADD_FAILURE() << "expected unknown_name";
  } catch (const Error& e) {
    const std::string what = e.what();
    const std::string path = v3_name + ".accelerators";
    const auto first = what.find(path);
    ASSERT_NE(first, std::string::npos) << what;
    EXPECT_EQ(what.find(path, first + path.size()), std::string::npos)
        << "suggested more than once: " << what;
  }
}

// ---- (c) a drawn value outside the input's bound ---------------------------------

TEST(Ranges, DrawnValueOutsideTheBoundThrowsNamingThePath) {
  const TrainingRun run = workload_run();
  Ranges r;
  r.set(mfu_of(run, 0), uniform(0.3, 1.2));
  const std::string path = run.name + ".stages[0].mfu";
  expect_error(
      [&] {
        (void)simulate_costs({cost_model(run)}, r, RunOptions{4096, 7, 1, 20});
      },
      ErrorCode::invalid_value, path, "a fraction in (0, 1] (a value drawn from its range)");
  try {
    (void)simulate_costs({cost_model(run)}, r, RunOptions{4096, 7, 1, 20});
  } catch (const Error& e) {
    const double v = got_value(e.what());
    EXPECT_GT(v, 1.0);
    EXPECT_LE(v, 1.2);
  }
}

TEST(Ranges, DrawnPriceOutsideItsBoundIsShownInUsdPerGpuHour) {
  const TrainingRun run = reference::deepseek_v3_final_run();
  Ranges r;
  r.set(price_of(run), uniform(usd_per_gpu_hour(-1.0), usd_per_gpu_hour(3.5)));
  try {
    (void)simulate_costs({cost_model(run)}, r, RunOptions{4096, 3, 1, 20});
    ADD_FAILURE() << "expected invalid_value";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    EXPECT_EQ(e.field().str(), v3_name + ".price");
    // In USD per GPU-hour as written (-1 to 0), not per GPU-second (> -0.0003).
    const double v = got_value(e.what());
    EXPECT_GE(v, -1.0) << e.what();
    EXPECT_LE(v, 0.0) << e.what();
    EXPECT_LT(v, -1.0 / 3600.0) << "a per-second value is too close to 0 to be likely: "
                                << e.what();
    EXPECT_NE(std::string(e.what()).find("USD per GPU-hour"), std::string::npos) << e.what();
  }
}

// ---- (d) V3 at a uniform price: moments, quantiles, types, determinism ----------

TEST(Ranges, V3AtAUniformPriceMatchesTheAnalyticDistribution) {
  const TrainingRun run = reference::deepseek_v3_final_run();
  Ranges r;
  r.set(price_of(run), uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
  constexpr std::int64_t n = 200'001;
  const RunOptions one{n, 2024, 1, 20};
  const CostSummary s = simulate_cost(cost_model(run), r, one);

  static_assert(std::is_same_v<decltype(s.mean), Money>);
  static_assert(std::is_same_v<decltype(s.p95), Money>);
  static_assert(std::is_same_v<decltype(s.histogram.low), Money>);
  EXPECT_EQ(s.scope, Scope::final_run_rental);
  EXPECT_EQ(s.samples, n);
  EXPECT_EQ(s.inputs, (std::vector<std::size_t>{0}));

  // Cost = 2,788,000 GPU-hours x price, price ~ U(1.5, 3.5).
  constexpr double h = 2'788'000.0;
  const double mean = h * 2.5;
  const double sd = h * 2.0 / std::sqrt(12.0);
  EXPECT_LE(std::abs(in_usd(s.mean) - mean), 4.0 * sd / std::sqrt(static_cast<double>(n)));
  // The sample sd's relative SE is sqrt((kurtosis - 1) / 4n), the uniform's
  // kurtosis 9/5: 1.0e-3 at n = 200K. Allow 4 of them.
  EXPECT_NEAR(in_usd(s.sd) / sd, 1.0, 4.0 * std::sqrt(0.8 / (4.0 * static_cast<double>(n))));
  // A sample p-quantile has standard error sqrt(p(1 - p) / n) / f, with the
  // uniform's density f = 1 / (2 x h) USD^-1: about 2.7K USD at n = 200K
  // (0.06% of P5). Allow 4 of them.
  for (const auto& [p, got] : {std::pair{0.05, s.p5}, std::pair{0.25, s.p25}, std::pair{0.5, s.p50},
                               std::pair{0.75, s.p75}, std::pair{0.95, s.p95}}) {
    const double want = h * (1.5 + 2.0 * p);
    const double se = std::sqrt(p * (1 - p) / static_cast<double>(n)) * 2.0 * h;
    EXPECT_NEAR(in_usd(got), want, 4.0 * se) << "p = " << p;
  }
  EXPECT_GE(in_usd(s.min), h * 1.5);
  EXPECT_LE(in_usd(s.max), h * 3.5);

  // Same seed: the same numbers, on 1 thread or 2, run twice.
  auto same = [](const CostSummary& a, const CostSummary& b) {
    EXPECT_EQ(in_usd(a.mean), in_usd(b.mean));
    EXPECT_EQ(in_usd(a.sd), in_usd(b.sd));
    EXPECT_EQ(in_usd(a.min), in_usd(b.min));
    EXPECT_EQ(in_usd(a.p5), in_usd(b.p5));
    EXPECT_EQ(in_usd(a.p25), in_usd(b.p25));
    EXPECT_EQ(in_usd(a.p50), in_usd(b.p50));
    EXPECT_EQ(in_usd(a.p75), in_usd(b.p75));
    EXPECT_EQ(in_usd(a.p95), in_usd(b.p95));
    EXPECT_EQ(in_usd(a.max), in_usd(b.max));
    EXPECT_EQ(in_usd(a.histogram.low), in_usd(b.histogram.low));
    EXPECT_EQ(in_usd(a.histogram.high), in_usd(b.histogram.high));
    EXPECT_EQ(a.histogram.counts, b.histogram.counts);
    EXPECT_EQ(a.histogram.below, b.histogram.below);
    EXPECT_EQ(a.histogram.above, b.histogram.above);
  };
  const CostSummary two = simulate_cost(cost_model(run), r, RunOptions{n, 2024, 2, 20});
  const CostSummary again = simulate_cost(cost_model(run), r, one);
  same(s, two);
  same(s, again);
  const CostSummary other_seed = simulate_cost(cost_model(run), r, RunOptions{n, 2025, 1, 20});
  EXPECT_NE(in_usd(other_seed.mean), in_usd(s.mean));
}

TEST(Ranges, AnOwnershipPricedRunSummarizesWithItsScope) {
  TrainingRun run = reference::deepseek_v3_final_run();
  run.price = RunPrice::ownership_cost(sourced(usd_per_gpu_hour(1.2), assumed("fleet cost")));
  Ranges r;
  r.set(price_of(run), uniform(usd_per_gpu_hour(1.0), usd_per_gpu_hour(1.4)));
  const CostSummary s = simulate_cost(cost_model(run), r, RunOptions{5000, 1, 1, 20});
  EXPECT_EQ(s.scope, Scope::final_run_ownership);
  EXPECT_EQ(simulate_cost(cost_model(v3_program()), r, RunOptions{5000, 1, 1, 20}).scope,
            Scope::program);
}

// ---- (e) exact percentiles -------------------------------------------------------

TEST(Ranges, PercentilesEqualThoseOfTheSortedSamples) {
  const Program program = v3_program();
  const TrainingRun run = reference::deepseek_v3_final_run();
  Ranges r;
  r.set(price_of(run), lognormal_90(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
  r.set(gpu_hours_of(run, 0), triangular(gpu_hours(2.4e6), gpu_hours(2.664e6), gpu_hours(3.2e6)));
  r.set(multiplier_of(program, 0), uniform(1.2, 4.0));
  r.set(headcount_of(program, 0), uniform(people(100), people(200)));
  constexpr std::int64_t n = 50'001;  // 49 blocks, the last one partial
  constexpr std::uint64_t seed = 99;
  const std::vector<CostModel> models{cost_model(run), cost_model(program)};
  const std::vector<CostSummary> got = simulate_costs(models, r, RunOptions{n, seed, 2, 20});
  ASSERT_EQ(got.size(), 2u);

  // The same draws through the engine's own path: one column per range, in order.
  InputSet set;
  for (const RangedInput& in : r.inputs())
    set.add(in.path, in.distribution, in.provenance);
  const std::vector<BoundModel> bound = bind_all(models, r);
  for (std::size_t j = 0; j < models.size(); ++j) {
    SCOPED_TRACE(models[j].name);
    const Eigen::ArrayXd y = simulate(set, engine_model(bound[j]), n, seed, 1);
    std::vector<double> sorted(y.begin(), y.end());
    std::sort(sorted.begin(), sorted.end());
    const CostSummary& s = got[j];
    EXPECT_LE(rel(s.p5, type7(sorted, 0.05)), 1e-12);
    EXPECT_LE(rel(s.p25, type7(sorted, 0.25)), 1e-12);
    EXPECT_LE(rel(s.p50, type7(sorted, 0.5)), 1e-12);
    EXPECT_LE(rel(s.p75, type7(sorted, 0.75)), 1e-12);
    EXPECT_LE(rel(s.p95, type7(sorted, 0.95)), 1e-12);
    EXPECT_EQ(in_usd(s.min), sorted.front());
    EXPECT_EQ(in_usd(s.max), sorted.back());
    EXPECT_LE(rel(s.mean, y.mean()), 1e-12);
    const double sd = std::sqrt((y - y.mean()).square().sum() / static_cast<double>(n - 1));
    EXPECT_LE(rel(s.sd, sd), 1e-10);
    // The histogram counts every sample once.
    std::int64_t counted = s.histogram.below + s.histogram.above;
    for (auto c : s.histogram.counts)
      counted += c;
    EXPECT_EQ(counted, n);
  }
}

// ---- (f) tornadoes list only the inputs that reach a result -----------------------

TEST(Ranges, TornadoListsOnlyTheInputsThatReachTheResult) {
  const Program program = v3_program();
  const TrainingRun v3 = reference::deepseek_v3_final_run();
  const TrainingRun r1 = reference::deepseek_r1_run();  // not in the program
  Ranges r;
  r.set(price_of(v3), uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));  // 0: both
  r.set(headcount_of(program, 0), uniform(people(100), people(200)));          // 1: program
  r.set(multiplier_of(program, 0), uniform(1.2, 4.0));                         // 2: program
  r.set(price_of(r1), uniform(usd_per_gpu_hour(1.0), usd_per_gpu_hour(3.0)));  // 3: R1 only
  const std::vector<CostModel> models{cost_model(v3), cost_model(program), cost_model(r1)};
  const std::vector<BoundModel> bound = bind_all(models, r);
  EXPECT_EQ(bound[0].reached, (std::vector<std::size_t>{0}));
  EXPECT_EQ(bound[1].reached, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(bound[2].reached, (std::vector<std::size_t>{3}));

  auto listed = [](const CostTornado& t) {
    std::vector<std::size_t> in;
    for (const InputSwing& b : t.bars)
      in.push_back(b.input);
    std::sort(in.begin(), in.end());
    return in;
  };
  const CostTornado run_t = tornado_of(bound[0], r);
  const CostTornado program_t = tornado_of(bound[1], r);
  const CostTornado r1_t = tornado_of(bound[2], r);
  EXPECT_EQ(listed(run_t), (std::vector<std::size_t>{0}));  // no staff, no R1 price
  EXPECT_EQ(listed(program_t), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(listed(r1_t), (std::vector<std::size_t>{3}));
  EXPECT_EQ(run_t.scope, Scope::final_run_rental);
  EXPECT_EQ(program_t.scope, Scope::program);
  static_assert(std::is_same_v<decltype(program_t.bars[0].at_low), Money>);

  // The headcount bar: P5 and P95 of U(100, 200) people, shown in people;
  // the swing is 90 people x $150K x 1.3 x 2 years.
  const auto headcount = std::find_if(program_t.bars.begin(), program_t.bars.end(),
                                      [](const InputSwing& b) { return b.input == 1; });
  ASSERT_NE(headcount, program_t.bars.end());
  EXPECT_NEAR(headcount->low, 105.0, 1e-9);
  EXPECT_NEAR(headcount->high, 195.0, 1e-9);
  EXPECT_EQ(headcount->unit, "people");
  EXPECT_NEAR(in_usd(headcount->swing()), 90.0 * 1.5e5 * 1.3 * 2.0, 1e-3);
  // The price bar is shown in USD per GPU-hour: 1.6 and 3.4.
  const InputSwing& price = run_t.bars.front();
  EXPECT_EQ(price.unit, "USD per GPU-hour");
  EXPECT_NEAR(price.low, 1.6, 1e-12);
  EXPECT_NEAR(price.high, 3.4, 1e-12);
  EXPECT_NEAR(in_usd(price.at_low), 2'788'000.0 * 1.6, 1e-3);
  EXPECT_NEAR(in_usd(price.at_high), 2'788'000.0 * 3.4, 1e-3);
  // Bars come largest swing first.
  for (std::size_t i = 1; i < program_t.bars.size(); ++i)
    EXPECT_GE(in_usd(program_t.bars[i - 1].swing()), in_usd(program_t.bars[i].swing()));
}

// ---- (g) one range reaches a run and a program that contains it ----------------

TEST(Ranges, OneRangeOnARunsPriceReachesTheRunAndTheProgramWithTheSameDraw) {
  Program program = v3_program();
  program.research.clear();  // program = V3 + staff, a constant
  const TrainingRun v3 = reference::deepseek_v3_final_run();
  Ranges r;
  r.set(v3_name + ".price", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
  const std::vector<CostModel> models{cost_model(v3), cost_model(program)};
  constexpr std::int64_t n = 10'000;
  const std::vector<CostSummary> s = simulate_costs(models, r, RunOptions{n, 5, 2, 20});
  EXPECT_EQ(s[0].inputs, (std::vector<std::size_t>{0}));
  EXPECT_EQ(s[1].inputs, (std::vector<std::size_t>{0}));

  // Sample by sample, the program is the run plus its staff: the same draw.
  const double staff = 150.0 * 1.5e5 * 1.3 * 2.0;
  InputSet set;
  set.add(r[0].path, r[0].distribution);
  const std::vector<BoundModel> bound = bind_all(models, r);
  const Eigen::ArrayXd run_y = simulate(set, engine_model(bound[0]), n, 5, 1);
  const Eigen::ArrayXd program_y = simulate(set, engine_model(bound[1]), n, 5, 1);
  double worst = 0.0;
  for (Eigen::Index i = 0; i < n; ++i)
    worst = std::max(worst, std::abs(program_y[i] - run_y[i] - staff) / program_y[i]);
  EXPECT_LE(worst, 1e-12);
  EXPECT_GT(run_y.maxCoeff() - run_y.minCoeff(), 1e6);  // the price did vary
  EXPECT_NEAR(in_usd(s[1].mean) - in_usd(s[0].mean), staff, 1e-6 * staff);
  EXPECT_NEAR(in_usd(s[1].p50) - in_usd(s[0].p50), staff, 1e-6 * staff);
}

}  // namespace
}  // namespace traincost::uncertainty
