// Dollars carry their base month (corpus/base_month.hpp); the typed form's
// mixing is a compile error (tests/compile_fail/base_months_mixing.cpp).
#include <gtest/gtest.h>

#include "traincost/corpus/base_month.hpp"

namespace {

using namespace traincost;
using namespace traincost::corpus;

PriceIndex two_months() {
  PriceIndex index;
  index.set(Month{2024, 12}, 119.349);  // docs/sources.md §12
  index.set(Month{2025, 6}, 123.659);
  return index;
}

TEST(BaseMonth, RebasingGoesThroughTheIndex) {
  const auto dec = usd_in<2024, 12>(1e6);
  const UsdIn<2025, 6> jun = rebase<2025, 6>(dec, two_months());
  EXPECT_NEAR(in_usd(jun.amount()), 1e6 * 123.659 / 119.349, 1e-6);
  EXPECT_EQ((UsdIn<2025, 6>::base().str()), "2025-06");
  EXPECT_NEAR(in_usd((jun + usd_in<2025, 6>(1)).amount()), 1e6 * 123.659 / 119.349 + 1, 1e-6);
}

TEST(BaseMonth, RuntimeMonthsOfDifferentBasesDoNotAdd) {
  const MonthUsd a{usd(1), Month{2024, 12}};
  const MonthUsd b{usd(1), Month{2025, 6}};
  EXPECT_THROW(a + b, Error);
  try {
    (void)(a + b);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_NE(std::string(e.what()).find("2024-12"), std::string::npos);
  }
  const MonthUsd c = rebase(a, Month{2025, 6}, two_months()) + b;
  EXPECT_NEAR(in_usd(c.amount), 123.659 / 119.349 + 1, 1e-12);
}

TEST(BaseMonth, AMonthTheIndexLacksIsAnErrorUnlessEpochsPolicyIsChosen) {
  const PriceIndex index = two_months();
  EXPECT_THROW((void)index.factor(Month{2023, 1}, Month{2025, 6}), Error);
  bool skipped = false;
  EXPECT_DOUBLE_EQ(
      inflation_factor(index, Month{2023, 1}, Month{2025, 6}, MissingMonth::epoch_263c40a, skipped),
      1.0);
  EXPECT_TRUE(skipped);
  // A missing target month falls back to the latest (Epoch's rule).
  EXPECT_DOUBLE_EQ(inflation_factor(index, Month{2024, 12}, Month{2026, 1},
                                    MissingMonth::epoch_263c40a, skipped),
                   123.659 / 119.349);
  EXPECT_FALSE(skipped);
  EXPECT_THROW(
      inflation_factor(index, Month{2024, 12}, Month{2026, 1}, MissingMonth::error, skipped),
      Error);
}

TEST(Dates, ParseAndPrint) {
  EXPECT_EQ(parse_date("2024-02-29")->str(), "2024-02-29");
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2023/02/01"));
  EXPECT_EQ(parse_date("2025-05-23 09:57")->str(), "2025-05-23");
  EXPECT_EQ(parse_month("2025-06-01")->str(), "2025-06");
  EXPECT_FALSE(parse_month("2025-06-02"));
  EXPECT_EQ(parse_month("2025-13"), std::nullopt);
}

}  // namespace
