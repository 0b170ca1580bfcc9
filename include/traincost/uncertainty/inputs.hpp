#pragma once
/// \file
/// A set of named uncertain inputs: each a distribution in canonical units,
/// with its provenance and how to show it; plus an optional correlation
/// matrix between inputs, applied through a Gaussian copula.

#include <cmath>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/uncertainty/canonical.hpp"
#include "traincost/uncertainty/distribution.hpp"

namespace traincost::uncertainty {

/// How an input's canonical value is shown to people: a unit label and the
/// conversion from canonical units (identity when empty).
struct Display {
  std::string unit;
  std::function<double(double)> convert;

  /// The canonical value `v` in the display unit.
  double operator()(double v) const { return convert ? convert(v) : v; }
};

/// Shows an input through a units.hpp reader, e.g.
/// `shown_in("USD/GPU-hour", in_usd_per_gpu_hour)`.
template <class Q>
inline Display shown_in(std::string unit, double (*reader)(Q)) {
  return Display{std::move(unit), [reader](double v) { return reader(from_canonical<Q>(v)); }};
}

/// A plain number (a ratio, a multiplier) shown as is.
inline Display shown_as_number(std::string unit = "") {
  return Display{std::move(unit), {}};
}

/// One named uncertain input.
struct Input {
  std::string name;
  Distribution distribution;
  Provenance provenance;
  Display display;
};

/// The correlated inputs of a set and the lower Cholesky factor L of their
/// correlation matrix: correlated normals are L times independent normals.
struct CopulaFactor {
  std::vector<Eigen::Index> inputs;
  Eigen::MatrixXd lower;
};

/// Named uncertain inputs, in the order a model's columns expect them.
class InputSet {
 public:
  /// Adds an input; its column in every sample matrix is its position.
  /// Throws when the name is empty or already used.
  InputSet& add(std::string name, Distribution distribution,
                Provenance provenance = assumed("no source given"),
                Display display = shown_as_number()) {
    if (name.empty())
      throw Error(ErrorCode::invalid_input, "inputs.name", "got an empty name; expected a name");
    for (const auto& in : inputs_)
      if (in.name == name)
        throw Error(ErrorCode::invalid_input, "inputs." + name,
                    "the name is already used; expected each input once");
    inputs_.push_back(
        Input{std::move(name), std::move(distribution), std::move(provenance), std::move(display)});
    const auto k = static_cast<Eigen::Index>(inputs_.size());
    Eigen::MatrixXd grown = Eigen::MatrixXd::Identity(k, k);
    grown.topLeftCorner(k - 1, k - 1) = correlation_;
    correlation_ = std::move(grown);
    return *this;
  }

  /// The number of inputs.
  std::size_t size() const { return inputs_.size(); }
  /// The input in column `i`.
  const Input& operator[](std::size_t i) const { return inputs_[i]; }
  /// All inputs in column order.
  const std::vector<Input>& inputs() const { return inputs_; }
  /// Replaces the distribution of a named input (keeps its column).
  InputSet& set(std::string_view name, Distribution distribution) {
    inputs_[index_of(name)].distribution = std::move(distribution);
    return *this;
  }

  /// The column of the input called `name`; throws `unknown_name`.
  std::size_t index_of(std::string_view name) const {
    for (std::size_t i = 0; i < inputs_.size(); ++i)
      if (inputs_[i].name == name)
        return i;
    std::string known;
    for (const auto& in : inputs_)
      known += (known.empty() ? "" : ", ") + in.name;
    throw Error(ErrorCode::unknown_name, "inputs",
                "no input named \"" + std::string(name) + "\"; expected one of: " + known);
  }

  /// Sets the rank-style (Gaussian-copula) correlation between two inputs,
  /// rho in [-1, 1]. The whole matrix is checked for positive definiteness
  /// when sampling starts (or by `copula()`), since a matrix built pair by
  /// pair may pass through invalid states.
  InputSet& correlate(std::string_view a, std::string_view b, double rho) {
    const auto i = static_cast<Eigen::Index>(index_of(a));
    const auto j = static_cast<Eigen::Index>(index_of(b));
    const std::string field = "correlation(" + std::string(a) + ", " + std::string(b) + ")";
    if (i == j)
      throw Error(ErrorCode::invalid_input, field,
                  "an input cannot be correlated with itself; expected two different inputs");
    if (!std::isfinite(rho) || rho < -1.0 || rho > 1.0)
      traincost::detail::fail_value(field, rho, "a correlation in [-1, 1]");
    correlation_(i, j) = rho;
    correlation_(j, i) = rho;
    return *this;
  }

