#pragma once
/// \file
/// Allocating a fleet's cost to a program. A fleet's capex (~$1.6B for
/// DeepSeek's, per SemiAnalysis, sources.md §3 [A]) buys hardware that serves
/// many programs, inference and idle hours for years; only the share of the
/// fleet's time a program used belongs to that program. This is the one
/// named conversion from a fleet scope (capex, operating, TCO) to a scope that
/// can be counted in a program: `fleet_allocation`.
///
/// The fleet cost is taken as an amount with its scope — a compile-time
/// `ScopedCost<fleet_…>` or a run-time `LineItem` such as the root of a fleet
/// model's breakdown — so this header does not depend on how the fleet was
/// costed.

#include <optional>
#include <string>
#include <utility>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/core/scoped_cost.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Accelerator time a fleet offers over a period: GPUs × wall-clock, e.g.
/// 60,000 GPUs × 4 years = 2.1B GPU-hours.
/// \param gpus   number of accelerators in the fleet; a positive whole number
/// \param period the ownership period; positive
inline GpuTime fleet_capacity(AcceleratorCount gpus, Duration period) {
  detail::require_positive_whole("fleet.accelerators", in_accelerators(gpus), "accelerators");
  detail::require_positive("fleet.period", in_years(period), "number of years");
  return gpus * period;
}

/// A share of a fleet's cost attributed to a program, scope `fleet_allocation`.
struct FleetAllocation {
  std::string name;
  /// What was allocated from: fleet capex, operating cost or TCO.
  Scope fleet_scope = Scope::fleet_tco;
  Money fleet_cost = usd(0);
  Provenance fleet_provenance;
  /// The program's share of the fleet's time, in (0, 1].
  double share = 0.0;
  Provenance share_provenance;
  /// The allocated amount: share × fleet cost.
  ScopedCost<Scope::fleet_allocation> total{usd(0)};
  /// The fleet's accelerator time over the period, when known.
  std::optional<GpuTime> fleet_capacity;
  /// share × capacity, when the capacity is known.
  std::optional<GpuTime> allocated_time;
  /// Fleet cost / capacity: the fleet's own cost per GPU-hour at full use,
  /// when the capacity is known. Uses of the allocated time are priced at it.
  std::optional<GpuTimePrice> cost_per_gpu_hour;

  /// One node of scope `fleet_allocation` (a leaf).
  LineItem breakdown() const {
    return LineItem{name, total.amount(), Scope::fleet_allocation, total.provenance(), {}};
  }
};

namespace detail {

inline FleetAllocation allocate(std::string name, Scope fleet_scope, Money fleet_cost,
                                Provenance fleet_provenance, const Sourced<double>& share,
                                std::optional<GpuTime> capacity) {
  require_non_negative("allocation.fleet_cost", in_usd(fleet_cost), "amount in USD");
  require_unit_fraction("allocation.share", share.value);
  if (capacity)
    require_positive("allocation.fleet_capacity", in_gpu_hours(*capacity), "number of GPU-hours");

  FleetAllocation out;
  out.name = std::move(name);
  out.fleet_scope = fleet_scope;
  out.fleet_cost = fleet_cost;
  out.fleet_provenance = fleet_provenance;
  out.share = share.value;
  out.share_provenance = share.provenance;
  std::string how =
      "share " + format_value(share.value) + " (" + std::string(tag(share.provenance.evidence)) +
      " " + share.provenance.source + ") of " + std::string(to_string(fleet_scope)) + " " +
      format_value(in_usd(fleet_cost)) + " USD (" + std::string(tag(fleet_provenance.evidence)) +
      " " + fleet_provenance.source + ")";
  // An assumed share makes an assumed allocation; an analyst's fleet cost, an estimate.
  out.total = ScopedCost<Scope::fleet_allocation>(
      fleet_cost * share.value,
      derived_from({share.provenance.evidence, fleet_provenance.evidence}, std::move(how)));
  if (capacity) {
    out.fleet_capacity = *capacity;
    out.allocated_time = *capacity * share.value;
    out.cost_per_gpu_hour = fleet_cost / *capacity;
  }
  return out;
}

}  // namespace detail

/// Allocates `share` of a fleet's cost (capex, operating cost or TCO) to a
/// program. Only fleet scopes compile.
/// \param name       label of the allocation
/// \param fleet_cost the fleet's cost with its scope
/// \param share      the program's share of the fleet's time over the cost's
///                   period, in (0, 1]
/// \param capacity   the fleet's accelerator time over that period
///                   (`fleet_capacity`), needed to price uses of the time
// clang-format off
template <Scope S>
  requires(is_fleet_scope(S))
FleetAllocation allocate_by_share(std::string name, const ScopedCost<S>& fleet_cost,
                                  const Sourced<double>& share,
                                  std::optional<GpuTime> capacity = std::nullopt) {
  // clang-format on
  return detail::allocate(std::move(name), S, fleet_cost.amount(), fleet_cost.provenance(), share,
                          capacity);
}

/// Allocates `share` of a fleet cost held as a line item (e.g. the root of a
/// fleet model's breakdown). Throws `ErrorCode::scope_mismatch` when the item
/// is not a fleet capex, operating cost or TCO.
inline FleetAllocation allocate_by_share(std::string name, const LineItem& fleet_cost,
                                         const Sourced<double>& share,
                                         std::optional<GpuTime> capacity = std::nullopt) {
  if (!is_fleet_scope(fleet_cost.scope))
    throw Error(ErrorCode::scope_mismatch, "allocation.fleet_cost",
                "got \"" + fleet_cost.label + "\" of scope " +
                    detail::describe_scope(fleet_cost.scope) +
                    ", expected a fleet's cost: fleet capex [fleet_capex], fleet operating cost "
                    "[fleet_operating] or fleet TCO [fleet_tco]");
  return detail::allocate(std::move(name), fleet_cost.scope, fleet_cost.amount,
                          fleet_cost.provenance, share, capacity);
}

/// Allocates by measured use: the share is `used / capacity`, i.e. the program
/// pays for exactly the fleet time it used at the fleet's full-use cost per
/// GPU-hour — a lower bound, since idle and reserved time is charged to no one.
/// Throws when `used` exceeds `capacity`.
// clang-format off
template <Scope S>
  requires(is_fleet_scope(S))
FleetAllocation allocate_by_usage(std::string name, const ScopedCost<S>& fleet_cost,
                                  GpuTime capacity, GpuTime used, const Provenance& usage_source) {
  // clang-format on
  detail::require_positive("allocation.fleet_capacity", in_gpu_hours(capacity),
                           "number of GPU-hours");
  detail::require_positive("allocation.used", in_gpu_hours(used), "number of GPU-hours");
  const double share = ratio(used, capacity);
  if (share > 1.0)
    detail::fail_value("allocation.used", in_gpu_hours(used),
                       "at most the fleet's capacity of " +
                           detail::format_value(in_gpu_hours(capacity)) + " GPU-hours");
  return allocate_by_share(std::move(name), fleet_cost,
                           sourced(share, derived_from({usage_source.evidence},
                                                       "used / capacity: " + usage_source.source)),
                           capacity);
}

}  // namespace traincost
