#include "traincost/catalog.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace traincost {
namespace {

// Figures: shared/reference/sources.md §5 (vendor data sheets, dense peaks).
// Every stored figure is exact, so the tolerance is a double's rounding.

TEST(Catalog, HoldsEveryRequiredAccelerator) {
  for (const char* name : {"V100 SXM2 32GB", "A100 SXM4 40GB", "A100 SXM4 80GB", "A100 PCIe 40GB",
                           "A100 PCIe 80GB", "H100 SXM", "H100 PCIe", "H800 SXM", "H20", "H200 SXM",
                           "B200", "MI300X", "TPU v4", "TPU v5p"}) {
    EXPECT_NE(find_accelerator(name), nullptr) << name;
  }
  EXPECT_EQ(catalog().size(), 14u);
}

TEST(Catalog, NamesAndAliasesAreUnique) {
  std::set<std::string> keys;
  for (const auto& e : catalog()) {
    EXPECT_TRUE(keys.insert(detail::normalize_name(e.spec.name)).second) << e.spec.name;
    for (const auto& a : e.aliases)
      EXPECT_TRUE(keys.insert(detail::normalize_name(a)).second) << a;
  }
}

TEST(Catalog, EveryEntryCitesASource) {
  for (const auto& e : catalog()) {
    EXPECT_FALSE(e.spec.provenance.source.empty()) << e.spec.name;
    EXPECT_GT(e.spec.year, 2016) << e.spec.name;
    EXPECT_GT(in_gigabytes(e.spec.memory), 0.0) << e.spec.name;
    EXPECT_TRUE(e.spec.peaks.has(Precision::bf16)) << e.spec.name;
  }
}

TEST(Catalog, LookupIgnoresCaseSpacesAndHyphens) {
  EXPECT_EQ(accelerator("h800").name, "H800 SXM");
  EXPECT_EQ(accelerator("H800-SXM").name, "H800 SXM");
  EXPECT_EQ(accelerator("a100-80gb").name, "A100 SXM4 80GB");
  EXPECT_EQ(accelerator("a100_pcie_40gb").name, "A100 PCIe 40GB");
  EXPECT_EQ(accelerator("tpu v5p").name, "TPU v5p");
  EXPECT_EQ(accelerator("mi300x").vendor, "AMD");
}

TEST(Catalog, H100AndH800DifferOnlyInLinksAndFp64) {
  // sources.md §5: H800 is an H100 SXM with NVLink cut to 400 GB/s [P, DeepSeek].
  const auto& h100 = accelerator("H100 SXM");
  const auto& h800 = accelerator("h800");
  EXPECT_DOUBLE_EQ(in_tflop_per_second(h800.peak(Precision::bf16)), 989.5);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(h800.peak(Precision::fp8)), 1979.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(h100.peak(Precision::bf16)),
                   in_tflop_per_second(h800.peak(Precision::bf16)));
  ASSERT_TRUE(h800.scale_up_bandwidth.has_value());
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(*h800.scale_up_bandwidth), 400.0);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(*h100.scale_up_bandwidth), 900.0);
  EXPECT_LT(in_tflop_per_second(h800.peak(Precision::fp64)),
            in_tflop_per_second(h100.peak(Precision::fp64)));
}

TEST(Catalog, A100FiguresMatchTheDataSheet) {
  const auto& a = accelerator("A100 SXM4 80GB");
  EXPECT_DOUBLE_EQ(in_tflop_per_second(a.peak(Precision::bf16)), 312.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(a.peak(Precision::tf32)), 156.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(a.peak(Precision::fp64_tensor)), 19.5);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(a.memory_bandwidth), 2039.0);
  ASSERT_TRUE(a.tdp.has_value());
  EXPECT_DOUBLE_EQ(in_watts_per_accelerator(*a.tdp), 400.0);
  EXPECT_EQ(accelerator("A100 PCIe 40GB").form_factor, FormFactor::pcie);
}

TEST(Catalog, UnverifiedRowsAreMarkedAssumed) {
  // sources.md §5 tags the whole H20 row [?].
  EXPECT_EQ(accelerator("h20").provenance.evidence, Evidence::assumed);
  EXPECT_EQ(accelerator("h100 sxm").provenance.evidence, Evidence::published);
  // The TPU v5p TDP is not published: absent, not invented.
  EXPECT_FALSE(accelerator("tpu v5p").tdp.has_value());
}

TEST(Catalog, AmbiguousBareNamesAreErrorsListingTheVariants) {
  try {
    accelerator("a100");
    FAIL() << "a100 is ambiguous";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unknown_name);
    const std::string what = e.what();
    EXPECT_NE(what.find("\"a100\""), std::string::npos) << what;
    EXPECT_NE(what.find("A100 SXM4 40GB"), std::string::npos) << what;
    EXPECT_NE(what.find("A100 PCIe 80GB"), std::string::npos) << what;
  }
}

TEST(Catalog, UnknownNameSuggestsClosest) {
  try {
    accelerator("H900");
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("closest known names: H800 SXM"), std::string::npos) << what;
  }
  EXPECT_EQ(find_accelerator(""), nullptr);
  EXPECT_EQ(closest_accelerator_names("mi300", 1).front(), "MI300X");
}

}  // namespace
}  // namespace traincost
