#include "traincost/io/simulation.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "traincost/print/format.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/svg_chart.hpp"
#include "traincost/print/text_table.hpp"
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
    out.push_back({r.breakdown.label, r.breakdown.scope});
  return out;
}

void require_ranges(const Scenario& s, const char* command) {
  if (s.uncertain.empty())
    throw ScenarioError(ErrorCode::invalid_input, s.file, {1, 1}, "(scenario)",
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
};

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
  for (const auto& in : s.uncertain) {
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
  std::string msg = e.what();
  const std::string prefix = "] " + e.field().str() + ": ";
  if (const auto cut = msg.find(prefix); cut != std::string::npos)
    msg.erase(0, cut + prefix.size());
  const bool drawn = at && (e.field().str() == at->field || e.field().str() == at->model_path);
  throw ScenarioError(e.code(), s.file, at ? at->where : Location{1, 1},
                      drawn ? at->field : "(ranges)", drawn ? msg : e.field().str() + ": " + msg);
}

std::string short_number(double v) {
  const double a = std::fabs(v);
  if (a >= 1000)
    return format_number(v, 0);
  if (a >= 10)
    return format_number(v, 1);
  if (a >= 0.1)
    return format_number(v, 2);
  return format_number(v, 4);
}

std::string flat(std::string_view s) {
  std::string out;
  for (char c : s)
    out += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
  return out;
}

void inputs_table(std::ostringstream& os, const Scenario& s) {
  using A = TextTable::Align;
  TextTable t({"input (range)", "unit", "distribution", "median"},
              {A::left, A::left, A::left, A::right});
  for (const auto& in : s.uncertain)
    t.add_row({in.field, in.unit, in.description, short_number(in.distribution.median())});
  t.print(os);
}

json inputs_json(const Scenario& s) {
  json list = json::array();
  for (const auto& in : s.uncertain) {
    json params = json::object();
    for (const auto& [k, v] : in.parameters)
      params[k] = v;
    list.push_back({{"field", in.field},
                    {"unit", in.unit},
                    {"distribution", in.description},
                    {"parameters", std::move(params)},
                    {"median", in.distribution.median()}});
  }
  return list;
}

std::string dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else
      out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

}  // namespace

