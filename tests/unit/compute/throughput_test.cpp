#include "traincost/compute/throughput.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

TEST(Throughput, AchievedIsPeakTimesMfuAtTheNamedPrecision) {
  const AcceleratorSpec& h800 = accelerator("h800");
  const Throughput bf16(Precision::bf16, 0.4);
  const Throughput fp8(Precision::fp8, 0.4);
  // sources.md §5 [P]: H800 dense BF16 989.5, FP8 1,979 TFLOP/s.
  EXPECT_DOUBLE_EQ(in_tflop_per_second(bf16.achieved(h800)), 0.4 * 989.5);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(fp8.achieved(h800)), 0.4 * 1979);
  EXPECT_EQ(bf16.mfu_precision(), Precision::bf16);
}

TEST(Throughput, GoodputDefaultsToOneAndScalesEffectiveRate) {
  const AcceleratorSpec& h800 = accelerator("h800");
  const Throughput t(Precision::bf16, 0.5);
  EXPECT_DOUBLE_EQ(t.goodput(), 1.0);
  EXPECT_DOUBLE_EQ(in_flop_per_second(t.effective(h800)), in_flop_per_second(t.achieved(h800)));
  const Throughput g = t.with_goodput(0.9);
  EXPECT_DOUBLE_EQ(ratio(g.effective(h800), g.achieved(h800)), 0.9);
  EXPECT_DOUBLE_EQ(g.mfu(), 0.5);
}

TEST(Throughput, SourceIsAssumedUntilSet) {
  const Throughput t(Precision::bf16, 0.5);
  EXPECT_EQ(t.source().evidence, Evidence::assumed);
  const Throughput p = t.with_source(published("paper")).with_goodput(0.8);
  EXPECT_EQ(p.source().evidence, Evidence::published);
}

TEST(Throughput, ReferencePeakNamesAcceleratorAndPrecision) {
  const ReferencePeak r = reference_peak(accelerator("h800"), Precision::fp8);
  EXPECT_EQ(r.accelerator, "H800 SXM");
  EXPECT_EQ(r.precision, Precision::fp8);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(r.peak), 1979);
}

TEST(Throughput, RestateMfuBetweenPrecisions) {
  // sources.md §1 [P]/[D]: 38.94% of the BF16 peak is 19.5% of FP8's on an H800.
  // Tolerance 0.05 percentage points (the source rounds to 19.5%).
  const double fp8 = restate_mfu(0.3894, accelerator("h800"), Precision::bf16, Precision::fp8);
  EXPECT_NEAR(fp8, 0.195, 0.0005);
  EXPECT_DOUBLE_EQ(restate_mfu(fp8, accelerator("h800"), Precision::fp8, Precision::bf16), 0.3894);
}

TEST(ThroughputErrors, RestateMfuNamesTheMissingSide) {
  // sources.md §5: no FP8 on an A100; the error says which argument asked for it.
  expect_error(
      [] { (void)restate_mfu(0.4, accelerator("a100-80gb"), Precision::bf16, Precision::fp8); },
      ErrorCode::unsupported_precision, "to", "got fp8, expected a precision");
  expect_error(
      [] { (void)restate_mfu(0.4, accelerator("a100-80gb"), Precision::fp8, Precision::bf16); },
      ErrorCode::unsupported_precision, "from", "got fp8, expected a precision");
  expect_error([] { (void)restate_mfu(0, accelerator("h800"), Precision::bf16, Precision::fp8); },
               ErrorCode::invalid_value, "mfu", "got 0");
}

// ---- bad input ----

TEST(ThroughputErrors, MfuZero) {
  expect_error([] { Throughput(Precision::bf16, 0.0); }, ErrorCode::invalid_value, "throughput.mfu",
               "got 0, expected a fraction in (0, 1]");
}

TEST(ThroughputErrors, MfuNegative) {
  expect_error([] { Throughput(Precision::bf16, -0.3); }, ErrorCode::invalid_value,
               "throughput.mfu", "got -0.3");
}

TEST(ThroughputErrors, MfuAboveOne) {
  expect_error([] { Throughput(Precision::bf16, 1.2); }, ErrorCode::invalid_value, "throughput.mfu",
               "got 1.2");
}

TEST(ThroughputErrors, MfuNan) {
  expect_error([] { Throughput(Precision::bf16, std::numeric_limits<double>::quiet_NaN()); },
               ErrorCode::invalid_value, "throughput.mfu", "got nan");
}

TEST(ThroughputErrors, GoodputAboveOne) {
  expect_error([] { Throughput(Precision::bf16, 0.4, 1.5); }, ErrorCode::invalid_value,
               "throughput.goodput", "got 1.5");
}

TEST(ThroughputErrors, Fp8OnA100IsUnsupported) {
  // The A100 has no FP8 (sources.md §5): an FP8 MFU basis must throw, never fall back.
  const Throughput t(Precision::fp8, 0.4);
  expect_error([&] { (void)t.achieved(accelerator("a100-80gb")); },
               ErrorCode::unsupported_precision, "throughput.mfu_precision",
               "got fp8, expected a precision the A100 SXM4 80GB has a peak for");
  expect_error([] { (void)reference_peak(accelerator("a100-80gb"), Precision::fp8); },
               ErrorCode::unsupported_precision, "precision", "A100 SXM4 80GB");
}

}  // namespace
}  // namespace traincost
