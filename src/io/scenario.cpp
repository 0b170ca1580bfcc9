// The scenario reader. toml++ is compiled into this translation unit
// (header-only mode) rather than linked as Debian's shared library, so the
// sanitizer and fuzzing builds instrument the TOML parser too: it is the first
// code hostile input reaches.
#define TOML_HEADER_ONLY 1
#define TOML_ENABLE_FORMATTERS 0
#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "detail/toml_reader.hpp"
#include "traincost/catalog.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::io {

ScenarioError::ScenarioError(ErrorCode code, std::string file, Location where, std::string field,
                             std::string message)
    : std::runtime_error(file + ":" + std::to_string(where.line) + ":" +
                         std::to_string(where.column) + ": [" + std::string(error_id(code)) + "] " +
                         field + ": " + message),
      code_(code),
      file_(std::move(file)),
      where_(where),
      field_(std::move(field)),
      message_(std::move(message)) {}

namespace {

using detail_reader::Reader;

// ---- Enumerations spelled in scenario files ---------------------------------

std::optional<StageKind> parse_stage_kind(std::string_view s) {
  const std::string key = traincost::detail::normalize_name(s);
  for (StageKind k :
       {StageKind::pre_training, StageKind::context_extension, StageKind::post_training,
        StageKind::supervised_fine_tuning, StageKind::reinforcement_learning,
        StageKind::data_generation, StageKind::other})
    if (traincost::detail::normalize_name(to_string(k)) == key)
      return k;
  return std::nullopt;
}

const std::vector<std::string>& stage_kind_names() {
  static const std::vector<std::string> names = {
      "pre-training",           "context-extension", "post-training", "supervised-fine-tuning",
      "reinforcement-learning", "data-generation",   "other"};
  return names;
}

std::optional<FormFactor> parse_form_factor(std::string_view s) {
  const std::string key = traincost::detail::normalize_name(s);
  for (FormFactor f : {FormFactor::sxm, FormFactor::pcie, FormFactor::oam, FormFactor::tpu})
    if (traincost::detail::normalize_name(to_string(f)) == key)
      return f;
  return std::nullopt;
}

std::optional<Scope> parse_run_scope(std::string_view s) {
  if (s == "final_run_rental")
    return Scope::final_run_rental;
  if (s == "final_run_ownership")
    return Scope::final_run_ownership;
  return std::nullopt;
}

// ---- Pieces ------------------------------------------------------------------

class ScenarioBuilder {
 public:
  ScenarioBuilder(Reader& r, Scenario& s) : r_(r), s_(s) {}

  void top(const toml::table& root) {
    r_.check_keys(root, "", {"name", "description", "accelerators", "run"});
    s_.name = r_.optional_string(root, "", "name").value_or("");
    s_.description = r_.optional_string(root, "", "description").value_or("");
    if (const toml::node* a = root.get("accelerators"))
      custom_accelerators(*a);
    if (const toml::node* run = root.get("run")) {
      if (const toml::table* t = run->as_table()) {
        s_.runs.push_back(training_run(*t, "run"));
        s_.run_paths.push_back("run");
      } else if (const toml::array* arr = run->as_array()) {
        if (arr->empty())
          r_.fail(ErrorCode::invalid_input, arr->source(), "run", "got an empty array",
                  "at least one [[run]] table");
        for (std::size_t i = 0; i < arr->size(); ++i) {
          const std::string path = "run[" + std::to_string(i) + "]";
          s_.runs.push_back(training_run(*r_.table_at(*arr, i, path), path));
          s_.run_paths.push_back(path);
        }
      } else {
        r_.fail_type(*run, "run", "a [run] table or [[run]] tables");
      }
    }
    if (s_.runs.empty())
      r_.fail(ErrorCode::invalid_input, root.source(), "run", "nothing to cost",
              "a [run] table (see docs/scenarios.md)");
  }

