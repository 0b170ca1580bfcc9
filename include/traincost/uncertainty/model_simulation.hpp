#pragma once
/// \file
/// Monte Carlo and one-at-a-time sensitivity of cost models, typed at both
/// ends: ranges on typed inputs in, `Money` statistics labelled with each
/// model's scope out.
///
/// Each block of samples is drawn once for all models (a range reaching two
/// models gives both the same draw) and each model evaluated on it through
/// its one definition over lanes. Percentiles are exact (type 7, NumPy's
/// default) either way the outputs are summarized:
///
///  * when samples x models fit in `RunOptions::kept_outputs` (64 MB by
///    default), in one pass: every output kept, then the engine's exact
///    summary; the histogram spans the exact P1 to P99;
///  * beyond, streaming, so memory does not grow with samples x models: a
///    first pass finds each output's range, a second counts outputs in fine
///    buckets, a third gathers only the buckets that hold the wanted ranks.
///    The draws are reproducible block by block (sampler.hpp), so each pass
///    sees the same numbers; the cost is three evaluations instead of one,
///    and the histogram spans P1 to P99 widened to the fine buckets that
///    hold them (1/2048 of the range each).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <mutex>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/model_binding.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/ranges.hpp"
#include "traincost/uncertainty/sampler.hpp"

namespace traincost::uncertainty {

/// Counts of simulated costs in equal-width bins over [low, high], which
/// span the 1st to the 99th percentile (widened to the fine buckets that
/// hold them, 1/2048 of the whole range each); costs outside are counted in
/// `below` and `above`.
struct CostHistogram {
  Money low = usd(0);
  Money high = usd(0);
  std::vector<std::int64_t> counts;
  std::int64_t below = 0;
  std::int64_t above = 0;

