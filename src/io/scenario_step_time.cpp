// The scenario reader: [run.stages.step_time], a stage whose throughput comes
// from the step-time model (perf::predict_step) instead of a typed MFU.
// The schema is in docs/scenarios.md, "Stages from a step-time model".

#include <string>

#include "detail/scenario_builder.hpp"
#include "traincost/perf/step_time.hpp"
#include "traincost/perf/systems.hpp"

namespace traincost::io::detail_reader {

namespace {

// Bounds of the shapes a scenario may state: far above any model built, low
// enough that products of them (layers x hidden^2) stay finite doubles.
constexpr double max_width = 1e7;        // hidden, FFN, head and rank sizes
constexpr double max_heads = 1e5;        // query and key/value heads
constexpr double max_vocabulary = 1e8;   // tokens in the vocabulary
constexpr double max_sequence = 1e9;     // tokens in a training sequence
constexpr double max_degree = 1e6;       // any parallel degree
constexpr double max_batch = 1e9;        // sequences per step
constexpr double max_experts = 1e5;      // routed experts per layer
constexpr double max_domain = 1e9;       // accelerators in a scale-up or switch domain
constexpr double max_bandwidth = 1e6;    // GB/s per accelerator and direction
constexpr double max_reserved_gb = 1e6;  // memory held back per accelerator

struct Preset {
  const char* name;
  perf::TrainingSystem (*make)();
};

const std::vector<Preset>& presets() {
  static const std::vector<Preset> p = {{"selene-a100-80gb", &perf::selene_a100_80gb},
                                        {"h800-hgx", &perf::h800_hgx_cluster},
                                        {"h100-hgx", &perf::h100_hgx_cluster}};
  return p;
}

std::string preset_names() {
  std::string out;
  for (const Preset& p : presets())
    out += std::string(out.empty() ? "" : ", ") + "\"" + p.name + "\"";
  return out;
}

}  // namespace

// A model error (check_architecture, check_plan, predict_step) placed at the
// scenario field it names: "plan.tensor" under "run.stages[0].step_time" is
// "run.stages[0].step_time.plan.tensor"; a field the file does not write
// (a derived quantity) is placed at `fallback`, the table it follows from.
[[noreturn]] void ScenarioBuilder::step_time_error(const Error& e, const std::string& root,
                                                   const toml::node& fallback,
                                                   const std::string& fallback_field) {
  const std::string model_field = e.field().str();
  std::string field = fallback_field;
  Location where = Reader::where(fallback.source());
  if (!model_field.empty()) {
    const std::string candidate = root + "." + model_field;
    const auto at = s_.locations.find(location_key(scenario_field(candidate)));
    if (at != s_.locations.end()) {
      field = candidate;
      where = at->second;
    } else {
      field = candidate;  // as the model names it, at the table it follows from
    }
  }
  throw ScenarioError(e, s_.file, where, scenario_field(field));
}

perf::TransformerArchitecture ScenarioBuilder::architecture(const toml::node& n,
                                                            const std::string& path) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { layers, hidden, ffn, ffn_kind, heads, ... }");
  r_.check_keys(*t, path,
                {"name", "layers", "hidden", "ffn", "ffn_kind", "heads", "kv_heads", "head_dim",
                 "vocabulary", "sequence_length", "tied_embeddings", "multi_token_prediction",
                 "moe", "latent_attention", "evidence", "source"});
  auto whole = [&](const toml::table& tt, const std::string& p, std::string_view key, double hi,
                   const std::string& what) {
    return static_cast<long long>(
        r_.whole_in_range(*r_.required(tt, p, key, what), Reader::child(p, key), 1, hi, what));
  };
  auto optional_whole = [&](const toml::table& tt, const std::string& p, std::string_view key,
                            double lo, double hi, const std::string& what,
                            long long fallback) -> long long {
    if (const toml::node* v = tt.get(key))
      return static_cast<long long>(r_.whole_in_range(*v, Reader::child(p, key), lo, hi, what));
    return fallback;
  };
  perf::TransformerArchitecture a;
  a.name = r_.optional_string(*t, path, "name").value_or("model");
  a.layers = static_cast<int>(whole(*t, path, "layers", limits::max_layers, "a number of layers"));
  a.hidden = whole(*t, path, "hidden", max_width, "a hidden size");
  a.ffn = whole(*t, path, "ffn", max_width, "an FFN size");
  const toml::node* kind = r_.required(*t, path, "ffn_kind", "\"gelu\" or \"swiglu\"");
  const std::string k = r_.string_value(*kind, path + ".ffn_kind");
  if (k == "gelu")
    a.ffn_kind = perf::FeedForwardKind::gelu;
  else if (k == "swiglu")
    a.ffn_kind = perf::FeedForwardKind::swiglu;
  else
    r_.fail_type(*kind, path + ".ffn_kind", "one of: gelu, swiglu");
  a.heads = static_cast<int>(whole(*t, path, "heads", max_heads, "a number of heads"));
  a.kv_heads = static_cast<int>(
      optional_whole(*t, path, "kv_heads", 1, max_heads, "a number of key/value heads", a.heads));
  if (const toml::node* h = t->get("head_dim"))
    a.head_dim = static_cast<long long>(
        r_.whole_in_range(*h, path + ".head_dim", 1, max_width, "a head dimension"));
  a.vocabulary = whole(*t, path, "vocabulary", max_vocabulary, "a vocabulary size");
  a.sequence_length =
      whole(*t, path, "sequence_length", max_sequence, "a sequence length in tokens");
  if (const toml::node* tied = t->get("tied_embeddings")) {
    const auto* b = tied->as_boolean();
    if (!b)
      r_.fail_type(*tied, path + ".tied_embeddings", "true or false");
    a.tied_embeddings = b->get();
  }
  a.multi_token_prediction = static_cast<int>(
      optional_whole(*t, path, "multi_token_prediction", 0, 16,
                     "a multi-token-prediction depth from 0 to 16 (0: next token only)", 0));
  if (const toml::node* m = t->get("moe")) {
    const std::string mp = path + ".moe";
    const toml::table* mt = m->as_table();
    if (!mt)
      r_.fail_type(*m, mp, "a table { experts, top_k, shared_experts, expert_ffn, dense_layers }");
    r_.check_keys(
        *mt, mp,
        {"experts", "top_k", "shared_experts", "expert_ffn", "dense_layers", "node_limit"});
    perf::MixtureOfExperts moe;
    moe.experts = static_cast<int>(whole(*mt, mp, "experts", max_experts, "a number of experts"));
    moe.top_k = static_cast<int>(
        whole(*mt, mp, "top_k", max_experts, "a number of routed experts per token"));
    moe.shared_experts = static_cast<int>(
        optional_whole(*mt, mp, "shared_experts", 0, max_experts, "a number of shared experts", 0));
    moe.expert_ffn = whole(*mt, mp, "expert_ffn", max_width, "an expert FFN size");
    moe.dense_layers = static_cast<int>(
        optional_whole(*mt, mp, "dense_layers", 0, limits::max_layers, "a number of layers", 0));
    moe.node_limit = static_cast<int>(optional_whole(
        *mt, mp, "node_limit", 0, max_domain,
        "a number of scale-up domains a token's experts may span (0: unrestricted)", 0));
    a.moe = moe;
  }
  if (const toml::node* l = t->get("latent_attention")) {
    const std::string lp = path + ".latent_attention";
    const toml::table* lt = l->as_table();
    if (!lt)
      r_.fail_type(*l, lp,
                   "a table { query_rank, kv_rank, qk_head_dim, qk_rope_head_dim, v_head_dim }");
    r_.check_keys(*lt, lp,
                  {"query_rank", "kv_rank", "qk_head_dim", "qk_rope_head_dim", "v_head_dim"});
    perf::LatentAttention la;
    la.query_rank =
        optional_whole(*lt, lp, "query_rank", 0, max_width, "a rank (0: no query compression)", 0);
    la.kv_rank = whole(*lt, lp, "kv_rank", max_width, "a key/value rank");
    la.qk_head_dim = whole(*lt, lp, "qk_head_dim", max_width, "a head dimension");
    la.qk_rope_head_dim = whole(*lt, lp, "qk_rope_head_dim", max_width, "a head dimension");
    la.v_head_dim = whole(*lt, lp, "v_head_dim", max_width, "a head dimension");
    a.latent_attention = la;
  }
  a.provenance = r_.provenance(*t, path);
  try {
    perf::check_architecture(a);
  } catch (const ScenarioError&) {
    throw;
  } catch (const Error& e) {
    step_time_error(e, path.substr(0, path.rfind('.')), n, path);
  }
  return a;
}