 private:
  // [[accelerators]]: custom specifications.
  void custom_accelerators(const toml::node& n) {
    const toml::array* arr = n.as_array();
    if (!arr)
      r_.fail_type(n, "accelerators", "[[accelerators]] tables");
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string path = "accelerators[" + std::to_string(i) + "]";
      const toml::table& t = *r_.table_at(*arr, i, path);
      r_.check_keys(
          t, path,
          {"name", "vendor", "form_factor", "peak_tflops", "memory_gb", "memory_bandwidth_gb_s",
           "scale_up_gb_s", "tdp_w", "year", "evidence", "source", "notes"});
      AcceleratorSpec spec;
      const toml::node& name_node = *r_.required(t, path, "name", "a name for the accelerator");
      spec.name = r_.nonempty_string(name_node, path + ".name");
      if (const CatalogEntry* e = find_accelerator(spec.name))
        r_.fail(ErrorCode::invalid_input, name_node.source(), path + ".name",
                "got " + Reader::describe(name_node) + ", which is the catalog's \"" +
                    e->spec.name + "\"",
                "a name not in the catalog (use the catalog entry, or rename)");
      for (const auto& other : s_.accelerators)
        if (traincost::detail::normalize_name(other.name) ==
            traincost::detail::normalize_name(spec.name))
          r_.fail(ErrorCode::invalid_input, name_node.source(), path + ".name",
                  "got " + Reader::describe(name_node) + ", defined twice",
                  "a name used by one [[accelerators]] table only");
      spec.vendor = r_.optional_string(t, path, "vendor").value_or("custom");
      if (const toml::node* ff = t.get("form_factor")) {
        const std::string v = r_.string_value(*ff, path + ".form_factor");
        auto f = parse_form_factor(v);
        if (!f)
          r_.fail(ErrorCode::invalid_value, ff->source(), path + ".form_factor",
                  "got " + Reader::describe(*ff), "one of: sxm, pcie, oam, tpu");
        spec.form_factor = *f;
      }
      const toml::node* peaks = r_.required(t, path, "peak_tflops",
                                            "a table of dense peaks in TFLOP/s, e.g. "
                                            "{ bf16 = 989.5, fp8 = 1979 }");
      const std::string ppath = path + ".peak_tflops";
      const toml::table* pt = peaks->as_table();
      if (!pt)
        r_.fail_type(*peaks, ppath, "a table of dense peaks in TFLOP/s, e.g. { bf16 = 989.5 }");
      std::vector<std::string> precision_names;
      for (Precision p : all_precisions)
        precision_names.emplace_back(to_string(p));
      precision_names.emplace_back("fp16");
      for (const auto& [k, v] : *pt) {
        const auto p = parse_precision(k.str());
        if (!p)
          r_.unknown_key(k, ppath, precision_names);
        const std::string field = ppath + "." + std::string(k.str());
        spec.peaks.set(*p, tflop_per_second(r_.positive(v, field, "peak in TFLOP/s")));
      }
      if (pt->empty())
        r_.fail(ErrorCode::invalid_input, pt->source(), ppath, "got an empty table",
                "at least one precision, e.g. { bf16 = 989.5 }");
      spec.memory = gigabytes(r_.optional_positive(t, path, "memory_gb", "memory in GB", 0.0));
      spec.memory_bandwidth = gigabytes_per_second(
          r_.optional_positive(t, path, "memory_bandwidth_gb_s", "memory bandwidth in GB/s", 0.0));
      if (t.contains("scale_up_gb_s"))
        spec.scale_up_bandwidth = gigabytes_per_second(
            r_.optional_positive(t, path, "scale_up_gb_s", "scale-up bandwidth in GB/s", 0.0));
      if (t.contains("tdp_w"))
        spec.tdp = watts_per_accelerator(
            r_.optional_positive(t, path, "tdp_w", "board power in watts per accelerator", 0.0));
      if (const toml::node* y = t.get("year"))
        spec.year = static_cast<int>(r_.whole_in_range(*y, path + ".year", 1990, 2100, "a year"));
      spec.provenance = r_.provenance(t, path);
      spec.notes = r_.optional_string(t, path, "notes").value_or("");
      s_.accelerators.push_back(std::move(spec));
    }
  }

