// Fleet arithmetic, typed through traincost, next to a raw-double equivalent.
//
// Two pairs, each run in the same process so the ratio is meaningful:
//  * FleetArithmetic/{Typed,Raw}: over 256 holdings, the per-holding work of
//    capex and operating cost — quoted price (USD or CNY) to server price per
//    GPU with validation, servers, peak IT power, energy over 4 years, energy
//    cost, colocation and maintenance — summed.
//  * OwnershipHourly/{Typed,Raw}: validation, fixed and energy cost per
//    GPU-hour and the break-even utilization against $2, over 256 inputs.
// The whole DeepSeek fleet TCO is timed alone (FleetTco/DeepSeek): it is
// dominated by building labels and provenance strings.
//
// Both raw loops make the same checks as the typed code (positive prices and
// exchange rate, a whole number of accelerators per server, a positive
// server power so a NaN TDP never reaches a cost; ownership: the 10 input checks).
//
// Measured (g++ 12 -O2, shared 2-core machine, CPU time, median of 5, three runs):
//   FleetArithmetic  Typed 1.66 us  Raw 1.62 us  (1.02x)
//   OwnershipHourly  Typed 3.03 us  Raw 2.60 us  (1.17x: the typed input is
//                    ~490 bytes with its provenance strings, the raw one 64)
//   FleetTco/DeepSeek 0.79 us (was 0.64 us before each line carried the
//                    evidence of its weakest input and the capex/fleet
//                    holdings were matched by label)
// History: the earlier "1.2x" for FleetArithmetic compared against a raw loop
// that skipped the whole-number, exchange-rate and power checks. Moving the
// holding checks onto detail::require_* first made the typed loop 1.9x: the
// failure paths (field name and message) were inlined into the loop. They are
// now [[gnu::cold, gnu::noinline]] functions and the passing path is one
// comparison per check.
// 256 holdings fit in L2 for both; at 4,096 the typed loop becomes
// memory-bound (a Holding is ~620 bytes: it carries its AcceleratorSpec and
// provenance strings) and runs well behind the raw loop.
#include <benchmark/benchmark.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "traincost/fleet/operating_cost.hpp"
#include "traincost/fleet/ownership.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/reference/deepseek_fleet.hpp"

