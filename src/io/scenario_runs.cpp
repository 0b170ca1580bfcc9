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

void ScenarioBuilder::no_range_beside_total(const toml::node& n, const std::string& path) {
  r_.fail(ErrorCode::invalid_input, n.source(), path, "got a range beside total_flop",
          "a number: with total_flop this figure does not change the FLOP, so a range on it "
          "would never be drawn");
}

Workload ScenarioBuilder::workload(const toml::node& n, const std::string& path, WorkloadSlot slot,
                                   const std::string& model_stage) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { total_parameters, active_parameters, training_tokens }");
  r_.check_keys(
      *t, path,
      {"name", "total_parameters", "active_parameters", "training_tokens", "flop_per_token",
       "attention", "total_flop", "training_precision", "evidence", "source"});
  Workload w;
  w.name = r_.optional_string(*t, path, "name").value_or("workload");
  // A published total training compute stands in for FLOP per token x tokens;
  // sizes and tokens are then optional (unknown when left out).
  const toml::node* total_flop = t->get("total_flop");
  if (total_flop) {
    for (const char* rule : {"flop_per_token", "attention"})
      if (const toml::node* f = t->get(rule))
        r_.fail(ErrorCode::invalid_input, f->source(), path + "." + rule,
                std::string("got both total_flop and ") + rule,
                "one way to obtain training FLOP: a total, or FLOP per token x tokens");
    const std::size_t before = s_.uncertain.size();
    w.total_flop =
        flop(value_or_range(*total_flop, path + ".total_flop", "number of FLOP", "FLOP",
                            [slot](Scenario& s, double x) { slot(s).total_flop = flop(x); }));
    model_input(before, model_stage + ".total_flop", 1.0);
  }
  const toml::node* total_node = t->get("total_parameters");
  if (!total_node && !total_flop)
    r_.required(*t, path, "total_parameters", "a positive number of parameters (or total_flop)");
  const double total =
      total_node ? r_.positive(*total_node, path + ".total_parameters", "number of parameters")
                 : 0.0;
  w.total_parameters = parameters(total);
  w.active_parameters = parameters(total);
  if (const toml::node* a = t->get("active_parameters")) {
    const std::size_t before = s_.uncertain.size();
    w.active_parameters = parameters(value_or_range(
        *a, path + ".active_parameters", "number of parameters", "parameters",
        [slot](Scenario& s, double x) { slot(s).active_parameters = parameters(x); }));
    if (!total_flop)
      model_input(before, model_stage + ".active_parameters", 1.0);
    else if (s_.uncertain.size() > before)
      no_range_beside_total(*a, path + ".active_parameters");
  }
  const toml::node* tokens_node = t->get("training_tokens");
  if (!tokens_node && !total_flop)
    r_.required(*t, path, "training_tokens", "a positive number of tokens (or total_flop)");
  if (tokens_node) {
    const std::size_t before = s_.uncertain.size();
    w.training_tokens = tokens(
        value_or_range(*tokens_node, path + ".training_tokens", "number of tokens", "tokens",
                       [slot](Scenario& s, double x) { slot(s).training_tokens = tokens(x); }));
    // Beside a total, tokens are a label: the model reads the total.
    if (!total_flop)
      model_input(before, model_stage + ".training_tokens", 1.0);
    else if (s_.uncertain.size() > before)
      no_range_beside_total(*tokens_node, path + ".training_tokens");
  }
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