  /// Sets the whole correlation matrix (size x size), checked now: square,
  /// symmetric, ones on the diagonal, entries in [-1, 1], positive definite.
  InputSet& set_correlation(const Eigen::MatrixXd& r) {
    const auto k = static_cast<Eigen::Index>(inputs_.size());
    if (r.rows() != k || r.cols() != k)
      throw Error(ErrorCode::invalid_input, "correlation",
                  "got a " + std::to_string(r.rows()) + "x" + std::to_string(r.cols()) +
                      " matrix; expected " + std::to_string(k) + "x" + std::to_string(k) +
                      " (one row and column per input)");
    for (Eigen::Index i = 0; i < k; ++i)
      for (Eigen::Index j = 0; j < k; ++j) {
        const std::string field = "correlation(" + inputs_[static_cast<std::size_t>(i)].name +
                                  ", " + inputs_[static_cast<std::size_t>(j)].name + ")";
        if (i == j && r(i, j) != 1.0)
          traincost::detail::fail_value(field, r(i, j), "1 on the diagonal");
        if (!std::isfinite(r(i, j)) || r(i, j) < -1.0 || r(i, j) > 1.0)
          traincost::detail::fail_value(field, r(i, j), "a correlation in [-1, 1]");
        if (std::abs(r(i, j) - r(j, i)) > 1e-12)
          traincost::detail::fail_value(field, r(i, j),
                                        "a symmetric matrix, equal to its transpose entry " +
                                            traincost::detail::format_value(r(j, i)));
      }
    Eigen::MatrixXd previous = correlation_;
    correlation_ = r;
    try {
      (void)copula();
    } catch (...) {
      correlation_ = std::move(previous);
      throw;
    }
    return *this;
  }

  /// The correlation matrix (identity when no input is correlated).
  const Eigen::MatrixXd& correlation() const { return correlation_; }

  /// Whether any two inputs are correlated.
  bool has_correlation() const {
    const auto k = correlation_.rows();
    return k > 0 && (correlation_ - Eigen::MatrixXd::Identity(k, k)).cwiseAbs().maxCoeff() > 0.0;
  }

  /// The Cholesky factor (Eigen::LLT) of the correlation among correlated
  /// inputs. Throws `invalid_value` naming the smallest eigenvalue when the
  /// matrix is not positive definite.
  CopulaFactor copula() const {
    CopulaFactor f;
    const auto k = correlation_.rows();
    for (Eigen::Index i = 0; i < k; ++i)
      for (Eigen::Index j = 0; j < k; ++j)
        if (i != j && correlation_(i, j) != 0.0) {
          f.inputs.push_back(i);
          break;
        }
    const auto m = static_cast<Eigen::Index>(f.inputs.size());
    if (m == 0)
      return f;
    Eigen::MatrixXd sub(m, m);
    for (Eigen::Index a = 0; a < m; ++a)
      for (Eigen::Index b = 0; b < m; ++b)
        sub(a, b) = correlation_(f.inputs[static_cast<std::size_t>(a)],
                                 f.inputs[static_cast<std::size_t>(b)]);
    Eigen::LLT<Eigen::MatrixXd> llt(sub);
    const double smallest =
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(sub, Eigen::EigenvaluesOnly)
            .eigenvalues()
            .minCoeff();
    // LLT can succeed on a singular matrix by rounding; the eigenvalue test
    // catches those, since a correlation of exactly +-1 cannot be sampled
    // through a copula without degenerate draws.
    if (llt.info() != Eigen::Success || !(smallest > 1e-12))
      traincost::detail::fail_value("correlation (smallest eigenvalue)", smallest,
                                    "a positive definite correlation matrix (all eigenvalues "
                                    "> 0); the correlations given are mutually inconsistent");
    f.lower = llt.matrixL();
    return f;
  }

 private:
  std::vector<Input> inputs_;
  Eigen::MatrixXd correlation_ = Eigen::MatrixXd(0, 0);
};

}  // namespace traincost::uncertainty
