// The scenario reader: [run] / [[run]]: training runs, their stages, prices and workloads.
#include "detail/scenario_builder.hpp"

namespace traincost::io::detail_reader {

void ScenarioBuilder::unique_run_name(const toml::table& t, const std::string& path) {
  const toml::node* n = t.get("name");
  if (!n)
    return;
  for (std::size_t j = 0; j + 1 < s_.runs.size(); ++j) {
    if (s_.runs[j].name != s_.runs.back().name)
      continue;
    const Location first = locate(s_, s_.run_paths[j] + ".name");
    r_.fail(ErrorCode::invalid_input, n->source(), path + ".name",
            "got " + Reader::describe(*n) + ", also the name of " + s_.run_paths[j] + " (line " +
                std::to_string(first.line) + ", column " + std::to_string(first.column) + ")",
            "a name used by one [[run]] table only");
  }
}

Sourced<GpuTimePrice> ScenarioBuilder::price(const toml::node& n, const std::string& path,
                                             PriceSlot slot, const std::string& model_path) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { usd_per_gpu_hour = 2.0, source = \"...\" }");
  r_.check_keys(*t, path, {"usd_per_gpu_hour", "evidence", "source"});
  const toml::node* v =
      r_.required(*t, path, "usd_per_gpu_hour", "a positive price in USD per GPU-hour");
  const std::size_t before = s_.uncertain.size();
  const double p = value_or_range(
      *v, path + ".usd_per_gpu_hour", "price in USD per GPU-hour", "USD per GPU-hour",
      [slot](Scenario& s, double x) { slot(s).value = usd_per_gpu_hour(x); });
  model_input(before, model_path, 1.0 / unit_scale::seconds_per_hour);
  return {usd_per_gpu_hour(p), r_.provenance(*t, path)};
}

Workload ScenarioBuilder::workload(const toml::node& n, const std::string& path, WorkloadSlot slot,
                                   const std::string& model_stage) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { total_parameters, active_parameters, training_tokens }");
  r_.check_keys(*t, path,
                {"name", "total_parameters", "active_parameters", "training_tokens",
                 "flop_per_token", "attention", "training_precision", "evidence", "source"});
  Workload w;
  w.name = r_.optional_string(*t, path, "name").value_or("workload");
  const double total =
      r_.positive(*r_.required(*t, path, "total_parameters", "a positive number of parameters"),
                  path + ".total_parameters", "number of parameters");
  w.total_parameters = parameters(total);
  w.active_parameters = parameters(total);
  if (const toml::node* a = t->get("active_parameters")) {
    const std::size_t before = s_.uncertain.size();
    w.active_parameters = parameters(value_or_range(
        *a, path + ".active_parameters", "number of parameters", "parameters",
        [slot](Scenario& s, double x) { slot(s).workload.active_parameters = parameters(x); }));
    model_input(before, model_stage + ".active_parameters", 1.0);
  }
  const std::size_t before = s_.uncertain.size();
  w.training_tokens = tokens(value_or_range(
      *r_.required(*t, path, "training_tokens", "a positive number of tokens"),
      path + ".training_tokens", "number of tokens", "tokens",
      [slot](Scenario& s, double x) { slot(s).workload.training_tokens = tokens(x); }));
  model_input(before, model_stage + ".training_tokens", 1.0);
  w.provenance = r_.provenance(*t, path);
  if (const toml::node* f = t->get("flop_per_token")) {
    if (t->contains("attention"))
      r_.fail(ErrorCode::invalid_input, f->source(), path + ".flop_per_token",
              "got both flop_per_token and attention",
              "one way to obtain FLOP per token: a stated figure, or the attention shape");
    const double v = r_.positive(*f, path + ".flop_per_token", "number of FLOP per token");
    w.flop_rule = FlopPerTokenRule::stated(flop_per_token(v), w.provenance);
  } else if (const toml::node* a = t->get("attention")) {
    const std::string apath = path + ".attention";
    const toml::table* at = a->as_table();
    if (!at)
      r_.fail_type(*a, apath, "a table { layers, width, sequence_length, mask }");
    r_.check_keys(*at, apath, {"layers", "width", "sequence_length", "mask"});
    AttentionShape shape;
    shape.layers =
        r_.whole_in_range(*r_.required(*at, apath, "layers", "a number of layers"),
                          apath + ".layers", 1, limits::max_layers, "a whole number of layers");
    shape.attention_width = r_.whole_in_range(
        *r_.required(*at, apath, "width", "the attention width"), apath + ".width", 1,
        limits::max_attention_width, "a whole number of channels");
    shape.sequence_length = tokens(
        r_.positive(*r_.required(*at, apath, "sequence_length", "a sequence length in tokens"),
                    apath + ".sequence_length", "number of tokens"));
    if (const toml::node* m = at->get("mask")) {
      const std::string v = r_.string_value(*m, apath + ".mask");
      if (v == "causal")
        shape.mask = AttentionMask::causal;
      else if (v == "full")
        shape.mask = AttentionMask::full;
      else
        r_.fail_type(*m, apath + ".mask", "one of: full, causal");
    }
    w.flop_rule = FlopPerTokenRule::six_n_plus_attention(shape);
  }
  if (const toml::node* p = t->get("training_precision"))
    w.training_precision = precision(*p, path + ".training_precision");
  // active <= total and the rest: checked here, placed at the table.
  const toml::node* at = t->get("active_parameters");
  r_.checked_value(at ? *at : static_cast<const toml::node&>(*t), path, [&] {
    validate(w);
    return 0;
  });
  return w;
}