Throughput ScenarioBuilder::throughput(const toml::table& tt, const std::string& tpath,
                                       UsageSlot uslot, const AcceleratorSpec& spec,
                                       const std::string& model_stage) {
  r_.check_keys(tt, tpath,
                {"mfu", "effective_tflops", "mfu_precision", "goodput", "evidence", "source"});
  // An MFU means nothing without the precision it is measured against,
  // and there is no default precision (a bf16 MFU on an fp8 peak is off by 2x).
  const toml::node* pn = r_.required(tt, tpath, "mfu_precision",
                                     "the precision the MFU is measured against, e.g. \"bf16\" or "
                                     "\"fp8\" (there is no default)");
  const Precision mfu_precision = precision(*pn, tpath + ".mfu_precision");
  auto fraction_or_range = [&](const toml::node& v, const std::string& f,
                               const std::string& model_path,
                               std::function<void(Scenario&, double)> apply) {
    if (const toml::table* rt = v.as_table()) {
      UncertainInput in = r_.range(
          *rt, f, "fraction",
          [&](const toml::node& x, const std::string& g) { return r_.unit_fraction(x, g); });
      r_.require_bounded(*rt, in, "in (0, 1]");
      in.apply = std::move(apply);
      in.model_path = model_path;
      const double median = in.distribution.median();
      s_.uncertain.push_back(std::move(in));
      return median;
    }
    return r_.unit_fraction(v, f);
  };
  double goodput = default_goodput;
  if (const toml::node* g = tt.get("goodput"))
    goodput = fraction_or_range(
        *g, tpath + ".goodput", model_stage + ".goodput", [uslot](Scenario& s, double x) {
          Throughput& th = uslot(s).throughput;
          th = Throughput(th.mfu_precision(), th.mfu(), x).with_source(th.source());
        });
  const toml::node* mfu_node = tt.get("mfu");
  const toml::node* rate_node = tt.get("effective_tflops");
  if (mfu_node && rate_node)
    r_.fail(ErrorCode::invalid_input, rate_node->source(), tpath + ".effective_tflops",
            "got both mfu and effective_tflops",
            "one of them: an MFU, or the FLOP/s achieved per accelerator it follows from");
  const Provenance source = r_.provenance(tt, tpath);
  if (rate_node) {
    // Achieved TFLOP/s per accelerator over the dense peak is the MFU: a
    // range on the rate is a range on the MFU, scaled by 1 / peak.
    const double peak = r_.checked_value(*pn, tpath + ".mfu_precision", [&] {
      return in_tflop_per_second(spec.peak(mfu_precision, "throughput.mfu_precision"));
    });
    const std::size_t before = s_.uncertain.size();
    const double tflops = value_or_range(
        *rate_node, tpath + ".effective_tflops", "number of TFLOP/s per accelerator",
        "TFLOP/s per accelerator",
        [uslot, spec](Scenario& s, double x) {
          Throughput& th = uslot(s).throughput;
          th = Throughput::from_flop_rate(tflop_per_second(x), spec, th.mfu_precision(),
                                          th.goodput())
                   .with_source(th.source());
        },
        0.0, peak);  // an MFU of 1 is not a throughput anyone achieves
    model_input(before, model_stage + ".mfu", 1.0 / peak);
    return r_.checked_value(*rate_node, tpath + ".effective_tflops", [&] {
      return Throughput::from_flop_rate(tflop_per_second(tflops), spec, mfu_precision, goodput)
          .with_source(source);
    });
  }
  // Throughput checks its figures: a drawn value is set through it.
  const double mfu = fraction_or_range(
      *r_.required(tt, tpath, "mfu", "a fraction in (0, 1] (or effective_tflops)"), tpath + ".mfu",
      model_stage + ".mfu", [uslot](Scenario& s, double x) {
        Throughput& th = uslot(s).throughput;
        th = Throughput(th.mfu_precision(), x, th.goodput()).with_source(th.source());
      });
  return Throughput(mfu_precision, mfu, goodput).with_source(source);
}

