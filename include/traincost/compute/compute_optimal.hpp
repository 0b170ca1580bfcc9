#pragma once
/// \file
/// Compute-optimal ("Chinchilla") sizing: for a FLOP or dollar budget, how
/// many parameters to train on how many tokens — by two methods, reported
/// side by side because they disagree and the disagreement is informative.
///
/// Both use C = 6·N·D (training FLOP = 6 x parameters x tokens), as Hoffmann
/// et al. 2022 do.
///
///  1. The rule of thumb: D = 20·N, i.e. N = sqrt(C / 120). Twenty tokens per
///     parameter is how Hoffmann et al. 2022, "Training Compute-Optimal Large
///     Language Models" (arXiv 2203.15556), Table 3 (Approach 1) is usually
///     summarised; the ratio is a parameter here.
///  2. The fitted loss law of the same paper, §3.3, Approach 3, eq. (10):
///         L(N, D) = E + A / N^alpha + B / D^beta
///     with E = 1.69, A = 406.4, B = 410.7, alpha = 0.34, beta = 0.28 [P].
///     Minimising L subject to C = 6·N·D gives eq. (4):
///         N_opt = G·(C/6)^a,  D_opt = (C/6)^b / G,
///         G = (alpha·A / (beta·B))^(1/(alpha+beta)),
///         a = beta/(alpha+beta), b = alpha/(alpha+beta).
///     With these coefficients the optimum uses far more than 20 tokens per
///     parameter (about 93 at 5.76e23 FLOP, 122 at 1e25, rising with the
///     budget) — one reason to print both.
///
/// The coefficients and the 20 tokens/parameter rule are listed, with the
/// paper's table, in docs/sources.md §10.

#include <cmath>
#include <string>

#include "traincost/compute/compute.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// The rule-of-thumb ratio of training tokens to parameters (Hoffmann et al.
/// 2022, Table 3, as commonly summarised).
inline constexpr double chinchilla_tokens_per_parameter = 20.0;

/// The Chinchilla parametric loss L(N, D) = E + A/N^alpha + B/D^beta.
/// Defaults: Hoffmann et al. 2022 (arXiv 2203.15556), §3.3, eq. (10) [P].
struct ChinchillaLaw {
  double e = 1.69;      ///< irreducible loss, nats per token
  double a = 406.4;     ///< parameter term coefficient
  double b = 410.7;     ///< data term coefficient
  double alpha = 0.34;  ///< parameter exponent
  double beta = 0.28;   ///< data exponent
  Provenance provenance = published(
      "Hoffmann et al. 2022, Training Compute-Optimal Large Language Models (arXiv "
      "2203.15556), sec. 3.3, eq. 10 (Approach 3)");

  /// Throws `traincost::Error` naming a coefficient that is not usable.
  void validate() const {
    detail::require_non_negative("chinchilla_law.e", e, "loss");
    detail::require_positive("chinchilla_law.a", a, "coefficient");
    detail::require_positive("chinchilla_law.b", b, "coefficient");
    detail::require_positive("chinchilla_law.alpha", alpha, "exponent");
    detail::require_positive("chinchilla_law.beta", beta, "exponent");
  }

  /// Predicted final loss (nats per token) of `n` parameters trained on `d` tokens.
  double loss(ParameterCount n, TokenCount d) const {
    const double np =
        detail::require_positive("parameters", in_parameters(n), "number of parameters");
    const double dt = detail::require_positive("tokens", in_tokens(d), "number of tokens");
    return e + a / std::pow(np, alpha) + b / std::pow(dt, beta);
  }
};

/// One compute-optimal answer.
struct SizingPoint {
  std::string method;  ///< "20 tokens per parameter" or "fitted loss law"
  ParameterCount parameters = traincost::parameters(0);
  TokenCount tokens = traincost::tokens(0);
  double tokens_per_parameter = 0;
  double predicted_loss = 0;  ///< under the law, nats per token
  Provenance provenance;
};

/// Both answers for one budget.
struct ComputeOptimalSizing {
  FlopCount budget = flop(0);
  SizingPoint rule_of_thumb;  ///< D = ratio x N
  SizingPoint fitted_law;     ///< argmin of L(N, D) on C = 6ND
};