Stage ScenarioBuilder::stage(const toml::table& t, const std::string& path, StageSlot slot,
                             const Cluster& run_cluster, const std::string& model_stage) {
  r_.check_keys(t, path,
                {"name", "kind", "gpu_hours", "wall_clock_hours", "wall_clock_days", "workload",
                 "throughput", "evidence", "source", "cluster", "price"});
  Stage st;
  st.name = r_.nonempty_string(*r_.required(t, path, "name", "a stage name"), path + ".name");
  if (const toml::node* k = t.get("kind")) {
    const std::string v = r_.string_value(*k, path + ".kind");
    auto kind = parse_stage_kind(v);
    if (!kind)
      r_.fail(ErrorCode::invalid_value, k->source(), path + ".kind", "got " + Reader::describe(*k),
              "one of: " + Reader::join(stage_kind_names()));
    st.kind = *kind;
  }
  if (const toml::node* c = t.get("cluster"))
    st.cluster = cluster(*c, path + ".cluster");
  if (const toml::node* p = t.get("price"))
    st.price = price(
        *p, path + ".price",
        [slot](Scenario& s) -> Sourced<GpuTimePrice>& { return *slot(s).price; },
        model_stage + ".price");
  const toml::node* gh = t.get("gpu_hours");
  const toml::node* wh = t.get("wall_clock_hours");
  const toml::node* wd = t.get("wall_clock_days");
  const toml::node* wl = t.get("workload");
  const int given = (gh ? 1 : 0) + (wh ? 1 : 0) + (wd ? 1 : 0) + (wl ? 1 : 0);
  if (given == 0)
    r_.fail(ErrorCode::invalid_input, t.source(), path + ".gpu_hours", "missing",
            "one of gpu_hours, wall_clock_hours, wall_clock_days or a [workload] table");
  if (given > 1) {
    const toml::node* second = wl ? wl : wd ? wd : wh;
    r_.fail(ErrorCode::invalid_input, second->source(), path,
            "got more than one of gpu_hours, wall_clock_hours, wall_clock_days, workload",
            "exactly one way to give the stage's usage");
  }
  if (t.contains("throughput") && !wl)
    r_.fail(ErrorCode::invalid_input, t.get("throughput")->source(), path + ".throughput",
            "got a throughput without a workload",
            "a [workload] table beside it (throughput turns a workload into GPU-hours)");
  if (wl) {
    // The stage's usage is the workload at the throughput: ranges on any of
    // their numbers reach the run's model directly (final_run.hpp).
    WorkloadSlot wslot = [slot](Scenario& s) -> WorkloadUsage& {
      return std::get<WorkloadUsage>(slot(s).usage);
    };
    Workload w = workload(*wl, path + ".workload", wslot, model_stage);
    const std::string tpath = path + ".throughput";
    const toml::node* tn =
        r_.required(t, path, "throughput", "a [throughput] table with mfu and mfu_precision");
    const toml::table* tt = tn->as_table();
    if (!tt)
      r_.fail_type(*tn, tpath, "a table { mfu = 0.39, mfu_precision = \"bf16\" }");
    r_.check_keys(*tt, tpath, {"mfu", "mfu_precision", "goodput", "evidence", "source"});
    auto fraction = [&](const toml::node& v, const std::string& f) {
      return r_.unit_fraction(v, f);
    };
    auto fraction_or_range = [&](const toml::node& v, const std::string& f,
                                 const std::string& model_path,
                                 std::function<void(Scenario&, double)> apply) {
      if (const toml::table* rt = v.as_table()) {
        UncertainInput in = r_.range(*rt, f, "fraction", fraction);
        r_.require_bounded(*rt, in, "in (0, 1]");
        in.apply = std::move(apply);
        in.model_path = model_path;
        const double median = in.distribution.median();
        s_.uncertain.push_back(std::move(in));
        return median;
      }
      return r_.unit_fraction(v, f);
    };
    // Throughput checks its figures: a drawn value is set through it.
    const double mfu = fraction_or_range(
        *r_.required(*tt, tpath, "mfu", "a fraction in (0, 1]"), tpath + ".mfu",
        model_stage + ".mfu", [wslot](Scenario& s, double x) {
          Throughput& th = wslot(s).throughput;
          th = Throughput(th.mfu_precision(), x, th.goodput()).with_source(th.source());
        });
    double goodput = default_goodput;
    if (const toml::node* g = tt->get("goodput"))
      goodput = fraction_or_range(
          *g, tpath + ".goodput", model_stage + ".goodput", [wslot](Scenario& s, double x) {
            Throughput& th = wslot(s).throughput;
            th = Throughput(th.mfu_precision(), th.mfu(), x).with_source(th.source());
          });
    // An MFU means nothing without the precision it is measured against,
    // and there is no default precision (a bf16 MFU on an fp8 peak is off by 2x).
    const Precision mfu_precision =
        precision(*r_.required(*tt, tpath, "mfu_precision",
                               "the precision the MFU is measured against, e.g. \"bf16\" or "
                               "\"fp8\" (there is no default)"),
                  tpath + ".mfu_precision");
    const Throughput throughput =
        Throughput(mfu_precision, mfu, goodput).with_source(r_.provenance(*tt, tpath));
    const Cluster& cluster = st.cluster ? *st.cluster : run_cluster;
    const ComputeEstimate e = r_.checked_value(
        *wl, path + ".workload", [&] { return estimate_compute(w, cluster, throughput); });
    st.usage = WorkloadUsage{std::move(w), throughput};
    st.usage_provenance = e.provenance;
    return st;
  }
  const std::size_t before = s_.uncertain.size();
  if (gh) {
    st.usage =
        gpu_hours(value_or_range(*gh, path + ".gpu_hours", "number of GPU-hours", "GPU-hours",
                                 [slot](Scenario& s, double x) { slot(s).usage = gpu_hours(x); }));
    model_input(before, model_stage + ".gpu_hours", unit_scale::seconds_per_hour);
  } else if (wh) {
    st.usage = hours(value_or_range(*wh, path + ".wall_clock_hours", "number of hours", "hours",
                                    [slot](Scenario& s, double x) { slot(s).usage = hours(x); }));
    model_input(before, model_stage + ".wall_clock_hours", unit_scale::seconds_per_hour);
  } else {
    st.usage = days(value_or_range(*wd, path + ".wall_clock_days", "number of days", "days",
                                   [slot](Scenario& s, double x) { slot(s).usage = days(x); }));
    model_input(before, model_stage + ".wall_clock_hours", unit_scale::seconds_per_day);
  }
  st.usage_provenance = r_.provenance(t, path);
  return st;
}

