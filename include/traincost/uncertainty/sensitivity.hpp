#pragma once
/// \file
/// Which input drives the answer: a one-at-a-time tornado (the output with
/// each input moved to its low and then its high, the others at their
/// medians) and variance-based Sobol indices, first-order (Saltelli 2010) and
/// total (Jansen 1999), estimated from the A, B, AB_i sampling scheme.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/sampler.hpp"

namespace traincost::uncertainty {

// ---------------------------------------------------------------------------
// Tornado
// ---------------------------------------------------------------------------

/// Where a tornado puts each input's "low" and "high": quantiles of its
/// distribution (by default the 90% interval, Epoch AI's convention).
struct TornadoOptions {
  double low_quantile = 0.05;
  double high_quantile = 0.95;
};

/// One bar: the output with one input at its low and at its high.
struct TornadoBar {
  std::string input;
  std::size_t index = 0;     ///< the input's column
  double input_low = 0.0;    ///< canonical units of the input
  double input_high = 0.0;   ///< canonical units of the input
  double output_low = 0.0;   ///< the output with the input at its low
  double output_high = 0.0;  ///< the output with the input at its high

  /// The width of the bar, |output_high - output_low|.
  double swing() const { return std::abs(output_high - output_low); }
};

/// A tornado: the output at the base point (every input at its median) and
/// one bar per uncertain input, widest first. Fixed inputs get no bar.
struct Tornado {
  double base_output = 0.0;
  std::vector<double> base_point;  ///< canonical, in column order
  std::vector<TornadoBar> bars;
};

/// A one-at-a-time tornado of `model` over `inputs`: 2k + 1 evaluations in a
/// single call of the model.
inline Tornado tornado(const InputSet& inputs, const Model& model,
                       const TornadoOptions& options = {}) {
  if (!(options.low_quantile > 0.0 && options.low_quantile < options.high_quantile &&
        options.high_quantile < 1.0))
    traincost::detail::fail_value("tornado.low_quantile", options.low_quantile,
                                  "0 < low_quantile < high_quantile = " +
                                      traincost::detail::format_value(options.high_quantile) +
                                      " < 1");
  const auto k = static_cast<Eigen::Index>(inputs.size());
  if (k == 0)
    throw Error(ErrorCode::invalid_input, "inputs", "got no inputs; expected at least one");
  Tornado t;
  t.base_point.resize(static_cast<std::size_t>(k));
  for (Eigen::Index i = 0; i < k; ++i)
    t.base_point[static_cast<std::size_t>(i)] =
        inputs[static_cast<std::size_t>(i)].distribution.median();

  Eigen::ArrayXXd x(1 + 2 * k, k);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; i < k; ++i)
      x(r, i) = t.base_point[static_cast<std::size_t>(i)];
  for (Eigen::Index i = 0; i < k; ++i) {
    const Distribution& d = inputs[static_cast<std::size_t>(i)].distribution;
    x(1 + 2 * i, i) = d.quantile(options.low_quantile);
    x(2 + 2 * i, i) = d.quantile(options.high_quantile);
  }
  Eigen::ArrayXd y(x.rows());
  model(x, y);
  if (!y.allFinite())
    throw Error(ErrorCode::invalid_value, "tornado.output",
                "the model gave a NaN or infinite output at an input's low or high; expected "
                "finite outputs over each input's range");
  t.base_output = y[0];
  for (Eigen::Index i = 0; i < k; ++i) {
    const Input& in = inputs[static_cast<std::size_t>(i)];
    if (in.distribution.is_fixed())
      continue;
    t.bars.push_back(TornadoBar{in.name, static_cast<std::size_t>(i), x(1 + 2 * i, i),
                                x(2 + 2 * i, i), y[1 + 2 * i], y[2 + 2 * i]});
  }
  std::stable_sort(t.bars.begin(), t.bars.end(),
                   [](const TornadoBar& a, const TornadoBar& b) { return a.swing() > b.swing(); });
  return t;
}

// ---------------------------------------------------------------------------
// Sobol indices
// ---------------------------------------------------------------------------

/// How to estimate Sobol indices. Cost: samples x (uncertain inputs + 2)
/// model evaluations.
struct SobolOptions {
  std::int64_t samples = 1 << 16;  ///< N, rows of each of A and B
  std::uint64_t seed = 1;
  unsigned threads = 0;  ///< 0 = every core
};

/// The Sobol indices of one input: the share of output variance it explains
/// alone (first order) and with all its interactions (total).
struct SobolIndex {
  std::string input;
  double first_order = 0.0;
  double total = 0.0;
};

/// Sobol indices of every input, in column order.
struct SobolResult {
  std::vector<SobolIndex> indices;
  double mean = 0.0;
  double variance = 0.0;
  std::int64_t samples = 0;
  std::int64_t model_evaluations = 0;
};

