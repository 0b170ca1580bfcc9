// The scenario reader: [run.energy], [run.emissions] and [run.failures] — a
// run's energy, emissions and interruptions (docs/scenarios.md). Any number
// may be a range: `estimate` uses its median, `simulate` and `sensitivity`
// draw it (run/footprint_model.hpp).
#include "detail/scenario_builder.hpp"

#include "traincost/run/grid_intensity.hpp"

namespace traincost::io::detail_reader {

namespace {

FailureRateSpec& rate_of(Scenario& s, std::size_t ri) {
  return s.footprints[ri].failures->rate;
}

}  // namespace

void ScenarioBuilder::run_footprint(const toml::table& t, const std::string& path, std::size_t ri,
                                    const std::string& run_name) {
  if (s_.footprints.size() <= ri)
    s_.footprints.resize(ri + 1);
  RunFootprintInputs& f = s_.footprints[ri];
  // A range's model path names the input under the run, in the unit it is
  // written in: a simulation draws it through run/footprint_model.hpp.
  auto range_input = [&](std::size_t before, const std::string& key) {
    model_input(before, run_name + "." + key, 1.0);
  };

  if (const toml::node* n = t.get("energy")) {
    const std::string ep = path + ".energy";
    const toml::table* et = n->as_table();
    if (!et)
      r_.fail_type(*n, ep, "a table { power = \"catalog_tdp\", pue = 1.1 }");
    r_.check_keys(*et, ep,
                  {"power", "watts_per_accelerator", "server_multiplier", "average_fraction", "pue",
                   "usd_per_kwh", "stages", "evidence", "source"});
    EnergyInputs e;
    const Provenance p = r_.provenance(*et, ep);
    std::string basis = et->contains("watts_per_accelerator") ? "measured" : "catalog_tdp";
    if (const toml::node* b = et->get("power"))
      basis = r_.string_value(*b, ep + ".power");
    if (basis == "measured") {
      std::size_t before = s_.uncertain.size();
      const double w = value_or_range(
          *r_.required(*et, ep, "watts_per_accelerator", "a power per accelerator in W"),
          ep + ".watts_per_accelerator", "power in W", "W", [ri](Scenario& s, double x) {
            s.footprints[ri].energy->power.stated->value = watts_per_accelerator(x);
          });
      range_input(before, "energy.watts_per_accelerator");
      e.power = PowerDraw::measured(sourced(watts_per_accelerator(w), p));
    } else if (basis == "server_model") {
      std::size_t before = s_.uncertain.size();
      const double m = value_or_range(
          *r_.required(*et, ep, "server_multiplier", "a server-to-chip power ratio, e.g. 1.82"),
          ep + ".server_multiplier", "ratio", "x chip power", [ri](Scenario& s, double x) {
            s.footprints[ri].energy->power.server_multiplier.value = x;
          });
      range_input(before, "energy.server_multiplier");
      before = s_.uncertain.size();
      const double a = value_or_range(
          *r_.required(*et, ep, "average_fraction", "an average draw as a fraction of TDP"),
          ep + ".average_fraction", "fraction of TDP", "of TDP",
          [ri](Scenario& s, double x) {
            s.footprints[ri].energy->power.average_fraction.value = x;
          },
          0.0, 1.0 + 1e-12);
      range_input(before, "energy.average_fraction");
      e.power = PowerDraw::server_model(sourced(m, p), sourced(a, p));
    } else if (basis != "catalog_tdp") {
      r_.fail(ErrorCode::invalid_value, et->get("power")->source(), ep + ".power",
              "got \"" + basis + "\"", "one of: catalog_tdp, measured, server_model");
    }
    if (const toml::node* pn = et->get("pue")) {
      const std::size_t before = s_.uncertain.size();
      const double pue = value_or_range(
          *pn, ep + ".pue", "PUE", "PUE",
          [ri](Scenario& s, double x) { s.footprints[ri].energy->pue.value = x; }, 1.0);
      range_input(before, "energy.pue");
      e.pue = sourced(pue, p);
    } else {
      e.pue = sourced(1.0, assumed("PUE 1 (not stated in scenario " + s_.file + ")"));
    }
    if (const toml::node* pr = et->get("usd_per_kwh")) {
      const std::size_t before = s_.uncertain.size();
      const double price = value_or_range(
          *pr, ep + ".usd_per_kwh", "price in USD per kWh", "USD per kWh",
          [ri](Scenario& s, double x) { s.footprints[ri].energy->price->value = usd_per_kwh(x); });
      range_input(before, "energy.usd_per_kwh");
      e.price = sourced(usd_per_kwh(price), p);
    }
    if (const toml::node* st = et->get("stages")) {
      const toml::array* arr = st->as_array();
      if (!arr)
        r_.fail_type(*st, ep + ".stages",
                     "[[run.energy.stages]] tables { name, watts_per_accelerator }");
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string sp = ep + ".stages[" + std::to_string(i) + "]";
        const toml::table* o = r_.table_at(*arr, i, sp);
        r_.check_keys(*o, sp, {"name", "watts_per_accelerator", "evidence", "source"});
        const std::string name =
            r_.nonempty_string(*r_.required(*o, sp, "name", "the name of a stage"), sp + ".name");
        const std::size_t before = s_.uncertain.size();
        const double w = value_or_range(
            *r_.required(*o, sp, "watts_per_accelerator", "a power per accelerator in W"),
            sp + ".watts_per_accelerator", "power in W", "W", [ri, i](Scenario& s, double x) {
              s.footprints[ri].energy->stage_power[i].second.stated->value =
                  watts_per_accelerator(x);
            });
        range_input(before, "energy.stages[" + std::to_string(i) + "].watts_per_accelerator");
        e.stage(name,
                PowerDraw::measured(sourced(watts_per_accelerator(w), r_.provenance(*o, sp))));
      }
    }
    f.energy = std::move(e);
  }

