#include "traincost/reference/deepseek_ranges.hpp"

#include <gtest/gtest.h>

#include "traincost/uncertainty/model_sensitivity.hpp"
#include "traincost/uncertainty/model_simulation.hpp"

namespace traincost::uncertainty {
namespace {

TEST(DeepSeekRanges, V3ByWorkloadAtThePublishedMfuGivesTheFiveSixMillion) {
  // 250 GFLOP/token x 14.8T tokens at 38.94% of 989.5 TFLOP/s = 2,667K GPU-hours
  // of pre-training [D], vs 2,664K published (sources.md §1): within 0.2%.
  const FinalRunCost c = cost_final_run(reference::deepseek_v3_final_run_by_workload());
  EXPECT_NEAR(in_gpu_hours(c.stages[0].gpu_time) / 2.664e6, 1.0, 0.002);
  EXPECT_NEAR(in_usd(c.total) / 5.576e6, 1.0, 0.002);
  EXPECT_EQ(c.scope(), Scope::final_run_rental);
}

TEST(DeepSeekRanges, TheCostModelAtItsOwnPointIsTheTypedCost) {
  const Program p = reference::deepseek_program_for_ranges();
  const CostModel m = cost_model(p);
  model::PointEvaluator e;
  EXPECT_NEAR(in_usd(m.at_point(e)) / in_usd(cost_program(p).total.amount()), 1.0, 1e-12);
}

TEST(DeepSeekRanges, TenSourcedRangesAllReachTheProgram) {
  const Program p = reference::deepseek_program_for_ranges();
  const Ranges r = reference::deepseek_program_ranges(p);
  ASSERT_EQ(r.size(), 10u);
  for (const RangedInput& in : r.inputs()) {
    EXPECT_FALSE(in.provenance.source.empty()) << in.name();
    EXPECT_FALSE(in.distribution.is_fixed()) << in.name();
  }
  const CostModel m = cost_model(p);
  const BoundModel b = bind(m, r);
  EXPECT_EQ(b.reached.size(), 10u);
  // One price for both runs: V3's and R1's price reads take the same column.
  const std::size_t price = r.find("DeepSeek-V3 final run.price");
  ASSERT_LT(price, r.size());
  EXPECT_EQ(r.find("DeepSeek-R1 post-training.price"), price);
  int price_reads = 0;
  for (std::size_t k = 0; k < b.sites.size(); ++k)
    price_reads += b.range_of_read[k] == static_cast<std::ptrdiff_t>(price) ? 1 : 0;
  EXPECT_EQ(price_reads, 2);
}

TEST(DeepSeekRanges, InputsShowInTheUnitsPeopleQuote) {
  const Program p = reference::deepseek_program_for_ranges();
  const CostTornado t = tornado_cost(cost_model(p), reference::deepseek_program_ranges(p));
  for (const InputSwing& s : t.bars)
    if (s.name == "price") {
      // A lognormal whose 90% interval is $1.5-$3.5: its P5 and P95 exactly.
      EXPECT_NEAR(s.low, 1.5, 1e-9);
      EXPECT_NEAR(s.high, 3.5, 1e-9);
      EXPECT_EQ(s.unit, "USD per GPU-hour");
    } else if (s.name == "program_years") {
      EXPECT_NEAR(s.low, 1.05, 1e-12);
      EXPECT_EQ(s.unit, "years");
    }
}

TEST(DeepSeekRanges, TornadoAndMonteCarloAgreeOnTheScale) {
  const Program p = reference::deepseek_program_for_ranges();
  const Ranges r = reference::deepseek_program_ranges(p);
  const CostModel m = cost_model(p);
  RunOptions o;
  o.samples = 100'000;
  o.seed = 5;
  const CostSummary s = simulate_cost(m, r, o);
  const CostTornado t = tornado_cost(m, r);
  EXPECT_EQ(t.bars.size(), 10u);
  EXPECT_EQ(s.scope, Scope::program);
  // The base point (every input at its median) is near the output's median.
  EXPECT_NEAR(in_usd(t.base) / in_usd(s.p50), 1.0, 0.15);
  EXPECT_LT(s.p5, s.p50);
  EXPECT_LT(s.p50, s.p95);
  // The program is more than the final runs: above V3 + R1 at $1.5.
  EXPECT_GT(in_usd(s.p5), (2.788e6 + 147'336) * 1.5);
}

}  // namespace
}  // namespace traincost::uncertainty