  const AcceleratorSpec& find_spec(const toml::node& n, const std::string& field) {
    const std::string name = r_.nonempty_string(n, field);
    const std::string key = traincost::detail::normalize_name(name);
    for (const auto& a : s_.accelerators)
      if (traincost::detail::normalize_name(a.name) == key)
        return a;
    if (const CatalogEntry* e = find_accelerator(name))
      return e->spec;
    std::vector<traincost::detail::NamedKeys> candidates;
    for (const auto& a : s_.accelerators)
      candidates.push_back({a.name, {traincost::detail::normalize_name(a.name)}});
    for (const auto& e : catalog()) {
      traincost::detail::NamedKeys c{e.spec.name, {traincost::detail::normalize_name(e.spec.name)}};
      for (const auto& al : e.aliases)
        c.keys.push_back(traincost::detail::normalize_name(al));
      candidates.push_back(std::move(c));
    }
    std::string expected =
        "an accelerator from the catalog or [[accelerators]]; closest known names:";
    bool first = true;
    for (const auto& c : traincost::detail::closest_names(name, candidates, 4)) {
      expected += first ? " " : ", ";
      expected += c;
      first = false;
    }
    r_.fail(ErrorCode::unknown_name, n.source(), field, "got " + Reader::describe(n), expected);
  }

  Cluster cluster(const toml::node& n, const std::string& path) {
    const toml::table* t = n.as_table();
    if (!t)
      r_.fail_type(n, path, "a table { accelerator = \"h800\", count = 2048 }");
    r_.check_keys(*t, path, {"accelerator", "count"});
    const toml::node* a =
        r_.required(*t, path, "accelerator", "an accelerator name, e.g. \"h800\"");
    const AcceleratorSpec& spec = find_spec(*a, path + ".accelerator");
    const toml::node* c = r_.required(*t, path, "count", "a positive whole number of accelerators");
    const double count =
        r_.whole_in_range(*c, path + ".count", 1, 1e9, "a whole number of accelerators");
    return Cluster(spec, accelerators(count));
  }

  Sourced<GpuTimePrice> price(const toml::node& n, const std::string& path) {
    const toml::table* t = n.as_table();
    if (!t)
      r_.fail_type(n, path, "a table { usd_per_gpu_hour = 2.0, source = \"...\" }");
    r_.check_keys(*t, path, {"usd_per_gpu_hour", "evidence", "source"});
    const toml::node* v =
        r_.required(*t, path, "usd_per_gpu_hour", "a positive price in USD per GPU-hour");
    const double p = r_.positive(*v, path + ".usd_per_gpu_hour", "price in USD per GPU-hour");
    return {usd_per_gpu_hour(p), r_.provenance(*t, path)};
  }

  Stage stage(const toml::table& t, const std::string& path) {
    r_.check_keys(t, path,
                  {"name", "kind", "gpu_hours", "wall_clock_hours", "wall_clock_days", "evidence",
                   "source", "cluster", "price"});
    Stage st;
    st.name = r_.nonempty_string(*r_.required(t, path, "name", "a stage name"), path + ".name");
    if (const toml::node* k = t.get("kind")) {
      const std::string v = r_.string_value(*k, path + ".kind");
      auto kind = parse_stage_kind(v);
      if (!kind)
        r_.fail(ErrorCode::invalid_value, k->source(), path + ".kind",
                "got " + Reader::describe(*k), "one of: " + Reader::join(stage_kind_names()));
      st.kind = *kind;
    }
    const toml::node* gh = t.get("gpu_hours");
    const toml::node* wh = t.get("wall_clock_hours");
    const toml::node* wd = t.get("wall_clock_days");
    const int given = (gh ? 1 : 0) + (wh ? 1 : 0) + (wd ? 1 : 0);
    if (given == 0)
      r_.fail(ErrorCode::invalid_input, t.source(), path + ".gpu_hours", "missing",
              "one of gpu_hours, wall_clock_hours or wall_clock_days");
    if (given > 1) {
      const toml::node* second = wd ? wd : wh;
      r_.fail(ErrorCode::invalid_input, second->source(), path,
              "got more than one of gpu_hours, wall_clock_hours, wall_clock_days",
              "exactly one way to give the stage's usage");
    }
    if (gh)
      st.usage = gpu_hours(r_.positive(*gh, path + ".gpu_hours", "number of GPU-hours"));
    else if (wh)
      st.usage = hours(r_.positive(*wh, path + ".wall_clock_hours", "number of hours"));
    else
      st.usage = days(r_.positive(*wd, path + ".wall_clock_days", "number of days"));
    st.usage_provenance = r_.provenance(t, path);
    if (const toml::node* c = t.get("cluster"))
      st.cluster = cluster(*c, path + ".cluster");
    if (const toml::node* p = t.get("price"))
      st.price = price(*p, path + ".price");
    return st;
  }

