#pragma once
/// \file
/// What a GPU-hour of a run is priced at, and so what its cost counts. The
/// scope of a run's cost follows from the kind of price — a rental rate
/// gives a rental-equivalent, an owned fleet's cost per GPU-hour gives an
/// ownership cost — and from nothing else: a run has no scope to set.

#include <utility>

#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// A price per GPU-hour together with what kind of price it is.
/// A `Sourced<GpuTimePrice>` converts to a rental price, the common case
/// (`run.price = sourced(usd_per_gpu_hour(2), published(...))`); an
/// ownership cost must be named: `RunPrice::ownership_cost(...)`.
class RunPrice : public Sourced<GpuTimePrice> {
 public:
  /// A rental price (DeepSeek's assumed $2 per H800 GPU-hour, a cloud quote).
  RunPrice(Sourced<GpuTimePrice> rental = {usd_per_gpu_hour(0), {}})  // NOLINT: implicit on purpose
      : Sourced<GpuTimePrice>(std::move(rental)) {}

  /// A rental price.
  static RunPrice rental(Sourced<GpuTimePrice> price) { return RunPrice(std::move(price)); }
  /// An owned fleet's cost per GPU-hour (ownership.hpp derives one).
  static RunPrice ownership_cost(Sourced<GpuTimePrice> cost) {
    RunPrice p(std::move(cost));
    p.owned_ = true;
    return p;
  }

  /// Whether this is an ownership cost rather than a rental price.
  bool is_ownership_cost() const { return owned_; }
  /// The scope of a run priced at this: `final_run_rental` or `final_run_ownership`.
  Scope scope() const { return owned_ ? Scope::final_run_ownership : Scope::final_run_rental; }

 private:
  bool owned_ = false;
};

}  // namespace traincost
