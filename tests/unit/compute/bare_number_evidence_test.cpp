// A bare number (a figure passed without a provenance) counts as `assumed`
// at every entry point that accepts one; none of them may treat it as
// published. One test per entry point, so a regression names its culprit.

#include <gtest/gtest.h>

#include "traincost/compute/compute_optimal.hpp"
#include "traincost/compute/plausibility.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/uncertainty/inputs.hpp"

namespace traincost {
namespace {

TEST(BareNumber, ImpliedMfuFromFlopAndGpuHoursIsAssumed) {
  const ImpliedMfu m =
      implied_mfu(flop(1e21), gpu_hours(1e4), accelerator("h800"), MfuBasis(Precision::bf16));
  EXPECT_EQ(m.provenance.evidence, Evidence::assumed) << m.provenance.source;
}

TEST(BareNumber, ImpliedMfuFromTokenRateIsAssumed) {
  const Cluster c(accelerator("h800"), accelerators(2048));
  const ImpliedMfu m =
      implied_mfu(flop_per_token(6e9), tokens_per_second(1e5), c, MfuBasis(Precision::bf16));
  EXPECT_EQ(m.provenance.evidence, Evidence::assumed) << m.provenance.source;
}

TEST(BareNumber, ComputeOptimalFromFlopBudgetIsAssumed) {
  const ComputeOptimalSizing s = compute_optimal(flop(1e24));
  EXPECT_EQ(s.rule_of_thumb.provenance.evidence, Evidence::assumed);
  EXPECT_EQ(s.fitted_law.provenance.evidence, Evidence::assumed);
}

TEST(BareNumber, WorkloadWithoutSourceIsAssumed) {
  EXPECT_EQ(Workload::dense("w", parameters(1e9), tokens(2e10)).provenance.evidence,
            Evidence::assumed);
  EXPECT_EQ(Workload::mixture_of_experts("m", parameters(6e11), parameters(3.7e10), tokens(1e12))
                .provenance.evidence,
            Evidence::assumed);
}

TEST(BareNumber, InputWithoutProvenanceIsAssumed) {
  uncertainty::InputSet set;
  set.add("price", uncertainty::Distribution::uniform(1.0, 2.0));
  ASSERT_EQ(set.size(), 1U);
  EXPECT_EQ(set.inputs().front().provenance.evidence, Evidence::assumed);
}

}  // namespace
}  // namespace traincost
