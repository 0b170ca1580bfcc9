// The scenario reader: [program]: runs, research, data work, staff and the fleet allocation.
#include "detail/relocate.hpp"
#include "detail/scenario_builder.hpp"

namespace traincost::io::detail_reader {

std::size_t ScenarioBuilder::run_index(const toml::node& n, const std::string& field) {
  const std::string name = r_.nonempty_string(n, field);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < s_.runs.size(); ++i) {
    if (s_.runs[i].name == name)
      return i;
    names.push_back("\"" + s_.runs[i].name + "\"");
  }
  r_.fail(ErrorCode::unknown_name, n.source(), field, "got " + Reader::describe(n),
          names.empty() ? std::string("a run of this file, but it has no [run]")
                        : "the name of a run of this file: " + Reader::join(names));
}

void ScenarioBuilder::program(const toml::table& t, const std::string& path) {
  r_.check_keys(t, path,
                {"name", "basis", "runs", "research", "data", "staff", "fleet", "fleet_cost",
                 "share", "evidence", "source"});
  const std::size_t pi = s_.programs.size();
  ProgramSlot slot = [pi](Scenario& s) -> ProgramScenario& { return s.programs[pi]; };
  ProgramScenario ps;
  ps.path = path;
  ps.name = r_.optional_string(t, path, "name").value_or("program");
  if (const toml::node* b = t.get("basis")) {
    const std::string v = r_.string_value(*b, path + ".basis");
    if (v == "fleet_allocation")
      ps.basis = ComputeBasis::fleet_allocation;
    else if (v != "rental_equivalent")
      r_.fail_type(*b, path + ".basis", "one of: rental_equivalent, fleet_allocation");
  }
  if (ps.basis == ComputeBasis::fleet_allocation) {
    // The program pays a share of one of the file's fleets; its runs,
    // research and data generation are uses of that time.
    const toml::node* fn =
        r_.required(t, path, "fleet", "the name of a [fleet] of this file, whose cost is shared");
    const std::string name = r_.nonempty_string(*fn, path + ".fleet");
    std::vector<std::string> names;
    for (std::size_t i = 0; i < s_.fleets.size(); ++i) {
      if (s_.fleets[i].fleet.name == name)
        ps.fleet = i;
      names.push_back("\"" + s_.fleets[i].fleet.name + "\"");
    }
    if (!ps.fleet)
      r_.fail(ErrorCode::unknown_name, fn->source(), path + ".fleet",
              "got " + Reader::describe(*fn),
              names.empty() ? std::string("a fleet of this file, but it has no [fleet]")
                            : "the name of a fleet of this file: " + Reader::join(names));
    if (!s_.fleets[*ps.fleet].operating)
      r_.fail(ErrorCode::invalid_input, fn->source(), path + ".fleet",
              "got a fleet without [fleet.operating]",
              "operating assumptions on the fleet: their period sets the time that is shared");
    if (const toml::node* c = t.get("fleet_cost")) {
      const std::string v = r_.string_value(*c, path + ".fleet_cost");
      if (v == "capex")
        ps.fleet_cost = Scope::fleet_capex;
      else if (v == "operating")
        ps.fleet_cost = Scope::fleet_operating;
      else if (v != "tco")
        r_.fail_type(*c, path + ".fleet_cost", "one of: tco, capex, operating");
    }
    const std::size_t before = s_.uncertain.size();
    const double share = value_or_range(
        *r_.required(t, path, "share", "the program's share of the fleet's time, in (0, 1]"),
        path + ".share", "share of the fleet's time", "share",
        [slot](Scenario& s, double x) { slot(s).share.value = x; });
    model_input(before, ps.name + ".fleet.share", 1.0);
    ps.share = {
        r_.checked(
            *t.get("share"), path + ".share",
            [&] { return traincost::detail::require_unit_fraction(path + ".share", share); }),
        r_.provenance(t, path)};
  } else {
    for (const char* k : {"fleet", "fleet_cost", "share"})
      if (const toml::node* n = t.get(k))
        r_.fail(ErrorCode::invalid_input, n->source(), path + "." + k,
                "got a fleet key with basis rental_equivalent",
                "basis = \"fleet_allocation\" beside it (a rented program shares no fleet)");
  }
  if (const toml::node* rn = t.get("runs")) {
    const toml::array* ra = rn->as_array();
    if (!ra)
      r_.fail_type(*rn, path + ".runs", "an array of run names");
    for (std::size_t i = 0; i < ra->size(); ++i)
      ps.runs.push_back(run_index(*ra->get(i), path + ".runs[" + std::to_string(i) + "]"));
  } else {
    for (std::size_t i = 0; i < s_.runs.size(); ++i)
      ps.runs.push_back(i);
  }
  if (const toml::node* rn = t.get("research")) {
    const toml::array* ra = rn->as_array();
    if (!ra)
      r_.fail_type(*rn, path + ".research", "[[program.research]] tables");
    for (std::size_t k = 0; k < ra->size(); ++k) {
      const std::string rp = path + ".research[" + std::to_string(k) + "]";
      const std::string model_item = ps.name + ".research[" + std::to_string(k) + "]";
      const toml::table& rt = *r_.table_at(*ra, k, rp);
      r_.check_keys(
          rt, rp,
          {"name", "run", "multiplier", "cluster", "price", "experiments", "evidence", "source"});
      ResearchScenario rs;
      rs.name = r_.optional_string(rt, rp, "name").value_or("research");
      const bool by_multiplier = rt.contains("multiplier");
      if (by_multiplier == rt.contains("experiments"))
        r_.fail(ErrorCode::invalid_input, rt.source(), rp,
                by_multiplier ? "got both multiplier and experiments" : "got neither",
                "a multiplier (with run) or [[experiments]] (with cluster and price)");
      if (by_multiplier) {
        rs.run =
            run_index(*r_.required(rt, rp, "run", "the name of a run of this file"), rp + ".run");
        const toml::node* m = rt.get("multiplier");
        const std::size_t before = s_.uncertain.size();
        const double v = value_or_range(
            *m, rp + ".multiplier", "total-to-final-run compute ratio", "ratio",
            [slot, k](Scenario& s, double x) { slot(s).research[k].multiplier.value = x; }, 1.0);
        model_input(before, model_item + ".multiplier", 1.0);
        if (v < 1.0)
          r_.fail(ErrorCode::invalid_value, m->source(), rp + ".multiplier",
                  "got " + traincost::detail::format_value(v),
                  "a total-to-final-run compute ratio >= 1 (Epoch AI's range: 1.2 to 4)");
        rs.multiplier = {v, r_.provenance(rt, rp)};
      } else {
        ExperimentLedger ledger{
            rs.name,
            cluster(*r_.required(rt, rp, "cluster", "a cluster table"), rp + ".cluster"),
            price(
                *r_.required(rt, rp, "price", "a price table"), rp + ".price",
                [slot, k](Scenario& s) -> Sourced<GpuTimePrice>& {
                  return slot(s).research[k].ledger->price;
                },
                model_item + ".price"),
            {}};
        for (Stage& st : plain_stages(
                 *rt.get("experiments"), rp + ".experiments",
                 [slot, k](Scenario&s, std::size_t j) -> Stage& {
                   return slot(s).research[k].ledger->experiments[j].stage;
                 },
                 model_item))
          ledger.experiments.push_back(Experiment{ExperimentKind::other, std::move(st)});
        rs.ledger = std::move(ledger);
      }
      ps.research.push_back(std::move(rs));
    }
  }
  if (const toml::node* dn = t.get("data")) {
    const toml::array* da = dn->as_array();
    if (!da)
      r_.fail_type(*dn, path + ".data", "[[program.data]] tables");
    for (std::size_t k = 0; k < da->size(); ++k) {
      const std::string dp = path + ".data[" + std::to_string(k) + "]";
      const std::string model_item = ps.name + ".data[" + std::to_string(k) + "]";
      const toml::table& dt = *r_.table_at(*da, k, dp);
      r_.check_keys(dt, dp, {"name", "cluster", "price", "generation", "purchases"});
      DataWork w;
      w.name = r_.optional_string(dt, dp, "name").value_or("data");
      if (const toml::node* c = dt.get("cluster"))
        w.cluster = cluster(*c, dp + ".cluster");
      if (const toml::node* p = dt.get("price"))
        w.price = price(
            *p, dp + ".price",
            [slot, k](Scenario& s) -> Sourced<GpuTimePrice>& { return *slot(s).data[k].price; },
            model_item + ".price");
      if (const toml::node* g = dt.get("generation")) {
        if (!w.cluster || !w.price)
          r_.fail(ErrorCode::invalid_input, g->source(), dp + ".generation",
                  "got generation stages without a cluster and a price",
                  "cluster and price tables beside them");
        w.generation = plain_stages(
            *g, dp + ".generation",
            [slot, k](Scenario& s, std::size_t j) -> Stage& {
              return slot(s).data[k].generation[j];
            },
            model_item);
      }
      if (const toml::node* pn = dt.get("purchases")) {
        const toml::array* pa = pn->as_array();
        if (!pa)
          r_.fail_type(*pn, dp + ".purchases", "an array of { name, usd, source } tables");
        for (std::size_t j = 0; j < pa->size(); ++j) {
          const std::string pp = dp + ".purchases[" + std::to_string(j) + "]";
          const toml::table& pt = *r_.table_at(*pa, j, pp);
          r_.check_keys(pt, pp, {"name", "usd", "evidence", "source"});
          const std::size_t before = s_.uncertain.size();
          const double amount =
              value_or_range(*r_.required(pt, pp, "usd", "an amount in USD"), pp + ".usd",
                             "amount in USD", "USD", [slot, k, j](Scenario& s, double x) {
                               slot(s).data[k].purchases[j].amount.value = usd(x);
                             });
          model_input(before, model_item + ".purchases[" + std::to_string(j) + "].amount", 1.0);
          w.purchases.push_back(
              DataPurchase{r_.optional_string(pt, pp, "name").value_or("purchase"),
                           {usd(amount), r_.provenance(pt, pp)}});
        }
      }
      if (w.generation.empty() && w.purchases.empty())
        r_.fail(ErrorCode::invalid_input, dt.source(), dp, "nothing to cost",
                "generation stages or purchases");
      ps.data.push_back(std::move(w));
    }
  }
  if (const toml::node* sn = t.get("staff")) {
    const toml::array* sa = sn->as_array();
    if (!sa)
      r_.fail_type(*sn, path + ".staff", "[[program.staff]] tables");
    for (std::size_t k = 0; k < sa->size(); ++k) {
      const std::string gp = path + ".staff[" + std::to_string(k) + "]";
      const std::string model_item = ps.name + ".staff[" + std::to_string(k) + "]";
      const toml::table& gt = *r_.table_at(*sa, k, gp);
      r_.check_keys(
          gt, gp,
          {"name", "headcount", "usd_per_person_year", "overhead", "years", "evidence", "source"});
      const Provenance pv = r_.provenance(gt, gp);
      StaffGroup g;
      g.name = r_.optional_string(gt, gp, "name").value_or("staff");
      std::size_t before = s_.uncertain.size();
      g.headcount = {people(value_or_range(*r_.required(gt, gp, "headcount", "a number of people"),
                                           gp + ".headcount", "number of people", "people",
                                           [slot, k](Scenario& s, double x) {
                                             slot(s).staff[k].headcount.value = people(x);
                                           })),
                     pv};
      model_input(before, model_item + ".headcount", 1.0);
      before = s_.uncertain.size();
      g.salary = {
          usd_per_person_year(value_or_range(
              *r_.required(gt, gp, "usd_per_person_year", "a cost per person-year"),
              gp + ".usd_per_person_year", "cost in USD per person-year", "USD per person-year",
              [slot, k](Scenario& s, double x) {
                slot(s).staff[k].salary.value = usd_per_person_year(x);
              })),
          pv};
      model_input(before, model_item + ".salary", 1.0 / unit_scale::seconds_per_year);
      double overhead = 1.0;
      if (const toml::node* o = gt.get("overhead")) {
        before = s_.uncertain.size();
        overhead = value_or_range(
            *o, gp + ".overhead", "loaded cost / salary ratio", "ratio",
            [slot, k](Scenario& s, double x) { slot(s).staff[k].overhead.value = x; }, 1.0);
        model_input(before, model_item + ".overhead", 1.0);
        if (overhead < 1.0)
          r_.fail(ErrorCode::invalid_value, o->source(), gp + ".overhead",
                  "got " + traincost::detail::format_value(overhead),
                  "a loaded-cost ratio >= 1 (Epoch AI: 1.25 to 1.4)");
      }
      g.overhead = {overhead, pv};
      before = s_.uncertain.size();
      g.period = {years(value_or_range(*r_.required(gt, gp, "years", "a period in years"),
                                       gp + ".years", "number of years", "years",
                                       [slot, k](Scenario& s, double x) {
                                         slot(s).staff[k].period.value = years(x);
                                       })),
                  pv};
      model_input(before, model_item + ".period", unit_scale::seconds_per_year);
      ps.staff.push_back(std::move(g));
    }
  }
  if (ps.runs.empty() && ps.research.empty() && ps.data.empty() && ps.staff.empty())
    r_.fail(ErrorCode::invalid_input, t.source(), path, "nothing to cost",
            "runs, research, data or staff");
  s_.programs.push_back(std::move(ps));
  // Everything the program models check (an empty ledger ...), placed here.
  try {
    (void)cost_program(program_of(s_, s_.programs.back()));
  } catch (const ScenarioError&) {
    throw;  // already placed in the file
  } catch (const Error& e) {
    // The program model names its fields from "program"; the allocation's
    // share is the file's `share` key.
    FieldPath field = detail_reader::rebase(e.field(), scenario_field(path), "program");
    const auto& own = e.field().segments();
    if (own.size() == 3 && own[0].key == "program" && own[1].key == "fleet" &&
        own[2].key == "share")
      field = scenario_field(path).key("share");
    throw ScenarioError(e, s_.file, locate(s_, field), field);
  }
}

}  // namespace traincost::io::detail_reader
