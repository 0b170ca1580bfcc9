#pragma once
/// \file
/// JSON rendering of results (part of traincost::io, the compiled library).
///
/// Schemas are stable: a key is never renamed or removed within a schema
/// version; amounts are plain US dollars, times are hours. Documented in
/// docs/scenarios.md ("JSON output").
///
/// traincost.final_run/1:
/// {"schema": "traincost.final_run/1", "name", "scope", "scope_label",
///  "total": {"usd", "gpu_hours", "wall_clock_hours"},
///  "stages": [{"name", "kind", "accelerator", "accelerators", "gpu_hours",
///              "wall_clock_hours", "usd_per_gpu_hour", "usd", "share",
///              "usage_provenance": {"evidence", "source"},
///              "price_provenance": {"evidence", "source"}}]}
///
/// traincost.estimate/2 (what `traincost estimate --format json` prints):
/// {"schema": "traincost.estimate/2", "traincost_version",
///  "scenario": {"name", "description", "file"},
///  "results": [{"model": "final_run", "name", "scope", "scope_label", "usd",
///               "breakdown": ITEM,
///               "final_run": <traincost.final_run/1 object>}]}
/// ITEM = {"label", "usd", "scope", "provenance": {"evidence", "source"},
///         "children": [ITEM ...]}

#include <string>

#include "traincost/core/breakdown.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost::io {

/// A final run's cost as JSON text, indented by `indent` spaces (-1: one line).
std::string final_run_to_json(const FinalRunCost& run, int indent = 2);

/// A breakdown tree as JSON text (the ITEM object above).
std::string breakdown_to_json(const LineItem& item, int indent = 2);

/// A whole estimate as JSON text, schema "traincost.estimate/2".
std::string estimate_to_json(const Estimate& e, int indent = 2);

}  // namespace traincost::io
