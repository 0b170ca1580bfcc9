#include "traincost/core/provenance.hpp"

#include <gtest/gtest.h>

#include "traincost/units/units.hpp"

namespace traincost {
namespace {

TEST(Provenance, TagsMatchTheReferenceFile) {
  EXPECT_EQ(tag(Evidence::published), "P");
  EXPECT_EQ(tag(Evidence::analyst_estimate), "A");
  EXPECT_EQ(tag(Evidence::derived), "D");
  EXPECT_EQ(tag(Evidence::assumed), "?");
}

TEST(Provenance, MakersSetEvidenceAndSource) {
  const Provenance p = published("V3 report, Table 1");
  EXPECT_EQ(p.evidence, Evidence::published);
  EXPECT_EQ(p.source, "V3 report, Table 1");
  EXPECT_EQ(analyst_estimate("x").evidence, Evidence::analyst_estimate);
  EXPECT_EQ(derived("x").evidence, Evidence::derived);
  EXPECT_EQ(assumed("x").evidence, Evidence::assumed);
  EXPECT_EQ(to_string(Evidence::analyst_estimate), "analyst estimate");
}

// A result is as weak as its weakest input, and at best derived.
TEST(Provenance, DerivedFromTakesTheWeakestInput) {
  using E = Evidence;
  EXPECT_EQ(derived_from({E::published, E::published}, "x").evidence, E::derived);
  EXPECT_EQ(derived_from({E::published, E::analyst_estimate}, "x").evidence, E::analyst_estimate);
  EXPECT_EQ(derived_from({E::derived, E::assumed}, "x").evidence, E::assumed);
  EXPECT_EQ(derived_from({E::analyst_estimate, E::assumed}, "x").evidence, E::assumed);
  EXPECT_EQ(derived_from({E::published}, "how").source, "how");
  EXPECT_EQ(weakest({E::published, E::derived}), E::derived);
  EXPECT_EQ(weakest({}), E::published);
}

TEST(Provenance, SourcedKeepsValueAndProvenance) {
  const auto price = sourced(usd_per_gpu_hour(2.0), assumed("DeepSeek's assumption"));
  EXPECT_DOUBLE_EQ(in_usd_per_gpu_hour(price.value), 2.0);
  EXPECT_EQ(price.provenance.evidence, Evidence::assumed);
}

}  // namespace
}  // namespace traincost
