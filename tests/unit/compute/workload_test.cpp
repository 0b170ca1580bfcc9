#include "traincost/compute/workload.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <utility>

#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

/// Training FLOP of `w`, for the bad-input checks below.
auto flop_of(Workload w) {
  return [w = std::move(w)] { (void)training_flop(w); };
}

TEST(Workload, DenseDefaultsToSixNAndBf16) {
  const Workload w = Workload::dense("d", parameters(1e9), tokens(2e10));
  EXPECT_DOUBLE_EQ(in_parameters(w.total_parameters), 1e9);
  EXPECT_DOUBLE_EQ(in_parameters(w.active_parameters), 1e9);
  EXPECT_EQ(w.training_precision, Precision::bf16);
  EXPECT_FALSE(w.flop_rule.is_stated());
  EXPECT_FALSE(w.flop_rule.has_attention());
  EXPECT_DOUBLE_EQ(in_flop_per_token(training_flop_per_token(w)), 6e9);
  EXPECT_DOUBLE_EQ(in_flop(training_flop(w)), 6e9 * 2e10);
}

TEST(Workload, MixtureOfExpertsUsesActiveParameters) {
  // Only the routed experts touch a token: 6 x active, not 6 x total.
  const Workload w =
      Workload::mixture_of_experts("moe", parameters(100e9), parameters(10e9), tokens(1e12));
  EXPECT_DOUBLE_EQ(in_flop_per_token(training_flop_per_token(w)), 60e9);
  EXPECT_DOUBLE_EQ(in_flop(training_flop(w)), 60e9 * 1e12);
}

TEST(Workload, StatedFigureOverridesSixN) {
  const Workload w =
      Workload::mixture_of_experts("moe", parameters(100e9), parameters(10e9), tokens(1e12))
          .with_flop_rule(FlopPerTokenRule::stated(flop_per_token(7e10), published("paper")));
  EXPECT_TRUE(w.flop_rule.is_stated());
  EXPECT_DOUBLE_EQ(in_flop_per_token(training_flop_per_token(w)), 7e10);
  EXPECT_EQ(w.flop_rule.provenance().evidence, Evidence::published);
  EXPECT_EQ(w.flop_rule.provenance().source, "paper");
}

TEST(Workload, AttentionTermIsTwelveLayersWidthSequence) {
  // PaLM (arXiv 2204.02311) App. B: 6N + 12·L·H·Q·T. A GPT-3-175B-like shape:
  // 96 layers, width 12288, T = 2048 -> 12 x 96 x 12288 x 2048 = 2.899e10.
  AttentionShape s{96, 12288, tokens(2048), AttentionMask::full};
  const Workload w = Workload::dense("gpt", parameters(175e9), tokens(300e9))
                         .with_flop_rule(FlopPerTokenRule::six_n_plus_attention(s));
  const double attention = 12.0 * 96 * 12288 * 2048;
  EXPECT_DOUBLE_EQ(in_flop_per_token(training_flop_per_token(w)), 6 * 175e9 + attention);
  ASSERT_NE(w.flop_rule.attention(), nullptr);
  EXPECT_EQ(w.flop_rule.attention()->layers, 96);
  EXPECT_EQ(w.flop_rule.provenance().evidence, Evidence::derived);
  EXPECT_NE(w.flop_rule.describe().find("12 x layers"), std::string::npos);
}

TEST(Workload, CausalMaskHalvesTheAttentionTerm) {
  AttentionShape full{10, 1000, tokens(4096), AttentionMask::full};
  AttentionShape causal = full;
  causal.mask = AttentionMask::causal;
  const ParameterCount n = parameters(1e9);
  const double f = in_flop_per_token(FlopPerTokenRule::six_n_plus_attention(full).evaluate(n));
  const double c = in_flop_per_token(FlopPerTokenRule::six_n_plus_attention(causal).evaluate(n));
  EXPECT_DOUBLE_EQ(f - 6e9, 2.0 * (c - 6e9));
  EXPECT_NE(FlopPerTokenRule::six_n_plus_attention(causal).describe().find("causal"),
            std::string::npos);
}

TEST(Workload, AttentionTermGrowsLinearlyWithSequenceLength) {
  AttentionShape s{32, 4096, tokens(2048)};
  const double a1 =
      in_flop_per_token(FlopPerTokenRule::six_n_plus_attention(s).evaluate(parameters(1)));
  s.sequence_length = tokens(4096);
  const double a2 =
      in_flop_per_token(FlopPerTokenRule::six_n_plus_attention(s).evaluate(parameters(1)));
  EXPECT_DOUBLE_EQ(a2 - 6.0, 2.0 * (a1 - 6.0));
}

TEST(Workload, OnTokensAndTrainedInKeepTheRest) {
  const Workload w = Workload::dense("d", parameters(1e9), tokens(1e10)).trained_in(Precision::fp8);
  const Workload w2 = w.on_tokens(tokens(3e10));
  EXPECT_EQ(w2.training_precision, Precision::fp8);
  EXPECT_DOUBLE_EQ(in_flop(training_flop(w2)), 3.0 * in_flop(training_flop(w)));
}

// ---- bad input ----

TEST(WorkloadErrors, ZeroTokens) {
  expect_error(flop_of(Workload::dense("d", parameters(1e9), tokens(0))), ErrorCode::invalid_value,
               "workload.training_tokens", "got 0");
}

TEST(WorkloadErrors, NanTokens) {
  expect_error(flop_of(Workload::dense("d", parameters(1e9),
                                       tokens(std::numeric_limits<double>::quiet_NaN()))),
               ErrorCode::invalid_value, "workload.training_tokens", "got nan");
}

TEST(WorkloadErrors, NegativeParameters) {
  expect_error(flop_of(Workload::dense("d", parameters(-5), tokens(1e9))), ErrorCode::invalid_value,
               "workload.total_parameters", "got -5");
}

TEST(WorkloadErrors, ActiveAboveTotal) {
  expect_error(
      flop_of(Workload::mixture_of_experts("m", parameters(10e9), parameters(20e9), tokens(1e9))),
      ErrorCode::invalid_value, "workload.active_parameters", "got 2e+10");
}

TEST(WorkloadErrors, NonPositiveStatedFigure) {
  expect_error(
      flop_of(Workload::dense("d", parameters(1e9), tokens(1e9))
                  .with_flop_rule(FlopPerTokenRule::stated(flop_per_token(0), assumed("x")))),
      ErrorCode::invalid_value, "workload.flop_per_token", "got 0");
}

TEST(WorkloadErrors, FractionalLayers) {
  AttentionShape s{2.5, 1024, tokens(2048)};
  expect_error(flop_of(Workload::dense("d", parameters(1e9), tokens(1e9))
                           .with_flop_rule(FlopPerTokenRule::six_n_plus_attention(s))),
               ErrorCode::invalid_value, "workload.attention.layers", "got 2.5");
}

TEST(WorkloadErrors, ZeroSequenceLength) {
  AttentionShape s{24, 1024, tokens(0)};
  expect_error(flop_of(Workload::dense("d", parameters(1e9), tokens(1e9))
                           .with_flop_rule(FlopPerTokenRule::six_n_plus_attention(s))),
               ErrorCode::invalid_value, "workload.attention.sequence_length", "got 0");
}

}  // namespace
}  // namespace traincost