  if (const toml::node* n = t.get("emissions")) {
    const std::string mp = path + ".emissions";
    const toml::table* mt = n->as_table();
    if (!mt)
      r_.fail_type(*n, mp, "a table { grid = \"france\", grid_year = 2023 }");
    r_.check_keys(*mt, mp,
                  {"grid", "grid_year", "location_based_kg_per_kwh", "market_based_kg_per_kwh",
                   "evidence", "source"});
    EmissionsInputs e;
    const Provenance p = r_.provenance(*mt, mp);
    // An intensity may be zero (matched renewables): a number is read as
    // non-negative; a range must be positive.
    auto intensity = [&](const toml::node& v, const std::string& field, const std::string& key,
                         std::function<void(Scenario&, double)> apply) {
      if (v.is_number())
        return r_.non_negative(v, field, "intensity in kg CO2e per kWh");
      const std::size_t before = s_.uncertain.size();
      const double x =
          value_or_range(v, field, "intensity in kg CO2e per kWh", "kg CO2e per kWh", apply);
      range_input(before, "emissions." + key);
      return x;
    };
    const toml::node* grid = mt->get("grid");
    const toml::node* loc = mt->get("location_based_kg_per_kwh");
    if (grid && loc)
      r_.fail(ErrorCode::invalid_input, loc->source(), mp + ".location_based_kg_per_kwh",
              "got both grid and location_based_kg_per_kwh",
              "one location-based intensity: a grid of the table, or a stated value");
    if (grid) {
      const std::string region = r_.string_value(*grid, mp + ".grid");
      const int year = static_cast<int>(r_.whole_in_range(
          *r_.required(*mt, mp, "grid_year", "the year of the grid's intensity, e.g. 2023"),
          mp + ".grid_year", 1990, 2100, "a year"));
      // The table's error names "emissions.grid"; placed at this table's "grid".
      e.location_based = r_.checked_value(
          *grid, mp, [&] { return grid_intensity(region, year, "emissions.grid"); });
    } else if (loc) {
      const double v = intensity(*loc, mp + ".location_based_kg_per_kwh",
                                 "location_based_kg_per_kwh", [ri](Scenario& s, double x) {
                                   s.footprints[ri].emissions->location_based->value =
                                       kg_co2e_per_kwh(x);
                                 });
      e.location_based = sourced(kg_co2e_per_kwh(v), p);
    }
    if (const toml::node* m = mt->get("market_based_kg_per_kwh")) {
      const double v = intensity(*m, mp + ".market_based_kg_per_kwh", "market_based_kg_per_kwh",
                                 [ri](Scenario& s, double x) {
                                   s.footprints[ri].emissions->market_based->value =
                                       kg_co2e_per_kwh(x);
                                 });
      e.market_based = sourced(kg_co2e_per_kwh(v), p);
    }
    if (!e.location_based && !e.market_based)
      r_.fail(ErrorCode::invalid_input, mt->source(), mp, "got no intensity",
              "grid (with grid_year), location_based_kg_per_kwh or market_based_kg_per_kwh");
    f.emissions = std::move(e);
  }

