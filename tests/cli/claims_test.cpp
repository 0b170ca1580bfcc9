// Claims, rates and serving through the command: the implied MFU in every
// format, `check` warnings and `check --strict`, GPU-hours per trillion
// tokens, and a serving deployment in its own scope.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace traincost::test {
namespace {

namespace fs = std::filesystem;

const std::string exe = TRAINCOST_EXE;
const fs::path source_dir = TRAINCOST_SOURCE_DIR;

/// Writes `text` to a temporary scenario file and returns its path.
std::string scenario_file(const std::string& name, const std::string& text) {
  const fs::path p =
      fs::temp_directory_path() / ("traincost_claims_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p) << text;
  return p.string();
}

// 1e23 FLOP in 100,000 A100 GPU-hours is 1e23 / (1e5 x 3600) = 2.78e14
// FLOP/s per GPU: 89.03% of the A100's 312 TFLOP/s BF16 dense peak
// (docs/sources.md §5) — above the 60% ceiling, so implausible.
const std::string implausible = R"(
[run]
name = "too fast"
cluster = { accelerator = "A100 SXM4 80GB", count = 1024 }
price = { usd_per_gpu_hour = 2.0 }

[[run.stages]]
name = "pre-training"
gpu_hours = 100000

[run.stages.workload]
total_flop = 1e23
training_precision = "bf16"
)";

TEST(Claims, CheckWarnsAndStrictFails) {
  const std::string f = scenario_file("implausible.toml", implausible);
  const CommandResult plain = run(exe, {"check", f});
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("warning: " + f +
                           ":11:1: run.stages[0].workload (pre-training): "
                           "implied MFU 89.03% of the A100 SXM4 80GB bf16 dense peak"),
            std::string::npos)
      << plain.out;
  EXPECT_NE(plain.out.find("implausible (above the 60% ceiling)"), std::string::npos);

  const CommandResult strict = run(exe, {"check", "--strict", f});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_EQ(strict.out, "");
  EXPECT_EQ(strict.err.rfind("traincost: error: " + f +
                                 ":11:1: [traincost.implausible_claim] run.stages[0].workload: "
                                 "implied MFU 89.03%",
                             0),
            0u)
      << strict.err;
  fs::remove(f);
}

TEST(Claims, ImpliedMfuInEveryFormat) {
  const std::string f = scenario_file("implausible_formats.toml", implausible);
  const CommandResult table = run(exe, {"estimate", f});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("MFU:\n  pre-training: implied 89.03% of the A100 SXM4 80GB bf16"),
            std::string::npos)
      << table.out;
  const CommandResult md = run(exe, {"estimate", "-f", "markdown", f});
  EXPECT_NE(md.out.find("MFU:\n\n- pre-training: implied 89.03%"), std::string::npos) << md.out;

  const CommandResult json = run(exe, {"estimate", "-f", "json", f});
  const auto doc = nlohmann::json::parse(json.out);
  const auto& mfu = doc.at("results")[0].at("final_run").at("stages")[0].at("mfu");
  EXPECT_EQ(mfu.at("basis"), "implied");
  EXPECT_NEAR(mfu.at("mfu").get<double>(), 1e23 / (1e5 * 3600 * 312e12), 1e-12);
  EXPECT_EQ(mfu.at("verdict"), "implausible");
  EXPECT_DOUBLE_EQ(mfu.at("ceiling").get<double>(), 0.6);

  const CommandResult csv = run(exe, {"estimate", "-f", "csv", f});
  // The stage row holds mfu, mfu_precision, achieved_tflops, verdict and basis.
  EXPECT_NE(csv.out.find(",bf16,277.77777777777777,implausible,implied,"), std::string::npos)
      << csv.out;
  fs::remove(f);
}

