#include "traincost/compute/compute_optimal.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

TEST(ComputeOptimal, PublishedCoefficientsAreTheDefaults) {
  // Hoffmann et al. 2022 (arXiv 2203.15556), sec. 3.3, eq. 10 [P].
  const ChinchillaLaw law;
  EXPECT_DOUBLE_EQ(law.e, 1.69);
  EXPECT_DOUBLE_EQ(law.a, 406.4);
  EXPECT_DOUBLE_EQ(law.b, 410.7);
  EXPECT_DOUBLE_EQ(law.alpha, 0.34);
  EXPECT_DOUBLE_EQ(law.beta, 0.28);
  EXPECT_EQ(law.provenance.evidence, Evidence::published);
  EXPECT_NE(law.provenance.source.find("2203.15556"), std::string::npos);
}

TEST(ComputeOptimal, RuleOfThumbIsTwentyTokensPerParameter) {
  // Chinchilla's own budget, ~5.76e23 FLOP, gives ~69B parameters on ~1.4T
  // tokens under D = 20N. Hoffmann et al. 2022 [P] trained Chinchilla, 70B
  // parameters, on 1.4T tokens (docs/sources.md §10; tolerance 2%).
  const ComputeOptimalSizing s = compute_optimal(flop(5.76e23));
  EXPECT_NEAR(in_parameters(s.rule_of_thumb.parameters), 70e9, 0.02 * 70e9);
  EXPECT_NEAR(in_tokens(s.rule_of_thumb.tokens), 1.4e12, 0.02 * 1.4e12);
  EXPECT_DOUBLE_EQ(s.rule_of_thumb.tokens_per_parameter, 20.0);
  // Both methods spend the whole budget: 6·N·D = C.
  EXPECT_NEAR(6 * in_parameters(s.rule_of_thumb.parameters) * in_tokens(s.rule_of_thumb.tokens),
              5.76e23, 5.76e23 * 1e-12);
  EXPECT_NEAR(6 * in_parameters(s.fitted_law.parameters) * in_tokens(s.fitted_law.tokens), 5.76e23,
              5.76e23 * 1e-12);
}

TEST(ComputeOptimal, FittedLawOptimumAtChinchillaBudget) {
  // Pinned to a hand computation (bc -l, 30 digits) of Hoffmann et al. 2022
  // (arXiv 2203.15556), eq. 4, with the eq. 10 coefficients [P], at
  // C = 5.76e23 FLOP:
  //   alpha·A = 0.34 x 406.4 = 138.176;  beta·B = 0.28 x 410.7 = 114.996
  //   G = (138.176 / 114.996)^(1/0.62) = 1.2015722^(1.6129032) = 1.3447106
  //   a = beta/(alpha+beta) = 0.4516129;  b = alpha/(alpha+beta) = 0.5483871
  //   C/6 = 9.6e22;  (C/6)^a = 2.3938131e10;  (C/6)^b = 4.0103382e12
  //   N_opt = G x (C/6)^a = 3.2189859e10 parameters (32.2B)
  //   D_opt = (C/6)^b / G = 2.9823057e12 tokens (2.98T), 92.65 tokens/parameter
  // Tolerance: 1e-7 relative (the hand figures carry 8 significant digits).
  const ComputeOptimalSizing s = compute_optimal(flop(5.76e23));
  EXPECT_NEAR(in_parameters(s.fitted_law.parameters), 3.2189859e10, 1e-7 * 3.2189859e10);
  EXPECT_NEAR(in_tokens(s.fitted_law.tokens), 2.9823057e12, 1e-7 * 2.9823057e12);
  EXPECT_NEAR(s.fitted_law.tokens_per_parameter, 92.647367, 1e-7 * 92.647367);
}

TEST(ComputeOptimal, FittedLawMatchesTheClosedFormExponents) {
  // N_opt ∝ C^(beta/(alpha+beta)) = C^0.4516, D_opt ∝ C^0.5484 (eq. 4).
  const ComputeOptimalSizing a = compute_optimal(flop(1e22));
  const ComputeOptimalSizing b = compute_optimal(flop(1e24));
  const double n_exp = std::log10(ratio(b.fitted_law.parameters, a.fitted_law.parameters)) / 2.0;
  const double d_exp = std::log10(ratio(b.fitted_law.tokens, a.fitted_law.tokens)) / 2.0;
  EXPECT_NEAR(n_exp, 0.28 / 0.62, 1e-12);
  EXPECT_NEAR(d_exp, 0.34 / 0.62, 1e-12);
}

TEST(ComputeOptimal, FittedLawIsTheMinimumOnTheBudgetLine) {
  // Numerically: moving N either way along C = 6ND raises the predicted loss.
  const ChinchillaLaw law;
  for (double c : {1e20, 1e23, 1e26}) {
    const ComputeOptimalSizing s = compute_optimal(flop(c));
    const double n = in_parameters(s.fitted_law.parameters);
    const double best = s.fitted_law.predicted_loss;
    for (double f : {0.9, 0.99, 1.01, 1.1}) {
      const double l = law.loss(parameters(n * f), tokens(c / (6 * n * f)));
      EXPECT_GT(l, best) << c << " " << f;
    }
    EXPECT_LE(best, s.rule_of_thumb.predicted_loss);
    EXPECT_GT(best, law.e);
  }
}

