// Comparing configurations: each costed as `estimate` costs it, results
// matched by model kind and position, figures read from the public results
// (io::ModelResult, FinalRunCost, FleetCapex, FleetOperatingCost).

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/io/compare.hpp"

namespace traincost::io {

std::optional<double> ComparedMeasure::difference(std::size_t configuration) const {
  if (values.empty() || !values.front() || configuration >= values.size() || !values[configuration])
    return std::nullopt;
  return *values[configuration] - *values.front();
}

std::optional<double> ComparedMeasure::ratio(std::size_t configuration) const {
  if (values.empty() || !values.front() || *values.front() == 0.0 ||
      configuration >= values.size() || !values[configuration])
    return std::nullopt;
  return *values[configuration] / *values.front();
}

bool ComparedResult::same_scope() const {
  std::optional<Scope> first;
  for (const auto& s : scopes) {
    if (!s)
      continue;
    if (first && *first != *s)
      return false;
    first = s;
  }
  return true;
}

std::string ComparedResult::name() const {
  for (const auto& n : names)
    if (n)
      return *n;
  return model;
}

std::string configuration_id(std::size_t index) {
  std::string id;
  ++index;
  while (index > 0) {
    --index;
    id.insert(id.begin(), static_cast<char>('A' + index % 26));
    index /= 26;
  }
  return id;
}

namespace {

/// One result's figures, in the order they are shown.
using Figures = std::vector<std::tuple<std::string, std::string, std::string, double>>;

Figures final_run_figures(const FinalRunCost& run) {
  double largest = 0;
  for (const auto& s : run.stages)
    largest = std::max(largest, in_accelerators(s.accelerators));
  Figures f = {
      {"usd", "cost", "USD", in_usd(run.total)},
      {"gpu_hours", "GPU-hours", "GPU-hours", in_gpu_hours(run.gpu_time)},
      {"wall_clock_hours", "wall-clock", "hours", in_hours(run.wall_clock)},
      {"accelerators", "accelerators (largest stage)", "accelerators", largest},
  };
  if (in_gpu_hours(run.gpu_time) > 0)
    f.emplace_back("usd_per_gpu_hour", "USD per GPU-hour (average)", "USD per GPU-hour",
                   in_usd(run.total) / in_gpu_hours(run.gpu_time));
  return f;
}

/// A run's footprint, where its scenario gives one: energy, emissions of
/// each kind, and the cost including interruptions — beside the cost.
void add_footprint_figures(Figures& f, const RunFootprint& fp) {
  if (fp.energy)
    f.emplace_back("energy_mwh", "energy", "MWh", in_kilowatt_hours(fp.energy->total) / 1000.0);
  if (fp.emissions && fp.emissions->location_based)
    f.emplace_back("location_tco2e", "emissions (location-based)", "tCO2e",
                   in_tonnes_co2e(fp.emissions->location_based->total.amount));
  if (fp.emissions && fp.emissions->market_based)
    f.emplace_back("market_tco2e", "emissions (market-based)", "tCO2e",
                   in_tonnes_co2e(fp.emissions->market_based->total.amount));
  if (fp.failures)
    f.emplace_back("usd_including_interruptions", "cost including interruptions", "USD",
                   in_usd(fp.failures->total));
}

Figures serving_figures(const ServingCost& c) {
  Figures f = {
      {"usd", "cost", "USD", in_usd(c.total)},
      {"gpu_hours", "GPU-hours", "GPU-hours", in_gpu_hours(c.gpu_time)},
      {"wall_clock_hours", "period", "hours", in_hours(c.period)},
      {"accelerators", "accelerators (average)", "accelerators", in_accelerators(c.accelerators)},
      {"usd_per_day", "cost per day", "USD", in_usd(c.per_day)},
  };
  if (c.per_token)
    f.emplace_back("usd_per_million_tokens", "cost per million tokens", "USD per million tokens",
                   in_usd_per_million_tokens(*c.per_token));
  return f;
}

Figures capex_figures(const Fleet& fleet, const FleetCapex& capex) {
  double count = 0;
  for (const auto& h : fleet.holdings)
    count += in_accelerators(h.count);
  return {
      {"usd", "capex", "USD", in_usd(capex.total)},
      {"servers_usd", "servers", "USD", in_usd(capex.servers)},
      {"network_usd", "network", "USD", in_usd(capex.network)},
      {"accelerators", "accelerators", "accelerators", count},
      {"it_power_kw", "peak IT power", "kW", in_kilowatts(capex.it_power)},
  };
}

Figures operating_figures(const FleetOperatingCost& op) {
  return {
      {"usd", "operating cost", "USD", in_usd(op.total)},
      {"energy_usd", "energy cost", "USD", in_usd(op.energy_cost)},
      {"energy_mwh", "energy", "MWh", in_kilowatt_hours(op.energy) / 1000.0},
  };
}

struct Costed {
  std::string model;
  std::string name;
  Scope scope;
  Evidence evidence;
  Figures figures;
};

/// Every result of a configuration with its figures, in `estimate`'s order
/// (runs, each fleet's capex then operating cost, programs, serving).
std::vector<Costed> cost(const Scenario& s) {
  const Estimate e = estimate(s);
  std::vector<Costed> out;
  std::size_t run = 0, fleet = 0;
  const FleetScenario* last_fleet = nullptr;
  std::optional<FleetCapex> last_capex;
  for (const ModelResult& r : e.results) {
    Costed c{
        r.model, r.breakdown().label, r.breakdown().scope, r.breakdown().provenance.evidence, {}};
    if (r.final_run) {
      c.figures = final_run_figures(*r.final_run);
      if (r.footprint)
        add_footprint_figures(c.figures, *r.footprint);
      ++run;
    } else if (r.serving) {
      c.figures = serving_figures(*r.serving);
    } else if (r.model == "fleet_capex" && fleet < s.fleets.size()) {
      last_fleet = &s.fleets[fleet++];
      last_capex = cost_fleet_capex(last_fleet->fleet);
      c.figures = capex_figures(last_fleet->fleet, *last_capex);
    } else if (r.model == "fleet_operating" && last_fleet && last_fleet->operating) {
      c.figures = operating_figures(
          cost_fleet_operating(last_fleet->fleet, *last_capex, *last_fleet->operating));
    } else {
      c.figures = {{"usd", "cost", "USD", in_usd(r.total)}};
    }
    out.push_back(std::move(c));
  }
  (void)run;
  return out;
}

}  // namespace

Comparison compare(std::vector<Configuration> configurations) {
  if (configurations.size() < 2)
    throw Error(ErrorCode::invalid_input, "compare",
                configurations.empty()
                    ? std::string("nothing to compare, expected two scenario files or a file "
                                  "with [[variant]] tables")
                    : "only one configuration (" + configurations.front().file +
                          "), expected two scenario files or a file with [[variant]] tables "
                          "(see docs/scenarios.md, \"Variants and comparisons\")");
  const std::size_t n = configurations.size();
  std::vector<std::vector<Costed>> costed;
  for (const Configuration& c : configurations)
    costed.push_back(cost(c.scenario));

  Comparison out;
  // Results are matched by model kind and position: the k-th final run of
  // one configuration with the k-th final run of every other.
  std::vector<std::pair<std::string, std::size_t>> order;  // (model, k) in first-seen order
  for (const auto& results : costed) {
    std::map<std::string, std::size_t> seen;
    for (const Costed& r : results) {
      const std::pair<std::string, std::size_t> slot{r.model, seen[r.model]++};
      if (std::find(order.begin(), order.end(), slot) == order.end())
        order.push_back(slot);
    }
  }
  for (const auto& [model, k] : order) {
    ComparedResult cr;
    cr.model = model;
    cr.names.resize(n);
    cr.scopes.resize(n);
    cr.evidence.resize(n);
    for (std::size_t c = 0; c < n; ++c) {
      std::size_t seen = 0;
      const Costed* match = nullptr;
      for (const Costed& r : costed[c])
        if (r.model == model && seen++ == k) {
          match = &r;
          break;
        }
      if (!match)
        continue;
      cr.names[c] = match->name;
      cr.scopes[c] = match->scope;
      cr.evidence[c] = match->evidence;
      for (const auto& [key, label, unit, value] : match->figures) {
        // A named copy: clang 14 cannot capture a structured binding.
        const std::string& wanted = key;
        auto it = std::find_if(cr.measures.begin(), cr.measures.end(),
                               [&](const ComparedMeasure& m) { return m.key == wanted; });
        if (it == cr.measures.end()) {
          cr.measures.push_back({key, label, unit, std::vector<std::optional<double>>(n)});
          it = std::prev(cr.measures.end());
        }
        it->values[c] = value;
      }
    }
    out.results.push_back(std::move(cr));
  }
  out.configurations = std::move(configurations);
  return out;
}

}  // namespace traincost::io
