#include "traincost/io/json_report.hpp"

#include <nlohmann/json.hpp>

#include "detail/text.hpp"

#include "traincost/version.hpp"

namespace traincost::io {
namespace {

nlohmann::ordered_json provenance_json(const Provenance& p) {
  return {{"evidence", std::string(to_string(p.evidence))}, {"source", p.source}};
}

nlohmann::ordered_json final_run_json(const FinalRunCost& run) {
  nlohmann::ordered_json stages = nlohmann::ordered_json::array();
  for (const auto& s : run.stages) {
    nlohmann::ordered_json mfu = nullptr;
    if (s.mfu)
      mfu = {{"basis", s.mfu_implied ? "implied" : "stated"},
             {"mfu", s.mfu->mfu},
             {"precision", std::string(to_string(s.mfu->precision))},
             {"reference_peak_tflops", in_tflop_per_second(s.mfu->reference_peak)},
             {"achieved_tflops", in_tflop_per_second(s.mfu->achieved)},
             {"goodput", s.mfu->goodput},
             {"ceiling", s.mfu->ceiling},
             {"verdict", std::string(to_string(s.mfu->verdict))},
             {"provenance", provenance_json(s.mfu->provenance)}};
    stages.push_back({
        {"name", s.name},
        {"kind", std::string(to_string(s.kind))},
        {"accelerator", s.accelerator},
        {"accelerators", in_accelerators(s.accelerators)},
        {"gpu_hours", in_gpu_hours(s.gpu_time)},
        {"wall_clock_hours", in_hours(s.wall_clock)},
        {"usd_per_gpu_hour", in_usd_per_gpu_hour(s.price)},
        {"usd", in_usd(s.cost)},
        {"share", s.share},
        {"usage_provenance", provenance_json(s.usage_provenance)},
        {"price_provenance", provenance_json(s.price_provenance)},
        {"mfu", std::move(mfu)},
    });
  }
  return {
      {"schema", "traincost.final_run/1"},
      {"name", run.name},
      {"scope", std::string(id(run.scope()))},
      {"scope_label", std::string(to_string(run.scope()))},
      {"total",
       {{"usd", in_usd(run.total)},
        {"gpu_hours", in_gpu_hours(run.gpu_time)},
        {"wall_clock_hours", in_hours(run.wall_clock)}}},
      {"stages", std::move(stages)},
  };
}

nlohmann::ordered_json serving_json(const ServingCost& c) {
  return {
      {"schema", "traincost.serving/1"},
      {"name", c.name},
      {"scope", std::string(id(ServingCost::scope()))},
      {"scope_label", std::string(to_string(ServingCost::scope()))},
      {"accelerator", c.accelerator},
      {"accelerators", in_accelerators(c.accelerators)},
      {"gpu_hours", in_gpu_hours(c.gpu_time)},
      {"wall_clock_hours", in_hours(c.period)},
      {"usd_per_gpu_hour", in_usd_per_gpu_hour(c.price)},
      {"usd", in_usd(c.total)},
      {"usd_per_day", in_usd(c.per_day)},
      {"tokens", c.tokens ? nlohmann::ordered_json(in_tokens(*c.tokens)) : nullptr},
      {"usd_per_million_tokens",
       c.per_token ? nlohmann::ordered_json(in_usd_per_million_tokens(*c.per_token)) : nullptr},
      {"usage_provenance", provenance_json(c.usage_provenance)},
      {"price_provenance", provenance_json(c.price_provenance)},
  };
}

nlohmann::ordered_json item_json(const LineItem& item) {
  nlohmann::ordered_json children = nlohmann::ordered_json::array();
  for (const auto& c : item.children)
    children.push_back(item_json(c));
  return {{"label", item.label},
          {"usd", in_usd(item.amount)},
          {"scope", std::string(id(item.scope))},
          {"provenance", provenance_json(item.provenance)},
          {"children", std::move(children)}};
}

std::string dump(const nlohmann::ordered_json& j, int indent) {
  return detail_text::dump_json(j, indent);
}

}  // namespace

std::string final_run_to_json(const FinalRunCost& run, int indent) {
  return dump(final_run_json(run), indent);
}

std::string breakdown_to_json(const LineItem& item, int indent) {
  return dump(item_json(item), indent);
}

std::string estimate_to_json(const Estimate& e, int indent) {
  nlohmann::ordered_json results = nlohmann::ordered_json::array();
  for (const auto& r : e.results) {
    nlohmann::ordered_json j = {{"model", r.model},
                                {"name", r.breakdown().label},
                                {"scope", std::string(id(r.breakdown().scope))},
                                {"scope_label", std::string(to_string(r.breakdown().scope))},
                                {"usd", in_usd(r.breakdown().amount)},
                                {"breakdown", item_json(r.breakdown())}};
    if (r.final_run)
      j["final_run"] = final_run_json(*r.final_run);
    if (r.serving)
      j["serving"] = serving_json(*r.serving);
    results.push_back(std::move(j));
  }
  const nlohmann::ordered_json doc = {
      {"schema", "traincost.estimate/1"},
      {"traincost_version", version_string},
      {"scenario", {{"name", e.name}, {"description", e.description}, {"file", e.file}}},
      {"results", std::move(results)},
  };
  return dump(doc, indent);
}

}  // namespace traincost::io
