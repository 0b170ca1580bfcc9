#include "traincost/io/simulation.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"

#include "traincost/io/estimate.hpp"
#include "traincost/io/svg_chart.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/run/footprint_model.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/fleet_models.hpp"
#include "traincost/version.hpp"

namespace traincost::io {
namespace {

using json = nlohmann::ordered_json;

/// The names and scopes of a scenario's results, in `estimate` order.
struct ResultLabel {
  std::string name;
  Scope scope;
};

std::vector<ResultLabel> result_labels(const Scenario& s) {
  std::vector<ResultLabel> out;
  for (const auto& r : estimate(s).results)
    out.push_back({r.breakdown().label, r.breakdown().scope});
  return out;
}

void require_ranges(const Scenario& s, const char* command) {
  if (s.uncertain.empty())
    throw ScenarioError(ErrorCode::invalid_input, s.file, {1, 1}, scenario_field("(scenario)"),
                        std::string("has no ranges to ") + command +
                            ", expected at least one input written as a range, e.g. "
                            "usd_per_gpu_hour = { low = 1.5, high = 3.5 }");
}

/// The scenario's results as cost models, in `estimate` order and with its
/// labels, and its ranges bound to the model inputs the reader named: every
/// result is simulated through its model's one definition.
struct ModelPlan {
  std::vector<uncertainty::CostModel> models;
  uncertainty::Ranges ranges;
  /// For each bound range, its index in `Scenario::uncertain` (ranges no
  /// cost reads are not bound: see UncertainInput::costs).
  std::vector<std::size_t> input_of;
  /// Per model, the unit of its result: "USD", or "kWh" / "tCO2e" for a
  /// run's energy and emissions (carried as the model's number).
  std::vector<std::string> units;
};

/// Which figure of a run's footprint a model gives.
enum class FootprintFigure { kwh, energy_cost, location, market, with_interruptions };

struct FootprintModel {
  TrainingRun run;
  FootprintModelInputs inputs;
  FootprintFigure figure;
};

/// One figure of a run's footprint as a model: `evaluate_footprint`, the
/// footprint's one definition, over each evaluator.
uncertainty::CostModel footprint_model(std::string name, const TrainingRun& run,
                                       const RunFootprintInputs& f, FootprintFigure figure) {
  // Only the inputs the figure reads, so that a range reaches (and a
  // tornado shows) only the figures it moves. Without [run.energy] the
  // energy is at the catalog TDP and PUE 1, as `estimate` computes it.
  FootprintModelInputs in;
  if (figure != FootprintFigure::with_interruptions) {
    in.energy = f.energy ? *f.energy : EnergyInputs{};
    if (figure != FootprintFigure::energy_cost)
      in.energy->price.reset();
  }
  if (figure == FootprintFigure::location || figure == FootprintFigure::market) {
    in.emissions = *f.emissions;
    (figure == FootprintFigure::location ? in.emissions->market_based
                                         : in.emissions->location_based)
        .reset();
  }
  if (figure == FootprintFigure::with_interruptions)
    in.failures = f.failures;
  FootprintModel m{run, std::move(in), figure};
  return uncertainty::make_cost_model(
      std::move(name), run.scope(), std::move(m), [](const FootprintModel& fm, auto& e) {
        using V = typename std::decay_t<decltype(e)>::value_type;
        FootprintValues<V> v = evaluate_footprint(fm.run, fm.inputs, e);
        V x = v.kwh;
        switch (fm.figure) {
          case FootprintFigure::kwh:
            break;
          case FootprintFigure::energy_cost:
            x = *v.energy_cost_usd;
            break;
          case FootprintFigure::location:
            x = *v.location_tco2e;
            break;
          case FootprintFigure::market:
            x = *v.market_tco2e;
            break;
          case FootprintFigure::with_interruptions:
            x = *v.usd_with_interruptions;
            break;
        }
        return model::from_canonical_as<Money>(std::move(x) * model::canonical(usd(1.0)));
      });
}

ModelPlan model_plan(const Scenario& s) {
  ModelPlan p;
  for (const auto& run : s.runs)
    p.models.push_back(uncertainty::cost_model(run));
  for (const auto& fs : s.fleets) {
    p.models.push_back(uncertainty::fleet_capex_model(fs.fleet));
    if (fs.operating)
      p.models.push_back(uncertainty::fleet_operating_model(fs.fleet, *fs.operating));
  }
  for (const auto& ps : s.programs)
    p.models.push_back(uncertainty::cost_model(program_of(s, ps)));
  for (const auto& d : s.serving)
    p.models.push_back(uncertainty::cost_model(d));
  // Results are named as `estimate` names them.
  const auto labels = result_labels(s);
  if (labels.size() != p.models.size())
    throw std::logic_error("model_plan: " + std::to_string(p.models.size()) + " models for " +
                           std::to_string(labels.size()) + " results");
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].scope != p.models[i].scope)
      throw std::logic_error("model_plan: the scope of " + labels[i].name + " differs");
    p.models[i].name = labels[i].name;
  }
  p.units.assign(p.models.size(), "USD");
  // A run's energy, emissions and cost including interruptions, after the
  // results `estimate` lists (their own units; footprint_model.hpp).
  for (std::size_t i = 0; i < s.runs.size() && i < s.footprints.size(); ++i) {
    const RunFootprintInputs& f = s.footprints[i];
    if (f.empty())
      continue;
    const TrainingRun& run = s.runs[i];
    auto add = [&](const std::string& what, FootprintFigure figure, const char* unit) {
      p.models.push_back(footprint_model(run.name + " — " + what, run, f, figure));
      p.units.emplace_back(unit);
    };
    if (f.energy || f.emissions)
      add("energy", FootprintFigure::kwh, "kWh");
    if (f.energy && f.energy->price)
      add("energy cost (beside the run's cost)", FootprintFigure::energy_cost, "USD");
    if (f.emissions && f.emissions->location_based)
      add("emissions, location-based", FootprintFigure::location, "tCO2e");
    if (f.emissions && f.emissions->market_based)
      add("emissions, market-based", FootprintFigure::market, "tCO2e");
    if (f.failures)
      add("cost including interruptions", FootprintFigure::with_interruptions, "USD");
  }
  for (std::size_t i = 0; i < s.uncertain.size(); ++i) {
    const UncertainInput& in = s.uncertain[i];
    p.input_of.push_back(i);
    if (in.model_path.empty())
      throw std::logic_error("model_plan: the range on " + in.field + " names no model input");
    p.ranges.set_written(in.model_path, in.distribution, in.scale, in.inverse,
                         assumed("range in scenario " + s.file), in.field);
  }
  return p;
}