namespace detail {

/// Both answers for a budget whose own evidence is `budget_evidence` and
/// whose origin `budget_how` describes (empty for a bare FLOP figure).
inline ComputeOptimalSizing compute_optimal_sizing(FlopCount budget, const ChinchillaLaw& law,
                                                   double tokens_per_parameter,
                                                   Evidence budget_evidence,
                                                   const std::string& budget_how) {
  const double c = require_positive("budget", in_flop(budget), "number of FLOP");
  const double k = require_positive("tokens_per_parameter", tokens_per_parameter,
                                    "ratio of tokens to parameters");
  law.validate();

  ComputeOptimalSizing out;
  out.budget = budget;

  // C = 6·N·(k·N)  =>  N = sqrt(C / (6k)).
  const double n1 = std::sqrt(c / (6.0 * k));
  out.rule_of_thumb.method = format_value(k) + " tokens per parameter";
  out.rule_of_thumb.parameters = parameters(n1);
  out.rule_of_thumb.tokens = tokens(k * n1);
  out.rule_of_thumb.tokens_per_parameter = k;
  out.rule_of_thumb.predicted_loss =
      law.loss(out.rule_of_thumb.parameters, out.rule_of_thumb.tokens);
  // The paper's 20 is a published summary; any other ratio is the caller's assumption.
  const Evidence ratio_evidence =
      k == chinchilla_tokens_per_parameter ? Evidence::published : Evidence::assumed;
  out.rule_of_thumb.provenance = derived_from(
      {ratio_evidence, budget_evidence},
      "C = 6ND with D = " + format_value(k) + " N [" + std::string(tag(ratio_evidence)) +
          "] (Hoffmann et al. 2022, arXiv 2203.15556, Table 3 rule of thumb)" + budget_how);

  const double g = std::pow(law.alpha * law.a / (law.beta * law.b), 1.0 / (law.alpha + law.beta));
  const double ea = law.beta / (law.alpha + law.beta);
  const double eb = law.alpha / (law.alpha + law.beta);
  const double n2 = g * std::pow(c / 6.0, ea);
  const double d2 = std::pow(c / 6.0, eb) / g;
  out.fitted_law.method = "fitted loss law";
  out.fitted_law.parameters = parameters(n2);
  out.fitted_law.tokens = tokens(d2);
  out.fitted_law.tokens_per_parameter = d2 / n2;
  out.fitted_law.predicted_loss = law.loss(out.fitted_law.parameters, out.fitted_law.tokens);
  out.fitted_law.provenance = derived_from(
      {law.provenance.evidence, budget_evidence},
      "argmin of L(N, D) subject to C = 6ND, closed form (Hoffmann et al. 2022, eq. 4) "
      "with coefficients [" +
          std::string(tag(law.provenance.evidence)) + "]: " + law.provenance.source + budget_how);
  return out;
}

}  // namespace detail

/// Parameters and tokens for a FLOP budget, by both methods. The budget is a
/// bare number, so it counts as `assumed` (as a bare number does everywhere
/// in traincost) and so are the answers.
/// \param budget               training FLOP, C
/// \param law                  loss-law coefficients (default: Hoffmann et al.)
/// \param tokens_per_parameter the rule of thumb's ratio (default 20)
inline ComputeOptimalSizing compute_optimal(
    FlopCount budget, const ChinchillaLaw& law = {},
    double tokens_per_parameter = chinchilla_tokens_per_parameter) {
  return detail::compute_optimal_sizing(budget, law, tokens_per_parameter, Evidence::assumed, "");
}

/// Parameters and tokens for a dollar budget: the budget buys GPU-hours at
/// `price`, which compute FLOP at `throughput` on `spec`. The answers are as
/// weak as the throughput's and the accelerator's evidence: a budget turned
/// into FLOP at an assumed MFU gives an assumed size.
/// \param budget US dollars  \param price USD per GPU-hour
inline ComputeOptimalSizing compute_optimal(
    Money budget, GpuTimePrice price, const AcceleratorSpec& spec, const Throughput& throughput,
    const ChinchillaLaw& law = {}, double tokens_per_parameter = chinchilla_tokens_per_parameter) {
  const FlopCount c = flop_for_gpu_time(gpu_time_for_budget(budget, price), spec, throughput);
  const Evidence e = weakest({throughput.source().evidence, spec.provenance.evidence});
  const std::string how = "; budget " + detail::format_value(in_usd(budget)) + " USD at " +
                          detail::format_value(in_usd_per_gpu_hour(price)) + " USD/GPU-hour on " +
                          spec.name + " at MFU " + detail::format_value(throughput.mfu()) + " (" +
                          std::string(to_string(throughput.mfu_precision())) + ") x goodput " +
                          detail::format_value(throughput.goodput()) + " [" +
                          std::string(tag(throughput.source().evidence)) + "]";
  return detail::compute_optimal_sizing(c, law, tokens_per_parameter, e, how);
}

}  // namespace traincost
