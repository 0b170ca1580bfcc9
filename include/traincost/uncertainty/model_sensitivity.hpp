#pragma once
/// \file
/// Which ranged input drives a model's cost: one-at-a-time swings (a
/// tornado) evaluated typed, point by point, through the model's one
/// definition; and variance shares (Sobol indices) over blocks of samples.
/// Only the ranges that reach a model take part in its analysis.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/error.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/model_binding.hpp"
#include "traincost/uncertainty/model_simulation.hpp"
#include "traincost/uncertainty/ranges.hpp"
#include "traincost/uncertainty/sensitivity.hpp"

namespace traincost::uncertainty {

/// One input's swing of a model's cost: the input at its 5th and 95th
/// percentiles, every other range at its median.
struct InputSwing {
  std::size_t input = 0;  ///< index into the `Ranges`
  std::string name;       ///< the range's label (or path)
  std::string unit;       ///< the unit the input is shown in
  double low = 0.0;       ///< the input's low value, in `unit`
  double high = 0.0;      ///< the input's high value, in `unit`
  Money at_low = usd(0);
  Money at_high = usd(0);

  Money swing() const { return at_high > at_low ? at_high - at_low : at_low - at_high; }
};

/// A model's tornado: only the ranges that reach it, largest swing first.
struct CostTornado {
  std::string name;
  Scope scope = Scope::program;
  Money base = usd(0);  ///< every range at its median
  std::vector<InputSwing> bars;
};

/// One-at-a-time sensitivity of `model` to each range that reaches it.
inline CostTornado tornado_of(const BoundModel& b, const Ranges& ranges, double low_q = 0.05,
                              double high_q = 0.95) {
  model::PointOverrides medians(b.sites.size(), std::nan(""));
  for (std::size_t i = 0; i < b.sites.size(); ++i)
    if (b.range_of_read[i] >= 0)
      medians[i] = ranges[static_cast<std::size_t>(b.range_of_read[i])].canonical(
          ranges[static_cast<std::size_t>(b.range_of_read[i])].distribution.median());
  auto at = [&](const model::PointOverrides& o) {
    model::PointEvaluator e(o);
    const Money c = b.model->at_point(e);
    if (!std::isfinite(in_usd(c)))
      detail::fail_output(b, ranges, in_usd(c), "a tornado point");
    return c;
  };
  CostTornado t;
  t.name = b.model->name;
  t.scope = b.model->scope;
  t.base = at(medians);
  for (std::size_t k : b.reached) {
    const Distribution& d = ranges[k].distribution;
    InputSwing s;
    s.input = k;
    s.name = ranges[k].name();
    model::PointOverrides lo = medians, hi = medians;
    const model::ReadSite* site = nullptr;
    for (std::size_t i = 0; i < b.sites.size(); ++i)
      if (b.range_of_read[i] == static_cast<std::ptrdiff_t>(k)) {
        lo[i] = ranges[k].canonical(d.quantile(low_q));
        hi[i] = ranges[k].canonical(d.quantile(high_q));
        site = &b.sites[i];
      }
    s.unit = std::string(site->spec.unit);
    s.low = site->spec.show(ranges[k].canonical(d.quantile(low_q)));
    s.high = site->spec.show(ranges[k].canonical(d.quantile(high_q)));
    s.at_low = at(lo);
    s.at_high = at(hi);
    t.bars.push_back(std::move(s));
  }
  std::stable_sort(t.bars.begin(), t.bars.end(), [](const InputSwing& a, const InputSwing& c) {
    return in_usd(a.swing()) > in_usd(c.swing());
  });
  return t;
}

/// Tornado of one model.
inline CostTornado tornado_cost(const CostModel& model, const Ranges& ranges) {
  return tornado_of(bind_all({model}, ranges).front(), ranges);
}

/// Sobol indices of a bound model over the ranges that reach it (Saltelli
/// first-order, Jansen total; sensitivity.hpp), drawn through its one
/// definition. Indices are named by the ranges' labels.
inline SobolResult sobol_of(const BoundModel& b, const Ranges& ranges,
                            const SobolOptions& options = {}) {
  // The engine sees only the ranges that reach the model, in canonical units.
  InputSet set;
  std::vector<std::ptrdiff_t> column_of_range(ranges.size(), -1);
  for (std::size_t k : b.reached) {
    column_of_range[k] = static_cast<std::ptrdiff_t>(set.size());
    set.add(ranges[k].name(), ranges[k].distribution, ranges[k].provenance);
  }
  if (set.size() == 0)
    throw Error(ErrorCode::invalid_input, b.model->name,
                "no range reaches the model; expected at least one for Sobol indices");
  BoundModel local = b;
  for (auto& r : local.range_of_read)
    if (r >= 0)
      r = column_of_range[static_cast<std::size_t>(r)];
  const Model inner = engine_model(local);
  const Model converting = [&](const Eigen::Ref<const Eigen::ArrayXXd>& x,
                               Eigen::Ref<Eigen::ArrayXd> out) {
    Eigen::ArrayXXd c = x;
    for (std::size_t k : b.reached) {
      const auto col = column_of_range[k];
      if (ranges[k].converts())
        for (Eigen::Index i = 0; i < c.rows(); ++i)
          c(i, col) = ranges[k].canonical(c(i, col));
    }
    inner(c, out);
  };
  return sobol(set, converting, options);
}

/// Sobol indices of one model.
inline SobolResult sobol_cost(const CostModel& model, const Ranges& ranges,
                              const SobolOptions& options = {}) {
  return sobol_of(bind_all({model}, ranges).front(), ranges, options);
}

}  // namespace traincost::uncertainty