Simulation simulate(const Scenario& scenario, const SimulationOptions& options) {
  require_ranges(scenario, "simulate");
  if (options.samples < 2 || options.samples > 10'000'000)
    throw ScenarioError(ErrorCode::invalid_value, scenario.file, {}, "--samples",
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
  } catch (const Error& e) {
    rethrow_at_range(scenario, e);
  }
  for (auto& c : summaries)
    sim.results.push_back({c.name, c.scope, std::move(c)});
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
    for (const auto& b : bound) {
      uncertainty::CostTornado t = uncertainty::tornado_of(b, plan.ranges);
      // Inputs shown as written in the file, not in the model's units.
      for (auto& bar : t.bars) {
        const UncertainInput& in = scenario.uncertain[bar.input];
        bar.unit = in.unit;
        bar.low = in.distribution.quantile(0.05);
        bar.high = in.distribution.quantile(0.95);
      }
      out.results.push_back({t.name, t.scope, std::move(t)});
    }
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

std::string render_simulation(const Simulation& sim, const Scenario& scenario, Format f) {
  std::ostringstream os;
  auto stats = [](const uncertainty::CostSummary& s) {
    return std::vector<std::pair<std::string, Money>>{
        {"mean", s.mean}, {"sd", s.sd},   {"min", s.min}, {"p5", s.p5},  {"p25", s.p25},
        {"p50", s.p50},   {"p75", s.p75}, {"p95", s.p95}, {"max", s.max}};
  };
  switch (f) {
    case Format::table: {
      for (const auto& r : sim.results) {
        os << flat(r.name) << " — " << to_string(r.scope) << '\n';
        os << format_number(static_cast<double>(sim.samples)) << " samples, seed " << sim.seed
           << '\n';
        using A = TextTable::Align;
        TextTable t({"statistic", "cost"}, {A::left, A::right});
        for (const auto& [k, v] : stats(r.summary))
          t.add_row({k == "p50" ? "p50 (median)" : k, format_usd(v)});
        t.print(os);
        os << "90% interval: " << format_usd_compact(r.summary.p5) << " to "
           << format_usd_compact(r.summary.p95) << "\n\n";
      }
      inputs_table(os, scenario);
      break;
    }
    case Format::markdown:
      os << "# Simulation: " << md(sim.name.empty() ? sim.file : sim.name) << "\n\n"
         << format_number(static_cast<double>(sim.samples)) << " samples, seed " << sim.seed
         << "\n\n";
      for (const auto& r : sim.results) {
        os << "## " << md(r.name) << "\n\nScope: **" << to_string(r.scope) << "**\n\n"
           << "| statistic | cost |\n|---|---:|\n";
        for (const auto& [k, v] : stats(r.summary))
          os << "| " << k << " | " << format_usd(v) << " |\n";
        os << '\n';
      }
      os << "| input (range) | unit | distribution | median |\n|---|---|---|---:|\n";
      for (const auto& in : scenario.uncertain)
        os << "| " << in.field << " | " << in.unit << " | " << in.description << " | "
           << short_number(in.distribution.median()) << " |\n";
      break;
    case Format::csv:
      os << "result,scope,statistic,usd\r\n";
      for (const auto& r : sim.results)
        for (const auto& [k, v] : stats(r.summary))
          os << csv_field(r.name) << ',' << id(r.scope) << ',' << k << ','
             << plain_number(in_usd(v)) << "\r\n";
      break;
    case Format::json: {
      json results = json::array();
      for (const auto& r : sim.results) {
        json st = json::object();
        for (const auto& [k, v] : stats(r.summary))
          st[k] = in_usd(v);
        results.push_back({{"name", r.name},
                           {"scope", std::string(id(r.scope))},
                           {"scope_label", std::string(to_string(r.scope))},
                           {"usd", std::move(st)},
                           {"histogram",
                            {{"low_usd", in_usd(r.summary.histogram.low)},
                             {"high_usd", in_usd(r.summary.histogram.high)},
                             {"counts", r.summary.histogram.counts}}}});
      }
      os << dump({{"schema", "traincost.simulation/1"},
                  {"traincost_version", version_string},
                  {"scenario", {{"name", sim.name}, {"file", sim.file}}},
                  {"samples", sim.samples},
                  {"seed", sim.seed},
                  {"inputs", inputs_json(scenario)},
                  {"results", std::move(results)}});
      break;
    }
  }
  return os.str();
}

std::string render_sensitivity(const Sensitivity& sens, const Scenario& scenario, Format f) {
  std::ostringstream os;
  switch (f) {
    case Format::table:
      for (const auto& r : sens.results) {
        os << flat(r.name) << " — " << to_string(r.scope) << '\n'
           << "base (every range at its median): " << format_usd(r.tornado.base) << "\n";
        using A = TextTable::Align;
        TextTable t(
            {"input (5% to 95%)", "low", "high", "unit", "cost at low", "cost at high", "swing"},
            {A::left, A::right, A::right, A::left, A::right, A::right, A::right});
        for (const auto& b : r.tornado.bars)
          t.add_row({b.name, short_number(b.low), short_number(b.high), b.unit,
                     format_usd(b.at_low), format_usd(b.at_high), format_usd(b.swing())});
        t.print(os);
        os << '\n';
      }
      break;
    case Format::markdown:
      os << "# Sensitivity: " << md(sens.name.empty() ? sens.file : sens.name) << "\n\n";
      for (const auto& r : sens.results) {
        os << "## " << md(r.name) << "\n\nScope: **" << to_string(r.scope)
           << "**, base (every range at its median): **" << format_usd(r.tornado.base) << "**\n\n"
           << "| input (5% to 95%) | low | high | unit | cost at low | cost at high | swing |\n"
           << "|---|---:|---:|---|---:|---:|---:|\n";
        for (const auto& b : r.tornado.bars)
          os << "| " << md(b.name) << " | " << short_number(b.low) << " | " << short_number(b.high)
             << " | " << md(b.unit) << " | " << format_usd(b.at_low) << " | "
             << format_usd(b.at_high) << " | " << format_usd(b.swing()) << " |\n";
        os << '\n';
      }
      break;
    case Format::csv:
      os << "result,scope,input,unit,input_low,input_high,base_usd,usd_at_low,usd_at_high,"
            "swing_usd\r\n";
      for (const auto& r : sens.results)
        for (const auto& b : r.tornado.bars)
          os << csv_field(r.name) << ',' << id(r.scope) << ',' << csv_field(b.name) << ','
             << csv_field(b.unit) << ',' << plain_number(b.low) << ',' << plain_number(b.high)
             << ',' << plain_number(in_usd(r.tornado.base)) << ',' << plain_number(in_usd(b.at_low))
             << ',' << plain_number(in_usd(b.at_high)) << ',' << plain_number(in_usd(b.swing()))
             << "\r\n";
      break;
    case Format::json: {
      json results = json::array();
      for (const auto& r : sens.results) {
        json bars = json::array();
        for (const auto& b : r.tornado.bars)
          bars.push_back({{"input", b.name},
                          {"unit", b.unit},
                          {"input_low", b.low},
                          {"input_high", b.high},
                          {"usd_at_low", in_usd(b.at_low)},
                          {"usd_at_high", in_usd(b.at_high)},
                          {"swing_usd", in_usd(b.swing())}});
        results.push_back({{"name", r.name},
                           {"scope", std::string(id(r.scope))},
                           {"base_usd", in_usd(r.tornado.base)},
                           {"bars", std::move(bars)}});
      }
      os << dump({{"schema", "traincost.sensitivity/1"},
                  {"traincost_version", version_string},
                  {"scenario", {{"name", sens.name}, {"file", sens.file}}},
                  {"low_quantile", 0.05},
                  {"high_quantile", 0.95},
                  {"inputs", inputs_json(scenario)},
                  {"results", std::move(results)}});
      break;
    }
  }
  return os.str();
}

std::string simulation_chart_svg(const Simulation& sim, std::size_t index) {
  const SimulatedResult& r = sim.results.at(index);
  const uncertainty::CostHistogram& h = r.summary.histogram;
  return histogram_svg(
      "Monte Carlo: " + r.name + " (" + std::string(to_string(r.scope)) + ")",
      BinnedCosts{in_usd(h.low), in_usd(h.high), h.counts, h.below, h.above},
      {{5, in_usd(r.summary.p5)}, {50, in_usd(r.summary.p50)}, {95, in_usd(r.summary.p95)}});
}

std::string sensitivity_chart_svg(const Sensitivity& sens, const Scenario& scenario,
                                  std::size_t index) {
  (void)scenario;
  const SensitivityResult& r = sens.results.at(index);
  std::vector<TornadoBar> bars;
  for (const auto& b : r.tornado.bars)
    bars.push_back({b.name + " (" + short_number(b.low) + " to " + short_number(b.high) + ")",
                    in_usd(b.at_low), in_usd(b.at_high)});
  return tornado_svg("Sensitivity: " + r.name + " (" + std::string(to_string(r.scope)) + ")",
                     in_usd(r.tornado.base), std::move(bars));
}

}  // namespace traincost::io