  TrainingRun training_run(const toml::table& t, const std::string& path) {
    r_.check_keys(t, path, {"name", "scope", "cluster", "price", "stages"});
    TrainingRun run{"", Cluster(accelerator("h800"), accelerators(1)), {}, {}, {}};
    run.name = r_.optional_string(t, path, "name").value_or(s_.name.empty() ? "run" : s_.name);
    if (const toml::node* sc = t.get("scope")) {
      const std::string v = r_.string_value(*sc, path + ".scope");
      auto scope = parse_run_scope(v);
      if (!scope)
        r_.fail(ErrorCode::invalid_value, sc->source(), path + ".scope",
                "got " + Reader::describe(*sc), "one of: final_run_rental, final_run_ownership");
      run.scope = *scope;
    }
    run.cluster = cluster(
        *r_.required(t, path, "cluster", "a [run.cluster] table with accelerator and count"),
        path + ".cluster");
    run.price = price(*r_.required(t, path, "price", "a [run.price] table with usd_per_gpu_hour"),
                      path + ".price");
    const toml::node* stages =
        r_.required(t, path, "stages", "[[run.stages]] tables, at least one");
    const toml::array* arr = stages->as_array();
    if (!arr)
      r_.fail_type(*stages, path + ".stages", "[[run.stages]] tables");
    if (arr->empty())
      r_.fail(ErrorCode::invalid_input, arr->source(), path + ".stages", "got an empty array",
              "at least one stage");
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string spath = path + ".stages[" + std::to_string(i) + "]";
      run.stages.push_back(stage(*r_.table_at(*arr, i, spath), spath));
    }
    return run;
  }

  Reader& r_;
  Scenario& s_;
};

}  // namespace

Scenario parse_scenario(std::string_view text, std::string_view file) {
  Scenario s;
  s.file = std::string(file);
  Reader r(s.file, s.locations);
  if (text.size() > max_scenario_bytes)
    r.fail(ErrorCode::invalid_input, {}, "(file)", "got " + std::to_string(text.size()) + " bytes",
           "at most " + std::to_string(max_scenario_bytes) + " bytes");
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(s.file));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    throw ScenarioError(ErrorCode::invalid_input, s.file, {b.line, b.column}, "(TOML syntax)",
                        std::string(e.description()));
  }
  ScenarioBuilder(r, s).top(root);
  return s;
}

Scenario read_scenario(const std::string& path) {
  std::string text;
  const std::string name = path == "-" ? std::string("<stdin>") : path;
  auto read_all = [&](std::istream& in) {
    // Read at most one byte past the limit, so a huge input is refused
    // without being held in memory.
    std::string buf(max_scenario_bytes + 1, '\0');
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.resize(static_cast<std::size_t>(in.gcount()));
    return buf;
  };
  if (path == "-") {
    text = read_all(std::cin);
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in)
      throw ScenarioError(ErrorCode::invalid_input, name, {}, "(file)",
                          "cannot be opened; expected a readable scenario file");
    text = read_all(in);
  }
  return parse_scenario(text, name);
}

Location locate(const Scenario& scenario, std::string_view field) {
  // Drop "(label)" parts: models name stages as "run.stages[0] (pre-training).price".
  std::string key;
  int depth = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '(') {
      ++depth;
      if (!key.empty() && key.back() == ' ')
        key.pop_back();
      continue;
    }
    if (c == ')') {
      depth = depth > 0 ? depth - 1 : 0;
      continue;
    }
    if (depth == 0)
      key.push_back(c);
  }
  while (!key.empty()) {
    if (auto it = scenario.locations.find(key); it != scenario.locations.end())
      return it->second;
    const auto cut = key.find_last_of(".[");
    if (cut == std::string::npos)
      break;
    key.erase(cut);
  }
  return {};
}

}  // namespace traincost::io
