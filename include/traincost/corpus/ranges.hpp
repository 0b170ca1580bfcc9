#pragma once
/// \file
/// A 90% interval for every model and method, through the Monte Carlo core
/// (uncertainty/monte_carlo.hpp). Each method's figure is linear in a price
/// and in a count (methods.hpp keeps both on `MethodCost`), so a draw is
///
///   cost = price x price_factor x count x count_factor (+ energy per chip-hour x chip-hours)
///
/// where the count factor is the quantity factor for counts from quantity x
/// hours and acquisition, and mfu_central / mfu for chip-hours derived from
/// FLOP. Defaults are Epoch AI's uncertainty analysis (docs/sources.md §12):
/// MFU uniform on 0.1–0.65, hardware quantity and price lognormal with 90%
/// intervals 0.8–1.25x and 0.5–2x. All overridable.

#include <algorithm>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "traincost/corpus/methods.hpp"
#include "traincost/uncertainty/distribution.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"

namespace traincost::corpus {

struct RangeOptions {
  uncertainty::Distribution mfu = uncertainty::uniform(0.1, 0.65);
  uncertainty::Distribution quantity_factor = uncertainty::lognormal_90(0.8, 1.25);
  uncertainty::Distribution price_factor = uncertainty::lognormal_90(0.5, 2.0);
  std::int64_t samples = 10'000;
  std::uint64_t seed = 20240531;  // Epoch's DEFAULT_RNG seed, for the record
  unsigned threads = 1;           // one model is small; the caller parallelizes over models
  Provenance provenance = epoch_method("uncertainty analysis, branch `uncertainty`");
};

/// P5 and P95 of one method's figure (same units as `cost.total`).
struct Interval {
  double p5 = 0, p50 = 0, p95 = 0;
};

/// The 90% interval of `cost` (which must have a total). `central_mfu` is the
/// MFU the point figure used where chip-hours came from FLOP.
inline Interval cost_interval(const MethodCost& cost, double central_mfu, const RangeOptions& o) {
  uncertainty::InputSet in;
  in.add("mfu", o.mfu, o.provenance)
      .add("quantity_factor", o.quantity_factor, o.provenance)
      .add("price_factor", o.price_factor, o.provenance);
  const double price = cost.price;
  const double count = cost.chip_hours;
  const double energy = cost.energy_per_chip_hour;
  const bool from_flop = cost.chip_hours_from_flop;
  const uncertainty::Model model = [=](const Eigen::Ref<const Eigen::ArrayXXd>& x,
                                       Eigen::Ref<Eigen::ArrayXd> out) {
    const Eigen::ArrayXd count_factor =
        from_flop ? Eigen::ArrayXd(central_mfu / x.col(0)) : Eigen::ArrayXd(x.col(1));
    out = count * count_factor * (price * x.col(2) + energy);
  };
  Eigen::ArrayXd v = uncertainty::simulate(in, model, o.samples, o.seed, o.threads);
  auto at = [&](double q) {
    const auto k = static_cast<Eigen::Index>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.data(), v.data() + k, v.data() + v.size());
    return v[k];
  };
  Interval r;
  r.p5 = at(0.05);
  r.p50 = at(0.50);
  r.p95 = at(0.95);
  return r;
}

}  // namespace traincost::corpus
