#pragma once
/// \file
/// JSON rendering of results (part of traincost::io, the compiled library).
///
/// Schema (stable; amounts in plain US dollars, times in hours):
/// {"schema": "traincost.final_run/1", "name", "scope", "scope_label",
///  "total": {"usd", "gpu_hours", "wall_clock_hours"},
///  "stages": [{"name", "kind", "accelerator", "accelerators", "gpu_hours",
///              "wall_clock_hours", "usd_per_gpu_hour", "usd", "share",
///              "usage_provenance": {"evidence", "source"},
///              "price_provenance": {"evidence", "source"}}]}

#include <string>

#include "traincost/final_run.hpp"

namespace traincost::io {

/// A final run's cost as JSON text, indented by `indent` spaces (-1: one line).
std::string final_run_to_json(const FinalRunCost& run, int indent = 2);

}  // namespace traincost::io
