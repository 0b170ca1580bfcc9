#pragma once
// The scenario reader's builder: reads each section of a scenario file into
// a Scenario. One source file per section (scenario_accelerators.cpp,
// scenario_runs.cpp, scenario_ranges.cpp, scenario_fleets.cpp,
// scenario_programs.cpp; the top level in scenario.cpp). Private to
// traincost::io.

#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "toml.hpp"
#include "toml_reader.hpp"
#include "traincost/core/limits.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/io/printable.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::io::detail_reader {

// ---- Enumerations spelled in scenario files ---------------------------------

inline std::optional<StageKind> parse_stage_kind(std::string_view s) {
  const std::string key = traincost::detail::normalize_name(s);
  for (StageKind k :
       {StageKind::pre_training, StageKind::context_extension, StageKind::post_training,
        StageKind::supervised_fine_tuning, StageKind::reinforcement_learning,
        StageKind::data_generation, StageKind::other})
    if (traincost::detail::normalize_name(to_string(k)) == key)
      return k;
  return std::nullopt;
}

inline const std::vector<std::string>& stage_kind_names() {
  static const std::vector<std::string> names = {
      "pre-training",           "context-extension", "post-training", "supervised-fine-tuning",
      "reinforcement-learning", "data-generation",   "other"};
  return names;
}

inline std::optional<FormFactor> parse_form_factor(std::string_view s) {
  const std::string key = traincost::detail::normalize_name(s);
  for (FormFactor f : {FormFactor::sxm, FormFactor::pcie, FormFactor::oam, FormFactor::tpu})
    if (traincost::detail::normalize_name(to_string(f)) == key)
      return f;
  return std::nullopt;
}

// ---- The builder -----------------------------------------------------------------

class ScenarioBuilder {
 public:
  ScenarioBuilder(Reader& r, Scenario& s) : r_(r), s_(s) {}

  void top(const toml::table& root);

 private:
  // [serving] / [[serving]]: inference deployments (scenario_serving.cpp).
  void serving(const toml::table& t, const std::string& path);

  // [[accelerators]]: custom specifications.
  void custom_accelerators(const toml::node& n);

  // Programs and research name runs: with two runs of one name the first
  // silently won, so a stated name must be unique.
  void unique_run_name(const toml::table& t, const std::string& path);
  void unique_fleet_name(const toml::table& t, const std::string& path, const std::string& name);

  const AcceleratorSpec& find_spec(const toml::node& n, const std::string& field);

  Cluster cluster(const toml::node& n, const std::string& path);

  /// A positive number, or a range of positive numbers (recorded as an
  /// uncertain input; its median is returned).
  /// `minimum` (> 0: values must be at least it) and `below` (values must be
  /// under it) bound fields such as a PUE (>= 1) or a share (< 1); a range on
  /// such a field must be bounded and every parameter within the bounds.
  double value_or_range(const toml::node& n, const std::string& field, const std::string& what,
                        const std::string& unit, std::function<void(Scenario&, double)> apply,
                        double minimum = 0.0,
                        double below = std::numeric_limits<double>::infinity());

  /// Names the model input that the range just read (if `value_or_range`
  /// read one since `before`) reaches: its path in the model and the factor
  /// from the written unit to canonical units (`inverse`: canonical = factor / written).
  void model_input(std::size_t before, std::string path, double scale, bool inverse = false);

  using PriceSlot = std::function<Sourced<GpuTimePrice>&(Scenario&)>;
  using StageSlot = std::function<Stage&(Scenario&)>;

  /// A price table; `model_path` is the price's input in the model
  /// ("<run>.price", "<run>.stages[1].price" ...).
  Sourced<GpuTimePrice> price(const toml::node& n, const std::string& path, PriceSlot slot,
                              const std::string& model_path);

  using WorkloadSlot = std::function<Workload&(Scenario&)>;
  using UsageSlot = std::function<WorkloadUsage&(Scenario&)>;

