#pragma once
/// \file
/// Comparing configurations side by side (`traincost compare`): two or more
/// scenario files, or one file's base and its `[[variant]]` tables, each
/// costed as `estimate` costs it, then matched result by result with each
/// figure's difference from and ratio to the first configuration (the
/// baseline). Part of traincost::io, the compiled library; the variant
/// syntax is documented in docs/scenarios.md ("Variants and comparisons").
///
/// A variant is the base document with some fields changed: its sub-tables
/// are merged key by key into the base before the file is read, so the
/// variant is read by the same strict reader and every error in it is
/// placed at the variant's own line and named under `variant[i] (name)`.
///
/// traincost.compare/1 (what `traincost compare --format json` prints):
/// {"schema": "traincost.compare/1", "traincost_version",
///  "baseline": "A",
///  "configurations": [{"id": "A", "name", "file", "variant": null | INDEX,
///                      "description"}],
///  "results": [{"model", "name", "names": [NAME | null per configuration],
///               "scopes": [SCOPE | null ...], "evidence": [EVIDENCE | null ...],
///               "same_scope": BOOL,
///               "measures": [{"key", "label", "unit",
///                             "values": [NUMBER | null ...],
///                             "differences": [NUMBER | null ...],
///                             "ratios": [NUMBER | null ...]}]}]}
/// Differences and ratios are against the baseline (its own entry is 0 and 1);
/// null where a configuration lacks the result or the baseline's value is 0.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::io {

/// One configuration to compare: a scenario file as written, or one of its
/// variants (the base with the variant's fields merged in).
struct Configuration {
  std::string name;         ///< the variant's `name`, else the file's `name`, else the file
  std::string description;  ///< the variant's (or the file's) description
  std::string file;         ///< as named in messages
  /// Index of the `[[variant]]` table in its file; empty for a file's base.
  std::optional<std::size_t> variant;
  Scenario scenario;
};

/// The most `[[variant]]` tables a file may hold: each variant reads the
/// file again (a variant is the base document with its changes moved in),
/// so the bound keeps a hostile 1 MiB file from costing a million parses,
/// and a comparison wider than this is no longer a table anyone reads.
inline constexpr std::size_t max_variants = 100;

/// A file's configurations: the file as written (without its `[[variant]]`
/// tables), then each variant in file order. A file without variants gives
/// one configuration, read exactly as `parse_scenario` reads it. Throws
/// `ScenarioError`: for a variant, located at the variant's line with the
/// field named `variant[i] (name).<field>`.
std::vector<Configuration> parse_configurations(std::string_view text, std::string_view file);

/// `parse_configurations` of a file; "-" reads standard input.
std::vector<Configuration> read_configurations(const std::string& path);

/// One figure of a result in every configuration, with its difference from
/// and ratio to the baseline (configuration 0).
struct ComparedMeasure {
  std::string key;    ///< "usd", "gpu_hours", "wall_clock_hours", "accelerators", ...
  std::string label;  ///< "cost", "GPU-hours", "wall-clock", ...
  std::string unit;   ///< "USD", "GPU-hours", "hours", "accelerators", "kW", ...
  std::vector<std::optional<double>> values;  ///< one per configuration
  std::optional<double> difference(std::size_t configuration) const;
  std::optional<double> ratio(std::size_t configuration) const;
};

/// The k-th result of one model kind (the k-th final run, the k-th fleet's
/// capex ...) in every configuration.
struct ComparedResult {
  std::string model;                              ///< "final_run", "fleet_capex", ...
  std::vector<std::optional<std::string>> names;  ///< the result's label per configuration
  std::vector<std::optional<Scope>> scopes;       ///< per configuration
  /// How far each configuration's total can be trusted: its breakdown's
  /// evidence (a total is as weak as its weakest part).
  std::vector<std::optional<Evidence>> evidence;
  std::vector<ComparedMeasure> measures;
  /// Whether every configuration that has the result gives it the same scope;
  /// when not, the ratio compares amounts of different scopes and every
  /// format says so.
  bool same_scope() const;
  /// The first configuration's name for the result that has one.
  std::string name() const;
};

struct Comparison {
  std::vector<Configuration> configurations;
  std::vector<ComparedResult> results;
};

/// Costs every configuration (`estimate`) and matches their results: the
/// k-th result of a model kind with the k-th of the same kind elsewhere.
/// Throws `ScenarioError` (a variant's error placed as in
/// `parse_configurations`) and `traincost::Error` for fewer than two
/// configurations.
Comparison compare(std::vector<Configuration> configurations);

/// The letter a configuration is shown under: A, B, ... Z, AA, AB ...
std::string configuration_id(std::size_t index);

/// A comparison in the given format (see the file comment for JSON).
std::string render_comparison(const Comparison& c, Format f);

}  // namespace traincost::io
