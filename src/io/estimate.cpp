#include "traincost/io/estimate.hpp"

#include <cmath>
#include <optional>
#include <string>

#include "detail/relocate.hpp"

namespace traincost::io {
namespace {

// Models name fields from their own root ("run.stages[0] (x).price"); the
// scenario may have put that run at "run[2]".
[[noreturn]] void rethrow_at(const Scenario& s, const Error& e, const std::string& root) {
  const FieldPath at = scenario_field(root);
  const FieldPath field = detail_reader::rebase(e.field(), at, detail_reader::root_word(at));
  throw ScenarioError(e, s.file, locate(s, field), field);
}

void require_finite_tree(const Scenario& s, const LineItem& item, const std::string& root) {
  if (!std::isfinite(in_usd(item.amount)))
    throw ScenarioError(ErrorCode::invalid_value, s.file, locate(s, scenario_field(root)),
                        scenario_field(root),
                        "the cost of \"" + item.label +
                            "\" is not a finite number, expected inputs whose product is a "
                            "finite amount of USD");
  for (const auto& c : item.children)
    require_finite_tree(s, c, root);
}

}  // namespace

Estimate estimate(const Scenario& scenario) {
  Estimate out;
  out.file = scenario.file;
  out.name = scenario.name;
  out.description = scenario.description;
  for (std::size_t i = 0; i < scenario.runs.size(); ++i) {
    const std::string root = i < scenario.run_paths.size() ? scenario.run_paths[i] : "run";
    std::optional<FinalRunCost> run;
    try {
      run = cost_final_run(scenario.runs[i]);
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      rethrow_at(scenario, e, root);
    }
    LineItem tree = run->breakdown();  // before `run` is moved into the result
    ModelResult r("final_run", std::move(tree), std::move(run));
    require_finite_tree(scenario, r.breakdown(), root);
    if (!std::isfinite(in_gpu_hours(r.final_run->gpu_time)) ||
        !std::isfinite(in_hours(r.final_run->wall_clock)))
      throw ScenarioError(ErrorCode::invalid_value, scenario.file,
                          locate(scenario, scenario_field(root)), scenario_field(root),
                          "the run's GPU-hours or wall-clock time is not a finite number, "
                          "expected inputs whose totals are finite");
    for (const auto& st : r.final_run->stages)
      if (!std::isfinite(st.share))
        throw ScenarioError(ErrorCode::invalid_value, scenario.file,
                            locate(scenario, scenario_field(root)), scenario_field(root),
                            "a stage's share of the cost is not a finite number, expected "
                            "a total cost above zero");
    out.results.push_back(std::move(r));
  }
  for (const FleetScenario& fs : scenario.fleets) {
    try {
      const FleetCapex capex = cost_fleet_capex(fs.fleet);
      ModelResult c("fleet_capex", capex.breakdown());
      require_finite_tree(scenario, c.breakdown(), fs.path);
      out.results.push_back(std::move(c));
      if (fs.operating) {
        ModelResult o("fleet_operating",
                      cost_fleet_operating(fs.fleet, capex, *fs.operating).breakdown());
        require_finite_tree(scenario, o.breakdown(), fs.path + ".operating");
        out.results.push_back(std::move(o));
      }
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      rethrow_at(scenario, e, fs.path);
    }
  }
  for (const ProgramScenario& ps : scenario.programs) {
    try {
      ModelResult r("program", cost_program(program_of(scenario, ps)).breakdown());
      require_finite_tree(scenario, r.breakdown(), ps.path);
      out.results.push_back(std::move(r));
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      rethrow_at(scenario, e, ps.path);
    }
  }
  for (std::size_t i = 0; i < scenario.serving.size(); ++i) {
    const std::string& root = scenario.serving_paths.at(i);
    try {
      ModelResult r(cost_serving(scenario.serving[i]));
      require_finite_tree(scenario, r.breakdown(), root);
      out.results.push_back(std::move(r));
    } catch (const ScenarioError&) {
      throw;  // already placed in the file
    } catch (const Error& e) {
      rethrow_at(scenario, e, root);
    }
  }
  return out;
}

std::vector<DoubtfulMfu> doubtful_mfus(const Scenario& scenario, const Estimate& estimate) {
  std::vector<DoubtfulMfu> out;
  for (const ModelResult& r : estimate.results) {
    if (!r.final_run)
      continue;
    // Run names are unique in a scenario: the result names its run.
    for (std::size_t i = 0; i < scenario.runs.size(); ++i) {
      if (scenario.runs[i].name != r.final_run->name)
        continue;
      const std::string root = i < scenario.run_paths.size() ? scenario.run_paths[i] : "run";
      const auto& stages = r.final_run->stages;
      for (std::size_t j = 0; j < stages.size(); ++j) {
        const StageCost& st = stages[j];
        if (!st.mfu || st.mfu->verdict == Verdict::plausible)
          continue;
        const FieldPath field = scenario_field(root + ".stages[" + std::to_string(j) + "]." +
                                               (st.mfu_implied ? "workload" : "throughput"));
        out.push_back(
            DoubtfulMfu{field, locate(scenario, field), st.name, *st.mfu, st.mfu_implied});
      }
    }
  }
  return out;
}

}  // namespace traincost::io