namespace {

using namespace traincost;

constexpr std::size_t kHoldings = 256;

std::vector<Holding> typed_holdings() {
  std::vector<Holding> out;
  out.reserve(kHoldings);
  const AcceleratorSpec h800 = accelerator("h800");
  for (std::size_t i = 0; i < kHoldings; ++i) {
    Holding h;
    h.label = "h";
    h.accelerator = h800;
    h.count = accelerators(static_cast<double>(8 * (1 + i % 64)));
    const double p = 150'000.0 + static_cast<double>(i % 97) * 1'000.0;
    h.price = i % 2 ? UnitPrice::per_server(cny(p * 7.2), assumed("bench"))
                    : UnitPrice::per_gpu(usd(p / 8.0), assumed("bench"));
    out.push_back(std::move(h));
  }
  return out;
}

void FleetArithmetic_Typed(benchmark::State& state) {
  const std::vector<Holding> holdings = typed_holdings();
  const std::optional<Sourced<ExchangeRate>> rate =
      Sourced<ExchangeRate>{cny_per_usd(7.2), assumed("bench")};
  const Duration period = years(4);
  const EnergyPrice electricity = usd_per_kwh(0.0806);
  const EnergyPrice colocation = usd_per_kilowatt_month(150);
  for (auto _ : state) {
    Money capex = usd(0), energy_cost = usd(0), facility = usd(0), maintenance = usd(0);
    for (std::size_t i = 0; i < holdings.size(); ++i) {
      const Holding& h = holdings[i];
      const Money servers = server_price_per_accelerator(h, i, rate) * h.count;
      const Power it = it_power(h);
      const Energy energy = it * 0.75 * 1.5 * period;
      capex += servers;
      energy_cost += energy * electricity;
      facility += colocation * it * period;
      maintenance += servers * (0.06 * 4.0);
    }
    benchmark::DoNotOptimize(capex);
    benchmark::DoNotOptimize(energy_cost);
    benchmark::DoNotOptimize(facility);
    benchmark::DoNotOptimize(maintenance);
  }
}
BENCHMARK(FleetArithmetic_Typed);

// ---- raw-double baseline: the same steps, same checks, no units ----
struct RawHolding {
  double count;
  double price;
  bool price_in_cny;
  bool per_server;
  double accelerators_per_server = 8, overhead = 1.64;
  double tdp_w = 700, server_to_chip = 1.8;
};

void raw_require_positive(double v) {
  if (!std::isfinite(v) || !(v > 0.0))
    throw std::invalid_argument("not positive");
}

double raw_server_price(const RawHolding& h, double usd_per_cny) {
  raw_require_positive(h.price);
  if (h.price_in_cny)
    raw_require_positive(usd_per_cny);  // the exchange rate
  const double quoted = h.price_in_cny ? h.price * usd_per_cny : h.price;
  if (h.per_server) {
    // A whole number of accelerators per server.
    if (!(std::isfinite(h.accelerators_per_server) && h.accelerators_per_server > 0.0 &&
          std::floor(h.accelerators_per_server) == h.accelerators_per_server))
      throw std::invalid_argument("accelerators per server");
    return quoted / h.accelerators_per_server;
  }
  return quoted * h.overhead;
}

void FleetArithmetic_Raw(benchmark::State& state) {
  std::vector<RawHolding> holdings;
  holdings.reserve(kHoldings);
  for (std::size_t i = 0; i < kHoldings; ++i) {
    const double p = 150'000.0 + static_cast<double>(i % 97) * 1'000.0;
    holdings.push_back(
        {static_cast<double>(8 * (1 + i % 64)), i % 2 ? p * 7.2 : p / 8.0, i % 2 == 1, i % 2 == 1});
  }
  const double usd_per_cny = 1.0 / 7.2;
  const double hours = 4 * 8'766.0;
  for (auto _ : state) {
    double capex = 0, energy_cost = 0, facility = 0, maintenance = 0;
    for (const RawHolding& h : holdings) {
      const double servers = raw_server_price(h, usd_per_cny) * h.count;
      const double server_w = h.tdp_w * h.server_to_chip;
      raw_require_positive(server_w);  // a NaN or missing TDP never reaches a cost
      const double it_kw = server_w * h.count / 1e3;
      const double kwh = it_kw * 0.75 * 1.5 * hours;
      capex += servers;
      energy_cost += kwh * 0.0806;
      facility += 150.0 * it_kw * 48.0;
      maintenance += servers * (0.06 * 4.0);
    }
    benchmark::DoNotOptimize(capex);
    benchmark::DoNotOptimize(energy_cost);
    benchmark::DoNotOptimize(facility);
    benchmark::DoNotOptimize(maintenance);
  }
}
BENCHMARK(FleetArithmetic_Raw);

std::vector<OwnershipInputs> typed_inputs() {
  std::vector<OwnershipInputs> out(kHoldings);
  for (std::size_t i = 0; i < kHoldings; ++i) {
    OwnershipInputs& in = out[i];
    in.capex_per_accelerator = {usd_per_accelerator(20'000.0 + static_cast<double>(i % 97) * 250.0),
                                assumed("bench")};
    in.depreciation =
        Depreciation::straight_line(years(3.0 + static_cast<double>(i % 3)), assumed("bench"));
    in.server_power = watts_per_accelerator(1'274);
    in.maintenance_share_per_year = {0.06, assumed("bench")};
    in.colocation = Sourced<EnergyPrice>{usd_per_kilowatt_month(150), assumed("bench")};
  }
  return out;
}

void OwnershipHourly_Typed(benchmark::State& state) {
  const std::vector<OwnershipInputs> inputs = typed_inputs();
  const GpuTimePrice rental = usd_per_gpu_hour(2.0);
  for (auto _ : state) {
    double sum = 0;
    for (const OwnershipInputs& in : inputs) {
      const auto u = break_even_utilization(in, rental);
      sum += u ? *u : 1.0;
    }
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(OwnershipHourly_Typed);

struct RawOwnership {
  double capex, life_years, power_w, draw = 0.75, pue = 1.25, usd_per_kwh = 0.0806,
                                     maintenance = 0.06, colo_usd_per_kw_month = 150;
};

void raw_require_fraction(double v) {
  if (!std::isfinite(v) || !(v > 0.0) || v > 1.0)
    throw std::invalid_argument("not a fraction");
}

void OwnershipHourly_Raw(benchmark::State& state) {
  std::vector<RawOwnership> inputs;
  inputs.reserve(kHoldings);
  for (std::size_t i = 0; i < kHoldings; ++i)
    inputs.push_back(
        {20'000.0 + static_cast<double>(i % 97) * 250.0, 3.0 + static_cast<double>(i % 3), 1'274});
  const double hours_per_year = 8'766.0, hours_per_month = 730.5;
  for (auto _ : state) {
    double sum = 0;
    for (const RawOwnership& in : inputs) {
      raw_require_positive(in.capex);
      raw_require_positive(in.life_years);
      raw_require_positive(in.power_w);
      raw_require_fraction(in.draw);
      if (!(in.pue >= 1.0))
        throw std::invalid_argument("pue");
      raw_require_fraction(1.0);  // utilization
      if (!(in.maintenance >= 0.0 && in.maintenance < 1.0) || !(in.usd_per_kwh >= 0.0))
        throw std::invalid_argument("maintenance or electricity");
      raw_require_positive(2.0);
      const double fixed = in.capex / (in.life_years * hours_per_year) +
                           in.capex * in.maintenance / hours_per_year +
                           in.colo_usd_per_kw_month * in.power_w / 1e3 / hours_per_month;
      const double energy = in.power_w / 1e3 * in.draw * in.pue * in.usd_per_kwh;
      const double margin = 2.0 - energy;
      const double u = margin > 0 ? fixed / margin : 2.0;
      sum += u <= 1.0 ? u : 1.0;
    }
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(OwnershipHourly_Raw);

void FleetTco_DeepSeek(benchmark::State& state) {
  const Fleet fleet = reference::deepseek_fleet();
  const OperatingAssumptions a = reference::deepseek_fleet_operating();
  for (auto _ : state) {
    FleetTco t = cost_fleet_tco(fleet, a);
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(FleetTco_DeepSeek);

}  // namespace
