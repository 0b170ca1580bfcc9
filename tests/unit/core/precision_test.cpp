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

TEST(Precision, ParsingIgnoresCaseAndTakesFp16AsBf16) {
  EXPECT_EQ(parse_precision("BF16"), Precision::bf16);
  EXPECT_EQ(parse_precision("fp16"), Precision::bf16);
  EXPECT_EQ(parse_precision("FP8"), Precision::fp8);
  EXPECT_FALSE(parse_precision("fp4").has_value());
  EXPECT_FALSE(parse_precision("").has_value());
}

}  // namespace
}  // namespace traincost
