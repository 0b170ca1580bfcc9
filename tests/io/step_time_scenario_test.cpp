// [run.stages.step_time]: a stage costed from architecture + plan + cluster
// through perf::predict_step (docs/scenarios.md, "Stages from a step-time
// model"). The command's end-to-end tests are in tests/cli/step_time_test.cpp.
#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "traincost/io/estimate.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/io/step_time_report.hpp"
#include "traincost/perf/step_time.hpp"
#include "traincost/perf/systems.hpp"

namespace traincost::io {
namespace {

// GPT-3 175B on 512 A100 (Selene), Korthikanti et al.'s layout with DP 8
// (docs/sources.md §15 A); the price is an assumption of the test.
std::string gpt3(const std::string& plan_extra = "", const std::string& arch_extra = "",
                 const std::string& network = "preset = \"selene-a100-80gb\"",
                 const std::string& count = "512", const std::string& step_extra = "") {
  return R"(
name = "gpt-3"
[run]
name = "GPT-3"
[run.cluster]
accelerator = "A100 SXM4 80GB"
count = )" +
         count + R"(
[run.price]
usd_per_gpu_hour = 1.5
[[run.stages]]
name = "pre-training"
[run.stages.workload]
training_tokens = 300e9
[run.stages.step_time]
mfu_precision = "bf16"
)" + step_extra +
         R"(
[run.stages.step_time.architecture]
name = "GPT-3 175B"
layers = 96
hidden = 12288
ffn = 49152
ffn_kind = "gelu"
heads = 96
vocabulary = 51200
sequence_length = 2048
)" + arch_extra +
         R"(
[run.stages.step_time.plan]
tensor = 8
sequence_parallel = true
pipeline = 8
virtual_stages = 3
data = 8
micro_batch = 1
global_batch = 512
recompute = "selective"
precision = "bf16"
)" + plan_extra +
         R"(
[run.stages.step_time.network]
)" + network +
         "\n";
}

