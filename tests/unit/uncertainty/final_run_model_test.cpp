#include "traincost/uncertainty/final_run_model.hpp"

#include <gtest/gtest.h>

#include "traincost/reference/deepseek_r1.hpp"
#include "traincost/reference/deepseek_v3.hpp"

namespace traincost::uncertainty {
namespace {

// The typed run at row r of a sample matrix laid out by final_run_inputs.
TrainingRun run_at_row(TrainingRun run, const Eigen::ArrayXXd& x, Eigen::Index r) {
  run.price.value = from_canonical<GpuTimePrice>(x(r, 0));
  Eigen::Index next_price = 1 + static_cast<Eigen::Index>(run.stages.size());
  for (std::size_t i = 0; i < run.stages.size(); ++i) {
    run.stages[i].usage = from_canonical<GpuTime>(x(r, 1 + static_cast<Eigen::Index>(i)));
    if (run.stages[i].price)
      run.stages[i].price->value = from_canonical<GpuTimePrice>(x(r, next_price++));
  }
  return run;
}

TEST(FinalRunModel, FixedInputsReproduceThePublishedCosts) {
  // V3: $5.576M (arXiv 2412.19437, Table 1) [P]; R1: $294,672 [D] from
  // 512 x 198 h + 5K + 512 x 80 h at $2 (sources.md §2). Exact to rounding.
  for (const TrainingRun& run :
       {reference::deepseek_v3_final_run(), reference::deepseek_r1_run()}) {
    const InputSet in = final_run_inputs(run);
    const Eigen::ArrayXd y = simulate(in, final_run_model(run), 10, 1, 1);
    EXPECT_NEAR(y[0] / in_usd(cost_final_run(run).cost), 1.0, 1e-14) << run.name;
    EXPECT_TRUE((y == y[0]).all());
  }
  const InputSet r1 = final_run_inputs(reference::deepseek_r1_run());
  EXPECT_EQ(r1[r1.index_of("R1-Zero RL.gpu_hours")].display(
                r1[r1.index_of("R1-Zero RL.gpu_hours")].distribution.median()),
            101'376.0);  // 512 x 198, converted on the stage's cluster
}

TEST(FinalRunModel, AgreesWithCostFinalRunOnRandomSamples) {
  TrainingRun run = reference::deepseek_v3_final_run();
  // A stage with its own price, so that column layout is exercised too.
  run.stages[2].priced_at(sourced(usd_per_gpu_hour(3.0), assumed("test")));
  InputSet in = final_run_inputs(run);
  ASSERT_EQ(in.size(), 5u);
  in.set("price", uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
  in.set("pre-training.gpu_hours", lognormal_90(gpu_hours(2.4e6), gpu_hours(3.0e6)));
  in.set("context extension.gpu_hours",
         triangular(gpu_hours(1e5), gpu_hours(119e3), gpu_hours(15e4)));
  in.set("post-training.price", normal(usd_per_gpu_hour(3.0), usd_per_gpu_hour(0.2)));
  const Eigen::ArrayXXd x = sample_inputs(in, 3'000, 77);
  Eigen::ArrayXd y(x.rows());
  final_run_model(run)(x, y);
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    const Money typed = cost_final_run(run_at_row(run, x, r)).cost;
    ASSERT_NEAR(y[r] / in_usd(typed), 1.0, 1e-12) << "row " << r;
  }
}

}  // namespace
}  // namespace traincost::uncertainty