WorkloadClaim ScenarioBuilder::claim(const toml::table& t, const std::string& path, StageSlot slot,
                                     const AcceleratorSpec& spec, const std::string& model_stage) {
  const toml::node& wl = *t.get("workload");
  const std::size_t before = s_.uncertain.size();
  Workload w = workload(
      wl, path + ".workload", [slot](Scenario& s) -> Workload& { return slot(s).claim->workload; },
      model_stage + ".claim");
  if (s_.uncertain.size() > before) {
    const UncertainInput& in = s_.uncertain[before];
    throw ScenarioError(ErrorCode::invalid_input, s_.file, in.where, scenario_field(in.field),
                        "a range in a claimed workload",
                        "a number: a workload beside reported time implies an MFU and changes no "
                        "cost, so a range on it would never be drawn");
  }
  // The implied MFU is measured against a named precision: [throughput]'s
  // mfu_precision, else the precision the workload trained in.
  const std::string tpath = path + ".throughput";
  const toml::table* tt = nullptr;
  if (const toml::node* tn = t.get("throughput")) {
    tt = tn->as_table();
    if (!tt)
      r_.fail_type(*tn, tpath, "a table { mfu_precision = \"bf16\" }");
    r_.check_keys(*tt, tpath,
                  {"mfu", "effective_tflops", "mfu_precision", "goodput", "mfu_ceiling", "evidence",
                   "source"});
    for (const char* given : {"mfu", "effective_tflops"})
      if (const toml::node* n = tt->get(given))
        r_.fail(ErrorCode::invalid_input, n->source(), tpath + "." + given,
                std::string("got ") + given + " beside reported time",
                "no " + std::string(given) +
                    ": a stage that reports its time and its workload implies its MFU (leave "
                    "out the reported time to compute it from an MFU instead)");
  }
  const toml::table& wt = *wl.as_table();
  const toml::node* pn = tt ? tt->get("mfu_precision") : nullptr;
  std::string pfield = tpath + ".mfu_precision";
  if (!pn) {
    pn = wt.get("training_precision");
    pfield = path + ".workload.training_precision";
  }
  if (!pn)
    r_.fail(ErrorCode::invalid_input, wt.source(), path + ".workload.training_precision", "missing",
            "the precision the implied MFU is measured against: training_precision in "
            "[workload] or mfu_precision in [throughput] (there is no default)");
  MfuBasis basis(precision(*pn, pfield));
  if (tt) {
    if (const toml::node* g = tt->get("goodput"))
      basis.with_goodput(r_.unit_fraction(*g, tpath + ".goodput"));
    if (const toml::node* c = tt->get("mfu_ceiling"))
      basis.with_ceiling(r_.unit_fraction(*c, tpath + ".mfu_ceiling"));
  }
  r_.checked_value(*pn, pfield, [&] { return spec.peak(basis.precision(), "mfu_precision"); });
  return WorkloadClaim{std::move(w), std::move(basis)};
}

