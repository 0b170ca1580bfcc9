// The step-time and memory model against the public validation set of issue
// 16 (docs/sources.md §15; the cases in traincost/reference/step_time_runs.hpp).
//
// Two kinds of test:
//  * the set itself — its figures are the published ones, and the derived
//    ones follow from them by the arithmetic §15 shows (these hold whatever
//    the model predicts);
//  * the model against the set — each run within its group's tolerance, and
//    the aggregate bounds of issue 16: Korthikanti's 8 runs with mean |error|
//    <= 3.65% and max <= 8.87% (Calculon's figures), the whole public set with
//    mean |error| <= 10%.
// The error of a run is (predicted - published) / published.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "traincost/reference/step_time_runs.hpp"

namespace {

using namespace traincost;
using namespace traincost::reference::step_time;

std::vector<PublishedRun> group(RunGroup g) {
  std::vector<PublishedRun> out;
  for (auto& r : published_step_time_runs())
    if (r.group == g)
      out.push_back(r);
  return out;
}

std::vector<RunResult> evaluate_all(const std::vector<PublishedRun>& runs) {
  std::vector<RunResult> out;
  out.reserve(runs.size());
  for (const auto& r : runs)
    out.push_back(evaluate(r));
  return out;
}

std::string describe(const RunResult& r) {
  return r.run.name + ": published " + std::to_string(r.run.published) + " " + unit(r.run.figure) +
         ", predicted " + std::to_string(r.predicted) + ", error " +
         std::to_string(100.0 * r.error) + "%";
}

// ---- the set --------------------------------------------------------------------

TEST(StepTimeRuns, TheSetHasEighteenScoredRunsInSixGroups) {
  const auto all = published_step_time_runs();
  EXPECT_EQ(all.size(), 18u);
  EXPECT_EQ(group(RunGroup::korthikanti_table5).size(), 8u);
  EXPECT_EQ(group(RunGroup::narayanan_table1).size(), 4u);
  EXPECT_EQ(group(RunGroup::narayanan_table2_zero3).size(), 3u);
  EXPECT_EQ(group(RunGroup::bloom).size(), 1u);
  EXPECT_EQ(group(RunGroup::llama3).size(), 1u);
  EXPECT_EQ(group(RunGroup::memory_pr482).size(), 1u);
  for (const auto& r : all) {
    EXPECT_NE(r.group, RunGroup::showcase) << r.name;
    EXPECT_GT(r.published, 0) << r.name;
    EXPECT_NE(r.provenance.source.find("docs/sources.md §15"), std::string::npos) << r.name;
    // Every plan fills its accelerators and divides its batch evenly.
    EXPECT_EQ(r.plan.global_batch % (r.plan.micro_batch * r.plan.data), 0) << r.name;
  }
}

TEST(StepTimeRuns, KorthikantiTable5AsCalculonTranscribesIt) {
  // §15 A [P]: 1.42/1.10, 18.13/13.75, 49.05/37.83, 94.42/71.49 s.
  const double expected[] = {1.42, 1.10, 18.13, 13.75, 49.05, 37.83, 94.42, 71.49};
  const long long gpus[] = {8, 8, 64, 64, 280, 280, 512, 512};
  const auto runs = group(RunGroup::korthikanti_table5);
  ASSERT_EQ(runs.size(), 8u);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    EXPECT_DOUBLE_EQ(runs[i].published, expected[i]) << runs[i].name;
    EXPECT_EQ(runs[i].plan.accelerators(), gpus[i]) << runs[i].name;
    EXPECT_EQ(runs[i].plan.data, 1) << runs[i].name;
    EXPECT_EQ(runs[i].plan.sequence_parallel, i % 2 == 1) << runs[i].name;
  }
}

