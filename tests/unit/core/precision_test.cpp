#include "traincost/hardware/precision.hpp"

#include <gtest/gtest.h>

namespace traincost {
namespace {

TEST(Precision, NamesRoundTrip) {
  for (Precision p : all_precisions) {
    const auto parsed = parse_precision(to_string(p));
    ASSERT_TRUE(parsed.has_value()) << to_string(p);
    EXPECT_EQ(*parsed, p);
  }
}

TEST(Precision, Fp32IsPlainSinglePrecisionBetweenFp64AndTf32) {
  EXPECT_EQ(to_string(Precision::fp32), "fp32");
  EXPECT_EQ(parse_precision("FP32"), Precision::fp32);
  EXPECT_EQ(parse_precision("fp32"), Precision::fp32);
  EXPECT_NE(parse_precision("tf32"), Precision::fp32);  // tensor-core TF32 is its own peak
  // Tables print widest first; peaks are stored by this order.
  EXPECT_EQ(all_precisions.size(), 7u);
  EXPECT_EQ(all_precisions[2], Precision::fp32);
  EXPECT_EQ(all_precisions[3], Precision::tf32);
  EXPECT_EQ(precision_names_text(), "fp64, fp64-tensor, fp32, tf32, bf16 (or fp16), fp8, int8");
}

TEST(Precision, ParsingIgnoresCaseAndTakesFp16AsBf16) {
  EXPECT_EQ(parse_precision("BF16"), Precision::bf16);
  EXPECT_EQ(parse_precision("fp16"), Precision::bf16);
  EXPECT_EQ(parse_precision("FP8"), Precision::fp8);
  EXPECT_FALSE(parse_precision("fp4").has_value());
  EXPECT_FALSE(parse_precision("").has_value());
}

}  // namespace
}  // namespace traincost
