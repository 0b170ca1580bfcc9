// A model card from published inputs: Meta's Llama 2 and Llama 3.1 carbon
// tables rebuilt by traincost — GPU-hours x power per GPU = energy; energy x
// one grid intensity per family = emissions — each next to the card's figure.
//
// Published [P] (docs/sources.md §13): GPU-hours, W per GPU and tCO2e of each
// model size (Llama 2 card; Llama 3.1 card, location- and market-based).
// Meta's power figure is "adjusted for power usage efficiency", so PUE is 1.
// Meta prints no intensity: each family's is implied by its largest model
// (derived), so that row matches by construction and the others test the
// method. The cost column prices the GPU-hours at an assumed $2 per GPU-hour
// (not published) and is shown beside the energy, never added to it.
//
// Output:
//   model             GPU-hours    W       MWh      tCO2e      card    diff   cost [?]
//   Llama 2: intensity implied by Llama 2 70B: 0.4235 kg CO2e/kWh [D]
//   Llama 2 7B          184,320  400      73.7       31.2     31.22   +0.0%  $368.640K
//   Llama 2 13B         368,640  400     147.5       62.4     62.44   +0.0%  $737.280K
//   Llama 2 70B       1,720,320  400     688.1      291.4    291.42   +0.0%    $3.441M
//   Llama 3.1: intensity implied by Llama 3.1 405B: 0.4137 kg CO2e/kWh [D]
//   Llama 3.1 8B      1,460,000  700   1,022.0      422.8       420   +0.7%    $2.920M
//   Llama 3.1 70B     7,000,000  700   4,900.0    2,026.9     2,040   -0.6%   $14.000M
//   Llama 3.1 405B   30,840,000  700  21,588.0    8,930.0     8,930   +0.0%   $61.680M
//   Llama 3.1: market-based 0.0 tCO2e (card: 0)
//
//   Sources: the Llama 2 and Llama 3.1 model cards (docs/sources.md §13).
//   Energy cost is not in the cost column: a rental price already includes power.
//
// expect: Llama 2 7B          184,320  400      73.7       31.2     31.22   +0.0%  $368.640K
// expect: Llama 2 13B         368,640  400     147.5       62.4     62.44   +0.0%  $737.280K
// expect: Llama 2 70B       1,720,320  400     688.1      291.4    291.42   +0.0%    $3.441M
// expect: Llama 3.1 8B      1,460,000  700   1,022.0      422.8       420   +0.7%    $2.920M
// expect: Llama 3.1 70B     7,000,000  700   4,900.0    2,026.9     2,040   -0.6%   $14.000M
// expect: Llama 3.1 405B   30,840,000  700  21,588.0    8,930.0     8,930   +0.0%   $61.680M
// expect: Llama 3.1: market-based 0.0 tCO2e (card: 0)

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost/print/format.hpp"
#include "traincost/reference/llama_model_cards.hpp"
#include "traincost/run/emissions.hpp"
#include "traincost/run/energy.hpp"

namespace {

using namespace traincost;
using reference::llama::CardRow;

struct Rebuilt {
  RunEnergy energy;
  FinalRunCost cost;
};

/// One model size as a one-stage run at the card's GPU-hours and power.
Rebuilt rebuild(const CardRow& row) {
  const TrainingRun run{
      std::string(row.model),
      Cluster(accelerator(row.accelerator), accelerators(1)),
      sourced(usd_per_gpu_hour(2.0), assumed("illustrative rental price")),
      {Stage::with_gpu_time("pre-training", StageKind::pre_training, gpu_hours(row.gpu_hours),
                            published(std::string(row.source)))}};
  EnergyInputs in;
  in.power = PowerDraw::measured(
      sourced(watts_per_accelerator(row.watts_per_gpu), published(std::string(row.source))));
  in.pue = sourced(1.0, published("card's power is adjusted for PUE"));
  FinalRunCost cost = cost_final_run(run);
  return {energy_of_run(run, cost, in), std::move(cost)};
}

template <std::size_t N>
void family(const std::array<CardRow, N>& rows, const char* label) {
  // The intensity implied by the family's largest model (derived).
  const CardRow& largest = rows[N - 1];
  const double implied =
      largest.location_tco2e * 1000.0 / in_kilowatt_hours(rebuild(largest).energy.total);
  std::printf("%s: intensity implied by %s: %.4f kg CO2e/kWh [D]\n", label,
              std::string(largest.model).c_str(), implied);
  double market_total = 0.0, card_market = 0.0;
  bool has_market = false;
  for (const auto& row : rows) {
    const Rebuilt r = rebuild(row);
    EmissionsInputs ei;
    ei.location_based = sourced(kg_co2e_per_kwh(implied), derived("implied by the largest model"));
    if (row.market_tco2e >= 0.0) {
      ei.market_based = sourced(kg_co2e_per_kwh(0.0), published(std::string(row.source)));
      has_market = true;
    }
    const RunEmissions em = emissions_of_run(r.energy, ei);
    const double ours = in_tonnes_co2e(em.location_based->total.amount);
    double diff = 100.0 * (ours - row.location_tco2e) / row.location_tco2e;
    if (std::fabs(diff) < 0.05)
      diff = 0.0;  // no "+0.0%"
    std::printf("%-15s %11s  %3.0f  %8s  %9s  %8s  %+5.1f%%  %9s\n", std::string(row.model).c_str(),
                format_number(row.gpu_hours).c_str(), row.watts_per_gpu,
                format_number(in_kilowatt_hours(r.energy.total) / 1000.0, 1).c_str(),
                format_number(ours, 1).c_str(),
                format_number(row.location_tco2e,
                              row.location_tco2e == std::floor(row.location_tco2e) ? 0 : 2)
                    .c_str(),
                diff, format_usd_compact(r.cost.total).c_str());
    if (em.market_based) {
      market_total += in_tonnes_co2e(em.market_based->total.amount);
      card_market += row.market_tco2e;
    }
  }
  if (has_market)
    std::printf("%s: market-based %.1f tCO2e (card: %.0f)\n", label, market_total, card_market);
}

}  // namespace

int main() {
  std::printf("%-15s %11s  %3s  %8s  %9s  %8s  %6s  %9s\n", "model", "GPU-hours", "W", "MWh",
              "tCO2e", "card", "diff", "cost [?]");
  family(reference::llama::llama2, "Llama 2");
  family(reference::llama::llama31, "Llama 3.1");
  std::cout << "\nSources: the Llama 2 and Llama 3.1 model cards (docs/sources.md §13).\n"
            << "Energy cost is not in the cost column: a rental price already includes power.\n";
  return 0;
}