/// First-order and total Sobol indices of `model` over `inputs`, estimated
/// with Saltelli et al. (2010) for the first order,
///   S_i  = mean(f(B) (f(AB_i) - f(A))) / V,
/// and Jansen (1999) for the total,
///   ST_i = mean((f(A) - f(AB_i))^2) / (2 V),
/// where AB_i is A with column i taken from B. Requires independent inputs
/// (Sobol indices of correlated inputs mean something else): throws when the
/// set has correlations. Deterministic for a seed, whatever the thread count.
inline SobolResult sobol(const InputSet& inputs, const Model& model,
                         const SobolOptions& options = {}) {
  if (options.samples < 2)
    traincost::detail::fail_value("sobol.samples", static_cast<double>(options.samples),
                                  "at least 2 samples");
  if (inputs.has_correlation())
    throw Error(ErrorCode::invalid_input, "inputs.correlation",
                "Sobol indices need independent inputs; got correlated inputs. Remove the "
                "correlations or use the tornado");
  const auto k = static_cast<Eigen::Index>(inputs.size());
  if (k == 0)
    throw Error(ErrorCode::invalid_input, "inputs", "got no inputs; expected at least one");
  std::vector<Eigen::Index> varying;
  for (Eigen::Index i = 0; i < k; ++i)
    if (!inputs[static_cast<std::size_t>(i)].distribution.is_fixed())
      varying.push_back(i);
  const auto m = static_cast<Eigen::Index>(varying.size());

  // A and B come from disjoint streams of the same seed.
  constexpr std::uint64_t b_streams = std::uint64_t{1} << 32;
  const BlockSampler sample_a(inputs, options.seed, 0);
  const BlockSampler sample_b(inputs, options.seed, b_streams);
  const std::int64_t n = options.samples;
  const std::int64_t blocks = block_count(n);

  auto check = [](const Eigen::ArrayXd& y) {
    if (!y.allFinite())
      throw Error(ErrorCode::invalid_value, "sobol.output",
                  "the model gave a NaN or infinite output; expected finite outputs over the "
                  "inputs' ranges");
  };

  // Outputs are shifted by a pilot mean before summing, which keeps the
  // variance from cancelling catastrophically when the mean is large (costs
  // in the millions) and does not change any estimator's expectation.
  double shift = 0.0;
  {
    const std::int64_t rows = std::min(block_size, n);
    Eigen::ArrayXXd a(rows, k);
    sample_a.fill(0, a);
    Eigen::ArrayXd y(rows);
    model(a, y);
    check(y);
    shift = y.mean();
  }

  // Per-block partial sums, reduced in block order afterwards: the result
  // cannot depend on which thread summed what.
  // Layout: [sum fA, sum fB, sum fA^2, sum fB^2, first_0..m-1, total_0..m-1]
  const Eigen::Index width = 4 + 2 * m;
  Eigen::ArrayXXd partial = Eigen::ArrayXXd::Zero(width, blocks);
  parallel_blocks(blocks, options.threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd a(block_size, k), b(block_size, k);
    Eigen::ArrayXd fa(block_size), fb(block_size), fab(block_size), saved(block_size);
    for (std::int64_t blk = first; blk < last; ++blk) {
      const std::int64_t rows = std::min(block_size, n - blk * block_size);
      Eigen::Ref<Eigen::ArrayXXd> ta = a.topRows(rows);
      Eigen::Ref<Eigen::ArrayXXd> tb = b.topRows(rows);
      sample_a.fill(blk, ta);
      sample_b.fill(blk, tb);
      model(ta, fa.head(rows));
      model(tb, fb.head(rows));
      fa.head(rows) -= shift;
      fb.head(rows) -= shift;
      check(fa.head(rows));
      check(fb.head(rows));
      Eigen::Ref<Eigen::ArrayXd> col = partial.col(blk);
      col[0] = fa.head(rows).sum();
      col[1] = fb.head(rows).sum();
      col[2] = fa.head(rows).square().sum();
      col[3] = fb.head(rows).square().sum();
      for (Eigen::Index j = 0; j < m; ++j) {
        const Eigen::Index i = varying[static_cast<std::size_t>(j)];
        saved.head(rows) = ta.col(i);
        ta.col(i) = tb.col(i);  // A becomes AB_i ...
        model(ta, fab.head(rows));
        fab.head(rows) -= shift;
        check(fab.head(rows));
        col[4 + j] = (fb.head(rows) * (fab.head(rows) - fa.head(rows))).sum();
        col[4 + m + j] = (fa.head(rows) - fab.head(rows)).square().sum();
        ta.col(i) = saved.head(rows);  // ... and back to A
      }
    }
  });

  const Eigen::ArrayXd total = partial.rowwise().sum();
  const auto nn = static_cast<double>(n);
  const double mean_c = (total[0] + total[1]) / (2.0 * nn);
  const double variance = (total[2] + total[3]) / (2.0 * nn) - mean_c * mean_c;

  SobolResult r;
  r.mean = mean_c + shift;
  r.variance = variance;
  r.samples = n;
  r.model_evaluations = n * (m + 2);
  r.indices.resize(static_cast<std::size_t>(k));
  for (Eigen::Index i = 0; i < k; ++i)
    r.indices[static_cast<std::size_t>(i)].input = inputs[static_cast<std::size_t>(i)].name;
  if (!(variance > 0.0))
    return r;  // a constant output: every index is 0
  for (Eigen::Index j = 0; j < m; ++j) {
    SobolIndex& s = r.indices[static_cast<std::size_t>(varying[static_cast<std::size_t>(j)])];
    s.first_order = total[4 + j] / nn / variance;
    s.total = total[4 + m + j] / (2.0 * nn) / variance;
  }
  return r;
}

}  // namespace traincost::uncertainty
