#pragma once
/// \file
/// Charts as standalone SVG documents (no scripts, no external resources):
/// a stacked cost breakdown, a Monte Carlo histogram with percentiles marked,
/// and a tornado of one-at-a-time sensitivities. Every figure drawn is also
/// written as text in the SVG, so tests (and screen readers) can find it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "traincost/io/estimate.hpp"

namespace traincost::io {

/// Text made safe for XML: markup characters escaped, control characters and
/// invalid UTF-8 replaced, so the document is always well-formed.
std::string xml_text(std::string_view s);

/// One horizontal bar per result, split into its breakdown's children, each
/// segment labelled with its amount and share; the total at the bar's end.
std::string breakdown_chart_svg(const Estimate& e);

/// A percentile marked on a histogram, e.g. {5, value} for P5.
struct MarkedPercentile {
  double percent;  ///< in (0, 100)
  double usd;
};

/// A histogram of sampled costs (USD) with the given percentiles marked.
/// `samples` must be finite; `bins` in [1, 200].
std::string histogram_svg(std::string_view title, const std::vector<double>& samples,
                          const std::vector<MarkedPercentile>& percentiles, int bins = 40);

/// Costs already counted in equal-width bins over [low_usd, high_usd], with
/// the counts that fell outside (a simulation's histogram).
struct BinnedCosts {
  double low_usd = 0;
  double high_usd = 0;
  std::vector<std::int64_t> counts;
  std::int64_t below = 0;
  std::int64_t above = 0;
};

/// A histogram of costs counted beforehand, the given percentiles marked.
/// `unit` other than "USD" ("kWh", "tCO2e": a run's footprint) labels the
/// figures, which are then in that unit.
std::string histogram_svg(std::string_view title, const BinnedCosts& binned,
                          const std::vector<MarkedPercentile>& percentiles,
                          std::string_view unit = "USD");

/// One input's swing in a tornado chart: the result (USD) with the input at
/// its low and at its high end, the others at their base values.
struct ChartBar {
  std::string input;
  double low_usd;
  double high_usd;
};

/// A tornado chart around `base_usd`, widest swing on top.
/// `unit` as for `histogram_svg`.
std::string tornado_svg(std::string_view title, double base_usd, std::vector<ChartBar> bars,
                        std::string_view unit = "USD");

}  // namespace traincost::io
