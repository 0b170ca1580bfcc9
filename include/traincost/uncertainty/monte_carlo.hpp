#pragma once
/// \file
/// Monte Carlo over a vectorized model: draw every input, evaluate the model
/// on whole columns, summarize the output (mean, standard deviation,
/// P5/P25/P50/P75/P95, histogram). Uses every core; the same seed gives
/// bit-identical numbers whatever the thread count.
///
/// A model is a function from a sample matrix (one row per sample, one column
/// per input, canonical units) to an output column (canonical units too, e.g.
/// USD). It sees blocks of up to `block_size` rows, never the whole run.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/detail/validate.hpp"
#include "traincost/error.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/sampler.hpp"

namespace traincost::uncertainty {

/// A vectorized model: `out[r]` is the model at the inputs in row r of `x`.
/// Columns of `x` follow the input set's order, in canonical units.
using Model =
    std::function<void(const Eigen::Ref<const Eigen::ArrayXXd>& x, Eigen::Ref<Eigen::ArrayXd> out)>;

/// How to run a Monte Carlo simulation.
struct RunOptions {
  std::int64_t samples = 100'000;  ///< number of samples, >= 2
  std::uint64_t seed = 1;          ///< the same seed gives the same numbers
  unsigned threads = 0;            ///< 0 = every core
  int histogram_bins = 20;         ///< equal-width bins between min and max
};

/// Counts of outputs in equal-width bins over [low, high].
struct Histogram {
  double low = 0.0;
  double high = 0.0;
  std::vector<std::int64_t> counts;

  /// The width of one bin, in the output's units.
  double bin_width() const {
    return counts.empty() ? 0.0 : (high - low) / static_cast<double>(counts.size());
  }
};

/// Summary statistics of a sample of outputs (in the output's units).
struct Summary {
  std::int64_t samples = 0;
  double mean = 0.0;
  double sd = 0.0;  ///< sample standard deviation (n - 1)
  double min = 0.0;
  double p5 = 0.0;
  double p25 = 0.0;
  double p50 = 0.0;
  double p75 = 0.0;
  double p95 = 0.0;
  double max = 0.0;
  Histogram histogram;
};

/// The result of a run: the summary and every output, in sample order.
struct MonteCarloResult {
  Summary summary;
  Eigen::ArrayXd outputs;
};

/// Percentiles of `values` at probabilities `ps` (each in [0, 1], ascending),
/// with linear interpolation between order statistics (Hyndman-Fan type 7,
/// the default of R and NumPy). Partial selection, not a full sort.
inline std::vector<double> percentiles(const Eigen::Ref<const Eigen::ArrayXd>& values,
                                       const std::vector<double>& ps) {
  const std::int64_t n = values.size();
  if (n == 0)
    throw Error(ErrorCode::invalid_input, "percentiles.values",
                "got no values; expected at least one");
  std::vector<double> work(values.data(), values.data() + n);
  std::vector<double> out;
  out.reserve(ps.size());
  // Positions >= lo hold the values not yet selected. Since ps ascend, each
  // k is either >= lo or one of the two positions the previous step fixed.
  std::int64_t lo = 0;
  double prev_p = 0.0;
  for (double p : ps) {
    if (!(p >= prev_p && p <= 1.0))
      traincost::detail::fail_value("percentiles.p", p, "ascending probabilities in [0, 1]");
    prev_p = p;
    const double h = p * static_cast<double>(n - 1);
    const auto k = static_cast<std::int64_t>(std::floor(h));
    const double frac = h - static_cast<double>(k);
    if (k >= lo) {
      std::nth_element(work.begin() + lo, work.begin() + k, work.end());
      lo = k + 1;
    }
    double v = work[static_cast<std::size_t>(k)];
    if (frac > 0.0 && k + 1 < n) {
      // The next order statistic is the smallest of the unsorted rest.
      if (k + 1 >= lo) {
        auto it = std::min_element(work.begin() + k + 1, work.end());
        std::iter_swap(work.begin() + k + 1, it);
        lo = k + 2;
      }
      v += frac * (work[static_cast<std::size_t>(k + 1)] - v);
    }
    out.push_back(v);
  }
  return out;
}

/// Mean, standard deviation, percentiles and a histogram of `values`.
/// Throws when fewer than two values are given or one is not finite.
inline Summary summarize(const Eigen::Ref<const Eigen::ArrayXd>& values, int histogram_bins = 20) {
  const std::int64_t n = values.size();
  if (n < 2)
    traincost::detail::fail_value("summarize.values (count)", static_cast<double>(n),
                                  "at least 2 values");
  if (histogram_bins < 1)
    traincost::detail::fail_value("summarize.histogram_bins", histogram_bins, "at least 1 bin");
  if (!values.allFinite()) {
    Eigen::Index i = 0;
    while (std::isfinite(values[i]))
      ++i;
    traincost::detail::fail_value("output[" + std::to_string(i) + "]", values[i],
                                  "a finite model output; check the inputs' ranges");
  }
  Summary s;
  s.samples = n;
  s.mean = values.mean();
  s.sd = std::sqrt((values - s.mean).square().sum() / static_cast<double>(n - 1));
  s.min = values.minCoeff();
  s.max = values.maxCoeff();
  const std::vector<double> q = percentiles(values, {0.05, 0.25, 0.5, 0.75, 0.95});
  s.p5 = q[0];
  s.p25 = q[1];
  s.p50 = q[2];
  s.p75 = q[3];
  s.p95 = q[4];
  s.histogram.low = s.min;
  s.histogram.high = s.max;
  s.histogram.counts.assign(static_cast<std::size_t>(histogram_bins), 0);
  const double width = s.max - s.min;
  const double scale = width > 0.0 ? static_cast<double>(histogram_bins) / width : 0.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    auto b = static_cast<std::int64_t>((values[i] - s.min) * scale);
    b = std::min<std::int64_t>(b, histogram_bins - 1);
    ++s.histogram.counts[static_cast<std::size_t>(b)];
  }
  return s;
}