  /// The width of one bin.
  Money bin_width() const {
    return counts.empty() ? usd(0) : (high - low) / static_cast<double>(counts.size());
  }
};

/// The simulated cost of one model, labelled with its scope.
struct CostSummary {
  std::string name;
  Scope scope = Scope::program;
  std::int64_t samples = 0;
  Money mean = usd(0);
  Money sd = usd(0);  ///< sample standard deviation (n - 1)
  Money min = usd(0);
  Money p5 = usd(0);
  Money p25 = usd(0);
  Money p50 = usd(0);
  Money p75 = usd(0);
  Money p95 = usd(0);
  Money max = usd(0);
  CostHistogram histogram;
  /// The ranges that reach this model (indices into the `Ranges`).
  std::vector<std::size_t> inputs;
};

namespace detail {

/// Fine buckets per model for locating order statistics.
inline constexpr std::int64_t rank_buckets = 2048;

/// Evaluates every bound model on block `b`, calling `use(model, costs, rows)`.
template <class Use>
void evaluate_block(const std::vector<BoundModel>& bound, const Ranges& ranges,
                    const BlockSampler& sampler, std::int64_t samples, std::int64_t b,
                    Eigen::ArrayXXd& buf, Use&& use) {
  const std::int64_t rows = std::min(block_size, samples - b * block_size);
  if (buf.cols() > 0)
    sampler.fill(b, buf.topRows(rows));
  for (std::size_t r = 0; r < ranges.size(); ++r)
    if (ranges[r].converts()) {
      double* col = buf.data() + static_cast<std::ptrdiff_t>(r) * buf.rows();
      const double scale = ranges[r].scale;
      if (ranges[r].inverse)
        for (std::int64_t i = 0; i < rows; ++i)
          col[i] = scale / col[i];
      else
        for (std::int64_t i = 0; i < rows; ++i)
          col[i] *= scale;
    }
  // Models read whole columns of lanes: past a partial block's samples they
  // repeat its first, so every lane holds a valid input.
  if (rows < block_size)
    for (Eigen::Index c = 0; c < buf.cols(); ++c)
      buf.col(c).tail(block_size - rows).setConstant(buf(0, c));
  for (std::size_t j = 0; j < bound.size(); ++j) {
    const std::vector<const double*> cols = columns_for(bound[j], buf);
    model::LaneEvaluator e(bound[j].sites, cols, static_cast<std::size_t>(rows));
    const auto cost = bound[j].model->over_lanes(e);
    use(j, cost.value(), rows);
  }
}

inline std::int64_t bucket_of(double v, double lo, double scale) {
  return std::clamp<std::int64_t>(static_cast<std::int64_t>((v - lo) * scale), 0, rank_buckets - 1);
}

/// Throws for a cost or a statistic that is not finite, named at the (first)
/// range that reaches the model, so that a scenario error points at it.
[[noreturn, gnu::cold]] inline void fail_output(const BoundModel& b, const Ranges& ranges, double v,
                                                std::string_view what) {
  std::string inputs;
  for (std::size_t k : b.reached)
    inputs += (inputs.empty() ? "" : ", ") + ranges[k].name();
  const std::string field = b.reached.empty() ? b.model->name : ranges[b.reached.front()].name();
  throw Error(ErrorCode::invalid_value, field,
              std::string(what) + " of \"" + b.model->name + "\" is not finite (got " +
                  traincost::detail::format_value(v) +
                  "); expected ranges whose draws keep every cost and statistic a finite number "
                  "of USD (ranges reaching it: " +
                  (inputs.empty() ? std::string("none") : inputs) + ")");
}

}  // namespace detail

namespace detail {

/// Typed statistics from the engine's summary of kept outputs.
inline CostSummary cost_summary(const BoundModel& b, const Summary& u) {
  CostSummary c;
  c.name = b.model->name;
  c.scope = b.model->scope;
  c.samples = u.samples;
  c.inputs = b.reached;
  c.mean = usd(u.mean);
  c.sd = usd(u.sd);
  c.min = usd(u.min);
  c.p5 = usd(u.p5);
  c.p25 = usd(u.p25);
  c.p50 = usd(u.p50);
  c.p75 = usd(u.p75);
  c.p95 = usd(u.p95);
  c.max = usd(u.max);
  c.histogram.low = usd(u.histogram.low);
  c.histogram.high = usd(u.histogram.high);
  c.histogram.counts = u.histogram.counts;
  c.histogram.below = u.histogram.below;
  c.histogram.above = u.histogram.above;
  return c;
}

/// One pass, every output kept (when they fit, `RunOptions::kept_outputs`), then the
/// engine's exact summary (monte_carlo.hpp) per model.
template <class Tick>
std::vector<CostSummary> simulate_in_memory(const std::vector<BoundModel>& bound,
                                            const Ranges& ranges, const BlockSampler& sampler,
                                            const RunOptions& options, Tick&& tick) {
  const std::int64_t n = options.samples;
  const std::size_t m = bound.size();
  const auto k = static_cast<Eigen::Index>(ranges.size());
  std::vector<Eigen::ArrayXd> outputs(m);
  for (auto& o : outputs)
    o.resize(n);
  parallel_blocks(block_count(n), options.threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd buf(block_size, k);
    for (std::int64_t b = first; b < last; ++b) {
      evaluate_block(bound, ranges, sampler, n, b, buf,
                     [&](std::size_t j, const model::Lanes& c, std::int64_t rows) {
                       double* out = outputs[j].data() + b * block_size;
                       for (std::int64_t i = 0; i < rows; ++i) {
                         const double v = c[static_cast<std::size_t>(i)];
                         if (!std::isfinite(v)) [[unlikely]]
                           fail_output(bound[j], ranges, v, "a drawn cost");
                         out[i] = v;
                       }
                     });
      tick(std::min(block_size, n - b * block_size));
    }
  });
  std::vector<CostSummary> out;
  out.reserve(m);
  for (std::size_t j = 0; j < m; ++j) {
    // Every output is finite (checked as drawn): the summary can only fail
    // on a sum that overflows.
    Summary u;
    try {
      u = summarize(outputs[j], options.histogram_bins, options.threads);
    } catch (const Error&) {
      fail_output(bound[j], ranges, std::numeric_limits<double>::infinity(),
                  "the sum behind the mean");
    }
    if (!std::isfinite(u.sd))
      fail_output(bound[j], ranges, u.sd, "the sum of squares behind the standard deviation");
    out.push_back(cost_summary(bound[j], u));
    outputs[j] = Eigen::ArrayXd();  // free as we go
  }
  return out;
}

}  // namespace detail

