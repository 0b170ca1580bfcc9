#pragma once
/// \file
/// Binding ranges to a model: one recorded evaluation tells which inputs a
/// model reads, in which order, with which dimension and bound. Each range
/// is matched to the reads of its path; a range of another dimension, or one
/// that reaches no model, is an error naming the path. The binding then
/// serves every block: the k-th read of a block takes the column of the
/// range bound to read k, so a model's work grows with the inputs that reach
/// it, not with all the ranges of a scenario.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/error.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/ranges.hpp"

namespace traincost::uncertainty {

/// A model with its reads matched to ranges.
struct BoundModel {
  const CostModel* model = nullptr;
  std::vector<model::ReadSite> sites;
  /// Per read: the index of its range in the `Ranges`, or -1 for the model's value.
  std::vector<std::ptrdiff_t> range_of_read;
  /// The ranges that reach the model, ascending.
  std::vector<std::size_t> reached;
};

/// Records `m`'s reads and matches them to `ranges`. Throws
/// `invalid_input` naming the path when a range's dimension is not its input's.
inline BoundModel bind(const CostModel& m, const Ranges& ranges) {
  model::BindingEvaluator e;
  (void)m.record(e);
  BoundModel b;
  b.model = &m;
  b.sites = e.take_sites();
  b.range_of_read.reserve(b.sites.size());
  for (const model::ReadSite& s : b.sites) {
    const std::size_t k = ranges.find(s.path);
    if (k == ranges.size()) {
      b.range_of_read.push_back(-1);
      continue;
    }
    const RangedInput& r = ranges[k];
    if (r.dimension && r.dimension != s.dimension)
      throw Error(
          ErrorCode::invalid_input, r.name(),
          "got a range of another dimension than the input " + s.path + ", expected a range in " +
              (s.spec.unit.empty() ? std::string("plain numbers") : std::string(s.spec.unit)));
    b.range_of_read.push_back(static_cast<std::ptrdiff_t>(k));
    bool seen = false;
    for (std::size_t x : b.reached)
      seen = seen || x == k;
    if (!seen)
      b.reached.push_back(k);
  }
  std::sort(b.reached.begin(), b.reached.end());
  return b;
}

/// Binds every model; throws `unknown_name` for a range that reaches none,
/// suggesting the closest input paths.
inline std::vector<BoundModel> bind_all(const std::vector<CostModel>& models,
                                        const Ranges& ranges) {
  std::vector<BoundModel> out;
  out.reserve(models.size());
  std::vector<bool> used(ranges.size(), false);
  for (const CostModel& m : models) {
    out.push_back(bind(m, ranges));
    for (std::size_t k : out.back().reached)
      used[k] = true;
  }
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    if (used[k])
      continue;
    std::vector<traincost::detail::NamedKeys> paths;
    for (const BoundModel& b : out)
      for (const auto& s : b.sites)
        if (std::none_of(paths.begin(), paths.end(),
                         [&](const auto& p) { return p.display == s.path; }))
          paths.push_back({s.path, {traincost::detail::normalize_name(s.path)}});
    std::string hint;
    for (const auto& c : traincost::detail::closest_names(ranges[k].path, paths, 3))
      hint += (hint.empty() ? "" : ", ") + c;
    throw Error(ErrorCode::unknown_name, ranges[k].name(),
                "the range reaches no input of the model" +
                    std::string(models.size() > 1 ? "s" : "") + " (path " + ranges[k].path +
                    "); expected an input the model reads" +
                    (hint.empty() ? std::string() : ", e.g. " + hint));
  }
  return out;
}

/// The columns a block of samples gives each read of `b` (null: the model's value).
/// `x` holds one column per range, `block_size` rows.
inline std::vector<const double*> columns_for(const BoundModel& b, const Eigen::ArrayXXd& x) {
  std::vector<const double*> cols(b.range_of_read.size(), nullptr);
  for (std::size_t k = 0; k < cols.size(); ++k)
    if (b.range_of_read[k] >= 0)
      cols[k] = x.data() + b.range_of_read[k] * x.rows();
  return cols;
}

/// The model over a block of drawn ranges as a raw engine model
/// (monte_carlo.hpp's `Model`: canonical columns in, USD out), for the
/// engine's own tools such as `sobol`. `b` must outlive the result.
inline Model engine_model(const BoundModel& b) {
  return [&b](const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out) {
    const auto lanes = static_cast<Eigen::Index>(model::lane_count);
    // Whole columns of lanes, the rows past a short block repeating its first.
    Eigen::ArrayXXd block(lanes, x.cols());
    std::vector<const double*> cols(b.range_of_read.size(), nullptr);
    for (Eigen::Index row = 0; row < x.rows(); row += lanes) {
      const Eigen::Index rows = std::min(lanes, x.rows() - row);
      block.topRows(rows) = x.middleRows(row, rows);
      for (Eigen::Index c = 0; c < x.cols() && rows < lanes; ++c)
        block.col(c).tail(lanes - rows).setConstant(x(row, c));
      for (std::size_t k = 0; k < cols.size(); ++k)
        cols[k] = b.range_of_read[k] >= 0 ? block.data() + b.range_of_read[k] * lanes : nullptr;
      model::LaneEvaluator e(b.sites, cols, static_cast<std::size_t>(rows));
      const auto cost = b.model->over_lanes(e);
      for (Eigen::Index i = 0; i < rows; ++i)
        out[row + i] = cost.value()[static_cast<std::size_t>(i)];
    }
  };
}

}  // namespace traincost::uncertainty