  if (const toml::node* n = t.get("failures")) {
    const std::string fp = path + ".failures";
    const toml::table* ft = n->as_table();
    if (!ft)
      r_.fail_type(*n, fp, "a table { per_accelerator_hour = 2e-5, checkpoint_write_minutes = 1 }");
    r_.check_keys(*ft, fp,
                  {"per_accelerator_hour", "mtbf_hours", "node_mtbf_hours", "accelerators_per_node",
                   "checkpoint_interval_hours", "checkpoint_write_minutes", "restart_minutes",
                   "evidence", "source"});
    FailureInputs in;
    in.provenance = r_.provenance(*ft, fp);
    f.failures = in;  // the range setters below write into it
    const toml::node* pa = ft->get("per_accelerator_hour");
    const toml::node* ma = ft->get("mtbf_hours");
    const toml::node* mn = ft->get("node_mtbf_hours");
    const int forms = (pa ? 1 : 0) + (ma ? 1 : 0) + (mn ? 1 : 0);
    if (forms != 1)
      r_.fail(ErrorCode::invalid_input, ft->source(), fp + ".per_accelerator_hour",
              forms == 0 ? "missing" : "got more than one failure rate",
              "one of per_accelerator_hour, mtbf_hours, node_mtbf_hours");
    std::size_t before = s_.uncertain.size();
    if (pa) {
      const double r = value_or_range(
          *pa, fp + ".per_accelerator_hour", "failure rate per accelerator-hour",
          "failures per accelerator-hour", [ri](Scenario& s, double x) {
            rate_of(s, ri).form = FailureRateSpec::PerAccelerator{failures_per_accelerator_hour(x)};
          });
      range_input(before, "failures.per_accelerator_hour");
      in.rate = FailureRateSpec::per_accelerator(failures_per_accelerator_hour(r), in.provenance);
    } else if (ma) {
      const double h = value_or_range(
          *ma, fp + ".mtbf_hours", "number of hours", "hours", [ri](Scenario& s, double x) {
            rate_of(s, ri).form = FailureRateSpec::MtbfPerAccelerator{hours(x)};
          });
      range_input(before, "failures.mtbf_hours");
      in.rate = FailureRateSpec::mtbf_per_accelerator(hours(h), in.provenance);
    } else {
      const double per_node =
          ft->contains("accelerators_per_node")
              ? r_.whole_in_range(*ft->get("accelerators_per_node"), fp + ".accelerators_per_node",
                                  1, 1024, "a whole number of accelerators")
              : 8.0;
      const double h =
          value_or_range(*mn, fp + ".node_mtbf_hours", "number of hours", "hours",
                         [ri, per_node](Scenario& s, double x) {
                           rate_of(s, ri).form = FailureRateSpec::MtbfPerNode{hours(x), per_node};
                         });
      range_input(before, "failures.node_mtbf_hours");
      in.rate = FailureRateSpec::mtbf_per_node(hours(h), per_node, in.provenance);
    }
    if (const toml::node* ci = ft->get("checkpoint_interval_hours")) {
      before = s_.uncertain.size();
      const double h = value_or_range(*ci, fp + ".checkpoint_interval_hours", "number of hours",
                                      "hours", [ri](Scenario& s, double x) {
                                        s.footprints[ri].failures->checkpoint_interval = hours(x);
                                      });
      range_input(before, "failures.checkpoint_interval_hours");
      in.checkpoint_interval = hours(h);
    }
    auto minutes = [&](std::string_view key, std::function<void(FailureInputs&, Duration)> set) {
      const std::string field = fp + "." + std::string(key);
      const toml::node* m = ft->get(key);
      if (!m)
        return seconds(0);
      if (m->is_number())
        return seconds(60.0 * r_.non_negative(*m, field, "number of minutes"));
      const std::size_t b = s_.uncertain.size();
      const double v = value_or_range(
          *m, field, "number of minutes", "minutes",
          [ri, set](Scenario& s, double x) { set(*s.footprints[ri].failures, seconds(60.0 * x)); });
      range_input(b, "failures." + std::string(key));
      return seconds(60.0 * v);
    };
    in.checkpoint_write = minutes("checkpoint_write_minutes",
                                  [](FailureInputs& x, Duration d) { x.checkpoint_write = d; });
    in.restart = minutes("restart_minutes", [](FailureInputs& x, Duration d) { x.restart = d; });
    if (!in.checkpoint_interval && !(in_seconds(in.checkpoint_write) > 0.0))
      r_.fail(ErrorCode::invalid_input, ft->source(), fp + ".checkpoint_write_minutes",
              "missing or zero",
              "a positive checkpoint write time (the optimal interval trades it against failures), "
              "or a checkpoint_interval_hours");
    f.failures = std::move(in);
  }
}

}  // namespace traincost::io::detail_reader
