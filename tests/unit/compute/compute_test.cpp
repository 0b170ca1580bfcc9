#include "traincost/compute/compute.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using traincost::testing::expect_error;

// A round-number case: 1e9 params x 1e12 tokens x 6 = 6e21 FLOP; on H800 BF16
// at 50% MFU, one GPU delivers 494.75 TFLOP/s.
Workload one_b() {
  return Workload::dense("1B", parameters(1e9), tokens(1e12));
}
Cluster h800s(double n) {
  return Cluster(accelerator("h800"), accelerators(n));
}

TEST(Compute, ForwardGivesFlopGpuHoursAndWallClock) {
  const ComputeEstimate e = estimate_compute(one_b(), h800s(100), Throughput(Precision::bf16, 0.5));
  EXPECT_DOUBLE_EQ(in_flop(e.training_flop), 6e21);
  const double expected_gpu_hours = 6e21 / (989.5e12 * 0.5) / 3600.0;
  EXPECT_NEAR(in_gpu_hours(e.gpu_time), expected_gpu_hours, 1e-9 * expected_gpu_hours);
  EXPECT_NEAR(in_hours(e.wall_clock), expected_gpu_hours / 100, 1e-9 * expected_gpu_hours);
  EXPECT_NEAR(in_tokens_per_second(e.token_rate) * in_seconds(e.wall_clock), 1e12, 1e-3);
  EXPECT_EQ(e.accelerator, "H800 SXM");
  EXPECT_EQ(e.mfu_precision, Precision::bf16);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(e.reference_peak), 989.5);
}

TEST(Compute, GoodputStretchesGpuHours) {
  const Throughput t(Precision::bf16, 0.5);
  const ComputeEstimate full = estimate_compute(one_b(), h800s(8), t);
  const ComputeEstimate ninety = estimate_compute(one_b(), h800s(8), t.with_goodput(0.9));
  EXPECT_NEAR(ratio(ninety.gpu_time, full.gpu_time), 1.0 / 0.9, 1e-12);
}

TEST(Compute, MfuPrecisionChangesTheAnswer) {
  // The same "40% MFU" means twice the throughput against FP8's peak.
  const ComputeEstimate bf16 =
      estimate_compute(one_b(), h800s(8), Throughput(Precision::bf16, 0.4));
  const ComputeEstimate fp8 = estimate_compute(one_b(), h800s(8), Throughput(Precision::fp8, 0.4));
  EXPECT_NEAR(ratio(bf16.gpu_time, fp8.gpu_time), 1979.0 / 989.5, 1e-12);
}

TEST(Compute, GpuTimeAndFlopAreInverse) {
  const AcceleratorSpec& spec = accelerator("h800");
  const Throughput t(Precision::bf16, 0.37, 0.93);
  const GpuTime g = gpu_time_for(flop(3.3e24), spec, t);
  EXPECT_NEAR(in_flop(flop_for_gpu_time(g, spec, t)), 3.3e24, 3.3e24 * 1e-14);
}

TEST(Compute, BudgetBuysGpuHours) {
  EXPECT_DOUBLE_EQ(in_gpu_hours(gpu_time_for_budget(usd(5.576e6), usd_per_gpu_hour(2.0))), 2.788e6);
}

TEST(Compute, ProvenanceDescribesTheChain) {
  const ComputeEstimate e = estimate_compute(one_b(), h800s(8), Throughput(Precision::bf16, 0.5));
  const std::string& s = e.provenance.source;
  EXPECT_NE(s.find("6 x active parameters"), std::string::npos) << s;
  EXPECT_NE(s.find("= 6000000000 FLOP/token x 1e+12 tokens [?]"), std::string::npos) << s;
  EXPECT_NE(s.find("bf16 dense peak 989.5 TFLOP/s [P]"), std::string::npos) << s;
  EXPECT_NE(s.find("MFU 0.5 x goodput 1 [?]"), std::string::npos) << s;
}

TEST(Compute, ProvenanceIsAsWeakAsTheWeakestInput) {
  // Published sizes, a published MFU and the catalog's published H800 peak
  // (sources.md §5 [P]): the GPU-hours are derived by arithmetic.
  const Workload w = Workload::dense("p", parameters(1e9), tokens(1e12), published("a model card"));
  const Throughput published_mfu = Throughput(Precision::bf16, 0.4).with_source(published("paper"));
  EXPECT_EQ(estimate_compute(w, h800s(8), published_mfu).provenance.evidence, Evidence::derived);
  // The same with an assumed MFU is an assumption, not a derived figure.
  EXPECT_EQ(estimate_compute(w, h800s(8), Throughput(Precision::bf16, 0.4)).provenance.evidence,
            Evidence::assumed);
  // An analyst's token count makes it an estimate.
  EXPECT_EQ(estimate_compute(
                Workload::dense("a", parameters(1e9), tokens(1e12), analyst_estimate("press")),
                h800s(8), published_mfu)
                .provenance.evidence,
            Evidence::analyst_estimate);
  // The H20 row of the catalog is unverified [?] (sources.md §5): so is the estimate.
  const Cluster h20(accelerator("h20"), accelerators(8));
  EXPECT_EQ(estimate_compute(w, h20, published_mfu).provenance.evidence, Evidence::assumed);
}

// ---- bad input ----

TEST(ComputeErrors, Fp8TrainingOnA100) {
  // sources.md §5: the A100 has no FP8; the error names the workload field and the value.
  const Workload w = one_b().trained_in(Precision::fp8);
  const Cluster a100(accelerator("a100-80gb"), accelerators(8));
  expect_error([&] { (void)estimate_compute(w, a100, Throughput(Precision::bf16, 0.4)); },
               ErrorCode::unsupported_precision, "workload.training_precision",
               "got fp8, expected a precision the A100 SXM4 80GB has a peak for");
}

TEST(ComputeErrors, Fp8MfuBasisOnA100) {
  const Cluster a100(accelerator("a100-80gb"), accelerators(8));
  expect_error([&] { (void)estimate_compute(one_b(), a100, Throughput(Precision::fp8, 0.4)); },
               ErrorCode::unsupported_precision, "throughput.mfu_precision",
               "got fp8, expected a precision the A100 SXM4 80GB has a peak for");
}

TEST(ComputeErrors, ZeroTokens) {
  expect_error(
      [&] {
        (void)estimate_compute(one_b().on_tokens(tokens(0)), h800s(8),
                               Throughput(Precision::bf16, 0.4));
      },
      ErrorCode::invalid_value, "workload.training_tokens", "got 0");
}

TEST(ComputeErrors, NonPositiveFlopAndBudget) {
  expect_error(
      [] { (void)gpu_time_for(flop(-1), accelerator("h800"), Throughput(Precision::bf16, 0.4)); },
      ErrorCode::invalid_value, "training_flop", "got -1");
  expect_error([] { (void)gpu_time_for_budget(usd(0), usd_per_gpu_hour(2)); },
               ErrorCode::invalid_value, "budget", "got 0");
  expect_error([] { (void)gpu_time_for_budget(usd(10), usd_per_gpu_hour(-2)); },
               ErrorCode::invalid_value, "price", "got -2");
}

}  // namespace
}  // namespace traincost
