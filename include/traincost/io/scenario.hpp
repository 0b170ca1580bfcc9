#pragma once
/// \file
/// Scenario files: what to cost, written in TOML by analysts who do not write
/// C++. The schema is documented in docs/scenarios.md; this header is the
/// reader's interface (part of traincost::io, the compiled library).
///
/// The reader is the project's surface for hostile input, so it is strict:
/// every key must be known, every number is checked as it is read, and every
/// error names the file, line and column, the field, the value found and
/// what was expected. It never returns a scenario a model would reject.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "traincost/compute/compute.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/error.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/io/footprint.hpp"
#include "traincost/io/step_time.hpp"
#include "traincost/program/program.hpp"
#include "traincost/program/research.hpp"
#include "traincost/program/staff.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/run/serving.hpp"
#include "traincost/uncertainty/distribution.hpp"

namespace traincost::io {

/// A place in a scenario file; line and column start at 1 (0: unknown).
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A field of a scenario file as a path: "run[2].stages[0].gpu_hours" gives
/// the keys run, stages, gpu_hours with indices 2 and 0. A quoted key stays
/// one segment ("\"a.b\"" is not split); text without dots ("(file)",
/// "--samples") is one segment. `str()` of the result is `dotted` again.
FieldPath scenario_field(std::string_view dotted);

/// A bad scenario: a `traincost::Error` that also names the file, line and
/// column. what() is "FILE:LINE:COL: [id] field: message"; an error about the
/// whole file (field "(file)", no line) is "FILE: message".
class ScenarioError : public Error {
 public:
  /// \param code    the category (the id in the message)
  /// \param file    the file as the user named it ("<stdin>" for standard input)
  /// \param where   line and column of the offending value, key or table
  /// \param field   the field, e.g. scenario_field("run.stages[0].gpu_hours")
  /// \param message the whole message (not about one value)
  ScenarioError(ErrorCode code, std::string file, Location where, FieldPath field,
                std::string message);
  /// An error about one value: the message is "got VALUE, expected EXPECTED".
  ScenarioError(ErrorCode code, std::string file, Location where, FieldPath field,
                std::string value, std::string expected);
  /// A library error placed in a file: its code, value, expected and message,
  /// at `field` (the library's own field re-rooted in the scenario).
  ScenarioError(const Error& cause, std::string file, Location where, FieldPath field);
  /// The same parts as `cause` with another message (e.g. one that names a
  /// scenario key instead of a library parameter).
  ScenarioError(const Error& cause, std::string file, Location where, FieldPath field,
                std::string message);

  const std::string& file() const noexcept { return file_; }
  Location where() const noexcept { return where_; }

 private:
  ScenarioError(ErrorCode code, std::string file, Location where, FieldPath field,
                std::string value, std::string expected, std::string message);

