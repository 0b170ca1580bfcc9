#include "traincost/io/simulation.hpp"

#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>

#include "traincost/format.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/svg_chart.hpp"
#include "traincost/text_table.hpp"
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

/// The first reason a model rejected a draw, for the error message.
struct FirstRejection {
  std::mutex mutex;
  std::string reason;
  void note(const std::string& why) {
    const std::lock_guard<std::mutex> lock(mutex);
    if (reason.empty())
      reason = why;
  }
};

/// The total cost of result `index` in USD, NaN when a model rejects the draw.
double result_total(Scenario& s, std::size_t index, FirstRejection* why) {
  try {
    if (!s.workload_stages.empty())
      refresh_workload_stages(s);
    // Final runs directly (the common, fast case); other models through the
    // same evaluation `estimate` uses.
    if (index < s.runs.size())
      return in_usd(cost_final_run(s.runs[index]).cost);
    return in_usd(estimate(s).results.at(index).breakdown.amount);
  } catch (const std::exception& e) {
    if (why)
      why->note(e.what());
  }
  return std::numeric_limits<double>::quiet_NaN();
}

uncertainty::InputSet input_set(const Scenario& s) {
  uncertainty::InputSet set;
  for (const auto& in : s.uncertain)
    set.add(in.field, in.distribution, assumed("range in scenario " + s.file),
            uncertainty::shown_as_number(in.unit));
  return set;
}

void require_ranges(const Scenario& s, const char* command) {
  if (s.uncertain.empty())
    throw ScenarioError(ErrorCode::invalid_input, s.file, {1, 1}, "(scenario)",
                        std::string("has no ranges to ") + command +
                            ", expected at least one input written as a range, e.g. "
                            "usd_per_gpu_hour = { low = 1.5, high = 3.5 }");
}

[[noreturn]] void rethrow_located(const Scenario& s, const Error& e, const FirstRejection& why) {
  Location where = s.uncertain.empty() ? Location{1, 1} : s.uncertain.front().where;
  if (!why.reason.empty())
    throw ScenarioError(ErrorCode::invalid_value, s.file, where, "(ranges)",
                        "a draw of the ranges is rejected by the model: " + why.reason +
                            "; expected ranges whose every value the model accepts");
  throw ScenarioError(
      e.code(), s.file, where, "(ranges)",
      std::string(e.what()) + " (some draw of the ranges gives a cost that is not finite)");
}

/// The vectorized model of result `index`: each row of draws is put into a
/// copy of the scenario, which the typed models then cost.
uncertainty::Model model_for(const Scenario& base, std::size_t index,
                             const std::function<void(std::int64_t)>& rows_done,
                             FirstRejection* why) {
  return [&base, index, rows_done, why](const Eigen::Ref<const Eigen::ArrayXXd>& x,
                                        Eigen::Ref<Eigen::ArrayXd> out) {
    Scenario local = base;
    for (Eigen::Index row = 0; row < x.rows(); ++row) {
      for (std::size_t k = 0; k < base.uncertain.size(); ++k)
        base.uncertain[k].apply(local, x(row, static_cast<Eigen::Index>(k)));
      out[row] = result_total(local, index, why);
    }
    if (rows_done)
      rows_done(x.rows());
  };
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
  const auto labels = result_labels(scenario);
  const uncertainty::InputSet inputs = input_set(scenario);
  const std::int64_t total = options.samples * static_cast<std::int64_t>(labels.size());
  std::atomic<std::int64_t> done{0};
  std::function<void(std::int64_t)> rows_done;
  if (options.progress)
    rows_done = [&](std::int64_t n) { options.progress(done += n, total); };
  for (std::size_t i = 0; i < labels.size(); ++i) {
    uncertainty::RunOptions run;
    run.samples = options.samples;
    run.seed = options.seed;
    run.histogram_bins = options.histogram_bins;
    FirstRejection rejected;
    SimulatedResult r;
    r.name = labels[i].name;
    r.scope = labels[i].scope;
    try {
      auto mc = uncertainty::monte_carlo(inputs, model_for(scenario, i, rows_done, &rejected), run);
      r.summary = mc.summary;
      r.outputs = std::move(mc.outputs);
    } catch (const Error& e) {
      rethrow_located(scenario, e, rejected);
    }
    sim.results.push_back(std::move(r));
  }
  return sim;
}

Sensitivity sensitivity(const Scenario& scenario) {
  require_ranges(scenario, "analyse");
  Sensitivity out;
  out.file = scenario.file;
  out.name = scenario.name;
  const auto labels = result_labels(scenario);
  const uncertainty::InputSet inputs = input_set(scenario);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    FirstRejection rejected;
    SensitivityResult r;
    r.name = labels[i].name;
    r.scope = labels[i].scope;
    try {
      r.tornado = uncertainty::tornado(inputs, model_for(scenario, i, {}, &rejected));
    } catch (const Error& e) {
      rethrow_located(scenario, e, rejected);
    }
    out.results.push_back(std::move(r));
  }
  return out;
}

