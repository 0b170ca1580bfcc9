// The typed compute model next to hand-written raw-double equivalents.
//
// Two pairs, each in the same process so the ratio is meaningful:
//  * Forward/{Typed,Raw}: GPU-hours for 4,096 workloads — validation of the
//    workload, 6 x active parameters, FLOP, the peak looked up per precision,
//    / (peak x MFU x goodput) — through traincost, and the same steps on doubles.
//  * RoundTrip/{Typed,Raw}: hours -> implied MFU -> hours, arithmetic only,
//    over 4,096 cases, where any cost of the unit layer would show.
// Target: Typed <= 1.05 x Raw for both.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

#include "traincost/compute/compute.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/hardware/catalog.hpp"

namespace {

using namespace traincost;

constexpr std::size_t kCases = 4096;

struct Inputs {
  std::vector<double> total, active, tokens, mfu, goodput;
};

Inputs make_inputs() {
  std::mt19937_64 rng(1234);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Inputs in;
  for (std::size_t i = 0; i < kCases; ++i) {
    const double total = 1e8 + 1e12 * u(rng);
    in.total.push_back(total);
    in.active.push_back(total * (0.05 + 0.95 * u(rng)));
    in.tokens.push_back(1e10 + 1e13 * u(rng));
    in.mfu.push_back(0.1 + 0.8 * u(rng));
    in.goodput.push_back(0.5 + 0.5 * u(rng));
  }
  return in;
}

void Forward_Typed(benchmark::State& state) {
  const Inputs in = make_inputs();
  std::vector<Workload> w;
  std::vector<Throughput> t;
  for (std::size_t i = 0; i < kCases; ++i) {
    w.push_back(Workload::mixture_of_experts("w", parameters(in.total[i]), parameters(in.active[i]),
                                             tokens(in.tokens[i])));
    t.emplace_back(Precision::bf16, in.mfu[i], in.goodput[i]);
  }
  const AcceleratorSpec& spec = accelerator("h800");
  std::vector<GpuTime> out(kCases, gpu_hours(0));
  for (auto _ : state) {
    for (std::size_t i = 0; i < kCases; ++i)
      out[i] = gpu_time_for(training_flop(w[i]), spec, t[i]);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCases));
}
BENCHMARK(Forward_Typed);

// ---- the raw-double baseline: the same checks and arithmetic ----
void raw_require_positive(double v) {
  if (!std::isfinite(v) || !(v > 0.0))
    throw std::invalid_argument("not positive");
}
// MFU and goodput are checked once when a `Throughput` is built, outside the
// timed loop, so the raw loop does not check them either.

void Forward_Raw(benchmark::State& state) {
  const Inputs in = make_inputs();
  // Peaks per precision as the catalog holds them, in FLOP/s.
  std::array<std::optional<double>, 6> peaks{};
  peaks[3] = 989.5e12;
  peaks[4] = 1979e12;
  const std::size_t bf16 = 3;
  std::vector<double> out(kCases);
  for (auto _ : state) {
    for (std::size_t i = 0; i < kCases; ++i) {
      raw_require_positive(in.total[i]);
      raw_require_positive(in.active[i]);
      if (in.active[i] > in.total[i])
        throw std::invalid_argument("active > total");
      raw_require_positive(in.tokens[i]);
      const double flop = 6.0 * in.active[i] * in.tokens[i];
      raw_require_positive(flop);
      if (!peaks[bf16])
        throw std::invalid_argument("no peak");
      out[i] = flop / (*peaks[bf16] * in.mfu[i] * in.goodput[i]);  // GPU-seconds
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCases));
}
BENCHMARK(Forward_Raw);

// ---- arithmetic only: hours -> MFU -> hours ----
void RoundTrip_Typed(benchmark::State& state) {
  const Inputs in = make_inputs();
  const FlopRate peak = tflop_per_second(989.5);
  std::vector<FlopCount> work;
  std::vector<GpuTime> hours_in;
  for (std::size_t i = 0; i < kCases; ++i) {
    work.push_back(flop(6.0 * in.active[i] * in.tokens[i]));
    hours_in.push_back(work[i] / (peak * in.mfu[i] * in.goodput[i]) * accelerators(1));
  }
  std::vector<GpuTime> back(kCases, gpu_hours(0));
  for (auto _ : state) {
    for (std::size_t i = 0; i < kCases; ++i) {
      const double mfu = ratio(work[i] / (hours_in[i] * in.goodput[i]) * accelerators(1), peak);
      back[i] = work[i] / (peak * mfu * in.goodput[i]) * accelerators(1);
    }
    benchmark::DoNotOptimize(back.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCases));
}
BENCHMARK(RoundTrip_Typed);

void RoundTrip_Raw(benchmark::State& state) {
  const Inputs in = make_inputs();
  const double peak = 989.5e12;
  std::vector<double> work, hours_in;
  for (std::size_t i = 0; i < kCases; ++i) {
    work.push_back(6.0 * in.active[i] * in.tokens[i]);
    hours_in.push_back(work[i] / (peak * in.mfu[i] * in.goodput[i]));
  }
  std::vector<double> back(kCases);
  for (auto _ : state) {
    for (std::size_t i = 0; i < kCases; ++i) {
      const double mfu = work[i] / (hours_in[i] * in.goodput[i]) / peak;
      back[i] = work[i] / (peak * mfu * in.goodput[i]);
    }
    benchmark::DoNotOptimize(back.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kCases));
}
BENCHMARK(RoundTrip_Raw);

}  // namespace