TEST(ComputeOptimal, MethodsAreLabelledAndSourced) {
  const ComputeOptimalSizing s = compute_optimal(flop(1e24));
  EXPECT_EQ(s.rule_of_thumb.method, "20 tokens per parameter");
  EXPECT_EQ(s.fitted_law.method, "fitted loss law");
  // A bare FLOP budget is assumed, so the answers are too.
  EXPECT_EQ(s.fitted_law.provenance.evidence, Evidence::assumed);
  EXPECT_NE(s.fitted_law.provenance.source.find("eq. 10"), std::string::npos);
  // Known property of the published coefficients: far more than 20 tokens per
  // parameter at this budget (about 98).
  EXPECT_GT(s.fitted_law.tokens_per_parameter, 80.0);
}

TEST(ComputeOptimal, ProvenanceIsAsWeakAsTheWeakestInput) {
  // A bare FLOP budget is a number without a source: assumed, as everywhere.
  const ComputeOptimalSizing s = compute_optimal(flop(1e24));
  EXPECT_EQ(s.rule_of_thumb.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(s.fitted_law.provenance.evidence, Evidence::assumed);
  // With a budget of published evidence (dollars at a published MFU on the
  // catalog's published H800 peak) the paper's ratio and coefficients give
  // derived answers; a ratio other than the paper's 20, or coefficients
  // marked as assumed, make them assumed.
  const AcceleratorSpec& h800 = accelerator("h800");
  const Throughput stated = Throughput(Precision::bf16, 0.4).with_source(published("paper"));
  const auto sized = [&](const ChinchillaLaw& law, double k) {
    return compute_optimal(usd(1e6), usd_per_gpu_hour(2.0), h800, stated, law, k);
  };
  EXPECT_EQ(sized(ChinchillaLaw{}, 20.0).rule_of_thumb.provenance.evidence, Evidence::derived);
  EXPECT_EQ(sized(ChinchillaLaw{}, 30.0).rule_of_thumb.provenance.evidence, Evidence::assumed);
  ChinchillaLaw refit;
  refit.alpha = 0.35;
  refit.provenance = assumed("a refit");
  EXPECT_EQ(sized(ChinchillaLaw{}, 20.0).fitted_law.provenance.evidence, Evidence::derived);
  EXPECT_EQ(sized(refit, 20.0).fitted_law.provenance.evidence, Evidence::assumed);
  // A dollar budget turned into FLOP at an assumed MFU gives an assumed size;
  // at a published MFU on the catalog's published H800 peak (§5 [P]), derived.
  const Throughput guessed(Precision::bf16, 0.4);
  const ComputeOptimalSizing a = compute_optimal(usd(1e6), usd_per_gpu_hour(2.0), h800, guessed);
  EXPECT_EQ(a.fitted_law.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(a.rule_of_thumb.provenance.evidence, Evidence::assumed);
  EXPECT_NE(a.fitted_law.provenance.source.find("at MFU 0.4 (bf16)"), std::string::npos)
      << a.fitted_law.provenance.source;
  const ComputeOptimalSizing p = compute_optimal(usd(1e6), usd_per_gpu_hour(2.0), h800,
                                                 guessed.with_source(published("paper")));
  EXPECT_EQ(p.fitted_law.provenance.evidence, Evidence::derived);
}

TEST(ComputeOptimal, DollarBudgetGoesThroughGpuHours) {
  const AcceleratorSpec& h800 = accelerator("h800");
  const Throughput t(Precision::bf16, 0.4);
  const ComputeOptimalSizing byusd = compute_optimal(usd(5.576e6), usd_per_gpu_hour(2.0), h800, t);
  // $5.576M / $2 = 2.788M GPU-hours x 3600 s x 989.5e12 x 0.4 FLOP/s.
  const double c = 2.788e6 * 3600 * 989.5e12 * 0.4;
  EXPECT_NEAR(in_flop(byusd.budget), c, c * 1e-12);
  const ComputeOptimalSizing byflop = compute_optimal(flop(c));
  EXPECT_NEAR(ratio(byusd.fitted_law.parameters, byflop.fitted_law.parameters), 1.0, 1e-12);
}

TEST(ComputeOptimal, CustomRatio) {
  const ComputeOptimalSizing s = compute_optimal(flop(6e22), ChinchillaLaw{}, 100.0);
  EXPECT_NEAR(in_parameters(s.rule_of_thumb.parameters), 1e10, 1e-3);
  EXPECT_NEAR(in_tokens(s.rule_of_thumb.tokens), 1e12, 1e-1);
}

// ---- bad input ----

TEST(ComputeOptimalErrors, BadBudgetRatioAndCoefficients) {
  expect_error([] { (void)compute_optimal(flop(0)); }, ErrorCode::invalid_value, "budget", "got 0");
  expect_error([] { (void)compute_optimal(flop(1e22), ChinchillaLaw{}, -20); },
               ErrorCode::invalid_value, "tokens_per_parameter", "got -20");
  ChinchillaLaw bad;
  bad.alpha = 0;
  expect_error([&] { (void)compute_optimal(flop(1e22), bad); }, ErrorCode::invalid_value,
               "chinchilla_law.alpha", "got 0");
  expect_error([] { (void)ChinchillaLaw{}.loss(parameters(0), tokens(1)); },
               ErrorCode::invalid_value, "parameters", "got 0");
}

}  // namespace
}  // namespace traincost
