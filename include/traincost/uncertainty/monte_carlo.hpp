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

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"
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
  int histogram_bins = 20;         ///< equal-width bins between P1 and P99
  /// `simulate_costs`: at most this many outputs (samples x models) are kept
  /// in memory and summarized in one pass; beyond, statistics stream over
  /// three passes of the same draws (model_simulation.hpp). 8M = 64 MB.
  std::int64_t kept_outputs = 8'000'000;
};

/// Counts of outputs in equal-width bins over [low, high], which span the
/// 1st to the 99th percentile so that a long tail does not squash every
/// sample into the first bin; values outside are counted in `below` and
/// `above`.
struct Histogram {
  double low = 0.0;
  double high = 0.0;
  std::vector<std::int64_t> counts;
  std::int64_t below = 0;  ///< values < low
  std::int64_t above = 0;  ///< values > high

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

namespace detail {

/// Elements per chunk of the summary's parallel passes. Partial results are
/// kept per chunk and combined in chunk order, so summaries do not depend on
/// the thread count either.
inline constexpr std::int64_t summary_chunk = 1 << 16;

/// Fine buckets used to locate order statistics (see `order_statistics`).
inline constexpr std::int64_t selection_buckets = 1 << 12;

/// Sum, minimum and maximum of finite values; throws naming the first
/// non-finite one.
struct Moments {
  double sum = 0.0, min = 0.0, max = 0.0;
};

inline Moments sum_min_max(const Eigen::Ref<const Eigen::ArrayXd>& v, unsigned threads) {
  const std::int64_t n = v.size();
  const std::int64_t chunks = (n + summary_chunk - 1) / summary_chunk;
  Eigen::ArrayXXd part(3, chunks);
  parallel_blocks(chunks, threads, [&](std::int64_t first, std::int64_t last) {
    for (std::int64_t c = first; c < last; ++c) {
      // A view, not an expression: Ref, never auto (Eigen's Pitfalls page).
      const Eigen::Ref<const Eigen::ArrayXd> seg =
          v.segment(c * summary_chunk, std::min(summary_chunk, n - c * summary_chunk));
      part(0, c) = seg.sum();
      part(1, c) = seg.minCoeff();
      part(2, c) = seg.maxCoeff();
    }
  });
  Moments m{part.row(0).sum(), part.row(1).minCoeff(), part.row(2).maxCoeff()};
  if (!std::isfinite(m.sum) || !std::isfinite(m.min) || !std::isfinite(m.max)) {
    Eigen::Index i = 0;
    while (i < v.size() && std::isfinite(v[i]))
      ++i;
    if (i == v.size())
      traincost::detail::fail_value("output (sum)", m.sum,
                                    "a sum of outputs within the range of double");
    traincost::detail::fail_value("output[" + std::to_string(i) + "]", v[i],
                                  "a finite model output; check the inputs' ranges");
  }
  return m;
}

/// The values of rank `ranks` (0-based, ascending) in `v`, whose range is
/// [lo, hi]. Bucket selection: count values in fine equal-width buckets
/// (bucket index is monotone in the value, so buckets partition the sorted
/// order), then partially sort only the few buckets that hold a wanted rank.
/// Linear time; exact whatever the distribution (a bucket holding most
/// values just makes its partial sort larger).
inline std::vector<double> order_statistics(const Eigen::Ref<const Eigen::ArrayXd>& v, double lo,
                                            double hi, const std::vector<std::int64_t>& ranks,
                                            unsigned threads) {
  const std::int64_t n = v.size();
  std::vector<double> out(ranks.size(), lo);
  if (!(hi > lo))
    return out;  // every value is equal
  constexpr std::int64_t nb = selection_buckets;
  const double scale = static_cast<double>(nb) / (hi - lo);
  auto bucket = [&](double x) {
    return std::min<std::int64_t>(static_cast<std::int64_t>((x - lo) * scale), nb - 1);
  };
  const std::int64_t chunks = (n + summary_chunk - 1) / summary_chunk;
  std::vector<std::int64_t> counts(static_cast<std::size_t>(chunks * nb), 0);
  parallel_blocks(chunks, threads, [&](std::int64_t first, std::int64_t last) {
    for (std::int64_t c = first; c < last; ++c) {
      std::int64_t* cnt = counts.data() + c * nb;
      const std::int64_t end = std::min(n, (c + 1) * summary_chunk);
      for (std::int64_t i = c * summary_chunk; i < end; ++i)
        ++cnt[bucket(v[i])];
    }
  });
  // cum[b] = number of values in buckets before b.
  std::vector<std::int64_t> cum(static_cast<std::size_t>(nb + 1), 0);
  for (std::int64_t b = 0; b < nb; ++b) {
    std::int64_t total = 0;
    for (std::int64_t c = 0; c < chunks; ++c)
      total += counts[static_cast<std::size_t>(c * nb + b)];
    cum[static_cast<std::size_t>(b + 1)] = cum[static_cast<std::size_t>(b)] + total;
  }
  // The bucket of each wanted rank, and a slot per distinct bucket.
  std::vector<std::int64_t> rank_bucket(ranks.size());
  std::vector<std::int64_t> slot_of(static_cast<std::size_t>(nb), -1);
  std::vector<std::int64_t> slot_bucket;
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    const auto it = std::upper_bound(cum.begin(), cum.end(), ranks[r]);
    const std::int64_t b = (it - cum.begin()) - 1;
    rank_bucket[r] = b;
    if (slot_of[static_cast<std::size_t>(b)] < 0) {
      slot_of[static_cast<std::size_t>(b)] = static_cast<std::int64_t>(slot_bucket.size());
      slot_bucket.push_back(b);
    }
  }
  std::vector<std::vector<double>> gathered(slot_bucket.size());
  for (std::size_t s = 0; s < slot_bucket.size(); ++s) {
    const auto b = static_cast<std::size_t>(slot_bucket[s]);
    gathered[s].reserve(static_cast<std::size_t>(cum[b + 1] - cum[b]));
  }
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t s = slot_of[static_cast<std::size_t>(bucket(v[i]))];
    if (s >= 0)
      gathered[static_cast<std::size_t>(s)].push_back(v[i]);
  }
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    const auto b = static_cast<std::size_t>(rank_bucket[r]);
    std::vector<double>& g = gathered[static_cast<std::size_t>(slot_of[b])];
    const auto k = static_cast<std::ptrdiff_t>(ranks[r] - cum[b]);
    std::nth_element(g.begin(), g.begin() + k, g.end());
    out[r] = g[static_cast<std::size_t>(k)];
  }
  return out;
}

