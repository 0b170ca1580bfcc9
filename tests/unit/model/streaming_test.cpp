// The two ways `simulate_costs` summarizes — outputs kept in memory, or
// streamed over three passes of the same draws — give the same statistics:
// the percentiles exactly (both are exact order statistics of the same
// samples), the moments to rounding (summed in another order).
#include <gtest/gtest.h>

#include "traincost/reference/deepseek_ranges.hpp"
#include "traincost/uncertainty/model_simulation.hpp"

namespace traincost::uncertainty {
namespace {

double rel(Money a, Money b) {
  return std::abs(in_usd(a) - in_usd(b)) / std::abs(in_usd(b));
}

TEST(Streaming, AgreesWithKeptOutputsForARunAndAProgram) {
  const Program p = reference::deepseek_program_for_ranges();
  const Ranges r = reference::deepseek_program_ranges(p);
  const std::vector<CostModel> models = {cost_model(p.runs[0]), cost_model(p.runs[1]),
                                         cost_model(p)};
  RunOptions kept;
  kept.samples = 100'003;  // a partial last block
  kept.seed = 17;
  RunOptions streamed = kept;
  streamed.kept_outputs = 0;
  const auto a = simulate_costs(models, r, kept);
  const auto b = simulate_costs(models, r, streamed);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_EQ(a[j].name, b[j].name);
    EXPECT_EQ(a[j].scope, b[j].scope);
    EXPECT_EQ(a[j].inputs, b[j].inputs);
    EXPECT_EQ(a[j].min, b[j].min) << j;
    EXPECT_EQ(a[j].max, b[j].max) << j;
    for (auto stat : {&CostSummary::p5, &CostSummary::p25, &CostSummary::p50, &CostSummary::p75,
                      &CostSummary::p95})
      EXPECT_EQ(a[j].*stat, b[j].*stat) << j;
    EXPECT_LT(rel(a[j].mean, b[j].mean), 1e-12) << j;
    EXPECT_LT(rel(a[j].sd, b[j].sd), 1e-9) << j;
    std::int64_t counted = b[j].histogram.below + b[j].histogram.above;
    for (auto c : b[j].histogram.counts)
      counted += c;
    EXPECT_EQ(counted, kept.samples) << j;
  }
  // The streamed histogram spans at least P1..P99: at most 1% of the
  // samples fall on each side.
  EXPECT_LE(b[2].histogram.below, kept.samples / 100 + 1);
  EXPECT_LE(b[2].histogram.above, kept.samples / 100 + 1);
}

TEST(Streaming, IsTheSameWhateverTheThreadCount) {
  const Program p = reference::deepseek_program_for_ranges();
  const Ranges r = reference::deepseek_program_ranges(p);
  RunOptions one;
  one.samples = 50'000;
  one.kept_outputs = 0;
  one.threads = 1;
  RunOptions two = one;
  two.threads = 2;
  const CostSummary a = simulate_cost(cost_model(p), r, one);
  const CostSummary b = simulate_cost(cost_model(p), r, two);
  EXPECT_EQ(a.mean, b.mean);
  EXPECT_EQ(a.sd, b.sd);
  EXPECT_EQ(a.p50, b.p50);
  EXPECT_EQ(a.histogram.counts, b.histogram.counts);
}

}  // namespace
}  // namespace traincost::uncertainty
