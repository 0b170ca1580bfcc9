// `traincost step-time FILE` and `traincost plan FILE` end to end, on the
// bundled DeepSeek-V3 scenario (examples/scenarios/deepseek_v3_step_time.toml,
// figures from docs/sources.md §1 and §15 G): the command's numbers are the
// model's (perf::predict_step on the same inputs), and `estimate` costs the
// stage through the predicted MFU.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/perf/step_time.hpp"
#include "traincost/perf/systems.hpp"

namespace traincost::test {
namespace {

namespace fs = std::filesystem;

const std::string exe = TRAINCOST_EXE;
const fs::path source_dir = TRAINCOST_SOURCE_DIR;
const std::string v3 = (source_dir / "examples/scenarios/deepseek_v3_step_time.toml").string();

CommandResult traincost(const std::vector<std::string>& args) {
  return run(exe, args);
}

nlohmann::json json_of(const std::vector<std::string>& args) {
  const CommandResult r = traincost(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(StepTimeCommand, TablePrintsTheBreakdownMfuMemoryAndCost) {
  const CommandResult r = traincost({"step-time", v3});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const char* part :
       {"pre-training — DeepSeek-V3 on 2,048 H800 SXM", "plan: TP 1, PP 16", "EP 64", "ZeRO-1",
        "global batch 15,360", "pipeline bubble", "expert all-to-all (exposed)", "total per step",
        "MFU ", "bf16 dense peak", "memory per accelerator", "optimizer state", "capacity 80.0 GB",
        "GPU-hours", "at $2.00 per GPU-hour"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
}

TEST(StepTimeCommand, MfuAndStepTimeArePredictStepsForTheSameInputs) {
  const io::Scenario s = io::read_scenario(v3);
  ASSERT_EQ(s.step_time_stages.size(), 1u);
  const io::StepTimeStage& in = s.step_time_stages.front();
  // The preset the file names, on the stage's own architecture and plan.
  const perf::StepPrediction p =
      perf::predict_step(in.architecture, in.plan, perf::h800_hgx_cluster(), Precision::bf16);
  const auto j = json_of({"step-time", v3, "--format", "json"});
  EXPECT_EQ(j["schema"], "traincost.step_time/1");
  ASSERT_EQ(j["stages"].size(), 1u);
  const auto& st = j["stages"][0];
  EXPECT_DOUBLE_EQ(st["prediction"]["mfu"].get<double>(), p.mfu);
  EXPECT_DOUBLE_EQ(st["prediction"]["hfu"].get<double>(), p.hfu);
  EXPECT_DOUBLE_EQ(st["prediction"]["step_seconds"]["total"].get<double>(),
                   in_seconds(p.time.total));
  EXPECT_DOUBLE_EQ(st["prediction"]["tokens_per_second"].get<double>(),
                   in_tokens_per_second(p.tokens_per_second));
  EXPECT_DOUBLE_EQ(st["prediction"]["memory_gb"]["total"].get<double>(),
                   in_gigabytes(p.memory.total));
  EXPECT_EQ(st["prediction"]["mfu_precision"], "bf16");
  EXPECT_EQ(st["accelerators"], 2048);
  EXPECT_EQ(st["plan"]["pipeline"], 16);
  EXPECT_EQ(st["plan"]["expert"], 64);
  EXPECT_EQ(st["plan"]["global_batch"], 15360);
  // The step's tokens over its time are the tokens per second.
  EXPECT_NEAR(15360.0 * 4096 / in_seconds(p.time.total), in_tokens_per_second(p.tokens_per_second),
              in_tokens_per_second(p.tokens_per_second) * 1e-9);
}

TEST(StepTimeCommand, EstimateCostsTheStageThroughThePredictedMfu) {
  const auto st = json_of({"step-time", v3, "--format", "json"})["stages"][0];
  const double tps = st["prediction"]["tokens_per_second"].get<double>();
  const double mfu = st["prediction"]["mfu"].get<double>();
  const double flop_per_token = st["prediction"]["model_flop_per_token"].get<double>();
  const auto e = json_of({"estimate", v3, "--format", "json"});
  const auto& stage = e["results"][0]["final_run"]["stages"][0];
  // GPU-hours = 14.8e12 tokens / predicted tokens per second x 2,048 GPUs.
  const double gpu_hours = 14.8e12 / tps * 2048 / 3600;
  EXPECT_NEAR(stage["gpu_hours"].get<double>(), gpu_hours, gpu_hours * 1e-9);
  // ... the same as FLOP / (H800 BF16 peak x MFU): 989.4 TFLOP/s (docs/sources.md §5).
  const double peak = stage["mfu"]["reference_peak_tflops"].get<double>() * 1e12;
  EXPECT_NEAR(stage["gpu_hours"].get<double>(), 14.8e12 * flop_per_token / (peak * mfu) / 3600,
              gpu_hours * 1e-9);
  EXPECT_NEAR(stage["usd"].get<double>(), gpu_hours * 2.0, gpu_hours * 2.0 * 1e-9);
  EXPECT_DOUBLE_EQ(stage["mfu"]["mfu"].get<double>(), mfu);
  EXPECT_EQ(stage["usage_provenance"]["evidence"], "derived");
  EXPECT_NE(stage["usage_provenance"]["source"].get<std::string>().find("step-time model"),
            std::string::npos);
  EXPECT_DOUBLE_EQ(st["usd"].get<double>(), stage["usd"].get<double>());
}

TEST(StepTimeCommand, CsvAndMarkdown) {
  const CommandResult csv = traincost({"step-time", v3, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("run,stage,section,measure,value,unit\r\n", 0), 0u);
  EXPECT_NE(csv.out.find(",utilization,mfu,"), std::string::npos);
  EXPECT_NE(csv.out.find(",memory,optimizer_state,"), std::string::npos);
  const CommandResult md = traincost({"step-time", v3, "--format", "markdown"});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("| **total per step** |"), std::string::npos);
}

TEST(StepTimeCommand, OutputGoesToAFileWhenAsked) {
  const fs::path out =
      fs::temp_directory_path() / ("traincost_step_time_" + std::to_string(::getpid()) + ".json");
  const CommandResult r = traincost({"step-time", v3, "-f", "json", "-o", out.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(nlohmann::json::parse(slurp(out))["schema"], "traincost.step_time/1");
  fs::remove(out);
  // Never over the scenario itself.
  const CommandResult self = traincost({"step-time", v3, "-o", v3});
  EXPECT_EQ(self.exit_code, 1);
}

TEST(StepTimeCommand, AFileWithoutAStepTimeStageIsALocatedError) {
  const std::string plain = (source_dir / "examples/scenarios/deepseek_v3.toml").string();
  for (const char* command : {"step-time", "plan"}) {
    const CommandResult r = traincost({command, plain});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("[traincost.invalid_input] run.stages: got no stage with a "
                         "[run.stages.step_time] table"),
              std::string::npos)
        << r.err;
  }
}

TEST(StepTimeCommand, CheckWarnsAboutAPlanThatDoesNotFitInMemory) {
  // The model's memory verdict on the published plan (it trained on 80 GB
  // H800s; see README): a warning placed at the plan, exit 0.
  const auto j = json_of({"step-time", v3, "--format", "json"});
  const bool fits = j["stages"][0]["prediction"]["fits"].get<bool>();
  const CommandResult r = traincost({"check", v3});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Placed at the plan's table header, wherever the file has it.
  const std::string text = slurp(v3);
  const std::size_t header = text.find("\n[run.stages.step_time.plan]\n");
  ASSERT_NE(header, std::string::npos);
  const auto line = 2 + std::count(text.begin(), text.begin() + static_cast<long>(header), '\n');
  EXPECT_EQ(r.out.find("warning: " + v3 + ":" + std::to_string(line) +
                       ":1: run.stages[0].step_time.plan (pre-training): "
                       "the step-time model puts ") != std::string::npos,
            !fits)
      << r.out;
}

TEST(PlanCommand, RanksValidFittingPlansByStepTime) {
  const auto j = json_of({"plan", v3, "--top", "3", "--format", "json"});
  EXPECT_EQ(j["schema"], "traincost.plan/1");
  EXPECT_EQ(j["ranked_by"], "step_time");
  ASSERT_EQ(j["stages"].size(), 1u);
  const auto& st = j["stages"][0];
  EXPECT_GT(st["evaluated"].get<long long>(), 0);
  EXPECT_LE(st["valid"].get<long long>(), st["evaluated"].get<long long>());
  EXPECT_LE(st["fitting"].get<long long>(), st["valid"].get<long long>());
  ASSERT_GE(st["plans"].size(), 1u);
  ASSERT_LE(st["plans"].size(), 3u);
  double previous = 0;
  for (const auto& p : st["plans"]) {
    EXPECT_EQ(p["plan"]["accelerators"], 2048);
    EXPECT_EQ(p["plan"]["global_batch"], 15360);
    EXPECT_TRUE(p["prediction"]["fits"].get<bool>());
    const double t = p["prediction"]["step_seconds"]["total"].get<double>();
    EXPECT_GE(t, previous);
    previous = t;
    // Cost = tokens / tokens per second x GPUs x $2.
    const double gpu_hours =
        14.8e12 / p["prediction"]["tokens_per_second"].get<double>() * 2048 / 3600;
    EXPECT_NEAR(p["usd"].get<double>(), gpu_hours * 2.0, gpu_hours * 2.0 * 1e-9);
  }
}

TEST(PlanCommand, UnderADeadlineRanksByCostAndKeepsOnlyPlansInTime) {
  const auto j = json_of({"plan", v3, "--deadline", "120", "--format", "json"});
  EXPECT_EQ(j["ranked_by"], "cost");
  EXPECT_EQ(j["deadline_days"], 120.0);
  const auto& plans = j["stages"][0]["plans"];
  ASSERT_GE(plans.size(), 1u);
  double previous = 0;
  for (const auto& p : plans) {
    EXPECT_LE(p["wall_clock_hours"].get<double>(), 120.0 * 24);
    EXPECT_GE(p["usd"].get<double>(), previous);
    previous = p["usd"].get<double>();
  }
}

TEST(PlanCommand, TableAndCsv) {
  const CommandResult t = traincost({"plan", v3, "--top", "2"});
  ASSERT_EQ(t.exit_code, 0) << t.err;
  for (const char* part : {"plans for DeepSeek-V3 on 2,048 H800 SXM", "plans evaluated",
                           "fit in memory", "step s", "step time by cause"})
    EXPECT_NE(t.out.find(part), std::string::npos) << part << "\n" << t.out;
  const CommandResult c = traincost({"plan", v3, "--top", "2", "--format", "csv"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out.rfind("run,stage,rank,accelerators,tensor,", 0), 0u);
  const CommandResult bad = traincost({"plan", v3, "--top", "0"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace traincost::test