std::string render_simulation(const Simulation& sim, const Scenario& scenario, Format f) {
  std::ostringstream os;
  auto stats = [](const uncertainty::Summary& s) {
    return std::vector<std::pair<std::string, double>>{
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
          t.add_row({k == "p50" ? "p50 (median)" : k, format_usd(usd(v))});
        t.print(os);
        os << "90% interval: " << format_usd_compact(usd(r.summary.p5)) << " to "
           << format_usd_compact(usd(r.summary.p95)) << "\n\n";
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
          os << "| " << k << " | " << format_usd(usd(v)) << " |\n";
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
          os << csv_field(r.name) << ',' << id(r.scope) << ',' << k << ',' << plain_number(v)
             << "\r\n";
      break;
    case Format::json: {
      json results = json::array();
      for (const auto& r : sim.results) {
        json st = json::object();
        for (const auto& [k, v] : stats(r.summary))
          st[k] = v;
        results.push_back({{"name", r.name},
                           {"scope", std::string(id(r.scope))},
                           {"scope_label", std::string(to_string(r.scope))},
                           {"usd", std::move(st)},
                           {"histogram",
                            {{"low_usd", r.summary.histogram.low},
                             {"high_usd", r.summary.histogram.high},
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
  auto unit_of = [&](const std::string& field) {
    for (const auto& in : scenario.uncertain)
      if (in.field == field)
        return in.unit;
    return std::string();
  };
  switch (f) {
    case Format::table:
      for (const auto& r : sens.results) {
        os << flat(r.name) << " — " << to_string(r.scope) << '\n'
           << "base (every range at its median): " << format_usd(usd(r.tornado.base_output))
           << "\n";
        using A = TextTable::Align;
        TextTable t(
            {"input (5% to 95%)", "low", "high", "unit", "cost at low", "cost at high", "swing"},
            {A::left, A::right, A::right, A::left, A::right, A::right, A::right});
        for (const auto& b : r.tornado.bars)
          t.add_row({b.input, short_number(b.input_low), short_number(b.input_high),
                     unit_of(b.input), format_usd(usd(b.output_low)),
                     format_usd(usd(b.output_high)), format_usd(usd(b.swing()))});
        t.print(os);
        os << '\n';
      }
      break;
    case Format::markdown:
      os << "# Sensitivity: " << md(sens.name.empty() ? sens.file : sens.name) << "\n\n";
      for (const auto& r : sens.results) {
        os << "## " << md(r.name) << "\n\nScope: **" << to_string(r.scope)
           << "**, base (every range at its median): **" << format_usd(usd(r.tornado.base_output))
           << "**\n\n"
           << "| input (5% to 95%) | low | high | unit | cost at low | cost at high | swing |\n"
           << "|---|---:|---:|---|---:|---:|---:|\n";
        for (const auto& b : r.tornado.bars)
          os << "| " << b.input << " | " << short_number(b.input_low) << " | "
             << short_number(b.input_high) << " | " << unit_of(b.input) << " | "
             << format_usd(usd(b.output_low)) << " | " << format_usd(usd(b.output_high)) << " | "
             << format_usd(usd(b.swing())) << " |\n";
        os << '\n';
      }
      break;
    case Format::csv:
      os << "result,scope,input,unit,input_low,input_high,base_usd,usd_at_low,usd_at_high,"
            "swing_usd\r\n";
      for (const auto& r : sens.results)
        for (const auto& b : r.tornado.bars)
          os << csv_field(r.name) << ',' << id(r.scope) << ',' << csv_field(b.input) << ','
             << csv_field(unit_of(b.input)) << ',' << plain_number(b.input_low) << ','
             << plain_number(b.input_high) << ',' << plain_number(r.tornado.base_output) << ','
             << plain_number(b.output_low) << ',' << plain_number(b.output_high) << ','
             << plain_number(b.swing()) << "\r\n";
      break;
    case Format::json: {
      json results = json::array();
      for (const auto& r : sens.results) {
        json bars = json::array();
        for (const auto& b : r.tornado.bars)
          bars.push_back({{"input", b.input},
                          {"unit", unit_of(b.input)},
                          {"input_low", b.input_low},
                          {"input_high", b.input_high},
                          {"usd_at_low", b.output_low},
                          {"usd_at_high", b.output_high},
                          {"swing_usd", b.swing()}});
        results.push_back({{"name", r.name},
                           {"scope", std::string(id(r.scope))},
                           {"base_usd", r.tornado.base_output},
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
  const std::vector<double> samples(r.outputs.data(), r.outputs.data() + r.outputs.size());
  return histogram_svg("Monte Carlo: " + r.name + " (" + std::string(to_string(r.scope)) + ")",
                       samples, {{5, r.summary.p5}, {50, r.summary.p50}, {95, r.summary.p95}});
}

std::string sensitivity_chart_svg(const Sensitivity& sens, const Scenario& scenario,
                                  std::size_t index) {
  (void)scenario;
  const SensitivityResult& r = sens.results.at(index);
  std::vector<TornadoBar> bars;
  for (const auto& b : r.tornado.bars)
    bars.push_back(
        {b.input + " (" + short_number(b.input_low) + " to " + short_number(b.input_high) + ")",
         b.output_low, b.output_high});
  return tornado_svg("Sensitivity: " + r.name + " (" + std::string(to_string(r.scope)) + ")",
                     r.tornado.base_output, std::move(bars));
}

}  // namespace traincost::io
