#include "traincost/core/error.hpp"

#include <gtest/gtest.h>

#include "traincost/detail/validate.hpp"

namespace traincost {
namespace {

TEST(Error, MessageCarriesIdFieldAndText) {
  const Error e(ErrorCode::invalid_value, "run.price", "got -2, expected a positive price");
  EXPECT_STREQ(e.what(), "[traincost.invalid_value] run.price: got -2, expected a positive price");
  EXPECT_EQ(e.code(), ErrorCode::invalid_value);
  EXPECT_EQ(e.field().str(), "run.price");
}

TEST(Error, IdsAreStable) {
  EXPECT_EQ(error_id(ErrorCode::invalid_value), "traincost.invalid_value");
  EXPECT_EQ(error_id(ErrorCode::unknown_name), "traincost.unknown_name");
  EXPECT_EQ(error_id(ErrorCode::unsupported_precision), "traincost.unsupported_precision");
  EXPECT_EQ(error_id(ErrorCode::scope_mismatch), "traincost.scope_mismatch");
  EXPECT_EQ(error_id(ErrorCode::invalid_input), "traincost.invalid_input");
}

TEST(Validate, PositiveRejectsZeroNegativeNanAndInfinity) {
  EXPECT_DOUBLE_EQ(detail::require_positive("x", 2.5, "price"), 2.5);
  for (double bad : {0.0, -1.0, std::nan(""), HUGE_VAL}) {
    EXPECT_THROW(detail::require_positive("x", bad, "price"), Error) << bad;
  }
}

TEST(Validate, MessageNamesValueAndExpectation) {
  try {
    detail::require_positive("cluster.accelerators", -3, "count");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(
        e.what(),
        "[traincost.invalid_value] cluster.accelerators: got -3, expected a positive count");
  }
}

TEST(Validate, NonNegativeAcceptsZero) {
  EXPECT_DOUBLE_EQ(detail::require_non_negative("x", 0.0, "count"), 0.0);
  EXPECT_THROW(detail::require_non_negative("x", -0.5, "count"), Error);
  EXPECT_THROW(detail::require_non_negative("x", std::nan(""), "count"), Error);
}

TEST(Validate, UnitFractionIsHalfOpenAtZero) {
  EXPECT_DOUBLE_EQ(detail::require_unit_fraction("mfu", 1.0), 1.0);
  EXPECT_THROW(detail::require_unit_fraction("mfu", 0.0), Error);
  EXPECT_THROW(detail::require_unit_fraction("mfu", 1.01), Error);
}

TEST(Validate, ShareIsHalfOpenAtOne) {
  EXPECT_DOUBLE_EQ(detail::require_share("share", 0.0), 0.0);
  EXPECT_THROW(detail::require_share("share", 1.0), Error);
}

TEST(Validate, PositiveWholeRejectsFractions) {
  EXPECT_DOUBLE_EQ(detail::require_positive_whole("n", 2048, "accelerators"), 2048.0);
  EXPECT_THROW(detail::require_positive_whole("n", 0.5, "accelerators"), Error);
  EXPECT_THROW(detail::require_positive_whole("n", 0, "accelerators"), Error);
}

TEST(Validate, IndexedField) {
  EXPECT_EQ(detail::indexed_field("run.stages", 1, "context extension", "gpu_hours"),
            "run.stages[1] (context extension).gpu_hours");
  EXPECT_EQ(detail::indexed_field("fleet.holdings", 0, "", "count"), "fleet.holdings[0].count");
  EXPECT_EQ(detail::indexed_field("a", 2, "x", ""), "a[2] (x)");
}

TEST(Validate, FormatValueIsReadable) {
  EXPECT_EQ(detail::format_value(-1), "-1");
  EXPECT_EQ(detail::format_value(2.5e6), "2500000");
  EXPECT_EQ(detail::format_value(std::nan("")), "nan");
}

}  // namespace
}  // namespace traincost