perf::ParallelPlan ScenarioBuilder::parallel_plan(const toml::node& n, const std::string& path,
                                                  const AcceleratorSpec& spec) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { tensor, pipeline, data, micro_batch, global_batch, ... }");
  r_.check_keys(*t, path,
                {"tensor", "sequence_parallel", "pipeline", "virtual_stages", "dual_pipe", "data",
                 "zero", "expert", "context", "micro_batch", "global_batch", "recompute",
                 "precision", "fine_grained_fp8", "overlap", "evidence", "source"});
  auto degree = [&](std::string_view key, int fallback) {
    if (const toml::node* v = t->get(key))
      return static_cast<int>(r_.whole_in_range(*v, Reader::child(path, key), 1, max_degree,
                                                "a whole parallel degree"));
    return fallback;
  };
  auto flag = [&](const toml::table& tt, const std::string& p, std::string_view key,
                  bool fallback) {
    if (const toml::node* v = tt.get(key)) {
      const auto* b = v->as_boolean();
      if (!b)
        r_.fail_type(*v, Reader::child(p, key), "true or false");
      return b->get();
    }
    return fallback;
  };
  perf::ParallelPlan p;
  p.tensor = degree("tensor", 1);
  p.sequence_parallel = flag(*t, path, "sequence_parallel", false);
  p.pipeline = degree("pipeline", 1);
  p.virtual_stages = degree("virtual_stages", 1);
  p.dual_pipe = flag(*t, path, "dual_pipe", false);
  p.fine_grained_fp8 = flag(*t, path, "fine_grained_fp8", false);
  r_.required(*t, path, "data", "the data-parallel degree (a whole number, at least 1)");
  p.data = degree("data", 1);
  p.expert = degree("expert", 1);
  p.context = degree("context", 1);
  if (const toml::node* z = t->get("zero")) {
    const std::string zf = path + ".zero";
    if (const auto* s = z->as_string(); s && s->get() == "fsdp") {
      p.zero = perf::ZeroStage::parameters;
    } else if (const auto* i = z->as_integer(); i && i->get() >= 0 && i->get() <= 3) {
      p.zero = static_cast<perf::ZeroStage>(i->get());
    } else {
      r_.fail_type(*z, zf, "a ZeRO stage: 0, 1, 2, 3 or \"fsdp\" (= 3)");
    }
  }
  p.micro_batch = static_cast<long long>(
      r_.whole_in_range(*r_.required(*t, path, "micro_batch", "sequences per micro-batch"),
                        path + ".micro_batch", 1, max_batch, "a whole number of sequences"));
  p.global_batch = static_cast<long long>(
      r_.whole_in_range(*r_.required(*t, path, "global_batch", "sequences per optimizer step"),
                        path + ".global_batch", 1, max_batch, "a whole number of sequences"));
  const toml::node* rc = r_.required(*t, path, "recompute",
                                     "what the backward pass recomputes: \"none\", \"selective\" "
                                     "or \"full\" (there is no default)");
  const std::string rv = r_.string_value(*rc, path + ".recompute");
  if (rv == "none")
    p.recompute = perf::Recompute::none;
  else if (rv == "selective")
    p.recompute = perf::Recompute::selective;
  else if (rv == "full")
    p.recompute = perf::Recompute::full;
  else
    r_.fail_type(*rc, path + ".recompute", "one of: none, selective, full");
  const toml::node* pn =
      r_.required(*t, path, "precision",
                  "the precision the GEMMs run in, e.g. \"bf16\" or \"fp8\" (there is no default)");
  p.precision = precision(*pn, path + ".precision");
  r_.checked_value(*pn, path + ".precision", [&] { return spec.peak(p.precision, "precision"); });
  if (const toml::node* o = t->get("overlap")) {
    const std::string op = path + ".overlap";
    const toml::table* ot = o->as_table();
    if (!ot)
      r_.fail_type(*o, op,
                   "a table { data_parallel, tensor_parallel, expert_all_to_all, pipeline }");
    r_.check_keys(*ot, op,
                  {"data_parallel", "tensor_parallel", "expert_all_to_all", "pipeline",
                   "communication_sm_share"});
    p.overlap.data_parallel = flag(*ot, op, "data_parallel", p.overlap.data_parallel);
    p.overlap.tensor_parallel = flag(*ot, op, "tensor_parallel", p.overlap.tensor_parallel);
    p.overlap.expert_all_to_all = flag(*ot, op, "expert_all_to_all", p.overlap.expert_all_to_all);
    p.overlap.pipeline = flag(*ot, op, "pipeline", p.overlap.pipeline);
    if (const toml::node* v = ot->get("communication_sm_share"))
      p.overlap.communication_sm_share = share(*v, op + ".communication_sm_share");
  }
  return p;
}

