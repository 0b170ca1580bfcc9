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

#include "traincost/hardware/accelerator.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/compute/compute.hpp"
#include "traincost/core/error.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/program/program.hpp"
#include "traincost/program/research.hpp"
#include "traincost/program/staff.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/uncertainty/distribution.hpp"
#include "traincost/compute/workload.hpp"

namespace traincost::io {

/// A place in a scenario file; line and column start at 1 (0: unknown).
struct Location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A bad scenario: what() is "FILE:LINE:COL: [id] field: message".
class ScenarioError : public std::runtime_error {
 public:
  /// \param code    the category (the id in the message)
  /// \param file    the file as the user named it ("<stdin>" for standard input)
  /// \param where   line and column of the offending value, key or table
  /// \param field   the dotted path of the field, e.g. "run.stages[0].gpu_hours"
  /// \param message what was found and what was expected
  ScenarioError(ErrorCode code, std::string file, Location where, std::string field,
                std::string message);

  ErrorCode code() const noexcept { return code_; }
  const std::string& file() const noexcept { return file_; }
  Location where() const noexcept { return where_; }
  const std::string& field() const noexcept { return field_; }
  /// The message without the file, location, id and field.
  const std::string& message() const noexcept { return message_; }

 private:
  ErrorCode code_;
  std::string file_;
  Location where_;
  std::string field_;
  std::string message_;
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

/// The location recorded for `field`, or for its closest recorded parent
/// ("run.stages[0].gpu_hours" -> "run.stages[0]" -> "run"); {0, 0} if none.
/// Labels in parentheses, as models print them ("run.stages[0] (pre-training)"),
/// are ignored.
Location locate(const Scenario& scenario, std::string_view field);

}  // namespace traincost::io
