#include "traincost/core/error.hpp"

#include <gtest/gtest.h>

#include <sstream>

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

TEST(Validate, IndexedFieldIsStructured) {
  const FieldPath f = detail::indexed_field("run.stages", 1, "context extension", "gpu_hours");
  EXPECT_EQ(f.str(), "run.stages[1] (context extension).gpu_hours");
  ASSERT_EQ(f.segments().size(), 3U);
  EXPECT_EQ(f.segments()[0], (FieldSegment{"run", std::nullopt, ""}));
  EXPECT_EQ(f.segments()[1], (FieldSegment{"stages", 1, "context extension"}));
  EXPECT_EQ(f.segments()[2], (FieldSegment{"gpu_hours", std::nullopt, ""}));
  EXPECT_EQ(detail::indexed_field("fleet.holdings", 0, "", "count").str(),
            "fleet.holdings[0].count");
  const FieldPath bare = detail::indexed_field("a", 2, "x", "");
  EXPECT_EQ(bare.str(), "a[2] (x)");
  EXPECT_EQ(bare.segments().size(), 1U);
}

TEST(Validate, FailedCheckFillsValueAndExpected) {
  try {
    detail::require_positive(detail::indexed_field("run.stages", 0, "pre-training", "gpu_hours"),
                             -2.5, "number of GPU-hours");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    EXPECT_EQ(e.field(), FieldPath("run.stages").element(0, "pre-training").key("gpu_hours"));
    EXPECT_EQ(e.value(), "-2.5");
    EXPECT_EQ(e.expected(), "a positive number of GPU-hours");
    EXPECT_EQ(e.message(), "got -2.5, expected a positive number of GPU-hours");
  }
}

TEST(FieldPath, DottedLiteralSplitsIntoKeys) {
  const FieldPath p("cluster.accelerators");
  ASSERT_EQ(p.segments().size(), 2U);
  EXPECT_EQ(p.segments()[0].key, "cluster");
  EXPECT_EQ(p.segments()[1].key, "accelerators");
  EXPECT_FALSE(p.segments()[1].index.has_value());
  EXPECT_TRUE(FieldPath().empty());
  EXPECT_EQ(FieldPath("").str(), "");
}

TEST(FieldPath, ElementAndKeyBuildSegments) {
  const FieldPath p = FieldPath("a.b").key("c").element(2, "label").key("d");
  EXPECT_EQ(p.str(), "a.b.c[2] (label).d");
  ASSERT_EQ(p.segments().size(), 4U);
  EXPECT_EQ(p.segments()[2], (FieldSegment{"c", 2, "label"}));
  // An element of an element is a bare segment.
  const FieldPath nested = FieldPath("m").element(1).element(3);
  EXPECT_EQ(nested.str(), "m[1][3]");
  EXPECT_EQ(nested.segments()[1], (FieldSegment{"", 3, ""}));
  EXPECT_EQ(FieldPath("x").then(FieldPath("y.z")), FieldPath("x.y.z"));
}

TEST(FieldPath, PrintsAsItsText) {
  std::ostringstream os;
  os << FieldPath("run.stages").element(1, "ext").key("price");
  EXPECT_EQ(os.str(), "run.stages[1] (ext).price");
  EXPECT_EQ(::testing::PrintToString(FieldPath("a.b")), "a.b");
}

TEST(Error, ValueErrorKeepsItsParts) {
  const Error e(ErrorCode::invalid_value, FieldPath("cluster").key("accelerators"), "-3",
                "a positive count");
  EXPECT_EQ(e.value(), "-3");
  EXPECT_EQ(e.expected(), "a positive count");
  EXPECT_EQ(e.message(), "got -3, expected a positive count");
  EXPECT_STREQ(e.what(),
               "[traincost.invalid_value] cluster.accelerators: got -3, expected a positive count");
  EXPECT_EQ(e.id(), "traincost.invalid_value");
}

TEST(Error, MessageErrorHasNoValue) {
  const Error e(ErrorCode::invalid_input, "run.stages", "the run has no stages");
  EXPECT_TRUE(e.value().empty());
  EXPECT_TRUE(e.expected().empty());
  EXPECT_EQ(e.message(), "the run has no stages");
  EXPECT_STREQ(e.what(), "[traincost.invalid_input] run.stages: the run has no stages");
}

TEST(Validate, FormatValueIsReadable) {
  EXPECT_EQ(detail::format_value(-1), "-1");
  EXPECT_EQ(detail::format_value(2.5e6), "2500000");
  EXPECT_EQ(detail::format_value(std::nan("")), "nan");
}

}  // namespace
}  // namespace traincost
