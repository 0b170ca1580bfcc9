#pragma once
/// \file
/// A cluster: one accelerator type times a count. Converts between
/// accelerator time (GPU-hours) and wall-clock time on that cluster.

#include <utility>

#include "traincost/core/limits.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// `count` accelerators of one type, all busy together.
class Cluster {
 public:
  /// \param accelerator the accelerator type (from the catalog or custom)
  /// \param count       number of accelerators; a positive whole number of at
  ///                    most `limits::max_accelerators`
  Cluster(AcceleratorSpec accelerator, AcceleratorCount count)
      : accelerator_(std::move(accelerator)), count_(count) {
    if (!limits::is_accelerator_count(in_accelerators(count)))
      limits::require_accelerator_count("cluster.accelerators", in_accelerators(count));
  }

  /// The accelerator type.
  const AcceleratorSpec& accelerator() const { return accelerator_; }
  /// The number of accelerators.
  AcceleratorCount count() const { return count_; }

  /// Wall-clock time for the cluster to use `usage` of accelerator time.
  Duration wall_clock(GpuTime usage) const { return usage / count_; }
  /// Accelerator time the whole cluster uses in `wall_clock`.
  GpuTime gpu_time(Duration wall_clock) const { return count_ * wall_clock; }

 private:
  AcceleratorSpec accelerator_;
  AcceleratorCount count_;
};

}  // namespace traincost