std::string error_of(const std::string& text) {
  try {
    (void)parse_scenario(text, "s.toml");
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(StepTimeScenario, ReadsEveryFieldIntoTheModelsTypes) {
  const Scenario s = parse_scenario(gpt3(), "s.toml");
  ASSERT_EQ(s.step_time_stages.size(), 1u);
  const StepTimeStage& st = s.step_time_stages.front();
  EXPECT_EQ(st.path, "run.stages[0]");
  EXPECT_EQ(st.run, 0u);
  EXPECT_EQ(st.stage, 0u);
  EXPECT_EQ(st.run_name, "GPT-3");
  EXPECT_EQ(st.architecture.layers, 96);
  EXPECT_EQ(st.architecture.hidden, 12288);
  EXPECT_EQ(st.architecture.kv_heads, 96);  // default: as many as heads
  EXPECT_EQ(st.plan.tensor, 8);
  EXPECT_TRUE(st.plan.sequence_parallel);
  EXPECT_EQ(st.plan.virtual_stages, 3);
  EXPECT_EQ(st.plan.accelerators(), 512);
  EXPECT_EQ(st.plan.recompute, perf::Recompute::selective);
  EXPECT_EQ(st.preset, "selene-a100-80gb");
  EXPECT_EQ(st.system.accelerator.name, "A100 SXM4 80GB");
  EXPECT_DOUBLE_EQ(in_tokens(st.training_tokens), 300e9);
}

TEST(StepTimeScenario, TheStagesMfuIsPredictSteps) {
  const Scenario s = parse_scenario(gpt3(), "s.toml");
  const StepTimeStage& st = s.step_time_stages.front();
  const perf::TrainingSystem sys = perf::selene_a100_80gb();
  const perf::StepPrediction p = perf::predict_step(st.architecture, st.plan, sys, Precision::bf16);
  EXPECT_DOUBLE_EQ(st.prediction.mfu, p.mfu);
  EXPECT_DOUBLE_EQ(in_seconds(st.prediction.time.total), in_seconds(p.time.total));
  const auto& usage = std::get<WorkloadUsage>(s.runs[0].stages[0].usage);
  EXPECT_DOUBLE_EQ(usage.throughput.mfu(), p.mfu);
  EXPECT_EQ(usage.throughput.mfu_precision(), Precision::bf16);
  EXPECT_EQ(usage.throughput.source().evidence, Evidence::derived);
  EXPECT_NE(usage.throughput.source().source.find("step-time model"), std::string::npos);
}

TEST(StepTimeScenario, EstimateCostsTheStageAtThePredictedRate) {
  const Scenario s = parse_scenario(gpt3(), "s.toml");
  const Estimate e = estimate(s);
  const perf::StepPrediction& p = s.step_time_stages.front().prediction;
  // GPU-hours = tokens / (tokens per second) x accelerators: the workload's
  // FLOP per token is the model's, so FLOP / (peak x MFU) reduces to it.
  const double expected_gpu_hours =
      300e9 / in_tokens_per_second(p.tokens_per_second) * 512 / 3600.0;
  ASSERT_TRUE(e.results.front().final_run);
  const StageCost& c = e.results.front().final_run->stages.front();
  EXPECT_NEAR(in_gpu_hours(c.gpu_time), expected_gpu_hours, expected_gpu_hours * 1e-9);
  EXPECT_NEAR(in_usd(c.cost), expected_gpu_hours * 1.5, expected_gpu_hours * 1.5 * 1e-9);
  // And through the MFU: FLOP / (peak x MFU).
  const double flop = in_flop_per_token(p.model_flop_per_token) * 300e9;
  const double from_mfu = flop / (312e12 * p.mfu) / 3600.0;
  EXPECT_NEAR(in_gpu_hours(c.gpu_time), from_mfu, from_mfu * 1e-9);
}

TEST(StepTimeScenario, TheReportCarriesTheStagesCost) {
  const Scenario s = parse_scenario(gpt3(), "s.toml");
  const Estimate e = estimate(s);
  const StepTimeReport r = step_time_report(s, e);
  ASSERT_EQ(r.stages.size(), 1u);
  EXPECT_DOUBLE_EQ(in_usd(r.stages[0].cost), in_usd(e.results.front().total));
  const auto j = nlohmann::json::parse(render_step_time(r, Format::json));
  EXPECT_EQ(j["schema"], "traincost.step_time/1");
  EXPECT_DOUBLE_EQ(j["stages"][0]["prediction"]["mfu"].get<double>(),
                   s.step_time_stages[0].prediction.mfu);
}

TEST(StepTimeScenario, NetworkWrittenOutInsteadOfAPreset) {
  const Scenario s = parse_scenario(
      gpt3("", "",
           "scale_up_gb_s = 300\nscale_up_domain = 8\nscale_out_gb_s = 25\nswitch_domain = 0\n",
           "512", "reserved_memory_gb = 4"),
      "s.toml");
  const StepTimeStage& st = s.step_time_stages.front();
  EXPECT_TRUE(st.preset.empty());
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(st.system.network.scale_up), 300);
  EXPECT_DOUBLE_EQ(in_gigabytes_per_second(st.system.network.scale_out), 25);
  EXPECT_GT(st.prediction.mfu, 0);
}

TEST(StepTimeScenario, EfficiencyOverridesAreAssumedAndChangeThePrediction) {
  const Scenario base = parse_scenario(gpt3(), "s.toml");
  const Scenario slower = parse_scenario(
      gpt3("", "",
           "preset = \"selene-a100-80gb\"\n[run.stages.step_time.efficiency]\nmatmul = 0.3"),
      "s.toml");
  const StepTimeStage& st = slower.step_time_stages.front();
  EXPECT_DOUBLE_EQ(st.system.efficiency.matmul.value, 0.3);
  EXPECT_EQ(st.system.efficiency.matmul.provenance.evidence, Evidence::assumed);
  EXPECT_GT(in_seconds(st.prediction.time.total),
            in_seconds(base.step_time_stages.front().prediction.time.total));
  // A larger half-efficiency size slows the small GEMMs of a TP-8 split.
  const Scenario sized = parse_scenario(
      gpt3("", "",
           "preset = \"selene-a100-80gb\"\n[run.stages.step_time.efficiency]\nmatmul_size = 4096"),
      "s.toml");
  EXPECT_DOUBLE_EQ(sized.step_time_stages[0].system.efficiency.matmul_size, 4096);
  EXPECT_GT(in_seconds(sized.step_time_stages[0].prediction.time.total),
            in_seconds(base.step_time_stages.front().prediction.time.total));
}

TEST(StepTimeScenario, MultiTokenPredictionAddsWorkButNotModelFlop) {
  const Scenario base = parse_scenario(gpt3(), "s.toml");
  const Scenario mtp = parse_scenario(gpt3("", "multi_token_prediction = 1"), "s.toml");
  const StepTimeStage& b = base.step_time_stages[0];
  const StepTimeStage& m = mtp.step_time_stages[0];
  EXPECT_EQ(m.architecture.multi_token_prediction, 1);
  EXPECT_EQ(b.architecture.multi_token_prediction, 0);
  // One more block and output head per token: hardware work and time grow,
  // the model FLOP the MFU counts does not.
  EXPECT_DOUBLE_EQ(in_flop_per_token(m.prediction.model_flop_per_token),
                   in_flop_per_token(b.prediction.model_flop_per_token));
  EXPECT_GT(in_flop_per_token(m.prediction.hardware_flop_per_token),
            in_flop_per_token(b.prediction.hardware_flop_per_token));
  EXPECT_GT(in_seconds(m.prediction.time.total), in_seconds(b.prediction.time.total));
  EXPECT_NE(error_of(gpt3("", "multi_token_prediction = -1"))
                .find("run.stages[0].step_time.architecture.multi_token_prediction: got -1"),
            std::string::npos);
}

TEST(StepTimeScenario, DualPipeIsReadAndCheckedAgainstInterleaving) {
  // The GPT-3 plan interleaves 3 chunks per stage: DualPipe does not.
  const std::string e = error_of(gpt3("dual_pipe = true"));
  EXPECT_NE(e.find("run.stages[0].step_time.plan.virtual_stages: got 3"), std::string::npos) << e;
  EXPECT_NE(e.find("1 when plan.dual_pipe is set"), std::string::npos) << e;
  EXPECT_NE(error_of(gpt3("dual_pipe = 1")).find("run.stages[0].step_time.plan.dual_pipe"),
            std::string::npos);
}

TEST(StepTimeScenario, FineGrainedFp8IsReadAndLeavesBf16PlansAlone) {
  const Scenario base = parse_scenario(gpt3(), "s.toml");
  EXPECT_FALSE(base.step_time_stages[0].plan.fine_grained_fp8);  // default
  // The GPT-3 plan is BF16: the flag is read but its GEMMs keep `matmul`.
  const Scenario flagged =
      parse_scenario(gpt3("fine_grained_fp8 = true", "",
                          "preset = \"selene-a100-80gb\"\n[run.stages.step_time.efficiency]\n"
                          "matmul_fine_grained_fp8 = 0.3"),
                     "s.toml");
  const StepTimeStage& st = flagged.step_time_stages[0];
  EXPECT_TRUE(st.plan.fine_grained_fp8);
  EXPECT_DOUBLE_EQ(st.system.efficiency.matmul_fine_grained_fp8.value, 0.3);
  EXPECT_EQ(st.system.efficiency.matmul_fine_grained_fp8.provenance.evidence, Evidence::assumed);
  EXPECT_DOUBLE_EQ(in_seconds(st.prediction.time.total),
                   in_seconds(base.step_time_stages[0].prediction.time.total));
  EXPECT_NE(
      error_of(gpt3("fine_grained_fp8 = 1")).find("run.stages[0].step_time.plan.fine_grained_fp8"),
      std::string::npos);
}

TEST(StepTimeScenario, MoeAndOverlapKeysReachTheModel) {
  const Scenario s =
      parse_scenario(gpt3("[run.stages.step_time.plan.overlap]\ntensor_parallel = true\n"
                          "communication_sm_share = 0.25",
                          "[run.stages.step_time.architecture.moe]\nexperts = 16\ntop_k = 2\n"
                          "expert_ffn = 4096\nnode_limit = 2"),
                     "s.toml");
  const StepTimeStage& st = s.step_time_stages[0];
  ASSERT_TRUE(st.architecture.moe);
  EXPECT_EQ(st.architecture.moe->experts, 16);
  EXPECT_EQ(st.architecture.moe->node_limit, 2);
  EXPECT_TRUE(st.plan.overlap.tensor_parallel);
  EXPECT_DOUBLE_EQ(st.plan.overlap.communication_sm_share, 0.25);
  EXPECT_NE(error_of(gpt3("[run.stages.step_time.plan.overlap]\ncommunication_sm_share = 1"))
                .find("run.stages[0].step_time.plan.overlap.communication_sm_share: got 1"),
            std::string::npos);
}

TEST(StepTimeScenario, ZeroAcceptsFsdp) {
  const std::string text = gpt3("zero = \"fsdp\"");
  EXPECT_EQ(parse_scenario(text, "s.toml").step_time_stages[0].plan.zero,
            perf::ZeroStage::parameters);
}

TEST(StepTimeScenario, EachMistakeIsOneLocatedError) {
  // A tensor degree not dividing the heads (8 into 100 heads of 128).
  EXPECT_EQ(error_of(gpt3("", "head_dim = 128")), "(no error)");
  std::string text = gpt3("", "head_dim = 128");
  text.replace(text.find("heads = 96"), 10, "heads = 100");
  EXPECT_NE(error_of(text).find("run.stages[0].step_time.plan.tensor: got 8, expected a divisor "
                                "of architecture.heads (100)"),
            std::string::npos)
      << error_of(text);
  EXPECT_NE(error_of(gpt3("", "", "preset = \"selene-a100-80gb\"", "1024"))
                .find("[traincost.invalid_input] run.stages[0].step_time.plan: got tensor 8 x "
                      "context 1 x pipeline 8 x data 8 = 512 accelerators, expected the stage's "
                      "cluster of 1024 A100 SXM4 80GB"),
            std::string::npos)
      << error_of(gpt3("", "", "preset = \"selene-a100-80gb\"", "1024"));
  EXPECT_NE(error_of(gpt3("", "", "preset = \"h800-hgx\""))
                .find("[traincost.invalid_input] run.stages[0].step_time.network.preset"),
            std::string::npos);
  EXPECT_NE(error_of(gpt3("", "", "preset = \"dgx\""))
                .find("[traincost.unknown_name] run.stages[0].step_time.network.preset: got "
                      "\"dgx\", expected one of: \"selene-a100-80gb\""),
            std::string::npos);
  EXPECT_NE(error_of(gpt3("zero = 4")).find("run.stages[0].step_time.plan.zero: got 4"),
            std::string::npos);
  EXPECT_NE(error_of(gpt3("", "", "scale_up_gb_s = 300"))
                .find("run.stages[0].step_time.reserved_memory_gb: missing"),
            std::string::npos);
  EXPECT_NE(error_of(gpt3("", "", "scale_up_gb_s = 300", "512", "reserved_memory_gb = 4"))
                .find("run.stages[0].step_time.network.scale_out_gb_s: missing"),
            std::string::npos);
  EXPECT_NE(error_of(gpt3("", "", "preset = \"selene-a100-80gb\"", "512", "mfu = 0.4"))
                .find("[traincost.unknown_name] run.stages[0].step_time.mfu"),
            std::string::npos);
  std::string stated = gpt3();
  stated.replace(stated.find("training_tokens = 300e9"), 23,
                 "training_tokens = 300e9\nflop_per_token = 1e12");
  EXPECT_NE(error_of(stated).find("run.stages[0].workload.flop_per_token: got flop_per_token "
                                  "beside [step_time]"),
            std::string::npos);
  std::string both = gpt3();
  both.replace(both.find("[run.stages.workload]"), 21, "gpu_hours = 5\n[run.stages.workload]");
  EXPECT_NE(error_of(both).find("run.stages[0].gpu_hours: got gpu_hours beside [step_time]"),
            std::string::npos);
}

TEST(StepTimeScenario, AnAcceleratorWithoutMemoryIsAnErrorAtTheCluster) {
  std::string text =
      gpt3("", "", "scale_up_gb_s = 300\nscale_out_gb_s = 25", "512", "reserved_memory_gb = 4");
  text.replace(text.find("accelerator = \"A100 SXM4 80GB\""), 30, "accelerator = \"X1\"");
  text +=
      "[[accelerators]]\nname = \"X1\"\nvendor = \"E\"\nform_factor = \"sxm\"\n"
      "peak_tflops = { bf16 = 900 }\nyear = 2025\n";
  EXPECT_NE(error_of(text).find("[traincost.invalid_input] run.cluster.accelerator: got \"X1\", "
                                "expected an accelerator with memory_gb and memory_bandwidth_gb_s"),
            std::string::npos)
      << error_of(text);
}

}  // namespace
}  // namespace traincost::io
