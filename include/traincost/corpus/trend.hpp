#pragma once
/// \file
/// The growth of frontier training cost: log10(cost) against publication
/// date (fractional years), fitted by least squares, the growth per year as
/// 10^slope, with a bootstrap 90% interval (models resampled with
/// replacement). Cottier et al. 2024 report 2.4x a year (90% CI 2.0–2.9x) for
/// the amortized capex + energy method (docs/sources.md §7).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/corpus/date.hpp"
#include "traincost/uncertainty/random.hpp"

namespace traincost::corpus {

/// Cottier et al.'s published growth (docs/sources.md §7).
struct PublishedTrend {
  double growth = 2.4, low = 2.0, high = 2.9;
};

struct TrendPoint {
  std::string name;
  double year = 0;  ///< fractional
  double cost = 0;  ///< dollars of the base month
};

struct TrendFit {
  std::size_t points = 0;
  double slope = 0;                      ///< log10 dollars per year
  double intercept = 0;                  ///< log10 dollars at year 0
  double growth = 0;                     ///< 10^slope, x per year
  double growth_p5 = 0, growth_p95 = 0;  ///< bootstrap 90% interval
  double at(double year) const { return std::pow(10.0, intercept + slope * year); }
};

/// Days into the year as a fraction, as Epoch's plots use.
inline double fractional_year(Date d) {
  const Date start = Date::from_ymd(d.year(), 1, 1);
  const Date next = Date::from_ymd(d.year() + 1, 1, 1);
  return d.year() +
         static_cast<double>(d.days - start.days) / static_cast<double>(next.days - start.days);
}

namespace detail {
inline bool least_squares(const std::vector<TrendPoint>& p, const std::vector<std::size_t>& idx,
                          double& slope, double& intercept) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  const double n = static_cast<double>(idx.size());
  for (const std::size_t i : idx) {
    const double x = p[i].year, y = std::log10(p[i].cost);
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const double d = n * sxx - sx * sx;
  if (!(std::abs(d) > 1e-12))
    return false;
  slope = (n * sxy - sx * sy) / d;
  intercept = (sy - slope * sx) / n;
  return true;
}
}  // namespace detail

/// Fits the trend; needs at least three points with positive cost.
inline TrendFit fit_trend(const std::vector<TrendPoint>& points, int bootstrap = 2000,
                          std::uint64_t seed = 1) {
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < points.size(); ++i)
    if (points[i].cost > 0 && std::isfinite(points[i].cost))
      all.push_back(i);
  if (all.size() < 3)
    throw Error(ErrorCode::invalid_input, FieldPath("trend"),
                std::to_string(all.size()) + " points", "at least 3 models with a cost");
  TrendFit f;
  f.points = all.size();
  detail::least_squares(points, all, f.slope, f.intercept);
  f.growth = std::pow(10.0, f.slope);
  uncertainty::Xoshiro256pp g(seed);
  std::vector<double> growths;
  growths.reserve(static_cast<std::size_t>(std::max(bootstrap, 0)));
  std::vector<std::size_t> idx(all.size());
  for (int b = 0; b < bootstrap; ++b) {
    for (std::size_t& i : idx)
      i = all[static_cast<std::size_t>(g.uniform() * static_cast<double>(all.size())) % all.size()];
    double s = 0, c = 0;
    if (detail::least_squares(points, idx, s, c))
      growths.push_back(std::pow(10.0, s));
  }
  if (!growths.empty()) {
    std::sort(growths.begin(), growths.end());
    auto q = [&](double p) {
      return growths[static_cast<std::size_t>(p * static_cast<double>(growths.size() - 1))];
    };
    f.growth_p5 = q(0.05);
    f.growth_p95 = q(0.95);
  }
  return f;
}

}  // namespace traincost::corpus
