#include "traincost/uncertainty/deepseek.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/sensitivity.hpp"

namespace traincost::uncertainty {
namespace {

// Relative agreement between the vectorized evaluators and the typed scalar
// models: they do the same arithmetic in a different order, so they agree
// to rounding, not bit for bit.
constexpr double kRel = 1e-12;

TEST(DeepSeekV3, VectorizedFinalRunAgreesWithCostFinalRunOnRandomSamples) {
  const InputSet in = deepseek_v3_final_run_inputs();
  const Eigen::ArrayXXd x = sample_inputs(in, 2'000, 31337);
  Eigen::ArrayXd y(x.rows());
  deepseek_v3_final_run_model(x, y);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    const GpuTimePrice price = from_canonical<GpuTimePrice>(x(r, DeepSeekV3Column::price));
    const double mfu = x(r, DeepSeekV3Column::mfu);
    const Money typed = cost_final_run(deepseek_v3_final_run_at(price, mfu)).cost;
    ASSERT_NEAR(y[r] / in_usd(typed), 1.0, kRel) << "row " << r;
  }
}

TEST(DeepSeekV3, PublishedMfuAndPriceGiveTheFiveSixMillion) {
  // 250 GFLOP/token x 14.8T tokens at 38.94% of 989.5 TFLOP/s = 2,667K GPU-hours
  // of pre-training [D], vs 2,664K published (sources.md §1): within 0.2%.
  Eigen::ArrayXXd x(1, DeepSeekV3Column::count);
  x(0, DeepSeekV3Column::price) = to_canonical(usd_per_gpu_hour(2.0));
  x(0, DeepSeekV3Column::mfu) = 0.3894;
  Eigen::ArrayXd y(1);
  deepseek_v3_final_run_model(x, y);
  EXPECT_NEAR(y[0] / 5.576e6, 1.0, 0.002);
  EXPECT_NEAR(in_gpu_hours(deepseek_v3_pretraining_gpu_time(0.3894)) / 2.664e6, 1.0, 0.002);
}

TEST(DeepSeekProgram, VectorizedModelAgreesWithTheTypedScalarModel) {
  const InputSet in = deepseek_program_inputs();
  const Eigen::ArrayXXd x = sample_inputs(in, 5'000, 4242);
  Eigen::ArrayXd y(x.rows());
  deepseek_program_model(x, y);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    const DeepSeekProgramCost c = deepseek_program_cost(DeepSeekProgramPoint::from_row(x, r));
    ASSERT_NEAR(y[r] / in_usd(c.total), 1.0, kRel) << "row " << r;
  }
}

TEST(DeepSeekProgram, FinalRunsComponentIsCostFinalRunOfV3AndR1) {
  // At goodput 1, the program's final-run part is the typed final-run model
  // of V3 (pre-training from MFU) plus R1 as published (sources.md §2).
  DeepSeekProgramPoint p;
  p.v3_mfu = 0.35;
  p.price = usd_per_gpu_hour(2.7);
  p.research_multiplier = 2.5;
  p.staff_headcount = people(150);
  p.staff_cost = cny_per_person_year(1.0e6);
  p.staff_overhead = 1.3;
  p.exchange_rate = cny_per_usd(7.2);
  p.program_duration = years(1.5);
  const DeepSeekProgramCost c = deepseek_program_cost(p);

  TrainingRun r1 = reference::deepseek_r1_run();
  r1.price = sourced(p.price, assumed("test"));
  const Money expected_final =
      cost_final_run(deepseek_v3_final_run_at(p.price, p.v3_mfu)).cost + cost_final_run(r1).cost;
  EXPECT_NEAR(in_usd(c.final_runs) / in_usd(expected_final), 1.0, kRel);
  EXPECT_NEAR(in_usd(c.research) / (1.5 * in_usd(expected_final)), 1.0, kRel);
  // 150 x CNY 1M x 1.5 y x 1.3 / 7.2 = $40.625M.
  EXPECT_NEAR(in_usd(c.staff), 150 * 1.0e6 * 1.5 * 1.3 / 7.2, 1e-3);
  EXPECT_NEAR(in_usd(c.total), in_usd(c.final_runs + c.research + c.staff), 1e-3);
}

TEST(DeepSeekProgram, HasTenUncertainSourcedInputs) {
  const InputSet in = deepseek_program_inputs();
  ASSERT_EQ(in.size(), static_cast<std::size_t>(DeepSeekProgramColumn::count));
  int uncertain = 0;
  for (const Input& i : in.inputs()) {
    uncertain += i.distribution.is_fixed() ? 0 : 1;
    EXPECT_FALSE(i.provenance.source.empty()) << i.name;
    EXPECT_FALSE(i.display.unit.empty()) << i.name;
  }
  EXPECT_GE(uncertain, 10);
  // Inputs show in the units people quote: the price range is $1.5-$3.5.
  const Input& price = in[in.index_of("price")];
  EXPECT_NEAR(price.display(price.distribution.quantile(0.05)), 1.5, 1e-9);
  EXPECT_NEAR(price.display(price.distribution.quantile(0.95)), 3.5, 1e-9);
  const Input& rate = in[in.index_of("exchange_rate")];
  EXPECT_NEAR(rate.display(rate.distribution.quantile(0.5)), 2.0 / (1.0 / 7.0 + 1.0 / 7.35), 1e-9);
}

TEST(DeepSeekProgram, TornadoAndMonteCarloAgreeOnTheScale) {
  const InputSet in = deepseek_program_inputs();
  const MonteCarloResult mc = monte_carlo(in, deepseek_program_model, {100'000, 5, 0, 20});
  const Tornado t = tornado(in, deepseek_program_model);
  EXPECT_EQ(t.bars.size(), 10u);
  // The base point (every input at its median) is near the output's median.
  EXPECT_NEAR(t.base_output / mc.summary.p50, 1.0, 0.15);
  EXPECT_LT(mc.summary.p5, mc.summary.p50);
  EXPECT_LT(mc.summary.p50, mc.summary.p95);
  // The program is more than the final runs: above V3 + R1 at $1.5.
  EXPECT_GT(mc.summary.p5, (2.788e6 + 147'336) * 1.5);
}

TEST(DeepSeekProgram, TypedModelRejectsBadMfu) {
  DeepSeekProgramPoint p;
  p.v3_mfu = 1.2;
  try {
    (void)deepseek_program_cost(p);
    FAIL() << "expected traincost::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("v3_mfu: got 1.2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace traincost::uncertainty