/// A library error from a simulation, placed at the range it names (by
/// scenario field or model path), else at the first range.
[[noreturn]] void rethrow_at_range(const Scenario& s, const Error& e) {
  const UncertainInput* at = s.uncertain.empty() ? nullptr : &s.uncertain.front();
  for (const auto& in : s.uncertain)
    if (e.field().str() == in.field || e.field().str() == in.model_path)
      at = &in;
  const bool drawn = at && (e.field().str() == at->field || e.field().str() == at->model_path);
  if (drawn)
    throw ScenarioError(e, s.file, at->where, scenario_field(at->field));
  throw ScenarioError(e, s.file, at ? at->where : Location{1, 1}, scenario_field("(ranges)"),
                      e.field().str() + ": " + e.message());
}

}  // namespace

Simulation run_simulation(const Scenario& scenario, const SimulationOptions& options) {
  require_ranges(scenario, "simulate");
  if (options.samples < 2 || options.samples > 10'000'000)
    throw ScenarioError(ErrorCode::invalid_value, scenario.file, {}, scenario_field("--samples"),
                        "got " + std::to_string(options.samples) +
                            ", expected a number of samples from 2 to 10,000,000");
  Simulation sim;
  sim.file = scenario.file;
  sim.name = scenario.name;
  sim.samples = options.samples;
  sim.seed = options.seed;
  uncertainty::RunOptions run;
  run.samples = options.samples;
  run.seed = options.seed;
  run.histogram_bins = options.histogram_bins;
  const ModelPlan plan = model_plan(scenario);
  std::vector<uncertainty::CostSummary> summaries;
  try {
    summaries = uncertainty::simulate_costs(plan.models, plan.ranges, run, options.progress);
  } catch (const ScenarioError&) {
    throw;  // already placed in the file
  } catch (const Error& e) {
    rethrow_at_range(scenario, e);
  }
  for (std::size_t i = 0; i < summaries.size(); ++i)
    sim.results.push_back(
        {summaries[i].name, summaries[i].scope, std::move(summaries[i]), plan.units.at(i)});
  return sim;
}

Sensitivity sensitivity(const Scenario& scenario) {
  require_ranges(scenario, "analyse");
  Sensitivity out;
  out.file = scenario.file;
  out.name = scenario.name;
  const ModelPlan plan = model_plan(scenario);
  try {
    const auto bound = uncertainty::bind_all(plan.models, plan.ranges);
    for (std::size_t m = 0; m < bound.size(); ++m) {
      const auto& b = bound[m];
      uncertainty::CostTornado t = uncertainty::tornado_of(b, plan.ranges);
      // Inputs shown as written in the file, not in the model's units.
      for (auto& bar : t.bars) {
        const UncertainInput& in = scenario.uncertain[plan.input_of.at(bar.input)];
        bar.unit = in.unit;
        bar.low = in.distribution.quantile(0.05);
        bar.high = in.distribution.quantile(0.95);
      }
      out.results.push_back({t.name, t.scope, std::move(t), plan.units.at(m)});
    }
  } catch (const ScenarioError&) {
    throw;  // already placed in the file
  } catch (const Error& e) {
    rethrow_at_range(scenario, e);
  }
  return out;
}

std::size_t default_chart_result(const std::vector<std::pair<std::string, Scope>>& results) {
  for (std::size_t i = results.size(); i-- > 0;)
    if (results[i].second == Scope::program)
      return i;
  return 0;
}

std::size_t result_index(const Scenario& scenario,
                         const std::vector<std::pair<std::string, Scope>>& results,
                         const std::string& name) {
  std::string names;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].first == name)
      return i;
    names += (names.empty() ? "\"" : ", \"") + results[i].first + "\"";
  }
  (void)scenario;
  throw Error(ErrorCode::unknown_name, "--result",
              "got \"" + name + "\", expected the name of a result: " + names);
}

}  // namespace traincost::io