TEST(StepTimeRuns, NarayananEq3ReproducesTable2sOwnTrainingDays) {
  // §15 C: the table's last column, days for 300B tokens at batch 1,536 x
  // 2,048 tokens, is Eq. 3's FLOP over GPUs x TFLOP/s: 90 / 74 / 74 (ZeRO-3),
  // 84 / 43 / 23 (PTD-P). Eq. 3 gives 90.0 / 73.7 / 73.7 / 84.7 / 43.5 / 23.0;
  // the table rounds some down and some up, so each within a day.
  const double flop = narayanan_eq3_flop(1'536, 2'048, 96, 12'288, 51'200);
  const double steps = 300e9 / (1'536.0 * 2'048.0);
  auto days = [&](double gpus, double tflops) {
    return steps * flop / (gpus * tflops * 1e12) / 86'400.0;
  };
  EXPECT_NEAR(days(384, 144), 90, 1.0);
  EXPECT_NEAR(days(768, 88), 74, 1.0);
  EXPECT_NEAR(days(1'536, 44), 74, 1.0);
  EXPECT_NEAR(days(384, 153), 84, 1.0);
  EXPECT_NEAR(days(768, 149), 43, 1.0);
  EXPECT_NEAR(days(1'536, 141), 23, 1.0);
}

TEST(StepTimeRuns, DerivedStepTimesFollowFromThePublishedRates) {
  // §15 B: 3.53 / 9.40 / 24.82 / 102.63 s; §15 C: 81.58 / 66.75 / 66.75 s.
  const auto t1 = group(RunGroup::narayanan_table1);
  ASSERT_EQ(t1.size(), 4u);
  EXPECT_NEAR(t1[0].published, 3.528, 0.001);
  EXPECT_NEAR(t1[1].published, 9.399, 0.001);
  EXPECT_NEAR(t1[2].published, 24.817, 0.001);
  EXPECT_NEAR(t1[3].published, 102.630, 0.001);
  const long long data[] = {32, 32, 24, 6};  // GPUs / model-parallel [D]
  for (std::size_t i = 0; i < t1.size(); ++i)
    EXPECT_EQ(t1[i].plan.data, data[i]) << t1[i].name;
  const auto t2 = group(RunGroup::narayanan_table2_zero3);
  ASSERT_EQ(t2.size(), 3u);
  EXPECT_NEAR(t2[0].published, 81.579, 0.001);
  EXPECT_NEAR(t2[1].published, 66.746, 0.001);
  EXPECT_NEAR(t2[2].published, 66.746, 0.001);
  for (const auto& r : t2)
    EXPECT_EQ(r.plan.zero, perf::ZeroStage::parameters) << r.name;
}

TEST(StepTimeRuns, BloomLlamaMemoryAndDeepSeekFigures) {
  EXPECT_DOUBLE_EQ(bloom_176b_run().published, 104.70);  // §15 D [P]
  EXPECT_EQ(bloom_176b_run().plan.accelerators(), 384);
  const auto llama = llama3_405b_8192_run();
  EXPECT_DOUBLE_EQ(llama.published, 0.43);  // §15 E [P]
  EXPECT_EQ(llama.plan.accelerators(), 8'192);
  // 16M tokens per step: 2,048 x 8,192 = 16,777,216 [D].
  EXPECT_EQ(llama.plan.global_batch * llama.architecture.sequence_length, 16'777'216);
  const auto mem = megatron_pr482_llama2_7b_memory_run();
  EXPECT_DOUBLE_EQ(mem.published, 69.1);  // §15 F [P]
  EXPECT_EQ(mem.plan.accelerators(), 8);
  // §15 G [D]: 15,360 x 4,096 / (272.8e9 / 86,400) = 19.93 s.
  const auto ds = deepseek_v3_showcase();
  EXPECT_NEAR(ds.published, 19.926, 0.001);
  EXPECT_EQ(ds.plan.accelerators(), 2'048);
  EXPECT_DOUBLE_EQ(deepseek_v3_published_mfu, 0.3894);
}

TEST(StepTimeRuns, JeanZayIsSeleneWithAQuarterOfItsScaleOut) {
  const auto jz = system_for(SystemPreset::jean_zay_a100_80gb);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(jz.network.scale_out), 6.25);  // §15 D [D]
  EXPECT_EQ(jz.accelerator.name, system_for(SystemPreset::selene_a100_80gb).accelerator.name);
}

// ---- the model against the set ---------------------------------------------------

/// Each run of a group within its stated tolerance.
void expect_group_within_tolerance(RunGroup g) {
  for (const auto& r : evaluate_all(group(g))) {
    EXPECT_TRUE(std::isfinite(r.predicted)) << describe(r);
    EXPECT_LE(std::abs(r.error), r.run.tolerance) << describe(r);
  }
}

// Per-run tolerances (stated in step_time_runs.hpp): 10% for Korthikanti
// (Calculon's worst is 8.87%); 15% for BLOOM and Llama 3, whose plans carry
// assumed settings (§15 D, E); 20% for Narayanan Table 1, whose steps are
// derived from TFLOP/s rates with heads, split, micro-batch and recompute all
// assumed (§15 B; the 1.7B row is +16.4%), and for the ZeRO-3 rows, which are
// bound by data-parallel traffic the model must predict from the network
// alone; 10% for the measured memory.
TEST(StepTimeValidation, KorthikantiTable5EachWithinTenPercent) {
  expect_group_within_tolerance(RunGroup::korthikanti_table5);
}
TEST(StepTimeValidation, NarayananTable1EachWithinTwentyPercent) {
  expect_group_within_tolerance(RunGroup::narayanan_table1);
}
TEST(StepTimeValidation, NarayananZero3EachWithinTwentyPercent) {
  expect_group_within_tolerance(RunGroup::narayanan_table2_zero3);
}
TEST(StepTimeValidation, BloomWithinFifteenPercent) {
  expect_group_within_tolerance(RunGroup::bloom);
}
TEST(StepTimeValidation, Llama3MfuWithinFifteenPercent) {
  expect_group_within_tolerance(RunGroup::llama3);
}
TEST(StepTimeValidation, Pr482PeakMemoryWithinTenPercent) {
  expect_group_within_tolerance(RunGroup::memory_pr482);
}

TEST(StepTimeValidation, Zero3StopsScalingPastSevenHundredGpus) {
  // The published series: 81.6 s on 384 GPUs, 66.7 s on 768 and on 1,536 —
  // doubling the GPUs past 768 buys nothing. The model must show the same
  // saturation: 1,536 GPUs no more than 25% faster than 768.
  const auto t2 = evaluate_all(group(RunGroup::narayanan_table2_zero3));
  ASSERT_EQ(t2.size(), 3u);
  EXPECT_GT(t2[2].predicted, 0.75 * t2[1].predicted) << describe(t2[1]) << "\n" << describe(t2[2]);
}

TEST(StepTimeValidation, KorthikantiMeanAndMaxErrorWithinCalculons) {
  // Issue 16's goal: mean |error| <= 3.65%, max <= 8.87% on these 8 runs.
  const auto results = evaluate_all(group(RunGroup::korthikanti_table5));
  const auto s = summarize(results);
  std::string table;
  for (const auto& r : results)
    table += "\n  " + describe(r);
  EXPECT_EQ(s.runs, 8);
  EXPECT_LE(s.mean_abs, 0.0365) << "mean |error| " << 100 * s.mean_abs << "%" << table;
  EXPECT_LE(s.max_abs, 0.0887) << "max |error| " << 100 * s.max_abs << "%" << table;
}

TEST(StepTimeValidation, WholePublicSetMeanErrorWithinTenPercent) {
  const auto results = evaluate_all(published_step_time_runs());
  const auto s = summarize(results);
  std::string table;
  for (const auto& r : results)
    table += "\n  " + describe(r);
  EXPECT_EQ(s.runs, 18);
  EXPECT_LE(s.mean_abs, 0.10) << "mean |error| " << 100 * s.mean_abs << "%" << table;
}

TEST(StepTimeValidation, DeepSeekV3ShowcaseIsPredictedFromItsPlanAlone) {
  // Not scored: the README's showcase. It must produce a finite step and an
  // MFU at the BF16 basis DeepSeek quotes, from the architecture and plan.
  const auto ds = deepseek_v3_showcase();
  const auto r = evaluate(ds);
  EXPECT_TRUE(std::isfinite(r.predicted)) << describe(r);
  EXPECT_GT(r.predicted, 0) << describe(r);
  EXPECT_EQ(r.prediction.precision, Precision::bf16);
  EXPECT_GT(r.prediction.mfu, 0);
  EXPECT_LT(r.prediction.mfu, 1);
}

}  // namespace
