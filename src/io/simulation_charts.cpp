// Charts of simulations and sensitivity analyses, as SVG.
#include <string>
#include <utility>
#include <vector>

#include "detail/text.hpp"
#include "traincost/io/simulation.hpp"
#include "traincost/io/svg_chart.hpp"

namespace traincost::io {

using detail_text::short_number;

std::string simulation_chart_svg(const Simulation& sim, std::size_t index) {
  const SimulatedResult& r = sim.results.at(index);
  const uncertainty::CostHistogram& h = r.summary.histogram;
  return histogram_svg(
      "Monte Carlo: " + r.name + " (" + std::string(to_string(r.scope)) + ")",
      BinnedCosts{in_usd(h.low), in_usd(h.high), h.counts, h.below, h.above},
      {{5, in_usd(r.summary.p5)}, {50, in_usd(r.summary.p50)}, {95, in_usd(r.summary.p95)}},
      r.unit);
}

std::string sensitivity_chart_svg(const Sensitivity& sens, const Scenario& scenario,
                                  std::size_t index) {
  (void)scenario;
  const SensitivityResult& r = sens.results.at(index);
  std::vector<ChartBar> bars;
  for (const auto& b : r.tornado.bars)
    bars.push_back({b.name + " (" + short_number(b.low) + " to " + short_number(b.high) + ")",
                    in_usd(b.at_low), in_usd(b.at_high)});
  return tornado_svg("Sensitivity: " + r.name + " (" + std::string(to_string(r.scope)) + ")",
                     in_usd(r.tornado.base), std::move(bars), r.unit);
}

}  // namespace traincost::io
