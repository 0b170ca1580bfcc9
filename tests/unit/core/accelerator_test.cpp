#include "traincost/hardware/accelerator.hpp"

#include <gtest/gtest.h>

#include <cmath>
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
                 "[traincost.unsupported_precision] precision: got tf32, expected a precision "
                 "the Custom X has a peak for (one of: bf16 fp8)");
    EXPECT_EQ(e.value(), "tf32");
    EXPECT_EQ(e.expected(), "a precision the Custom X has a peak for (one of: bf16 fp8)");
  }
}

TEST(Accelerator, MissingPrecisionNamesTheAskingField) {
  try {
    custom().peak(Precision::fp64, "workload.training_precision");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.field().str(), "workload.training_precision");
  }
}

// A zero or NaN peak would make every GPU-hour estimate infinite.
TEST(Accelerator, PeaksMustBePositiveAndFinite) {
  PeakThroughput p;
  EXPECT_THROW(p.set(Precision::bf16, tflop_per_second(0)), Error);
  EXPECT_THROW(p.set(Precision::bf16, tflop_per_second(std::nan(""))), Error);
  try {
    p.set(Precision::fp8, tflop_per_second(-5));
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(
        e.what(),
        "[traincost.invalid_value] peaks.fp8: got -5, expected a positive peak in TFLOP/s");
  }
  EXPECT_FALSE(p.has(Precision::bf16));
}

TEST(Accelerator, FormFactorNames) {
  EXPECT_EQ(to_string(FormFactor::pcie), "PCIe");
  EXPECT_EQ(to_string(FormFactor::oam), "OAM");
}

}  // namespace
}  // namespace traincost
