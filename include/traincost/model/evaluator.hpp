#pragma once
/// \file
/// Evaluators: how one model body is run. Every cost model reads each of its
/// numbers through `e.read(path, value, spec)` and does its arithmetic on
/// what comes back, `Val<V, Q>` with `V = E::value_type`:
///
///  * `PointEvaluator` (`V = double`) returns the model's own values: the
///    typed evaluation of one point. Given a `PointOverrides`, it returns
///    other values for some reads instead (a tornado's low and high points),
///    checked against each input's bound.
///  * `BindingEvaluator` (`V = double`) also returns the model's values, and
///    records every read — its path, dimension and spec — once, before a
///    simulation, so that ranges can be matched to the inputs they reach.
///  * `LaneEvaluator` (`V = Lanes`) returns, for the k-th read, the drawn
///    column bound to it or the model's value in every lane.
///
/// A model's reads must not depend on the values read (no `if (price > x)`
/// around a read): the k-th read of one evaluation is the k-th of every
/// other, which is how a binding recorded once serves every block. Choices
/// between formulas follow the model's structure (a stage given in GPU-hours
/// or wall-clock), never its numbers.

#include <cstddef>
#include <string>
#include <vector>

#include "traincost/detail/validate.hpp"
#include "traincost/model/input_spec.hpp"
#include "traincost/model/lanes.hpp"
#include "traincost/model/path.hpp"
#include "traincost/model/value.hpp"

namespace traincost::model {

/// Whether an evaluation wants the figures a cost does not need — wall-clock
/// times, GPU-time totals — that reports and breakdowns show. A point does;
/// a block of samples, which only ever feeds costs to a summary, does not,
/// and skipping them halves the work of a run over lanes. The cost itself
/// is computed the same way either way.
template <class E>
inline constexpr bool wants_details = !requires {
  requires !E::details;
};

/// One read of a model, as recorded by `BindingEvaluator`.
struct ReadSite {
  std::string path;       ///< e.g. "DeepSeek-V3.stages[0].gpu_hours"
  const void* dimension;  ///< `dimension_tag<Q>()` of the quantity read
  InputSpec spec;
  double value;  ///< the model's own value, canonical units
};

/// Values that replace some reads of a point evaluation, by read ordinal;
/// NaN keeps the model's value. Built from a binding (`ReadSite`s).
using PointOverrides = std::vector<double>;

/// Evaluates a model at one point, typed: `V = double`.
class PointEvaluator {
 public:
  using value_type = double;

  PointEvaluator() = default;
  /// Reads take `overrides[k]` instead of the model's value where it is not
  /// NaN; such values are checked against the input's bound.
  explicit PointEvaluator(const PointOverrides& overrides) : overrides_(&overrides) {}

  template <class Q>
  Q read(const Path& at, const Q& value, const InputSpec& spec) {
    const std::size_t k = next_++;
    if (!overrides_ || k >= overrides_->size() || std::isnan((*overrides_)[k]))
      return value;
    const double v = (*overrides_)[k];
    if (!within(spec.bound, v)) [[unlikely]]
      fail(at, spec, v);
    return from_canonical_as<Q>(v);
  }

 private:
  [[noreturn, gnu::cold, gnu::noinline]] static void fail(const Path& at, const InputSpec& spec,
                                                          double v) {
    traincost::detail::fail_value(at.str(), spec.show(v), spec.expected());
  }

  const PointOverrides* overrides_ = nullptr;
  std::size_t next_ = 0;
};

/// Evaluates a model at its own values while recording every read.
class BindingEvaluator {
 public:
  using value_type = double;

  template <class Q>
  Q read(const Path& at, const Q& value, const InputSpec& spec) {
    sites_.push_back(ReadSite{at.str(), dimension_tag<Q>(), spec, canonical(value)});
    return value;
  }

  /// Every read, in order.
  const std::vector<ReadSite>& sites() const { return sites_; }
  std::vector<ReadSite> take_sites() { return std::move(sites_); }

 private:
  std::vector<ReadSite> sites_;
};

/// Evaluates a model over a block of samples: `V = Lanes`.
class LaneEvaluator {
 public:
  using value_type = Lanes;
  /// Costs only: see `wants_details`.
  static constexpr bool details = false;

  /// \param sites   the model's reads, from a `BindingEvaluator`
  /// \param columns per read, the drawn values of its input (canonical
  ///                units) or null for the model's value; each column holds
  ///                `lane_count` finite numbers, of which the first `rows`
  ///                are this block's samples (the rest are ignored)
  /// \param rows    samples in this block, at most `lane_count`
  LaneEvaluator(const std::vector<ReadSite>& sites, const std::vector<const double*>& columns,
                std::size_t rows)
      : sites_(&sites), columns_(&columns), rows_(rows) {}

  template <class Q>
  Val<Lanes, Q> read(const Path&, const Q& value, const InputSpec& spec) {
    const std::size_t k = next_++;
    const double* col = k < columns_->size() ? (*columns_)[k] : nullptr;
    if (!col)
      return from_canonical_as<Q>(Lanes(canonical(value)));
    if (const std::size_t bad = first_outside(spec.bound, col, rows_); bad < rows_) [[unlikely]]
      fail(k, col[bad]);
    // Read in place: the block's columns outlive its evaluation.
    return from_canonical_as<Q>(Lanes::view(col));
  }

  /// Samples in the block.
  std::size_t rows() const { return rows_; }

 private:
  [[noreturn, gnu::cold, gnu::noinline]] void fail(std::size_t k, double v) const {
    const ReadSite& s = (*sites_)[k];
    traincost::detail::fail_value(s.path, s.spec.show(v),
                                  s.spec.expected() + " (a value drawn from its range)");
  }

  const std::vector<ReadSite>* sites_;
  const std::vector<const double*>* columns_;
  std::size_t rows_;
  std::size_t next_ = 0;
};

}  // namespace traincost::model
