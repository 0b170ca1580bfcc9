// The typed final-run evaluation next to a hand-written raw-double equivalent.
//
// Two pairs, each run in the same process so the ratio is meaningful:
//  * FinalRun/{Typed,Raw}: the whole DeepSeek-V3 evaluation — validation,
//    per-stage results with names and provenance, totals, shares — typed
//    through traincost, and the same steps on plain doubles and strings.
//  * StageArithmetic/{Typed,Raw}: only the arithmetic (usage x price, sums,
//    shares) over 4,096 stages, where any cost of the unit layer would show.
// Target: Typed <= 1.05 x Raw for both.
#include <benchmark/benchmark.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "traincost/reference/deepseek_v3.hpp"

namespace {

using namespace traincost;

void FinalRun_Typed(benchmark::State& state) {
  const TrainingRun run = reference::deepseek_v3_final_run();
  for (auto _ : state) {
    FinalRunCost c = cost_final_run(run);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(FinalRun_Typed);

// ---- the raw-double baseline: the same work without units ----
struct RawProvenance {
  int evidence;
  std::string source;
};
struct RawStage {
  std::string name;
  int kind;
  bool is_wall_clock;
  double usage;  // GPU-hours or hours
  RawProvenance provenance;
};
struct RawRun {
  std::string name;
  std::string accelerator;
  double gpus;
  double usd_per_gpu_hour;
  RawProvenance price_provenance;
  std::vector<RawStage> stages;
};
struct RawStageCost {
  std::string name;
  int kind;
  std::string accelerator;
  double gpus, gpu_hours, wall_clock_hours, usd_per_gpu_hour, usd, share;
  RawProvenance usage_provenance, price_provenance;
};
struct RawRunCost {
  std::string name;
  int scope;
  std::vector<RawStageCost> stages;
  double gpu_hours = 0, wall_clock_hours = 0, usd = 0;
};

void raw_require_positive(double v) {
  if (!std::isfinite(v) || !(v > 0.0))
    throw std::invalid_argument("not positive");
}

RawRunCost raw_cost(const RawRun& run) {
  if (run.stages.empty())
    throw std::invalid_argument("empty");
  raw_require_positive(run.usd_per_gpu_hour);
  RawRunCost out;
  out.name = run.name;
  out.scope = 0;
  out.stages.reserve(run.stages.size());
  for (const RawStage& s : run.stages) {
    raw_require_positive(s.usage);
    RawStageCost c;
    c.gpu_hours = s.is_wall_clock ? s.usage * run.gpus : s.usage;
    c.wall_clock_hours = s.is_wall_clock ? s.usage : s.usage / run.gpus;
    c.name = s.name;
    c.kind = s.kind;
    c.accelerator = run.accelerator;
    c.gpus = run.gpus;
    c.usd_per_gpu_hour = run.usd_per_gpu_hour;
    c.usd = c.gpu_hours * run.usd_per_gpu_hour;
    c.usage_provenance = s.provenance;
    c.price_provenance = run.price_provenance;
    out.gpu_hours += c.gpu_hours;
    out.wall_clock_hours += c.wall_clock_hours;
    out.usd += c.usd;
    out.stages.push_back(std::move(c));
  }
  for (auto& c : out.stages)
    c.share = c.usd / out.usd;
  return out;
}

void FinalRun_Raw(benchmark::State& state) {
  const std::string src = reference::deepseek_v3_table1;
  const RawRun run{"DeepSeek-V3 final run",
                   "H800 SXM",
                   2048,
                   2.0,
                   {0, reference::deepseek_h800_rental_price().provenance.source},
                   {{"pre-training", 0, false, 2'664'000, {0, src}},
                    {"context extension", 1, false, 119'000, {0, src}},
                    {"post-training", 2, false, 5'000, {0, src}}}};
  for (auto _ : state) {
    RawRunCost c = raw_cost(run);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(FinalRun_Raw);

// ---- arithmetic only ----
constexpr std::size_t kStages = 4096;

void StageArithmetic_Typed(benchmark::State& state) {
  std::vector<GpuTime> usage(kStages);
  std::vector<GpuTimePrice> price(kStages);
  std::vector<Money> cost(kStages, usd(0));
  std::vector<double> share(kStages);
  for (std::size_t i = 0; i < kStages; ++i) {
    usage[i] = gpu_hours(1000.0 + static_cast<double>(i));
    price[i] = usd_per_gpu_hour(1.5 + 0.001 * static_cast<double>(i));
  }
  for (auto _ : state) {
    Money total = usd(0);
    for (std::size_t i = 0; i < kStages; ++i) {
      cost[i] = usage[i] * price[i];
      total += cost[i];
    }
    for (std::size_t i = 0; i < kStages; ++i)
      share[i] = ratio(cost[i], total);
    benchmark::DoNotOptimize(share.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kStages));
}
BENCHMARK(StageArithmetic_Typed);

void StageArithmetic_Raw(benchmark::State& state) {
  // Canonical units as the typed version stores them: seconds, USD per second.
  std::vector<double> usage(kStages), price(kStages), cost(kStages), share(kStages);
  for (std::size_t i = 0; i < kStages; ++i) {
    usage[i] = (1000.0 + static_cast<double>(i)) * 3600.0;
    price[i] = (1.5 + 0.001 * static_cast<double>(i)) / 3600.0;
  }
  for (auto _ : state) {
    double total = 0;
    for (std::size_t i = 0; i < kStages; ++i) {
      cost[i] = usage[i] * price[i];
      total += cost[i];
    }
    for (std::size_t i = 0; i < kStages; ++i)
      share[i] = cost[i] / total;
    benchmark::DoNotOptimize(share.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kStages));
}
BENCHMARK(StageArithmetic_Raw);

}  // namespace