  /// [run.stages.workload]: what is trained. `model_stage` is the stage's
  /// path in the model ("<run>.stages[0]").
  Workload workload(const toml::node& n, const std::string& path, WorkloadSlot slot,
                    const std::string& model_stage);
  /// A range on a workload figure that a stated total_flop makes irrelevant.
  [[noreturn]] void no_range_beside_total(const toml::node& n, const std::string& path);

  /// [run.stages.throughput] of a workload stage: an MFU or the TFLOP/s
  /// achieved per accelerator, against a named precision, and goodput.
  Throughput throughput(const toml::table& tt, const std::string& tpath, UsageSlot uslot,
                        const AcceleratorSpec& spec, const std::string& model_stage);

  /// A workload beside a stage's reported time: the MFU it implies is
  /// measured against [throughput]'s mfu_precision or the workload's
  /// training_precision. Its figures take no ranges (they change no cost).
  WorkloadClaim claim(const toml::table& t, const std::string& path, StageSlot slot,
                      const AcceleratorSpec& spec, const std::string& model_stage);

  /// [run.stages.step_time] beside a [workload] (scenario_step_time.cpp): the
  /// stage's usage from the step-time model; recorded in Scenario::step_time_stages.
  void step_time_usage(const toml::table& t, const std::string& path, StageSlot slot,
                       const Cluster& cluster, const std::string& model_stage, Stage& st);
  perf::TransformerArchitecture architecture(const toml::node& n, const std::string& path);
  perf::ParallelPlan parallel_plan(const toml::node& n, const std::string& path,
                                   const AcceleratorSpec& spec);
  perf::TrainingSystem training_system(const toml::table& st, const std::string& path,
                                       const AcceleratorSpec& spec, std::string& preset_name);
  /// A model error placed at the scenario field it names, else at `fallback`.
  [[noreturn]] void step_time_error(const Error& e, const std::string& root,
                                    const toml::node& fallback, const std::string& fallback_field);

  /// A count of accelerators, checked by the library's own rule (the same
  /// message as `Cluster` gives in C++).
  double accelerator_count(const toml::node& n, const std::string& field);

  /// A year of introduction or purchase, checked by the library's rule.
  int year(const toml::node& n, const std::string& field);

  Precision precision(const toml::node& n, const std::string& field);

  /// A stage; `model_stage` is its path in the model ("<run>.stages[0]").
  Stage stage(const toml::table& t, const std::string& path, StageSlot slot,
              const Cluster& run_cluster, const std::string& model_stage);

  using FleetSlot = std::function<FleetScenario&(Scenario&)>;

  /// A number that may be zero (a share, a count of endpoints).
  double non_negative(const toml::table& t, const std::string& path, std::string_view key,
                      const std::string& what, double fallback);

  /// A share in [0, 1).
  double share(const toml::node& n, const std::string& field);

  std::string kind_of(const toml::table& t, const std::string& path,
                      std::initializer_list<std::string_view> kinds);

  void fleet(const toml::table& t, const std::string& path);

  /// A holding; `model_root` is its path in the models ("<fleet>.holdings[0]").
  Holding holding(const toml::table& t, const std::string& path, FleetSlot slot, std::size_t hi,
                  const std::string& model_root);

  /// Operating assumptions; `fleet_name` roots their inputs in the models.
  OperatingAssumptions operating(const toml::node& n, const std::string& path, FleetSlot slot,
                                 const std::string& fleet_name);

  using ProgramSlot = std::function<ProgramScenario&(Scenario&)>;

  /// Stages of a research ledger or data work: like run stages, without workload.
  std::vector<Stage> plain_stages(const toml::node& n, const std::string& path,
                                  std::function<Stage&(Scenario&, std::size_t)> slot,
                                  const std::string& model_root);

  std::size_t run_index(const toml::node& n, const std::string& field);

  void program(const toml::table& t, const std::string& path);

  TrainingRun training_run(const toml::table& t, const std::string& path);

  /// [run.energy], [run.emissions], [run.failures] of run `ri` (scenario_energy.cpp).
  void run_footprint(const toml::table& t, const std::string& path, std::size_t ri,
                     const std::string& run_name);

  Reader& r_;
  Scenario& s_;
};

}  // namespace traincost::io::detail_reader