  std::string file_;
  Location where_;
};

struct Scenario;

/// An input written as a range instead of a number, e.g.
/// `usd_per_gpu_hour = { low = 1.5, high = 3.5 }`. The distribution is in
/// the unit the scenario field is written in (not canonical units); `apply`
/// puts one value of it into a scenario. `estimate` uses the median.
struct UncertainInput {
  std::string field;  ///< dotted path, e.g. "run.price.usd_per_gpu_hour"
  std::string unit;   ///< e.g. "USD per GPU-hour"
  uncertainty::Distribution distribution = uncertainty::Distribution::fixed(0.0);
  std::string description;  ///< e.g. "uniform 1.5 to 3.5"
  /// The parameters as written, e.g. {{"low", 1.5}, {"high", 3.5}}.
  std::vector<std::pair<std::string, double>> parameters;
  Location where;
  std::function<void(Scenario&, double)> apply;
  /// The input the range reaches in the models ("<run>.stages[0].gpu_hours"),
  /// and the written unit's factor to canonical units (canonical = scale x
  /// written, or scale / written when `inverse`): how a simulation draws it
  /// through the models' one definition. Empty when not yet supported there.
  std::string model_path;
  double scale = 1.0;
  bool inverse = false;
};

/// A fleet to cost: its capex, and its operating cost over a period when
/// operating assumptions are given.
struct FleetScenario {
  std::string path;  ///< "fleet" or "fleet[i]"
  Fleet fleet;
  std::optional<OperatingAssumptions> operating;
};

/// Research of a program: a multiplier on one of the file's runs (Epoch AI's
/// convention) or a ledger of experiments.
struct ResearchScenario {
  std::string name;
  std::optional<std::size_t> run;  ///< for a multiplier: index into Scenario::runs
  Sourced<double> multiplier{1.0, {}};
  std::optional<ExperimentLedger> ledger;
};

/// A development program (rental-equivalent basis): some of the file's runs,
/// research, data work and staff, composed into one tree.
struct ProgramScenario {
  std::string path;  ///< "program"
  std::string name;
  std::vector<std::size_t> runs;  ///< indices into Scenario::runs
  std::vector<ResearchScenario> research;
  std::vector<DataWork> data;
  std::vector<StaffGroup> staff;
  ComputeBasis basis = ComputeBasis::rental_equivalent;
  /// Under `fleet_allocation`: the fleet (index into Scenario::fleets), which
  /// of its costs is allocated, and the program's share of its time.
  std::optional<std::size_t> fleet;
  Scope fleet_cost = Scope::fleet_tco;
  Sourced<double> share{0.0, {}};
};

/// Everything a scenario file asks to cost.
struct Scenario {
  std::string file;  ///< as named in error messages
  std::string name;
  std::string description;
  /// Accelerators defined in the file itself (not in the catalog).
  std::vector<AcceleratorSpec> accelerators;
  /// Final training runs, in file order (`[run]` or `[[run]]`).
  std::vector<TrainingRun> runs;
  /// Where each field was written, by dotted path; used to place errors that
  /// only a model can detect (e.g. a total that overflows).
  std::map<std::string, Location> locations;
  /// Path prefix of each run's fields: "run" for `[run]`, "run[i]" for `[[run]]`.
  std::vector<std::string> run_paths;
  /// Inputs written as ranges, in file order; set to their medians above.
  std::vector<UncertainInput> uncertain;
  /// Fleets (`[fleet]` or `[[fleet]]`), in file order.
  std::vector<FleetScenario> fleets;
  /// Programs (`[program]`), costed after the runs they include.
  std::vector<ProgramScenario> programs;
  /// Serving deployments (`[serving]` or `[[serving]]`), costed last; their
  /// scope, inference, never adds to a training result.
  std::vector<ServingDeployment> serving;
  /// Path prefix of each deployment's fields: "serving" or "serving[i]".
  std::vector<std::string> serving_paths;
  /// Each run's energy, emissions and failure inputs, by run index (empty
  /// when the file gives none; may be shorter than `runs`).
  std::vector<RunFootprintInputs> footprints;
  /// Stages costed from a step-time model (`[run.stages.step_time]`), in
  /// file order: their inputs and prediction (io/step_time.hpp).
  std::vector<StepTimeStage> step_time_stages;
};

/// The program as the library's `Program` value, its runs and research costed.
/// Throws `traincost::Error`.
Program program_of(const Scenario& scenario, const ProgramScenario& program);

/// The largest scenario accepted, in bytes; bigger input is refused unread.
inline constexpr std::size_t max_scenario_bytes = 1 << 20;

/// Reads a scenario from TOML text. `file` names the source in messages.
/// Throws `ScenarioError` for any syntax error, unknown key, missing field,
/// wrong type or out-of-range value.
Scenario parse_scenario(std::string_view text, std::string_view file);

/// Reads a scenario file; "-" reads standard input (named "<stdin>").
/// Throws `ScenarioError`, also when the file cannot be read.
Scenario read_scenario(const std::string& path);

/// The dotted key under which `Scenario::locations` records `field`:
/// "run.stages[0].gpu_hours". Read from the segments: an element's index is
/// kept and its name (a label such as "pre-training") dropped. A segment
/// whose key is a whole element as older library code writes it,
/// "stages[0] (pre-training)", is read the same way.
std::string location_key(const FieldPath& field);

/// The location recorded for `field`, or for its closest recorded parent
/// ("run.stages[0].gpu_hours" -> "run.stages[0]" -> "run"); {0, 0} if none.
Location locate(const Scenario& scenario, const FieldPath& field);

}  // namespace traincost::io