/// Type-7 percentiles of `v` given its range.
inline std::vector<double> percentiles_in_range(const Eigen::Ref<const Eigen::ArrayXd>& v,
                                                double lo, double hi, const std::vector<double>& ps,
                                                unsigned threads) {
  const std::int64_t n = v.size();
  std::vector<std::int64_t> ranks;
  for (double p : ps) {
    if (!(p >= 0.0 && p <= 1.0))
      traincost::detail::fail_value("percentiles.p", p, "a probability in [0, 1]");
    const auto k = static_cast<std::int64_t>(std::floor(p * static_cast<double>(n - 1)));
    ranks.push_back(k);
    ranks.push_back(std::min(k + 1, n - 1));
  }
  std::vector<std::int64_t> sorted = ranks;
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  const std::vector<double> values = order_statistics(v, lo, hi, sorted, threads);
  auto value_of = [&](std::int64_t rank) {
    return values[static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), rank) -
                                           sorted.begin())];
  };
  std::vector<double> out;
  out.reserve(ps.size());
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const double h = ps[i] * static_cast<double>(n - 1);
    const double frac = h - std::floor(h);
    const double a = value_of(ranks[2 * i]);
    const double b = value_of(ranks[2 * i + 1]);
    out.push_back(frac > 0.0 ? a + frac * (b - a) : a);
  }
  return out;
}

}  // namespace detail

