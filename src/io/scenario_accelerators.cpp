// The scenario reader: [[accelerators]] (custom specifications), accelerator names, clusters,
// counts, years and precisions.
#include "detail/scenario_builder.hpp"

namespace traincost::io::detail_reader {

void ScenarioBuilder::custom_accelerators(const toml::node& n) {
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
              "got " + Reader::describe(name_node) + ", which is the catalog's \"" + e->spec.name +
                  "\"",
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
      spec.peaks.set(*p, tflop_per_second(r_.positive(v, field, "peak in TFLOP/s", 1e12)));
    }
    if (pt->empty())
      r_.fail(ErrorCode::invalid_input, pt->source(), ppath, "got an empty table",
              "at least one precision, e.g. { bf16 = 989.5 }");
    spec.memory = gigabytes(r_.optional_positive(t, path, "memory_gb", "memory in GB", 0.0, 1e9));
    spec.memory_bandwidth = gigabytes_per_second(r_.optional_positive(
        t, path, "memory_bandwidth_gb_s", "memory bandwidth in GB/s", 0.0, 1e9));
    if (t.contains("scale_up_gb_s"))
      spec.scale_up_bandwidth = gigabytes_per_second(
          r_.optional_positive(t, path, "scale_up_gb_s", "scale-up bandwidth in GB/s", 0.0, 1e9));
    if (t.contains("tdp_w"))
      spec.tdp = watts_per_accelerator(
          r_.optional_positive(t, path, "tdp_w", "board power in watts per accelerator", 0.0));
    if (const toml::node* y = t.get("year"))
      spec.year = year(*y, path + ".year");
    spec.provenance = r_.provenance(t, path);
    spec.notes = r_.optional_string(t, path, "notes").value_or("");
    s_.accelerators.push_back(std::move(spec));
  }
}

const AcceleratorSpec& ScenarioBuilder::find_spec(const toml::node& n, const std::string& field) {
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

Cluster ScenarioBuilder::cluster(const toml::node& n, const std::string& path) {
  const toml::table* t = n.as_table();
  if (!t)
    r_.fail_type(n, path, "a table { accelerator = \"h800\", count = 2048 }");
  r_.check_keys(*t, path, {"accelerator", "count"});
  const toml::node* a = r_.required(*t, path, "accelerator", "an accelerator name, e.g. \"h800\"");
  const AcceleratorSpec& spec = find_spec(*a, path + ".accelerator");
  const toml::node* c = r_.required(*t, path, "count", "a positive whole number of accelerators");
  return Cluster(spec, accelerators(accelerator_count(*c, path + ".count")));
}

double ScenarioBuilder::accelerator_count(const toml::node& n, const std::string& field) {
  const double v = r_.number(n, field, "a whole number of accelerators");
  return r_.checked(n, field, [&] { return limits::require_accelerator_count({}, v); });
}

int ScenarioBuilder::year(const toml::node& n, const std::string& field) {
  const double v = r_.number(n, field, "a year");
  return r_.checked_value(n, field, [&] { return limits::require_year({}, v); });
}

Precision ScenarioBuilder::precision(const toml::node& n, const std::string& field) {
  const std::string v = r_.string_value(n, field);
  if (auto p = parse_precision(v))
    return *p;
  r_.fail_type(n, field, "one of: " + precision_names_text());
}

}  // namespace traincost::io::detail_reader