/// Draws `samples` rows of the input set (one column per input, canonical
/// units); mainly to inspect what a run feeds its model.
inline Eigen::ArrayXXd sample_inputs(const InputSet& inputs, std::int64_t samples,
                                     std::uint64_t seed, unsigned threads = 0) {
  if (samples < 1)
    traincost::detail::fail_value("samples", static_cast<double>(samples), "at least 1 sample");
  const auto k = static_cast<Eigen::Index>(inputs.size());
  Eigen::ArrayXXd x(samples, k);
  const BlockSampler sampler(inputs, seed);
  parallel_blocks(block_count(samples), threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd buf(block_size, k);
    for (std::int64_t b = first; b < last; ++b) {
      const std::int64_t row = b * block_size;
      const std::int64_t rows = std::min(block_size, samples - row);
      sampler.fill(b, buf.topRows(rows));
      x.middleRows(row, rows) = buf.topRows(rows);
    }
  });
  return x;
}

/// Evaluates `model` on `samples` draws of `inputs`, returning every output
/// in sample order. Blocks are drawn and evaluated where they are, so the
/// full sample matrix is never stored.
inline Eigen::ArrayXd simulate(const InputSet& inputs, const Model& model, std::int64_t samples,
                               std::uint64_t seed, unsigned threads = 0) {
  if (samples < 1)
    traincost::detail::fail_value("samples", static_cast<double>(samples), "at least 1 sample");
  if (inputs.size() == 0)
    throw Error(ErrorCode::invalid_input, "inputs", "got no inputs; expected at least one");
  const auto k = static_cast<Eigen::Index>(inputs.size());
  Eigen::ArrayXd out(samples);
  const BlockSampler sampler(inputs, seed);
  parallel_blocks(block_count(samples), threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd buf(block_size, k);
    for (std::int64_t b = first; b < last; ++b) {
      const std::int64_t row = b * block_size;
      const std::int64_t rows = std::min(block_size, samples - row);
      sampler.fill(b, buf.topRows(rows));
      model(buf.topRows(rows), out.segment(row, rows));
    }
  });
  return out;
}

/// Runs a Monte Carlo simulation of `model` over `inputs` and summarizes it.
/// Throws when an output is NaN or infinite (naming the sample), so no such
/// value reaches a printed cost.
inline MonteCarloResult monte_carlo(const InputSet& inputs, const Model& model,
                                    const RunOptions& options = {}) {
  if (options.samples < 2)
    traincost::detail::fail_value("options.samples", static_cast<double>(options.samples),
                                  "at least 2 samples");
  MonteCarloResult r;
  r.outputs = simulate(inputs, model, options.samples, options.seed, options.threads);
  r.summary = summarize(r.outputs, options.histogram_bins);
  return r;
}

}  // namespace traincost::uncertainty
