#include "traincost/accelerator.hpp"

#include <gtest/gtest.h>

#include <string>

namespace traincost {
namespace {

AcceleratorSpec custom() {
  AcceleratorSpec s;
  s.name = "Custom X";
  s.peaks.set(Precision::bf16, tflop_per_second(100)).set(Precision::fp8, tflop_per_second(200));
  return s;
}

TEST(Accelerator, PeakForAKnownPrecision) {
  EXPECT_DOUBLE_EQ(in_tflop_per_second(custom().peak(Precision::fp8)), 200.0);
  EXPECT_TRUE(custom().peaks.has(Precision::bf16));
  EXPECT_FALSE(custom().peaks.has(Precision::fp64));
}

TEST(Accelerator, MissingPrecisionThrowsNamingWhatExists) {
  try {
    custom().peak(Precision::tf32);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::unsupported_precision);
    EXPECT_STREQ(e.what(),
                 "[traincost.unsupported_precision] precision: the Custom X has no tf32 peak; "
                 "expected one of: bf16 fp8");
  }
}

TEST(Accelerator, FormFactorNames) {
  EXPECT_EQ(to_string(FormFactor::pcie), "PCIe");
  EXPECT_EQ(to_string(FormFactor::oam), "OAM");
}

}  // namespace
}  // namespace traincost