/// Percentiles of `values` at probabilities `ps` (each in [0, 1]), with
/// linear interpolation between order statistics (Hyndman-Fan type 7, the
/// default of R and NumPy). Linear time, no full sort. Throws on an empty
/// input or a value that is not finite.
inline std::vector<double> percentiles(const Eigen::Ref<const Eigen::ArrayXd>& values,
                                       const std::vector<double>& ps, unsigned threads = 0) {
  if (values.size() == 0)
    throw Error(ErrorCode::invalid_input, "percentiles.values",
                "got no values; expected at least one");
  const detail::Moments m = detail::sum_min_max(values, threads);
  return detail::percentiles_in_range(values, m.min, m.max, ps, threads);
}

/// Mean, standard deviation, percentiles and a histogram of `values`.
/// Throws when fewer than two values are given or one is not finite.
inline Summary summarize(const Eigen::Ref<const Eigen::ArrayXd>& values, int histogram_bins = 20,
                         unsigned threads = 0) {
  const std::int64_t n = values.size();
  if (n < 2)
    traincost::detail::fail_value("summarize.values (count)", static_cast<double>(n),
                                  "at least 2 values");
  if (histogram_bins < 1)
    traincost::detail::fail_value("summarize.histogram_bins", histogram_bins, "at least 1 bin");
  const detail::Moments m = detail::sum_min_max(values, threads);
  Summary s;
  s.samples = n;
  s.mean = m.sum / static_cast<double>(n);
  s.min = m.min;
  s.max = m.max;

  const std::vector<double> q = detail::percentiles_in_range(
      values, s.min, s.max, {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99}, threads);
  s.p5 = q[1];
  s.p25 = q[2];
  s.p50 = q[3];
  s.p75 = q[4];
  s.p95 = q[5];

  // Squared deviations and the histogram, per chunk, combined in chunk order.
  // Slots: bins, then below, then above.
  const std::int64_t chunks = (n + detail::summary_chunk - 1) / detail::summary_chunk;
  const auto bins = static_cast<std::int64_t>(histogram_bins);
  const std::int64_t slots = bins + 2;
  const double lo = q[0], hi = q[6];
  const double scale = hi > lo ? static_cast<double>(bins) / (hi - lo) : 0.0;
  Eigen::ArrayXd squares(chunks);
  std::vector<std::int64_t> counts(static_cast<std::size_t>(chunks * 4 * slots), 0);
  parallel_blocks(chunks, threads, [&](std::int64_t first, std::int64_t last) {
    for (std::int64_t c = first; c < last; ++c) {
      const std::int64_t begin = c * detail::summary_chunk;
      const std::int64_t len = std::min(detail::summary_chunk, n - begin);
      squares[c] = (values.segment(begin, len) - s.mean).square().sum();
      // Four interleaved copies of the counts: consecutive samples usually
      // land in the same few bins, and one array would serialize them on
      // store-to-load forwarding.
      std::int64_t* cnt = counts.data() + c * 4 * slots;
      for (std::int64_t i = begin; i < begin + len; ++i) {
        const double v = values[i];
        const std::int64_t b =
            v < lo ? bins
            : v > hi
                ? bins + 1
                : std::min<std::int64_t>(static_cast<std::int64_t>((v - lo) * scale), bins - 1);
        ++cnt[(i & 3) * slots + b];
      }
    }
  });
  s.sd = std::sqrt(squares.sum() / static_cast<double>(n - 1));
  s.histogram.low = lo;
  s.histogram.high = hi;
  s.histogram.counts.assign(static_cast<std::size_t>(bins), 0);
  for (std::int64_t c = 0; c < 4 * chunks; ++c) {
    for (std::int64_t b = 0; b < bins; ++b)
      s.histogram.counts[static_cast<std::size_t>(b)] +=
          counts[static_cast<std::size_t>(c * slots + b)];
    s.histogram.below += counts[static_cast<std::size_t>(c * slots + bins)];
    s.histogram.above += counts[static_cast<std::size_t>(c * slots + bins + 1)];
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
  r.summary = summarize(r.outputs, options.histogram_bins, options.threads);
  return r;
}

}  // namespace traincost::uncertainty