TEST(Claims, StatedThroughputIsJudgedToo) {
  // 147 TFLOP/s per A100 (OPT-175B's figure, docs/sources.md §14) is an MFU
  // of 147 / 312 = 47.12%: plausible, and reported as stated.
  const std::string f = scenario_file("stated.toml", R"(
[run]
name = "opt-like"
cluster = { accelerator = "A100 SXM4 80GB", count = 992 }
price = { usd_per_gpu_hour = 1.8 }

[[run.stages]]
name = "pre-training"
[run.stages.workload]
total_flop = 4.3e23
[run.stages.throughput]
effective_tflops = 147
mfu_precision = "bf16"
)");
  const CommandResult r = run(exe, {"estimate", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("pre-training: stated 47.12% of the A100 SXM4 80GB bf16 dense peak "
                       "(147.0 of 312.0 TFLOP/s, goodput 100%): plausible"),
            std::string::npos)
      << r.out;
  // 4.3e23 / (147e12 x 3600) = 812,547 GPU-hours.
  EXPECT_NE(r.out.find("812,547"), std::string::npos) << r.out;
  EXPECT_EQ(run(exe, {"check", "--strict", f}).exit_code, 0);
  fs::remove(f);
}

TEST(Rates, GpuHoursPerTrillionTokensWithARange) {
  // 180K H800 GPU-hours per trillion tokens x 14.8T tokens = 2,664,000
  // GPU-hours (docs/sources.md §1); the rate's range reaches the cost.
  const std::string f = scenario_file("rate.toml", R"(
[run]
name = "V3 by rate"
cluster = { accelerator = "H800", count = 2048 }
price = { usd_per_gpu_hour = 2.0 }

[[run.stages]]
name = "pre-training"
gpu_hours_per_trillion_tokens = { low = 170000, high = 190000 }
training_tokens = 14.8e12
)");
  const CommandResult e = run(exe, {"estimate", "-f", "json", f});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  const auto doc = nlohmann::json::parse(e.out);
  EXPECT_NEAR(doc.at("results")[0].at("final_run").at("total").at("gpu_hours").get<double>(),
              2.664e6, 1e-6);
  const CommandResult s = run(exe, {"simulate", "-n", "2000", "-f", "json", f});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto sim = nlohmann::json::parse(s.out);
  const auto& usd = sim.at("results")[0].at("usd");
  // Uniform 170K-190K x 14.8 x $2: every draw within $5.032M-$5.624M.
  EXPECT_GE(usd.at("min").get<double>(), 170e3 * 14.8 * 2 - 1e-6);
  EXPECT_LE(usd.at("max").get<double>(), 190e3 * 14.8 * 2 + 1e-6);
  EXPECT_GT(usd.at("sd").get<double>(), 0.0);
  fs::remove(f);
}

TEST(Serving, DeepSeekInferenceScenarioReproducesTheDisclosure) {
  // docs/sources.md §1 [published]: 226.75 nodes x 8 GPUs x 24 h x $2 = $87,072 a day.
  const std::string f =
      (source_dir / "examples" / "scenarios" / "deepseek_inference.toml").string();
  const CommandResult r = run(exe, {"estimate", "-f", "json", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  const auto& result = doc.at("results")[0];
  EXPECT_EQ(result.at("model"), "serving");
  EXPECT_EQ(result.at("scope"), "inference_rental");
  EXPECT_DOUBLE_EQ(result.at("usd").get<double>(), 87'072.0);
  const auto& serving = result.at("serving");
  EXPECT_EQ(serving.at("schema"), "traincost.serving/1");
  EXPECT_DOUBLE_EQ(serving.at("accelerators").get<double>(), 1814.0);
  EXPECT_DOUBLE_EQ(serving.at("usd_per_day").get<double>(), 87'072.0);
  EXPECT_TRUE(serving.at("usd_per_million_tokens").is_null());

  const CommandResult table = run(exe, {"estimate", f});
  EXPECT_NE(table.out.find("DeepSeek inference (one day) — inference (rental-equivalent)"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("per day $87,072"), std::string::npos) << table.out;
}

TEST(Serving, TokensAtAThroughputGiveACostPerMillionTokens) {
  // 3.6e9 tokens at 1,000 tokens/s per GPU = 1,000 GPU-hours; at $2.50 that
  // is $2,500, or $2,500 / 3,600 = $0.6944 per million tokens; on 64 GPUs
  // the period is 15.625 h, so a day costs 2,500 x 24 / 15.625 = $3,840.
  const std::string f = scenario_file("serving_tokens.toml", R"(
[[serving]]
name = "batch"
accelerator = "H100 SXM"
accelerators = 64
tokens_served = 3.6e9
tokens_per_second_per_accelerator = 1000
price = { usd_per_gpu_hour = 2.5 }
)");
  const CommandResult r = run(exe, {"estimate", "-f", "csv", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("batch,serving,inference_rental,total,0,,H100 SXM,64,1000,15.625,2.5,2500,"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(",3840,0.6944444444444445"), std::string::npos) << r.out;
  fs::remove(f);
}

TEST(Serving, CompareTwoThroughputs) {
  // 3.6e9 tokens at 1,000 vs 1,500 tokens/s per GPU: 1,000 vs 666.7
  // GPU-hours, $2,500 vs $1,666.67 at $2.50 — a ratio of 2/3 — and
  // $0.69 vs $0.46 per million tokens; the cost per day is the same.
  const std::string f = scenario_file("serving_variant.toml", R"(
[[serving]]
name = "batch"
accelerator = "H100 SXM"
accelerators = 64
tokens_served = 3.6e9
tokens_per_second_per_accelerator = 1000
price = { usd_per_gpu_hour = 2.5 }

[[variant]]
name = "faster"
serving.batch.tokens_per_second_per_accelerator = 1500
)");
  const CommandResult r = run(exe, {"compare", f});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("batch — inference (rental-equivalent)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("cost                     $2,500  $1,667   -$833  0.667x"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("cost per day             $3,840  $3,840      $0  1.000x"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("cost per million tokens   $0.69   $0.46  -$0.23  0.667x"),
            std::string::npos)
      << r.out;
  fs::remove(f);
}

}  // namespace
}  // namespace traincost::test
