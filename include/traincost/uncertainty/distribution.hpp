#pragma once
/// \file
/// Distributions for uncertain inputs: fixed, uniform, triangular, normal
/// (optionally truncated), lognormal given by its 90% interval (Epoch AI's
/// convention, sources.md §7), and discrete choices with weights.
///
/// A distribution holds numbers in the facade's canonical units. The typed
/// overloads (`uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5))`) convert
/// at the boundary, so a range is written in the unit people quote it in.
/// Every factory validates its parameters and throws `traincost::Error`
/// naming the parameter and the value.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/error.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/uncertainty/canonical.hpp"
#include "traincost/uncertainty/random.hpp"

namespace traincost::uncertainty {

/// z such that P(Z <= z) = 0.95 for a standard normal: a 90% interval of a
/// normal spans mean +- 1.6449 standard deviations.
inline constexpr double z_95 = 1.6448536269514722;

/// The standard normal CDF, P(Z <= z).
inline double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// The standard normal quantile (inverse CDF) for p in (0, 1): Acklam's
/// rational approximation (relative error 1.2e-9) refined by one Halley step
/// against `std::erfc`, which brings it to about machine precision.
inline double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0))
    traincost::detail::fail_value("normal_quantile.p", p, "a probability in (0, 1)");
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double p_low = 0.02425;
  double x = 0.0;
  if (p < p_low) {
    const double q = std::sqrt(-2.0 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (p <= 1.0 - p_low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log1p(-p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  // One Halley step on Phi(x) - p.
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

namespace detail {

/// exp(mu + sigma x) in place, for every element: the same accuracy as
/// std::exp (about 1 ulp: Taylor to degree 13 after reduction to
/// |r| <= ln2 / 2), written so GCC vectorizes it with plain SSE2 — no
/// division (Eigen's exp is a Pade quotient, and its divide dominated
/// lognormal sampling). Arguments are clamped to [-708, 709], where exp stays
/// a normal double.
inline void exp_in_place(Eigen::Ref<Eigen::ArrayXd> x, double mu = 0.0, double sigma = 1.0) {
  x = (mu + sigma * x).max(-708.0).min(709.0);
  double* v = x.data();
  const Eigen::Index n = x.size();
  for (Eigen::Index i = 0; i < n; ++i) {
    constexpr double shift = 0x1.8p52;  // rounds to an integer held in the low bits
    constexpr double log2e = 1.4426950408889634;
    constexpr double ln2_hi = 0.6931471803691238;  // ln 2 = hi + lo, hi exact in 32 bits
    constexpr double ln2_lo = 1.9082149292705877e-10;
    const double t = v[i] * log2e + shift;
    const auto bits = std::bit_cast<std::uint64_t>(t);
    const double k = t - shift;
    const double r = v[i] - k * ln2_hi - k * ln2_lo;
    // exp(r) = sum r^i / i!, i <= 13, by Estrin's scheme: the terms are
    // combined in a tree of depth 4 instead of Horner's chain of 13 dependent
    // multiply-adds, so the loop is not bound by their latency.
    const double r2 = r * r;
    const double r4 = r2 * r2;
    const double r8 = r4 * r4;
    const double p01 = 1.0 + r;
    const double p23 = 0.5 + r * (1.0 / 6.0);
    const double p45 = 1.0 / 24.0 + r * (1.0 / 120.0);
    const double p67 = 1.0 / 720.0 + r * (1.0 / 5040.0);
    const double p89 = 1.0 / 40320.0 + r * (1.0 / 362880.0);
    const double p1011 = 1.0 / 3628800.0 + r * (1.0 / 39916800.0);
    const double p1213 = 1.0 / 479001600.0 + r * (1.0 / 6227020800.0);
    const double q0 = p01 + r2 * p23;
    const double q1 = p45 + r2 * p67;
    const double q2 = p89 + r2 * p1011;
    const double p = (q0 + r4 * q1) + r8 * (q2 + r4 * p1213);
    // 2^k from the integer in t's low bits, placed in the exponent field.
    v[i] = p * std::bit_cast<double>((bits + 1023) << 52);
  }
}

inline void require_below(std::string_view field, double value, std::string_view other_field,
                          double other) {
  if (!(value < other)) {
    std::string expected = "a value below ";
    expected += other_field;
    expected += " = ";
    expected += traincost::detail::format_value(other);
    traincost::detail::fail_value(field, value, expected);
  }
}

}  // namespace detail

/// A probability distribution over one input, in canonical units.
class Distribution {
 public:
  enum class Kind { fixed, uniform, triangular, normal, lognormal, discrete };

  /// The same value every time (an input that is not uncertain).
  static Distribution fixed(double value) {
    traincost::detail::require_finite("fixed.value", value, "a finite number");
    Distribution d(Kind::fixed);
    d.a_ = value;
    return d;
  }

  /// Every value in [low, high] equally likely. Requires low < high.
  static Distribution uniform(double low, double high) {
    traincost::detail::require_finite("uniform.low", low, "a finite number");
    traincost::detail::require_finite("uniform.high", high, "a finite number");
    detail::require_below("uniform.low", low, "uniform.high", high);
    Distribution d(Kind::uniform);
    d.a_ = low;
    d.b_ = high;
    return d;
  }

  /// Triangular on [low, high] peaking at `mode`. Requires low < high and
  /// low <= mode <= high.
  static Distribution triangular(double low, double mode, double high) {
    traincost::detail::require_finite("triangular.low", low, "a finite number");
    traincost::detail::require_finite("triangular.mode", mode, "a finite number");
    traincost::detail::require_finite("triangular.high", high, "a finite number");
    detail::require_below("triangular.low", low, "triangular.high", high);
    if (mode < low || mode > high)
      traincost::detail::fail_value(
          "triangular.mode", mode,
          "a value between triangular.low = " + traincost::detail::format_value(low) +
              " and triangular.high = " + traincost::detail::format_value(high));
    Distribution d(Kind::triangular);
    d.a_ = low;
    d.b_ = high;
    d.c_ = mode;
    return d;
  }

  /// Normal with this mean and standard deviation (> 0).
  static Distribution normal(double mean, double sd) {
    traincost::detail::require_finite("normal.mean", mean, "a finite number");
    traincost::detail::require_positive("normal.sd", sd, "standard deviation");
    Distribution d(Kind::normal);
    d.a_ = mean;
    d.b_ = sd;
    return d;
  }

  /// Normal with this mean and standard deviation, truncated to [low, high]
  /// (sampled by inverse CDF, so no draw is rejected).
  static Distribution truncated_normal(double mean, double sd, double low, double high) {
    Distribution d = normal(mean, sd);
    traincost::detail::require_finite("truncated_normal.low", low, "a finite number");
    traincost::detail::require_finite("truncated_normal.high", high, "a finite number");
    detail::require_below("truncated_normal.low", low, "truncated_normal.high", high);
    d.truncated_ = true;
    d.cdf_low_ = normal_cdf((low - mean) / sd);
    d.cdf_high_ = normal_cdf((high - mean) / sd);
    if (!(d.cdf_high_ - d.cdf_low_ > 1e-9))
      throw Error(ErrorCode::invalid_value, "truncated_normal",
                  "the interval [" + traincost::detail::format_value(low) + ", " +
                      traincost::detail::format_value(high) +
                      "] holds almost none of the normal's probability; expected an "
                      "interval within a few standard deviations of the mean");
    d.low_ = low;
    d.high_ = high;
    return d;
  }

  /// Lognormal whose 90% interval is [p5, p95]: Epoch AI's convention for
  /// uncertain cost inputs (Cottier et al. 2024, sources.md §7). The median
  /// is sqrt(p5 * p95). Requires 0 < p5 < p95.
  static Distribution lognormal_90(double p5, double p95) {
    traincost::detail::require_positive("lognormal_90.p5", p5, "5th percentile");
    traincost::detail::require_positive("lognormal_90.p95", p95, "95th percentile");
    detail::require_below("lognormal_90.p5", p5, "lognormal_90.p95", p95);
    Distribution d(Kind::lognormal);
    d.a_ = 0.5 * (std::log(p5) + std::log(p95));         // mu
    d.b_ = (std::log(p95) - std::log(p5)) / (2 * z_95);  // sigma
    return d;
  }

  /// One of `values`, chosen with probability proportional to `weights`
  /// (non-negative, not all zero).
  static Distribution discrete(std::vector<double> values, std::vector<double> weights) {
    if (values.empty() || values.size() != weights.size())
      throw Error(ErrorCode::invalid_input, "discrete.weights",
                  "got " + std::to_string(values.size()) + " values and " +
                      std::to_string(weights.size()) +
                      " weights; expected one weight per value and at least one value");
    // Weights are scaled by the largest before summing: the sum of finite
    // weights can overflow (1e308 + 1e308), and an infinite total turned
    // every weight into 0 (always the last value).
    double largest = 0.0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      traincost::detail::require_finite("discrete.values[" + std::to_string(i) + "]", values[i],
                                        "a finite number");
      traincost::detail::require_non_negative("discrete.weights[" + std::to_string(i) + "]",
                                              weights[i], "weight");
      largest = std::max(largest, weights[i]);
    }
    if (!(largest > 0.0))
      traincost::detail::fail_value("discrete.weights (sum)", largest, "a positive total weight");
    double total = 0.0;  // at most values.size(): finite
    for (double w : weights)
      total += w / largest;
    Distribution d(Kind::discrete);
    d.values_ = std::move(values);
    d.cumulative_.resize(weights.size());
    double run = 0.0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      run += weights[i] / largest / total;
      d.cumulative_[i] = run;
    }
    d.cumulative_.back() = 1.0;
    return d;
  }

  /// The kind of distribution.
  Kind kind() const { return kind_; }
  /// Whether every draw gives the same value.
  bool is_fixed() const { return kind_ == Kind::fixed; }

  /// The value below which a share `p` of draws fall, p in (0, 1).
  double quantile(double p) const {
    if (!(p > 0.0 && p < 1.0))
      traincost::detail::fail_value("quantile.p", p, "a probability in (0, 1)");
    switch (kind_) {
      case Kind::fixed:
        return a_;
      case Kind::uniform:
        return a_ + (b_ - a_) * p;
      case Kind::triangular:
        return triangular_quantile(p);
      case Kind::normal:
        return truncated_ ? a_ + b_ * normal_quantile(cdf_low_ + p * (cdf_high_ - cdf_low_))
                          : a_ + b_ * normal_quantile(p);
      case Kind::lognormal:
        return std::exp(a_ + b_ * normal_quantile(p));
      case Kind::discrete:
        return discrete_quantile(p);
    }
    return a_;
  }

  /// The median, quantile(0.5): the base point of a tornado.
  double median() const { return quantile(0.5); }

  /// Fills `out` with independent draws from `g`.
  void sample(Xoshiro256pp& g, Eigen::Ref<Eigen::ArrayXd> out) const {
    switch (kind_) {
      case Kind::fixed:
        out.setConstant(a_);
        return;
      case Kind::uniform:
        for (Eigen::Index i = 0; i < out.size(); ++i)
          out[i] = a_ + (b_ - a_) * g.uniform();
        return;
      case Kind::triangular:
        fill_uniform(g, out);
        apply_triangular(out);
        return;
      case Kind::normal:
        if (truncated_) {
          fill_uniform(g, out);
          for (Eigen::Index i = 0; i < out.size(); ++i)
            out[i] = quantile(out[i]);
          clamp_truncated(out);
          return;
        }
        fill_standard_normal(g, out);
        out = a_ + b_ * out;
        return;
      case Kind::lognormal:
        fill_standard_normal(g, out);
        detail::exp_in_place(out, a_, b_);
        return;
      case Kind::discrete:
        fill_uniform(g, out);
        for (Eigen::Index i = 0; i < out.size(); ++i)
          out[i] = discrete_quantile(out[i]);
        return;
    }
  }

  /// Maps standard normals in `z` (in place) to draws from this distribution
  /// by x = F^-1(Phi(z)): how a Gaussian copula gives correlated inputs any
  /// marginal. Normal and lognormal skip the CDF round trip.
  void transform_normal(Eigen::Ref<Eigen::ArrayXd> z) const {
    switch (kind_) {
      case Kind::fixed:
        z.setConstant(a_);
        return;
      case Kind::normal:
        if (!truncated_) {
          z = a_ + b_ * z;
          return;
        }
        break;
      case Kind::lognormal:
        detail::exp_in_place(z, a_, b_);
        return;
      default:
        break;
    }
    for (Eigen::Index i = 0; i < z.size(); ++i) {
      // Keep p inside (0, 1) even for |z| > 8.3, where Phi rounds to 0 or 1.
      const double p = std::clamp(normal_cdf(z[i]), 0x1.0p-60, 1.0 - 0x1.0p-53);
      z[i] = quantile(p);
    }
  }

 private:
  explicit Distribution(Kind k) : kind_(k) {}

  double triangular_quantile(double p) const {
    const double split = (c_ - a_) / (b_ - a_);
    return p < split ? a_ + std::sqrt(p * (b_ - a_) * (c_ - a_))
                     : b_ - std::sqrt((1.0 - p) * (b_ - a_) * (b_ - c_));
  }
  void apply_triangular(Eigen::Ref<Eigen::ArrayXd> u) const {
    const double split = (c_ - a_) / (b_ - a_);
    const double left = (b_ - a_) * (c_ - a_);
    const double right = (b_ - a_) * (b_ - c_);
    // Select the argument, then one square root for both branches: the loop
    // vectorizes and u in (0, 1) keeps every argument non-negative.
    const Eigen::ArrayXd left_side = (u < split).cast<double>();
    const Eigen::ArrayXd root =
        (left_side * (u * left) + (1.0 - left_side) * ((1.0 - u) * right)).sqrt();
    u = a_ + left_side * root + (1.0 - left_side) * (b_ - a_ - root);
  }
  double discrete_quantile(double p) const {
    const auto it = std::lower_bound(cumulative_.begin(), cumulative_.end(), p);
    const auto i = static_cast<std::size_t>(std::min<std::ptrdiff_t>(
        it - cumulative_.begin(), static_cast<std::ptrdiff_t>(values_.size()) - 1));
    return values_[i];
  }
  void clamp_truncated(Eigen::Ref<Eigen::ArrayXd> x) const { x = x.max(low_).min(high_); }

  Kind kind_;
  double a_ = 0.0;  // fixed value, low, mean or mu
  double b_ = 0.0;  // high, sd or sigma
  double c_ = 0.0;  // triangular mode
  bool truncated_ = false;
  double low_ = 0.0, high_ = 0.0, cdf_low_ = 0.0, cdf_high_ = 1.0;
  std::vector<double> values_;
  std::vector<double> cumulative_;
};

// ---- Free factories: plain numbers, or typed quantities converted once ----

/// A fixed (certain) input.
inline Distribution fixed(double value) {
  return Distribution::fixed(value);
}
/// Uniform on [low, high].
inline Distribution uniform(double low, double high) {
  return Distribution::uniform(low, high);
}
/// Triangular on [low, high] with its peak at `mode`.
inline Distribution triangular(double low, double mode, double high) {
  return Distribution::triangular(low, mode, high);
}
/// Normal with `mean` and standard deviation `sd`.
inline Distribution normal(double mean, double sd) {
  return Distribution::normal(mean, sd);
}
/// Normal truncated to [low, high].
inline Distribution truncated_normal(double mean, double sd, double low, double high) {
  return Distribution::truncated_normal(mean, sd, low, high);
}
/// Lognormal with 90% interval [p5, p95] (Epoch AI's convention).
inline Distribution lognormal_90(double p5, double p95) {
  return Distribution::lognormal_90(p5, p95);
}
/// A weighted choice among values.
inline Distribution discrete(std::vector<double> values, std::vector<double> weights) {
  return Distribution::discrete(std::move(values), std::move(weights));
}

/// A typed quantity, as opposed to a plain number.
template <class Q>
concept Quantity = !std::is_arithmetic_v<Q>;

/// A distribution of a typed quantity `Q`: the numbers are canonical (like
/// every `Distribution`), and the type remembers what they measure, so a
/// range reached through a typed handle must be of the input's dimension
/// (uncertainty/ranges.hpp): a GPU-hour range on a price does not compile.
template <class Q>
class TypedDistribution : public Distribution {
 public:
  explicit TypedDistribution(Distribution d) : Distribution(std::move(d)) {}
};

/// A fixed typed input, e.g. `fixed(gpu_hours(119'000))`.
template <Quantity Q>
inline TypedDistribution<Q> fixed(Q value) {
  return TypedDistribution<Q>(Distribution::fixed(to_canonical(value)));
}
/// A typed uniform range, e.g. `uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5))`.
/// Bounds are compared in canonical units, so for a maker that inverts (an
/// exchange rate quoted as CNY per USD) the larger quoted number is the low.
template <Quantity Q>
inline TypedDistribution<Q> uniform(Q low, Q high) {
  return TypedDistribution<Q>(Distribution::uniform(to_canonical(low), to_canonical(high)));
}
/// A typed triangular range.
template <Quantity Q>
inline TypedDistribution<Q> triangular(Q low, Q mode, Q high) {
  return TypedDistribution<Q>(
      Distribution::triangular(to_canonical(low), to_canonical(mode), to_canonical(high)));
}
/// A typed normal; `sd` is a quantity of the same kind.
template <Quantity Q>
inline TypedDistribution<Q> normal(Q mean, Q sd) {
  return TypedDistribution<Q>(Distribution::normal(to_canonical(mean), to_canonical(sd)));
}
/// A typed lognormal from its 90% interval, e.g.
/// `lognormal_90(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5))`.
template <Quantity Q>
inline TypedDistribution<Q> lognormal_90(Q p5, Q p95) {
  return TypedDistribution<Q>(Distribution::lognormal_90(to_canonical(p5), to_canonical(p95)));
}

}  // namespace traincost::uncertainty