perf::TrainingSystem ScenarioBuilder::training_system(const toml::table& st,
                                                      const std::string& path,
                                                      const AcceleratorSpec& spec,
                                                      std::string& preset_name) {
  perf::TrainingSystem sys;
  const std::string np = path + ".network";
  const toml::node* nn = r_.required(st, path, "network",
                                     "a [network] table: a preset (" + preset_names() +
                                         ") or scale_up_gb_s, scale_up_domain, scale_out_gb_s");
  const toml::table* nt = nn->as_table();
  if (!nt)
    r_.fail_type(*nn, np, "a table { preset = \"h800-hgx\" } or { scale_up_gb_s, scale_out_gb_s }");
  r_.check_keys(*nt, np,
                {"preset", "scale_up_gb_s", "scale_up_domain", "scale_out_gb_s", "switch_domain",
                 "evidence", "source"});
  const toml::node* pn = nt->get("preset");
  if (pn) {
    preset_name = r_.string_value(*pn, np + ".preset");
    const Preset* found = nullptr;
    for (const Preset& p : presets())
      if (preset_name == p.name)
        found = &p;
    if (!found)
      r_.fail(ErrorCode::unknown_name, pn->source(), np + ".preset", "got " + Reader::describe(*pn),
              "one of: " + preset_names());
    sys = found->make();
    if (sys.accelerator.name != spec.name)
      r_.fail(ErrorCode::invalid_input, pn->source(), np + ".preset",
              "got " + Reader::describe(*pn) + " (a system of " + sys.accelerator.name +
                  ") on a cluster of " + spec.name,
              "a preset of the stage's accelerator, or the network written out "
              "(scale_up_gb_s, scale_up_domain, scale_out_gb_s)");
  } else {
    // The frozen efficiencies of the model; the memory allowance is the
    // file's to state (the presets assume one).
    sys.efficiency = perf::default_efficiencies(spec);
    r_.required(st, path, "reserved_memory_gb",
                "the memory held back per accelerator in GB (framework, communication buffers, "
                "fragmentation), beside a network without a preset");
    for (const char* key : {"scale_up_gb_s", "scale_out_gb_s"})
      r_.required(*nt, np, key,
                  "a bandwidth in GB/s per accelerator and direction (or a preset: " +
                      preset_names() + ")");
  }
  sys.accelerator = spec;
  auto bandwidth = [&](std::string_view key, Bandwidth& out) {
    if (const toml::node* v = nt->get(key)) {
      const double gb = r_.positive(*v, Reader::child(np, key), "bandwidth in GB/s");
      if (gb > max_bandwidth)
        r_.fail(ErrorCode::invalid_value, v->source(), Reader::child(np, key),
                "got " + r_.written(*v),
                "a bandwidth in GB/s per accelerator and direction, at most " +
                    traincost::detail::format_value(max_bandwidth));
      out = gigabytes_per_second(gb);
    }
  };
  bandwidth("scale_up_gb_s", sys.network.scale_up);
  bandwidth("scale_out_gb_s", sys.network.scale_out);
  if (const toml::node* d = nt->get("scale_up_domain"))
    sys.network.scale_up_domain = static_cast<int>(r_.whole_in_range(
        *d, np + ".scale_up_domain", 1, max_domain, "a whole number of accelerators"));
  if (const toml::node* d = nt->get("switch_domain"))
    sys.network.switch_domain = static_cast<long long>(
        r_.whole_in_range(*d, np + ".switch_domain", 0, max_domain,
                          "a whole number of accelerators (0: a non-blocking fabric)"));
  // A preset keeps its sources unless the table restates them; written
  // figures are the scenario's assumption unless sourced.
  if (!pn || nt->size() > 1)
    sys.network.provenance = r_.provenance(*nt, np);
  if (const toml::node* en = st.get("efficiency")) {
    const std::string ep = path + ".efficiency";
    const toml::table* et = en->as_table();
    if (!et)
      r_.fail_type(*en, ep, "a table { matmul, attention, memory_bound, scale_up, scale_out }");
    r_.check_keys(*et, ep,
                  {"matmul", "matmul_fine_grained_fp8", "matmul_size", "attention", "memory_bound",
                   "scale_up", "scale_out", "evidence", "source"});
    const Provenance given = r_.provenance(*et, ep);
    for (auto [key, slot] :
         {std::pair{"matmul", &sys.efficiency.matmul},
          std::pair{"matmul_fine_grained_fp8", &sys.efficiency.matmul_fine_grained_fp8},
          std::pair{"attention", &sys.efficiency.attention},
          std::pair{"memory_bound", &sys.efficiency.memory_bound},
          std::pair{"scale_up", &sys.efficiency.scale_up},
          std::pair{"scale_out", &sys.efficiency.scale_out}})
      if (const toml::node* v = et->get(key))
        *slot = perf::Efficiency{r_.unit_fraction(*v, ep + "." + key), given};
    // The GEMM size at which a product reaches half of `matmul` (0: none).
    if (const toml::node* v = et->get("matmul_size")) {
      sys.efficiency.matmul_size = r_.whole_in_range(*v, ep + ".matmul_size", 0, max_width,
                                                     "a whole size (rows, columns or tokens)");
      sys.efficiency.matmul_size_provenance = given;
    }
  }
  if (const toml::node* rv = st.get("reserved_memory_gb")) {
    const double gb = r_.non_negative(*rv, path + ".reserved_memory_gb", "number of GB");
    if (gb > max_reserved_gb)
      r_.fail(ErrorCode::invalid_value, rv->source(), path + ".reserved_memory_gb",
              "got " + r_.written(*rv), "a number of GB per accelerator, at most 1e6");
    sys.reserved_memory = gigabytes(gb);
    sys.reserved_memory_provenance = r_.provenance(st, path);
  }
  return sys;
}

