#pragma once
/// \file
/// What a cost figure counts. The January 2025 argument about DeepSeek was
/// mostly people comparing figures of different scopes — a final run's
/// rental-equivalent, a post-training run, a fleet's capital spend — so every
/// result in traincost carries one.

#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost {

/// The scope of a cost figure.
enum class Scope {
  final_run_rental,     ///< a final training run priced at a rental rate
  final_run_ownership,  ///< a final training run priced at owned-hardware cost
  research_compute,     ///< experiments, ablations, failed runs
  data,                 ///< data acquisition and generation
  staff,                ///< people
  fleet_allocation,     ///< the share of a fleet's cost attributed to a program
  program,              ///< a whole development program
  fleet_capex,          ///< a fleet's capital expenditure
  fleet_operating,      ///< a fleet's operating cost over a period
  fleet_tco,            ///< a fleet's total cost of ownership over a period
  inference_rental,     ///< serving (inference) priced at a rental rate; never training
};

/// A short label for tables, e.g. "final run (rental-equivalent)".
constexpr std::string_view to_string(Scope s) {
  switch (s) {
    case Scope::final_run_rental:
      return "final run (rental-equivalent)";
    case Scope::final_run_ownership:
      return "final run (ownership cost)";
    case Scope::research_compute:
      return "research compute";
    case Scope::data:
      return "data";
    case Scope::staff:
      return "staff";
    case Scope::fleet_allocation:
      return "fleet allocation";
    case Scope::program:
      return "program";
    case Scope::fleet_capex:
      return "fleet capex";
    case Scope::fleet_operating:
      return "fleet operating cost";
    case Scope::fleet_tco:
      return "fleet TCO";
    case Scope::inference_rental:
      return "inference (rental-equivalent)";
  }
  detail::fail_enum_value("Scope", static_cast<long long>(s));
}

/// A stable machine-readable id, e.g. "final_run_rental" (JSON, CSV).
constexpr std::string_view id(Scope s) {
  switch (s) {
    case Scope::final_run_rental:
      return "final_run_rental";
    case Scope::final_run_ownership:
      return "final_run_ownership";
    case Scope::research_compute:
      return "research_compute";
    case Scope::data:
      return "data";
    case Scope::staff:
      return "staff";
    case Scope::fleet_allocation:
      return "fleet_allocation";
    case Scope::program:
      return "program";
    case Scope::fleet_capex:
      return "fleet_capex";
    case Scope::fleet_operating:
      return "fleet_operating";
    case Scope::fleet_tco:
      return "fleet_tco";
    case Scope::inference_rental:
      return "inference_rental";
  }
  detail::fail_enum_value("Scope", static_cast<long long>(s));
}

}  // namespace traincost
