// A run's energy, emissions and interruptions in a scenario: computed from
// the run's cost and rendered beside it (docs/scenarios.md, "Energy,
// emissions and failures").
#include "traincost/io/footprint.hpp"

#include <string>
#include <vector>

#include "detail/footprint_json.hpp"
#include "detail/text.hpp"

#include "traincost/print/text_table.hpp"

namespace traincost::io {

using detail_text::flat;
using detail_text::md;

RunFootprint footprint_of(const TrainingRun& run, const FinalRunCost& cost,
                          const RunFootprintInputs& in) {
  RunFootprint out;
  if (in.energy || in.emissions) {
    EnergyInputs e;
    if (in.energy)
      e = *in.energy;
    else
      e.pue = sourced(1.0, assumed("no [run.energy]: catalog TDP at PUE 1"));
    out.energy = energy_of_run(run, cost, e);
  }
  if (in.emissions)
    out.emissions = emissions_of_run(*out.energy, *in.emissions);
  if (in.failures)
    out.failures = failures_of_run(cost, *in.failures);
  return out;
}

namespace {

/// One line of the footprint: what, the value, its unit, evidence and source.
struct Line {
  std::string what;
  std::string value;
  std::string unit;
  Provenance provenance;
};

std::vector<Line> lines_of(const RunFootprint& f) {
  std::vector<Line> out;
  if (f.energy) {
    const RunEnergy& e = *f.energy;
    for (const auto& s : e.stages)
      out.push_back({"energy: " + s.name + " (" + format_number(in_watts_per_accelerator(s.power)) +
                         " W, " + std::string(to_string(s.basis)) + ")",
                     format_number(in_kilowatt_hours(s.energy)), "kWh", s.provenance});
    out.push_back({"energy: total (PUE " + format_number(e.pue, 2) + ")",
                   format_number(in_kilowatt_hours(e.total)), "kWh", e.provenance});
    if (e.energy_cost)
      out.push_back({"energy cost at " + format_number(in_usd_per_kwh(*e.price), 4) +
                         " USD/kWh (beside the run's cost, not in it)",
                     format_usd(*e.energy_cost), "USD", e.provenance});
  }
  if (f.emissions) {
    if (const auto& l = f.emissions->location_based)
      out.push_back({"emissions, location-based (" +
                         format_number(in_g_co2e_per_kwh(l->intensity), 0) + " g/kWh)",
                     format_number(in_tonnes_co2e(l->total.amount), 1), "tCO2e", l->provenance});
    if (const auto& m = f.emissions->market_based)
      out.push_back({"emissions, market-based (" +
                         format_number(in_g_co2e_per_kwh(m->intensity), 0) + " g/kWh)",
                     format_number(in_tonnes_co2e(m->total.amount), 1), "tCO2e", m->provenance});
  }
  if (f.failures) {
    const RunFailures& r = *f.failures;
    for (const auto& s : r.stages)
      out.push_back({"checkpoint interval: " + s.name +
                         (s.outcome.optimal_interval ? " (optimal)" : " (given)"),
                     format_number(in_hours(s.outcome.interval) * 60.0, 1), "minutes",
                     r.provenance});
    out.push_back({"expected interruptions", format_number(in_interruptions(r.interruptions), 1),
                   "interruptions", r.provenance});
    out.push_back({"goodput", format_percent(r.goodput), "", r.provenance});
    out.push_back(
        {"lost to interruptions", format_number(in_gpu_hours(r.lost)), "GPU-hours", r.provenance});
    out.push_back({"wall-clock with interruptions", format_number(in_days(r.wall_clock), 1), "days",
                   r.provenance});
    out.push_back({"cost of interruptions", format_usd(r.lost_cost), "USD", r.provenance});
    out.push_back({"cost including interruptions", format_usd(r.total), "USD", r.provenance});
  }
  return out;
}

}  // namespace

void render_footprint(std::ostream& os, const std::string& run_name, const RunFootprint& f,
                      const std::string& format) {
  const std::vector<Line> lines = lines_of(f);
  if (lines.empty())
    return;
  if (format == "markdown") {
    os << "\nEnergy, emissions and interruptions:\n\n| item | value | unit | src "
          "|\n|---|---:|---|---|\n";
    for (const auto& l : lines)
      os << "| " << md(l.what) << " | " << l.value << " | " << l.unit << " | "
         << tag(l.provenance.evidence) << " |\n";
    return;
  }
  using A = TextTable::Align;
  TextTable t({"energy, emissions, interruptions", "value", "unit", "src"},
              {A::left, A::right, A::left, A::left});
  for (const auto& l : lines)
    t.add_row({flat(l.what), l.value, l.unit, std::string(tag(l.provenance.evidence))});
  os << flat(run_name) << " — footprint\n";
  t.print(os);
}

namespace detail_footprint {

nlohmann::ordered_json footprint_json(const RunFootprint& f) {
  auto prov = [](const Provenance& p) {
    return nlohmann::ordered_json{{"evidence", std::string(to_string(p.evidence))},
                                  {"source", p.source}};
  };
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (f.energy) {
    const RunEnergy& e = *f.energy;
    nlohmann::ordered_json stages = nlohmann::ordered_json::array();
    for (const auto& s : e.stages)
      stages.push_back({{"name", s.name},
                        {"accelerator", s.accelerator},
                        {"gpu_hours", in_gpu_hours(s.gpu_time)},
                        {"power_basis", std::string(to_string(s.basis))},
                        {"watts_per_accelerator", in_watts_per_accelerator(s.power)},
                        {"kwh", in_kilowatt_hours(s.energy)},
                        {"provenance", prov(s.provenance)}});
    j["energy"] = {{"kwh", in_kilowatt_hours(e.total)},
                   {"pue", e.pue},
                   {"stages", std::move(stages)},
                   {"provenance", prov(e.provenance)}};
    if (e.energy_cost) {
      j["energy"]["usd_per_kwh"] = in_usd_per_kwh(*e.price);
      j["energy"]["energy_cost_usd"] = in_usd(*e.energy_cost);
    }
  }
  if (f.emissions) {
    nlohmann::ordered_json em = nlohmann::ordered_json::object();
    if (const auto& l = f.emissions->location_based)
      em["location_based"] = {{"kg_co2e_per_kwh", in_kg_co2e_per_kwh(l->intensity)},
                              {"tco2e", in_tonnes_co2e(l->total.amount)},
                              {"provenance", prov(l->provenance)}};
    if (const auto& m = f.emissions->market_based)
      em["market_based"] = {{"kg_co2e_per_kwh", in_kg_co2e_per_kwh(m->intensity)},
                            {"tco2e", in_tonnes_co2e(m->total.amount)},
                            {"provenance", prov(m->provenance)}};
    j["emissions"] = std::move(em);
  }
  if (f.failures) {
    const RunFailures& r = *f.failures;
    nlohmann::ordered_json stages = nlohmann::ordered_json::array();
    for (const auto& s : r.stages)
      stages.push_back({{"name", s.name},
                        {"failures_per_hour", in_failures_per_hour(s.outcome.job_rate)},
                        {"checkpoint_interval_hours", in_hours(s.outcome.interval)},
                        {"optimal_interval", s.outcome.optimal_interval},
                        {"goodput", s.outcome.goodput},
                        {"interruptions", in_interruptions(s.interruptions)},
                        {"lost_gpu_hours", in_gpu_hours(s.lost)},
                        {"wall_clock_hours", in_hours(s.wall_clock)},
                        {"lost_usd", in_usd(s.lost_cost)}});
    j["failures"] = {{"interruptions", in_interruptions(r.interruptions)},
                     {"goodput", r.goodput},
                     {"lost_gpu_hours", in_gpu_hours(r.lost)},
                     {"wall_clock_hours", in_hours(r.wall_clock)},
                     {"lost_usd", in_usd(r.lost_cost)},
                     {"usd_including_interruptions", in_usd(r.total)},
                     {"stages", std::move(stages)},
                     {"provenance", prov(r.provenance)}};
  }
  return j;
}

}  // namespace detail_footprint

}  // namespace traincost::io
