// The scenario reader: [fleet] / [[fleet]]: holdings, networks, facilities and operating
// assumptions.
#include "detail/relocate.hpp"
#include "detail/scenario_builder.hpp"

namespace traincost::io::detail_reader {

double ScenarioBuilder::non_negative(const toml::table& t, const std::string& path,
                                     std::string_view key, const std::string& what,
                                     double fallback) {
  if (const toml::node* n = t.get(key))
    return r_.non_negative(*n, path + "." + std::string(key), what);
  return fallback;
}

double ScenarioBuilder::share(const toml::node& n, const std::string& field) {
  const double v = r_.number(n, field, "a fraction in [0, 1)");
  return r_.checked(n, field, [&] { return traincost::detail::require_share(field, v); });
}

std::string ScenarioBuilder::kind_of(const toml::table& t, const std::string& path,
                                     std::initializer_list<std::string_view> kinds) {
  std::vector<std::string> names(kinds.begin(), kinds.end());
  const toml::node* k = r_.required(t, path, "kind", "one of: " + Reader::join(names));
  const std::string v = r_.string_value(*k, path + ".kind");
  for (const auto& n : names)
    if (n == v)
      return v;
  r_.fail_type(*k, path + ".kind", "one of: " + Reader::join(names));
}

// Ranges and programs find a fleet by its name (a fleet's inputs are rooted
// at it), so two fleets of one name would share their inputs' paths.
void ScenarioBuilder::unique_fleet_name(const toml::table& t, const std::string& path,
                                        const std::string& name) {
  for (const FleetScenario& other : s_.fleets) {
    if (other.fleet.name != name)
      continue;
    const toml::node* n = t.get("name");
    const std::string got = n ? Reader::describe(*n) : "no name (the default \"fleet\")";
    r_.fail(ErrorCode::invalid_input, n ? n->source() : t.source(), path + ".name",
            "got " + got + ", also the name of " + other.path,
            "a name used by one [[fleet]] table only");
  }
}

void ScenarioBuilder::fleet(const toml::table& t, const std::string& path) {
  r_.check_keys(
      t, path,
      {"name", "exchange_rate", "holdings", "network", "storage", "facility", "operating"});
  const std::size_t fi = s_.fleets.size();
  FleetSlot slot = [fi](Scenario& s) -> FleetScenario& { return s.fleets[fi]; };
  FleetScenario fs;
  fs.path = path;
  Fleet& f = fs.fleet;
  f.name = r_.optional_string(t, path, "name").value_or("fleet");
  unique_fleet_name(t, path, f.name);
  if (const toml::node* x = t.get("exchange_rate")) {
    const std::string xp = path + ".exchange_rate";
    const toml::table* xt = x->as_table();
    if (!xt)
      r_.fail_type(*x, xp, "a table { cny_per_usd = 7.2, source = \"...\" }");
    r_.check_keys(*xt, xp, {"cny_per_usd", "evidence", "source"});
    const double rate =
        r_.positive(*r_.required(*xt, xp, "cny_per_usd", "yuan per US dollar, e.g. 7.2"),
                    xp + ".cny_per_usd", "number of yuan per US dollar");
    f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(rate), r_.provenance(*xt, xp)};
  }
  const toml::node* hn = r_.required(t, path, "holdings", "[[fleet.holdings]] tables");
  const toml::array* ha = hn->as_array();
  if (!ha || ha->empty())
    r_.fail_type(*hn, path + ".holdings", "[[fleet.holdings]] tables, at least one");
  for (std::size_t i = 0; i < ha->size(); ++i) {
    const std::string hp = path + ".holdings[" + std::to_string(i) + "]";
    f.holdings.push_back(holding(*r_.table_at(*ha, i, hp), hp, slot, i,
                                 f.name + ".holdings[" + std::to_string(i) + "]"));
  }
  if (const toml::node* n = t.get("network")) {
    const std::string np = path + ".network";
    const toml::table* nt = n->as_table();
    if (!nt)
      r_.fail_type(*n, np, "a table { kind = \"share_of_cluster\", share = 0.19 }");
    r_.check_keys(*nt, np,
                  {"kind", "share", "usd_per_endpoint", "endpoints_per_accelerator", "usd",
                   "evidence", "source"});
    const std::string kind =
        kind_of(*nt, np, {"none", "share_of_cluster", "per_endpoint", "fixed"});
    const Provenance pv = r_.provenance(*nt, np);
    if (kind == "share_of_cluster")
      f.network = NetworkShareOfCluster{
          share(*r_.required(*nt, np, "share", "a fraction in [0, 1)"), np + ".share"), pv};
    else if (kind == "per_endpoint")
      f.network = NetworkPerEndpoint{
          usd(r_.positive(*r_.required(*nt, np, "usd_per_endpoint", "USD per endpoint"),
                          np + ".usd_per_endpoint", "cost in USD per endpoint")),
          r_.optional_positive(*nt, np, "endpoints_per_accelerator", "number of endpoints", 1.0),
          pv};
    else if (kind == "fixed")
      f.network = NetworkFixed{usd(r_.positive(*r_.required(*nt, np, "usd", "a total in USD"),
                                               np + ".usd", "amount in USD")),
                               pv};
  }
  if (const toml::node* n = t.get("storage")) {
    const std::string sp = path + ".storage";
    const toml::table* st = n->as_table();
    if (!st)
      r_.fail_type(*n, sp, "a table { kind = \"fixed\", usd = 1e7 }");
    r_.check_keys(*st, sp, {"kind", "share", "usd", "evidence", "source"});
    const std::string kind = kind_of(*st, sp, {"none", "share_of_servers", "fixed"});
    const Provenance pv = r_.provenance(*st, sp);
    if (kind == "share_of_servers")
      f.storage = StorageShareOfServers{
          share(*r_.required(*st, sp, "share", "a fraction in [0, 1)"), sp + ".share"), pv};
    else if (kind == "fixed")
      f.storage = StorageFixed{usd(r_.positive(*r_.required(*st, sp, "usd", "a total in USD"),
                                               sp + ".usd", "amount in USD")),
                               pv};
  }
  if (const toml::node* n = t.get("facility")) {
    const std::string fp = path + ".facility";
    const toml::table* ft = n->as_table();
    if (!ft)
      r_.fail_type(*n, fp, "a table { kind = \"colocated\", usd_per_kw_month = 150 }");
    r_.check_keys(*ft, fp, {"kind", "usd_per_megawatt", "usd_per_kw_month", "evidence", "source"});
    const std::string kind = kind_of(*ft, fp, {"none", "built", "colocated"});
    const Provenance pv = r_.provenance(*ft, fp);
    const std::size_t before = s_.uncertain.size();
    if (kind == "built")
      f.facility = FacilityBuilt{
          usd_per_megawatt(value_or_range(
              *r_.required(*ft, fp, "usd_per_megawatt", "a build cost in USD per MW"),
              fp + ".usd_per_megawatt", "cost in USD per MW", "USD per MW",
              [slot](Scenario& s, double x) {
                std::get<FacilityBuilt>(slot(s).fleet.facility).build_cost = usd_per_megawatt(x);
              })),
          pv};
    else if (kind == "colocated")
      f.facility = FacilityColocated{
          usd_per_kilowatt_month(value_or_range(
              *r_.required(*ft, fp, "usd_per_kw_month", "a price in USD per kW-month"),
              fp + ".usd_per_kw_month", "price in USD per kW-month", "USD per kW-month",
              [slot](Scenario& s, double x) {
                std::get<FacilityColocated>(slot(s).fleet.facility).colocation_price =
                    usd_per_kilowatt_month(x);
              })),
          pv};
    if (kind == "built")
      model_input(before, f.name + ".facility.build_cost", 1e-6);
    else if (kind == "colocated")
      model_input(before, f.name + ".facility.colocation_price",
                  1.0 / (1e3 * unit_scale::seconds_per_month));
  }
  if (const toml::node* n = t.get("operating"))
    fs.operating = operating(*n, path + ".operating", slot, f.name);
  // Cross-field rules (a yuan price needs an exchange rate ...): checked
  // now by the models themselves, placed at the fleet.
  std::string model_field;
  try {
    const FleetCapex capex = cost_fleet_capex(f);
    if (fs.operating)
      (void)cost_fleet_operating(f, capex, *fs.operating);
  } catch (const ScenarioError&) {
    throw;  // already placed in the file
  } catch (const Error& e) {
    const FieldPath field = detail_reader::rebase(e.field(), scenario_field(path), "fleet");
    throw ScenarioError(e, s_.file, locate(s_, field), field);
  }
  s_.fleets.push_back(std::move(fs));
}

