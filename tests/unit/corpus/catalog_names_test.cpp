// Epoch AI's hardware names resolve to catalog rows (docs/sources.md §12):
// by the catalog's aliases, or for Epoch's two family names by the stand-in
// whose figures Epoch's row carries.
#include "traincost/corpus/catalog_names.hpp"

#include <gtest/gtest.h>

namespace {

using namespace traincost;
using namespace traincost::corpus;

TEST(CatalogNames, EpochsVariantNamesAreCatalogAliases) {
  const auto k80 = catalog_match("NVIDIA Tesla K80");
  ASSERT_TRUE(k80.has_value());
  EXPECT_EQ(k80->entry->spec.name, "Tesla K80");
  EXPECT_FALSE(k80->family);
  EXPECT_TRUE(k80->reason.empty());
  EXPECT_EQ(catalog_match("NVIDIA A100 SXM4 80 GB")->entry->spec.name, "A100 SXM4 80GB");
}

TEST(CatalogNames, FamilyNamesResolveToTheirStandInWithTheReason) {
  const auto a100 = catalog_match("NVIDIA A100");
  ASSERT_TRUE(a100.has_value());
  EXPECT_TRUE(a100->family);
  EXPECT_EQ(a100->entry->spec.name, "A100 SXM4 40GB");
  EXPECT_NE(a100->reason.find("40 GB"), std::string_view::npos);
  const auto v100 = catalog_match("NVIDIA V100");
  ASSERT_TRUE(v100.has_value());
  EXPECT_TRUE(v100->family);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(v100->entry->spec.peak(Precision::bf16)), 125.0);
}

TEST(CatalogNames, TheCatalogItselfStillRefusesBareFamilyNames) {
  // The stand-in is a statement about Epoch's rows, not a guess for a user.
  EXPECT_EQ(find_accelerator("NVIDIA A100"), nullptr);
  EXPECT_EQ(find_accelerator("a100"), nullptr);
}

TEST(CatalogNames, UnknownNamesAreEmpty) {
  EXPECT_FALSE(catalog_match("NVIDIA Tesla K40s").has_value());  // not on the frontier list
  EXPECT_FALSE(catalog_match("").has_value());
  // One name at a time: a mixed cluster is split by the caller.
  EXPECT_FALSE(catalog_match("NVIDIA M40,NVIDIA GeForce GTX TITAN X").has_value());
}

// Every stand-in names a row the catalog has.
TEST(CatalogNames, EveryStandInIsInTheCatalog) {
  for (const FamilyName& f : epoch_family_names)
    EXPECT_NE(find_accelerator(f.catalog_name), nullptr) << f.catalog_name;
}

}  // namespace