std::vector<Stage> ScenarioBuilder::plain_stages(const toml::node& n, const std::string& path,
                                                 std::function<Stage&(Scenario&, std::size_t)> slot,
                                                 const std::string& model_root) {
  const toml::array* arr = n.as_array();
  if (!arr || arr->empty())
    r_.fail_type(n, path, "an array of stage tables, at least one");
  std::vector<Stage> out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string sp = path + "[" + std::to_string(i) + "]";
    const toml::table* t = r_.table_at(*arr, i, sp);
    if (t->contains("workload") || t->contains("throughput"))
      r_.fail(ErrorCode::invalid_input, t->source(), sp + ".workload", "got a workload here",
              "gpu_hours or wall-clock time (workloads are for [run] stages)");
    out.push_back(stage(
        *t, sp, [slot, i](Scenario& s) -> Stage& { return slot(s, i); },
        Cluster(accelerator("h800"), accelerators(1)),
        model_root + ".stages[" + std::to_string(i) + "]"));
  }
  return out;
}

TrainingRun ScenarioBuilder::training_run(const toml::table& t, const std::string& path) {
  r_.check_keys(t, path,
                {"name", "scope", "cluster", "price", "ownership_cost", "stages",
                 // a run's energy, emissions and failures: scenario_energy.cpp
                 "energy", "emissions", "failures"});
  TrainingRun run{"", Cluster(accelerator("h800"), accelerators(1)), {}, {}};
  run.name = r_.optional_string(t, path, "name").value_or(s_.name.empty() ? "run" : s_.name);
  // A run's scope follows from its price; it is never written.
  if (const toml::node* sc = t.get("scope"))
    r_.fail(ErrorCode::invalid_input, sc->source(), path + ".scope",
            "got " + Reader::describe(*sc) + "; a run's scope follows from its price",
            "no scope key: [run.price] for a rental price (final_run_rental) or "
            "[run.ownership_cost] for an owned fleet's cost per GPU-hour (final_run_ownership)");
  run.cluster =
      cluster(*r_.required(t, path, "cluster", "a [run.cluster] table with accelerator and count"),
              path + ".cluster");
  const std::size_t ri = s_.runs.size();  // this run's index once read
  if (const toml::node* own = t.get("ownership_cost")) {
    if (const toml::node* both = t.get("price"))
      r_.fail(ErrorCode::invalid_input, both->source(), path + ".price",
              "got both [run.price] and [run.ownership_cost]",
              "one of them: a rental price or an ownership cost per GPU-hour");
    run.price = RunPrice::ownership_cost(price(
        *own, path + ".ownership_cost",
        [ri](Scenario& s) -> Sourced<GpuTimePrice>& { return s.runs[ri].price; },
        run.name + ".price"));
  } else {
    run.price = price(
        *r_.required(t, path, "price",
                     "a [run.price] table with usd_per_gpu_hour (or [run.ownership_cost])"),
        path + ".price", [ri](Scenario& s) -> Sourced<GpuTimePrice>& { return s.runs[ri].price; },
        run.name + ".price");
  }
  const toml::node* stages = r_.required(t, path, "stages", "[[run.stages]] tables, at least one");
  const toml::array* arr = stages->as_array();
  if (!arr)
    r_.fail_type(*stages, path + ".stages", "[[run.stages]] tables");
  if (arr->empty())
    r_.fail(ErrorCode::invalid_input, arr->source(), path + ".stages", "got an empty array",
            "at least one stage");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string spath = path + ".stages[" + std::to_string(i) + "]";
    run.stages.push_back(stage(
        *r_.table_at(*arr, i, spath), spath,
        [ri, i](Scenario& s) -> Stage& { return s.runs[ri].stages[i]; }, run.cluster,
        run.name + ".stages[" + std::to_string(i) + "]"));
  }
  run_footprint(t, path, ri, run.name);  // [run.energy], [run.emissions], [run.failures]
  return run;
}

}  // namespace traincost::io::detail_reader