void ScenarioBuilder::step_time_usage(const toml::table& t, const std::string& path, StageSlot slot,
                                      const Cluster& cluster, const std::string& model_stage,
                                      Stage& st) {
  const std::string sp = path + ".step_time";
  const toml::node* sn = t.get("step_time");
  const toml::table* stt = sn->as_table();
  if (!stt)
    r_.fail_type(*sn, sp, "a table with mfu_precision, [architecture], [plan] and [network]");
  for (const char* other : {"throughput", "gpu_hours", "wall_clock_hours", "wall_clock_days",
                            "gpu_hours_per_trillion_tokens"})
    if (const toml::node* o = t.get(other))
      r_.fail(ErrorCode::invalid_input, o->source(), path + "." + other,
              std::string("got ") + other + " beside [step_time]",
              "one way to give the stage's usage: the step-time model predicts the throughput and "
              "the time (leave out [step_time] to state them instead)");
  r_.check_keys(*stt, sp,
                {"mfu_precision", "goodput", "reserved_memory_gb", "architecture", "plan",
                 "network", "efficiency", "evidence", "source"});
  const AcceleratorSpec& spec = cluster.accelerator();
  // The model needs the accelerator's memory and its bandwidth; a custom
  // accelerator may leave them out. Placed at the cluster that names it.
  if (!(in_gigabytes(spec.memory) > 0) || !(in_gigabytes_per_second(spec.memory_bandwidth) > 0)) {
    std::string field = path + ".cluster.accelerator";
    if (!s_.locations.count(field))
      field = path.substr(0, path.rfind(".stages[")) + ".cluster.accelerator";
    throw ScenarioError(ErrorCode::invalid_input, s_.file, locate(s_, scenario_field(field)),
                        scenario_field(field), "\"" + spec.name + "\"",
                        "an accelerator with memory_gb and memory_bandwidth_gb_s: the step-time "
                        "model needs both");
  }
  StepTimeStage in;
  in.path = path;
  in.stage_name = st.name;
  const toml::node* mp = r_.required(*stt, sp, "mfu_precision",
                                     "the precision the MFU is quoted against, e.g. \"bf16\" "
                                     "(there is no default)");
  in.mfu_precision = precision(*mp, sp + ".mfu_precision");
  r_.checked_value(*mp, sp + ".mfu_precision",
                   [&] { return spec.peak(in.mfu_precision, "mfu_precision"); });
  if (const toml::node* g = stt->get("goodput"))
    in.goodput = r_.unit_fraction(*g, sp + ".goodput");
  const toml::node* an =
      r_.required(*stt, sp, "architecture", "an [architecture] table (layers, hidden, ...)");
  in.architecture = architecture(*an, sp + ".architecture");
  const toml::node* pn =
      r_.required(*stt, sp, "plan", "a [plan] table (tensor, pipeline, data, ...)");
  in.plan = parallel_plan(*pn, sp + ".plan", spec);
  in.system = training_system(*stt, sp, spec, in.preset);
  // The plan occupies exactly the stage's cluster: a cost of 2,048 GPUs for a
  // plan of 1,024 would be off by two.
  // The product in doubles: four degrees of up to 1e6 overflow a long long.
  const double count = in_accelerators(cluster.count());
  const double occupied = static_cast<double>(in.plan.tensor) * in.plan.context * in.plan.pipeline *
                          static_cast<double>(in.plan.data);
  if (occupied != count)
    r_.fail(ErrorCode::invalid_input, pn->source(), sp + ".plan",
            "got tensor " + std::to_string(in.plan.tensor) + " x context " +
                std::to_string(in.plan.context) + " x pipeline " +
                std::to_string(in.plan.pipeline) + " x data " + std::to_string(in.plan.data) +
                " = " + traincost::detail::format_value(occupied) + " accelerators",
            "the stage's cluster of " + traincost::detail::format_value(count) + " " + spec.name);
  try {
    in.prediction = perf::predict_step(in.architecture, in.plan, in.system, in.mfu_precision);
  } catch (const ScenarioError&) {
    throw;
  } catch (const Error& e) {
    step_time_error(e, sp, *pn, sp + ".plan");
  }

  // The workload: tokens (maybe a range) and labels; FLOP per token is the
  // model's own count, so GPU-hours = tokens / predicted tokens per second.
  const std::string wp = path + ".workload";
  const toml::node* wn = t.get("workload");
  const toml::table* wt = wn->as_table();
  if (!wt)
    r_.fail_type(*wn, wp, "a table { training_tokens = 14.8e12 }");
  for (const char* rule : {"flop_per_token", "attention", "total_flop"})
    if (const toml::node* f = wt->get(rule))
      r_.fail(ErrorCode::invalid_input, f->source(), wp + "." + rule,
              std::string("got ") + rule + " beside [step_time]",
              std::string("no ") + rule +
                  ": the step-time model counts FLOP per token from the architecture");
  r_.check_keys(*wt, wp,
                {"name", "total_parameters", "active_parameters", "training_tokens",
                 "training_precision", "evidence", "source"});
  UsageSlot uslot = [slot](Scenario& s) -> WorkloadUsage& {
    return std::get<WorkloadUsage>(slot(s).usage);
  };
  Workload w;
  w.name = r_.optional_string(*wt, wp, "name").value_or(in.architecture.name);
  const perf::ParameterCounts counted = perf::count_parameters(in.architecture);
  w.total_parameters = counted.total;
  w.active_parameters = counted.active;
  if (const toml::node* v = wt->get("total_parameters"))
    w.total_parameters =
        parameters(r_.positive(*v, wp + ".total_parameters", "number of parameters"));
  if (const toml::node* v = wt->get("active_parameters"))
    w.active_parameters =
        parameters(r_.positive(*v, wp + ".active_parameters", "number of parameters"));
  const std::size_t before = s_.uncertain.size();
  w.training_tokens = tokens(value_or_range(
      *r_.required(*wt, wp, "training_tokens", "a positive number of tokens"),
      wp + ".training_tokens", "number of tokens", "tokens",
      [uslot](Scenario& s, double x) { uslot(s).workload.training_tokens = tokens(x); }));
  model_input(before, model_stage + ".training_tokens", 1.0);
  in.training_tokens = w.training_tokens;
  w.training_precision = in.plan.precision;
  if (const toml::node* tp = wt->get("training_precision")) {
    w.training_precision = precision(*tp, wp + ".training_precision");
    if (w.training_precision != in.plan.precision)
      r_.fail(ErrorCode::invalid_input, tp->source(), wp + ".training_precision",
              "got " + Reader::describe(*tp),
              "the plan's precision, " + std::string(to_string(in.plan.precision)) +
                  " (or no training_precision)");
  }
  w.provenance = r_.provenance(*wt, wp);
  const perf::StepPrediction& pr = in.prediction;
  const Provenance model = derived("step-time model: " + in.architecture.name + " on " +
                                   std::to_string(in.plan.accelerators()) + " " + spec.name + ", " +
                                   pr.provenance.source);
  w.flop_rule = FlopPerTokenRule::stated(pr.model_flop_per_token, model);
  // An MFU outside (0, 1] is a plan beyond the model's range, not the
  // user's typo: said so, at the [step_time] table.
  if (!(pr.mfu > 0.0 && pr.mfu <= 1.0))
    throw ScenarioError(
        ErrorCode::invalid_value, s_.file, Reader::where(sn->source()), scenario_field(sp),
        "the step-time model predicts an MFU of " + traincost::detail::format_value(pr.mfu) +
            " for this plan, expected an MFU in (0, 1]: the architecture or plan "
            "is beyond the model's range");
  const Throughput th = r_.checked_value(
      *sn, sp, [&] { return Throughput(in.mfu_precision, pr.mfu, in.goodput).with_source(model); });
  const ComputeEstimate e =
      r_.checked_value(*wn, wp, [&] { return estimate_compute(w, cluster, th); });
  st.usage = WorkloadUsage{std::move(w), th};
  st.usage_provenance = e.provenance;
  s_.step_time_stages.push_back(std::move(in));
}

}  // namespace traincost::io::detail_reader