Holding ScenarioBuilder::holding(const toml::table& t, const std::string& path, FleetSlot slot,
                                 std::size_t hi, const std::string& model_root) {
  r_.check_keys(t, path,
                {"label", "accelerator", "count", "year_bought", "price", "server_overhead",
                 "accelerators_per_server", "server_to_chip_power", "server_power_w", "tdp_w",
                 "evidence", "source"});
  Holding h;
  const toml::node* a = r_.required(t, path, "accelerator", "an accelerator name");
  h.accelerator = find_spec(*a, path + ".accelerator");
  h.label = t.contains("label") ? r_.nonempty_string(*t.get("label"), path + ".label")
                                : h.accelerator.name;
  h.count = accelerators(accelerator_count(
      *r_.required(t, path, "count", "a whole number of accelerators"), path + ".count"));
  if (const toml::node* y = t.get("year_bought"))
    h.year_bought = year(*y, path + ".year_bought");
  const Provenance pv = r_.provenance(t, path);
  // Price: one amount, in USD or CNY, per GPU or per server.
  const std::string pp = path + ".price";
  const toml::node* pn = r_.required(t, path, "price",
                                     "a table with one of usd_per_gpu, cny_per_gpu, "
                                     "usd_per_server, cny_per_server");
  const toml::table* pt = pn->as_table();
  if (!pt)
    r_.fail_type(*pn, pp, "a table { usd_per_gpu = 25000, source = \"...\" }");
  r_.check_keys(
      *pt, pp,
      {"usd_per_gpu", "cny_per_gpu", "usd_per_server", "cny_per_server", "evidence", "source"});
  const char* keys[] = {"usd_per_gpu", "cny_per_gpu", "usd_per_server", "cny_per_server"};
  int given = 0;
  for (const char* k : keys)
    given += pt->contains(k) ? 1 : 0;
  if (given != 1)
    r_.fail(ErrorCode::invalid_input, pt->source(), pp,
            given == 0 ? "missing an amount" : "got more than one amount",
            "exactly one of usd_per_gpu, cny_per_gpu, usd_per_server, cny_per_server");
  const Provenance price_pv = r_.provenance(*pt, pp);
  for (const char* k : keys) {
    const toml::node* v = pt->get(k);
    if (!v)
      continue;
    const std::string key(k);
    const bool in_cny = key.rfind("cny", 0) == 0;
    const bool per_server = key.find("server") != std::string::npos;
    auto make = [in_cny, per_server](double x, Provenance prov) {
      if (in_cny)
        return per_server ? UnitPrice::per_server(cny(x), std::move(prov))
                          : UnitPrice::per_gpu(cny(x), std::move(prov));
      return per_server ? UnitPrice::per_server(usd(x), std::move(prov))
                        : UnitPrice::per_gpu(usd(x), std::move(prov));
    };
    const std::size_t before = s_.uncertain.size();
    const double x =
        value_or_range(*v, pp + "." + key, in_cny ? "amount in yuan" : "amount in USD",
                       in_cny ? "CNY" : "USD", [slot, hi, make](Scenario& s, double val) {
                         Holding& target = slot(s).fleet.holdings[hi];
                         target.price = make(val, target.price.provenance);
                       });
    model_input(before, model_root + ".price", 1.0);
    // count x price is the capex: an overflow is refused at the price
    // the user wrote, not later as "holdings[0] (H800 SXM).capex: got inf".
    if (!std::isfinite(x * in_accelerators(h.count)))
      r_.fail(ErrorCode::invalid_value, v->source(), pp + "." + key,
              "got " + (v->is_number() ? r_.written(*v) : Reader::describe(*v)) + " for " +
                  Reader::describe(*t.get("count")) + " accelerators",
              "an amount whose product with the count is a finite number");
    h.price = make(x, price_pv);
  }
  if (const toml::node* o = t.get("server_overhead"))
    h.server_overhead = {r_.positive(*o, path + ".server_overhead", "server / GPU price ratio"),
                         pv};
  if (const toml::node* o = t.get("accelerators_per_server"))
    h.accelerators_per_server = r_.checked(*o, path + ".accelerators_per_server", [&] {
      return limits::require_accelerators_per_server(
          {}, r_.number(*o, path + ".accelerators_per_server", "accelerators per server"));
    });
  if (const toml::node* o = t.get("server_to_chip_power"))
    h.server_to_chip_power = {
        r_.positive(*o, path + ".server_to_chip_power", "server / chip power ratio"), pv};
  if (const toml::node* o = t.get("server_power_w"))
    h.server_power = Sourced<Power>{
        watts(r_.positive(*o, path + ".server_power_w", "server power in watts")), pv};
  if (const toml::node* o = t.get("tdp_w"))
    h.tdp = Sourced<PowerPerAccelerator>{
        watts_per_accelerator(r_.positive(*o, path + ".tdp_w", "TDP in watts")), pv};
  return h;
}

