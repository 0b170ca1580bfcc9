#include "traincost/io/json_report.hpp"

#include <nlohmann/json.hpp>

namespace traincost::io {
namespace {

nlohmann::json provenance_json(const Provenance& p) {
  return {{"evidence", std::string(to_string(p.evidence))}, {"source", p.source}};
}

}  // namespace

std::string final_run_to_json(const FinalRunCost& run, int indent) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& s : run.stages) {
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
    });
  }
  const nlohmann::json doc = {
      {"schema", "traincost.final_run/1"},
      {"name", run.name},
      {"scope", std::string(id(run.scope))},
      {"scope_label", std::string(to_string(run.scope))},
      {"total",
       {{"usd", in_usd(run.cost)},
        {"gpu_hours", in_gpu_hours(run.gpu_time)},
        {"wall_clock_hours", in_hours(run.wall_clock)}}},
      {"stages", std::move(stages)},
  };
  return doc.dump(indent);
}

}  // namespace traincost::io
