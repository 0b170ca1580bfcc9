// Rendering simulations and sensitivity analyses: table, Markdown, CSV and
// JSON (schemas "traincost.simulation/2" and "traincost.sensitivity/2").
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"
#include "traincost/io/simulation.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/version.hpp"

namespace traincost::io {
namespace {

using json = nlohmann::ordered_json;
using detail_text::flat;
using detail_text::md;
using detail_text::short_number;

/// An amount of a result in its unit: dollars, or a number and "kWh" / "tCO2e".
std::string amount(const std::string& unit, Money v) {
  if (unit == "USD")
    return format_usd(v);
  return format_number(in_usd(v), in_usd(v) < 100.0 ? 2 : 0) + " " + unit;
}
std::string amount_compact(const std::string& unit, Money v) {
  return unit == "USD" ? format_usd_compact(v) : amount(unit, v);
}

std::string dump(const json& j) {
  return detail_text::dump_json(j, 2) + "\n";
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

}  // namespace

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
        TextTable t({"statistic", r.unit == "USD" ? "cost" : r.unit}, {A::left, A::right});
        for (const auto& [k, v] : stats(r.summary))
          t.add_row({k == "p50" ? "p50 (median)" : k, amount(r.unit, v)});
        t.print(os);
        os << "90% interval: " << amount_compact(r.unit, r.summary.p5) << " to "
           << amount_compact(r.unit, r.summary.p95) << "\n\n";
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
           << "| statistic | " << (r.unit == "USD" ? "cost" : r.unit) << " |\n|---|---:|\n";
        for (const auto& [k, v] : stats(r.summary))
          os << "| " << k << " | " << amount(r.unit, v) << " |\n";
        os << '\n';
      }
      os << "| input (range) | unit | distribution | median |\n|---|---|---|---:|\n";
      for (const auto& in : scenario.uncertain)
        os << "| " << in.field << " | " << in.unit << " | " << in.description << " | "
           << short_number(in.distribution.median()) << " |\n";
      break;
    case Format::csv:
      // "usd" is empty for a result in another unit; "value" and "unit"
      // (added at the end) hold every result's figure.
      os << "result,scope,statistic,usd,value,unit\r\n";
      for (const auto& r : sim.results)
        for (const auto& [k, v] : stats(r.summary))
          os << csv_field(r.name) << ',' << id(r.scope) << ',' << k << ','
             << (r.unit == "USD" ? plain_number(in_usd(v)) : std::string()) << ','
             << plain_number(in_usd(v)) << ',' << csv_field(r.unit) << "\r\n";
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
                           {"unit", r.unit},
                           {"usd", std::move(st)},
                           {"histogram",
                            {{"low_usd", in_usd(r.summary.histogram.low)},
                             {"high_usd", in_usd(r.summary.histogram.high)},
                             {"counts", r.summary.histogram.counts}}}});
      }
      os << dump({{"schema", "traincost.simulation/2"},
                  {"traincost_version", version_string},
                  {"scenario", {{"name", sim.name}, {"file", sim.file}}},
                  {"samples", sim.samples},
                  {"seed", sim.seed},
                  {"inputs", inputs_json(scenario)},
                  {"results", std::move(results)}});
      break;
    }
    default:
      detail_text::unknown_enum("format", static_cast<int>(f));
  }
  return os.str();
}

std::string render_sensitivity(const Sensitivity& sens, const Scenario& scenario, Format f) {
  std::ostringstream os;
  switch (f) {
    case Format::table:
      for (const auto& r : sens.results) {
        os << flat(r.name) << " — " << to_string(r.scope) << '\n'
           << "base (every range at its median): " << amount(r.unit, r.tornado.base) << "\n";
        using A = TextTable::Align;
        TextTable t(
            {"input (5% to 95%)", "low", "high", "unit", r.unit == "USD" ? "cost at low" : "at low",
             r.unit == "USD" ? "cost at high" : "at high", "swing"},
            {A::left, A::right, A::right, A::left, A::right, A::right, A::right});
        for (const auto& b : r.tornado.bars)
          t.add_row({b.name, short_number(b.low), short_number(b.high), b.unit,
                     amount(r.unit, b.at_low), amount(r.unit, b.at_high),
                     amount(r.unit, b.swing())});
        t.print(os);
        os << '\n';
      }
      break;
    case Format::markdown:
      os << "# Sensitivity: " << md(sens.name.empty() ? sens.file : sens.name) << "\n\n";
      for (const auto& r : sens.results) {
        os << "## " << md(r.name) << "\n\nScope: **" << to_string(r.scope)
           << "**, base (every range at its median): **" << amount(r.unit, r.tornado.base)
           << "**\n\n"
           << "| input (5% to 95%) | low | high | unit | "
           << (r.unit == "USD" ? "cost at low | cost at high" : "at low | at high")
           << " | swing |\n"
           << "|---|---:|---:|---|---:|---:|---:|\n";
        for (const auto& b : r.tornado.bars)
          os << "| " << md(b.name) << " | " << short_number(b.low) << " | " << short_number(b.high)
             << " | " << md(b.unit) << " | " << amount(r.unit, b.at_low) << " | "
             << amount(r.unit, b.at_high) << " | " << amount(r.unit, b.swing()) << " |\n";
        os << '\n';
      }
      break;
    case Format::csv:
      os << "result,scope,input,unit,input_low,input_high,base_usd,usd_at_low,usd_at_high,"
            "swing_usd,result_unit\r\n";
      for (const auto& r : sens.results)
        for (const auto& b : r.tornado.bars)
          os << csv_field(r.name) << ',' << id(r.scope) << ',' << csv_field(b.name) << ','
             << csv_field(b.unit) << ',' << plain_number(b.low) << ',' << plain_number(b.high)
             << ',' << plain_number(in_usd(r.tornado.base)) << ',' << plain_number(in_usd(b.at_low))
             << ',' << plain_number(in_usd(b.at_high)) << ',' << plain_number(in_usd(b.swing()))
             << ',' << csv_field(r.unit) << "\r\n";
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
                           {"unit", r.unit},
                           {"base_usd", in_usd(r.tornado.base)},
                           {"bars", std::move(bars)}});
      }
      os << dump({{"schema", "traincost.sensitivity/2"},
                  {"traincost_version", version_string},
                  {"scenario", {{"name", sens.name}, {"file", sens.file}}},
                  {"low_quantile", 0.05},
                  {"high_quantile", 0.95},
                  {"inputs", inputs_json(scenario)},
                  {"results", std::move(results)}});
      break;
    }
    default:
      detail_text::unknown_enum("format", static_cast<int>(f));
  }
  return os.str();
}

}  // namespace traincost::io