OperatingAssumptions ScenarioBuilder::operating(const toml::node& n, const std::string& path,
                                                FleetSlot slot, const std::string& fleet_name) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { years = 4, pue = 1.25, usd_per_kwh = 0.08 }");
  r_.check_keys(*t, path,
                {"years", "average_draw", "pue", "usd_per_kwh", "maintenance_share_per_year",
                 "staff_headcount", "staff_usd_per_person_year", "evidence", "source"});
  OperatingAssumptions a;
  const Provenance pv = r_.provenance(*t, path);
  a.period = years(r_.positive(*r_.required(*t, path, "years", "the ownership period in years"),
                               path + ".years", "number of years"));
  if (const toml::node* d = t->get("average_draw"))
    a.average_draw = {r_.unit_fraction(*d, path + ".average_draw"), pv};
  const std::string model_root = fleet_name + ".operating";
  if (const toml::node* p = t->get("pue")) {
    const std::size_t before = s_.uncertain.size();
    const double v = value_or_range(
        *p, path + ".pue", "PUE (facility / IT power)", "PUE",
        [slot](Scenario& s, double x) { slot(s).operating->pue.value = x; }, 1.0);
    model_input(before, model_root + ".pue", 1.0);
    if (v < 1.0)
      r_.fail(ErrorCode::invalid_value, p->source(), path + ".pue",
              "got " + traincost::detail::format_value(v),
              "a PUE of at least 1 (facility power over IT power)");
    a.pue = {v, pv};
  }
  if (const toml::node* e = t->get("usd_per_kwh")) {
    const std::size_t before = s_.uncertain.size();
    a.electricity = {
        usd_per_kwh(value_or_range(*e, path + ".usd_per_kwh", "price in USD per kWh", "USD per kWh",
                                   [slot](Scenario& s, double x) {
                                     slot(s).operating->electricity.value = usd_per_kwh(x);
                                   })),
        pv};
    model_input(before, model_root + ".electricity", 1.0 / unit_scale::joules_per_kwh);
  }
  if (const toml::node* m = t->get("maintenance_share_per_year")) {
    const std::size_t before = s_.uncertain.size();
    const double v = value_or_range(
        *m, path + ".maintenance_share_per_year", "share of capex per year",
        "share of capex per year",
        [slot](Scenario& s, double x) { slot(s).operating->maintenance_share_per_year.value = x; },
        0.0, 1.0);
    model_input(before, model_root + ".maintenance_share_per_year", 1.0);
    a.maintenance_share_per_year = {r_.checked(*m, path + ".maintenance_share_per_year",
                                               [&] {
                                                 return traincost::detail::require_share(
                                                     path + ".maintenance_share_per_year", v);
                                               }),
                                    pv};
  }
  const toml::node* hc = t->get("staff_headcount");
  const toml::node* sc = t->get("staff_usd_per_person_year");
  if ((hc != nullptr) != (sc != nullptr))
    r_.fail(ErrorCode::invalid_input, (hc ? hc : sc)->source(), path + ".staff",
            "got only one of staff_headcount, staff_usd_per_person_year", "both, or neither");
  if (hc)
    a.staff = FleetStaff{people(r_.positive(*hc, path + ".staff_headcount", "number of people")),
                         {usd_per_person_year(r_.positive(*sc, path + ".staff_usd_per_person_year",
                                                          "cost in USD per person-year")),
                          pv}};
  return a;
}

}  // namespace traincost::io::detail_reader