/// Simulates every model over the same draws of `ranges`: one summary per
/// model, in order. Throws `traincost::Error` when a range does not fit its
/// input (dimension, bound) or reaches no model, or a cost is not finite.
/// `progress(done, total)`, when given, is called from worker threads with
/// samples done over all three passes.
inline std::vector<CostSummary> simulate_costs(
    const std::vector<CostModel>& models, const Ranges& ranges, const RunOptions& options = {},
    const std::function<void(std::int64_t, std::int64_t)>& progress = {}) {
  const std::int64_t n = options.samples;
  if (n < 2)
    traincost::detail::fail_value("options.samples", static_cast<double>(n), "at least 2 samples");
  if (options.histogram_bins < 1)
    traincost::detail::fail_value("options.histogram_bins", options.histogram_bins,
                                  "at least 1 bin");
  const std::vector<BoundModel> bound = bind_all(models, ranges);
  InputSet set;
  for (const RangedInput& r : ranges.inputs())
    set.add(r.path, r.distribution, r.provenance);
  const BlockSampler sampler(set, options.seed);
  const std::int64_t blocks = block_count(n);
  const std::size_t m = bound.size();
  const auto k = static_cast<Eigen::Index>(set.size());
  std::atomic<std::int64_t> done{0};
  if (static_cast<double>(n) * static_cast<double>(m) <=
      static_cast<double>(options.kept_outputs)) {
    auto tick = [&](std::int64_t rows) {
      if (progress)
        progress(done += rows, n);
    };
    return detail::simulate_in_memory(bound, ranges, sampler, options, tick);
  }
  auto tick = [&](std::int64_t rows) {
    if (progress)
      progress(done += rows, 3 * n);
  };

  // Pass 1: per block sums (combined in block order: thread count does not
  // change the mean), minima and maxima.
  std::vector<double> sums(m * static_cast<std::size_t>(blocks));
  std::vector<double> mins(m, 0.0), maxs(m, 0.0);
  std::vector<double> block_min(m * static_cast<std::size_t>(blocks)),
      block_max(m * static_cast<std::size_t>(blocks));
  parallel_blocks(blocks, options.threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd buf(block_size, k);
    for (std::int64_t b = first; b < last; ++b) {
      detail::evaluate_block(bound, ranges, sampler, n, b, buf,
                             [&](std::size_t j, const model::Lanes& c, std::int64_t rows) {
                               double s = 0.0, lo = c[0], hi = c[0];
                               for (std::int64_t i = 0; i < rows; ++i) {
                                 const double v = c[static_cast<std::size_t>(i)];
                                 if (!std::isfinite(v)) [[unlikely]]
                                   detail::fail_output(bound[j], ranges, v, "a drawn cost");
                                 s += v;
                                 lo = std::min(lo, v);
                                 hi = std::max(hi, v);
                               }
                               const std::size_t at = j * static_cast<std::size_t>(blocks) +
                                                      static_cast<std::size_t>(b);
                               sums[at] = s;
                               block_min[at] = lo;
                               block_max[at] = hi;
                             });
      tick(std::min(block_size, n - b * block_size));
    }
  });
  std::vector<CostSummary> out(m);
  std::vector<double> mean(m);
  for (std::size_t j = 0; j < m; ++j) {
    double s = 0.0, lo = 0.0, hi = 0.0;
    for (std::int64_t b = 0; b < blocks; ++b) {
      const std::size_t at = j * static_cast<std::size_t>(blocks) + static_cast<std::size_t>(b);
      s += sums[at];
      lo = b == 0 ? block_min[at] : std::min(lo, block_min[at]);
      hi = b == 0 ? block_max[at] : std::max(hi, block_max[at]);
    }
    if (!std::isfinite(s))
      detail::fail_output(bound[j], ranges, s, "the sum behind the mean");
    mean[j] = s / static_cast<double>(n);
    mins[j] = lo;
    maxs[j] = hi;
  }

  // Pass 2: squared deviations (per block, block order) and fine bucket counts.
  std::vector<double> squares(m * static_cast<std::size_t>(blocks));
  std::vector<std::int64_t> buckets(m * detail::rank_buckets, 0);
  std::vector<double> scale(m);
  for (std::size_t j = 0; j < m; ++j)
    scale[j] =
        maxs[j] > mins[j] ? static_cast<double>(detail::rank_buckets) / (maxs[j] - mins[j]) : 0.0;
  std::mutex merge;
  parallel_blocks(blocks, options.threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd buf(block_size, k);
    std::vector<std::int64_t> local(m * detail::rank_buckets, 0);
    for (std::int64_t b = first; b < last; ++b) {
      detail::evaluate_block(
          bound, ranges, sampler, n, b, buf,
          [&](std::size_t j, const model::Lanes& c, std::int64_t rows) {
            double sq = 0.0;
            std::int64_t* cnt = local.data() + j * detail::rank_buckets;
            for (std::int64_t i = 0; i < rows; ++i) {
              const double v = c[static_cast<std::size_t>(i)];
              sq += (v - mean[j]) * (v - mean[j]);
              ++cnt[detail::bucket_of(v, mins[j], scale[j])];
            }
            squares[j * static_cast<std::size_t>(blocks) + static_cast<std::size_t>(b)] = sq;
          });
      tick(std::min(block_size, n - b * block_size));
    }
    const std::lock_guard<std::mutex> lock(merge);
    for (std::size_t i = 0; i < local.size(); ++i)
      buckets[i] += local[i];
  });

  // The ranks of the percentiles (and the neighbours type 7 interpolates).
  const double ps[] = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
  constexpr std::size_t np = std::size(ps);
  std::vector<std::int64_t> ranks;
  for (double p : ps) {
    const auto r = static_cast<std::int64_t>(std::floor(p * static_cast<double>(n - 1)));
    ranks.push_back(r);
    ranks.push_back(std::min(r + 1, n - 1));
  }
  // Per model: the bucket of each rank, the first rank in that bucket, and
  // which buckets to gather.
  std::vector<std::vector<std::int64_t>> rank_bucket(m), bucket_start(m);
  std::vector<std::vector<std::int64_t>> slot_of(m);  // bucket -> slot, -1
  std::vector<std::int64_t> slots(m, 0);
  const auto bins = static_cast<std::int64_t>(options.histogram_bins);
  std::vector<double> hist_lo(m), hist_hi(m);
  for (std::size_t j = 0; j < m; ++j) {
    slot_of[j].assign(detail::rank_buckets, -1);
    std::vector<std::int64_t> cum(detail::rank_buckets + 1, 0);
    for (std::int64_t b = 0; b < detail::rank_buckets; ++b)
      cum[static_cast<std::size_t>(b + 1)] =
          cum[static_cast<std::size_t>(b)] +
          buckets[j * detail::rank_buckets + static_cast<std::size_t>(b)];
    for (std::int64_t r : ranks) {
      const auto it = std::upper_bound(cum.begin(), cum.end(), r);
      const std::int64_t b = (it - cum.begin()) - 1;
      rank_bucket[j].push_back(b);
      bucket_start[j].push_back(cum[static_cast<std::size_t>(b)]);
      if (slot_of[j][static_cast<std::size_t>(b)] < 0)
        slot_of[j][static_cast<std::size_t>(b)] = slots[j]++;
    }
    const double width = scale[j] > 0 ? 1.0 / scale[j] : 0.0;
    hist_lo[j] = mins[j] + static_cast<double>(rank_bucket[j].front()) * width;
    hist_hi[j] =
        std::min(maxs[j], mins[j] + static_cast<double>(rank_bucket[j].back() + 1) * width);
  }

  // Pass 3: gather the values of the rank buckets; count the display histogram.
  std::vector<std::vector<std::vector<double>>> gathered(m);
  for (std::size_t j = 0; j < m; ++j)
    gathered[j].resize(static_cast<std::size_t>(slots[j]));
  std::vector<std::int64_t> hist(m * static_cast<std::size_t>(bins + 2), 0);
  parallel_blocks(blocks, options.threads, [&](std::int64_t first, std::int64_t last) {
    Eigen::ArrayXXd buf(block_size, k);
    std::vector<std::vector<std::vector<double>>> local(m);
    for (std::size_t j = 0; j < m; ++j)
      local[j].resize(static_cast<std::size_t>(slots[j]));
    std::vector<std::int64_t> local_hist(hist.size(), 0);
    for (std::int64_t b = first; b < last; ++b) {
      detail::evaluate_block(
          bound, ranges, sampler, n, b, buf,
          [&](std::size_t j, const model::Lanes& c, std::int64_t rows) {
            const double lo = hist_lo[j], hi = hist_hi[j];
            const double hscale = hi > lo ? static_cast<double>(bins) / (hi - lo) : 0.0;
            std::int64_t* h = local_hist.data() + j * static_cast<std::size_t>(bins + 2);
            for (std::int64_t i = 0; i < rows; ++i) {
              const double v = c[static_cast<std::size_t>(i)];
              const std::int64_t s =
                  slot_of[j][static_cast<std::size_t>(detail::bucket_of(v, mins[j], scale[j]))];
              if (s >= 0)
                local[j][static_cast<std::size_t>(s)].push_back(v);
              ++h[v < lo   ? bins
                  : v > hi ? bins + 1
                           : std::min<std::int64_t>(static_cast<std::int64_t>((v - lo) * hscale),
                                                    bins - 1)];
            }
          });
      tick(std::min(block_size, n - b * block_size));
    }
    const std::lock_guard<std::mutex> lock(merge);
    for (std::size_t j = 0; j < m; ++j)
      for (std::size_t s = 0; s < local[j].size(); ++s)
        gathered[j][s].insert(gathered[j][s].end(), local[j][s].begin(), local[j][s].end());
    for (std::size_t i = 0; i < hist.size(); ++i)
      hist[i] += local_hist[i];
  });

  for (std::size_t j = 0; j < m; ++j) {
    CostSummary& s = out[j];
    s.name = bound[j].model->name;
    s.scope = bound[j].model->scope;
    s.samples = n;
    s.inputs = bound[j].reached;
    s.mean = usd(mean[j]);
    double sq = 0.0;
    for (std::int64_t b = 0; b < blocks; ++b)
      sq += squares[j * static_cast<std::size_t>(blocks) + static_cast<std::size_t>(b)];
    // Costs can each be finite while their squares are not: every statistic
    // printed must be a number, so the overflow is named here.
    if (!std::isfinite(sq))
      detail::fail_output(bound[j], ranges, sq, "the sum of squares behind the standard deviation");
    s.sd = usd(std::sqrt(sq / static_cast<double>(n - 1)));
    s.min = usd(mins[j]);
    s.max = usd(maxs[j]);
    std::vector<double> values(ranks.size());
    for (std::size_t r = 0; r < ranks.size(); ++r) {
      std::vector<double>& g = gathered[j][static_cast<std::size_t>(
          slot_of[j][static_cast<std::size_t>(rank_bucket[j][r])])];
      const auto at = static_cast<std::ptrdiff_t>(ranks[r] - bucket_start[j][r]);
      std::nth_element(g.begin(), g.begin() + at, g.end());
      values[r] = g[static_cast<std::size_t>(at)];
    }
    auto percentile = [&](std::size_t i) {
      const double h = ps[i] * static_cast<double>(n - 1);
      const double frac = h - std::floor(h);
      const double a = values[2 * i], b = values[2 * i + 1];
      return usd(frac > 0.0 ? a + frac * (b - a) : a);
    };
    static_assert(np == 7);
    s.p5 = percentile(1);
    s.p25 = percentile(2);
    s.p50 = percentile(3);
    s.p75 = percentile(4);
    s.p95 = percentile(5);
    s.histogram.low = usd(hist_lo[j]);
    s.histogram.high = usd(hist_hi[j]);
    const std::int64_t* h = hist.data() + j * static_cast<std::size_t>(bins + 2);
    s.histogram.counts.assign(h, h + bins);
    s.histogram.below = h[bins];
    s.histogram.above = h[bins + 1];
  }
  return out;
}

/// Simulates one model.
inline CostSummary simulate_cost(const CostModel& model, const Ranges& ranges,
                                 const RunOptions& options = {}) {
  return simulate_costs({model}, ranges, options).front();
}

}  // namespace traincost::uncertainty