Stage ScenarioBuilder::stage(const toml::table& t, const std::string& path, StageSlot slot,
                             const Cluster& run_cluster, const std::string& model_stage) {
  r_.check_keys(t, path,
                {"name", "kind", "gpu_hours", "wall_clock_hours", "wall_clock_days",
                 "gpu_hours_per_trillion_tokens", "training_tokens", "workload", "throughput",
                 "step_time", "evidence", "source", "cluster", "price"});
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
  const Cluster& cluster = st.cluster ? *st.cluster : run_cluster;
  const toml::node* gh = t.get("gpu_hours");
  const toml::node* wh = t.get("wall_clock_hours");
  const toml::node* wd = t.get("wall_clock_days");
  const toml::node* rate = t.get("gpu_hours_per_trillion_tokens");
  const toml::node* wl = t.get("workload");
  if (const toml::node* stn = t.get("step_time")) {
    // Usage from the step-time model: scenario_step_time.cpp.
    if (!wl)
      r_.fail(ErrorCode::invalid_input, stn->source(), path + ".workload", "missing",
              "a [workload] table with training_tokens beside [step_time]");
    step_time_usage(t, path, slot, cluster, model_stage, st);
    return st;
  }
  // Reported time: exactly one form. A workload beside it is a claim (an
  // implied MFU); a workload alone computes the time from its throughput.
  const int reported = (gh ? 1 : 0) + (wh ? 1 : 0) + (wd ? 1 : 0) + (rate ? 1 : 0);
  if (reported == 0 && !wl)
    r_.fail(ErrorCode::invalid_input, t.source(), path + ".gpu_hours", "missing",
            "one of gpu_hours, wall_clock_hours, wall_clock_days, gpu_hours_per_trillion_tokens "
            "or a [workload] table");
  if (reported > 1) {
    const toml::node* second = rate ? rate : wd ? wd : wh;
    r_.fail(ErrorCode::invalid_input, second->source(), path,
            "got more than one of gpu_hours, wall_clock_hours, wall_clock_days, "
            "gpu_hours_per_trillion_tokens",
            "exactly one way to give the stage's reported time");
  }
  if (const toml::node* tk = t.get("training_tokens"); tk && !rate)
    r_.fail(ErrorCode::invalid_input, tk->source(), path + ".training_tokens",
            "got training_tokens without gpu_hours_per_trillion_tokens",
            "a rate beside it (a workload's tokens go in its [workload] table)");
  if (t.contains("throughput") && !wl)
    r_.fail(ErrorCode::invalid_input, t.get("throughput")->source(), path + ".throughput",
            "got a throughput without a workload",
            "a [workload] table beside it (throughput turns a workload into GPU-hours)");
  if (wl && reported == 0) {
    // The stage's usage is the workload at the throughput: ranges on any of
    // their numbers reach the run's model directly (final_run.hpp).
    UsageSlot uslot = [slot](Scenario& s) -> WorkloadUsage& {
      return std::get<WorkloadUsage>(slot(s).usage);
    };
    Workload w = workload(
        *wl, path + ".workload", [uslot](Scenario& s) -> Workload& { return uslot(s).workload; },
        model_stage);
    const std::string tpath = path + ".throughput";
    const toml::node* tn = r_.required(
        t, path, "throughput",
        "a [throughput] table with mfu and mfu_precision (or gpu_hours beside the workload, to "
        "imply the MFU)");
    const toml::table* tt = tn->as_table();
    if (!tt)
      r_.fail_type(*tn, tpath, "a table { mfu = 0.39, mfu_precision = \"bf16\" }");
    const Throughput th = throughput(*tt, tpath, uslot, cluster.accelerator(), model_stage);
    const ComputeEstimate e =
        r_.checked_value(*wl, path + ".workload", [&] { return estimate_compute(w, cluster, th); });
    st.usage = WorkloadUsage{std::move(w), th};
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
  } else if (wd) {
    st.usage = days(value_or_range(*wd, path + ".wall_clock_days", "number of days", "days",
                                   [slot](Scenario& s, double x) { slot(s).usage = days(x); }));
    model_input(before, model_stage + ".wall_clock_hours", unit_scale::seconds_per_day);
  } else {
    // GPU-hours per trillion tokens x tokens: both may be ranges.
    auto rate_of = [slot](Scenario& s) -> RateUsage& { return std::get<RateUsage>(slot(s).usage); };
    const double r = value_or_range(
        *rate, path + ".gpu_hours_per_trillion_tokens", "number of GPU-hours per trillion tokens",
        "GPU-hours per trillion tokens",
        [rate_of](Scenario& s, double x) { rate_of(s).rate = gpu_hours_per_trillion_tokens(x); });
    model_input(before, model_stage + ".gpu_hours_per_trillion_tokens",
                unit_scale::seconds_per_hour / unit_scale::tokens_per_trillion);
    const std::size_t before_tokens = s_.uncertain.size();
    const double n =
        value_or_range(*r_.required(t, path, "training_tokens",
                                    "the tokens trained, beside gpu_hours_per_trillion_tokens"),
                       path + ".training_tokens", "number of tokens", "tokens",
                       [rate_of](Scenario& s, double x) { rate_of(s).tokens = tokens(x); });
    model_input(before_tokens, model_stage + ".training_tokens", 1.0);
    st.usage = RateUsage{gpu_hours_per_trillion_tokens(r), tokens(n)};
  }
  st.usage_provenance = r_.provenance(t, path);
  if (wl)
    st.claim = claim(t, path, slot, cluster.accelerator(), model_stage);
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
    if (t->contains("workload") || t->contains("throughput") || t->contains("step_time"))
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
    for (StepTimeStage& st : s_.step_time_stages)  // the stage's place, now known
      if (st.path == spath) {
        st.run = ri;
        st.stage = i;
        st.run_name = run.name;
      }
  }
  run_footprint(t, path, ri, run.name);  // [run.energy], [run.emissions], [run.failures]
  return run;
}

}  // namespace traincost::io::detail_reader
