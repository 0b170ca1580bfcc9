// Five published training runs other than DeepSeek's, run through the
// `traincost` command as a user runs them, each output checked against the
// figure its team published (docs/sources.md §14). Every expected value is
// computed here, in the comments, from the published inputs — never copied
// from the program's output. Prices are the assumptions of §11/§14: $1.80 per
// A100 80GB GPU-hour [A], $1.45 per TPU v3 chip-hour [?].
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace traincost::test {
namespace {

namespace fs = std::filesystem;

const std::string exe = TRAINCOST_EXE;
const fs::path source_dir = TRAINCOST_SOURCE_DIR;

/// The first result's traincost.final_run/1 document for a bundled scenario.
nlohmann::json final_run(const std::string& file) {
  const auto path = (source_dir / "examples" / "scenarios" / file).string();
  const auto r = run(exe, {"estimate", path, "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc.at("results").size(), 1u);
  EXPECT_EQ(doc.at("results")[0].at("scope"), "final_run_rental");
  return doc.at("results")[0].at("final_run");
}

/// Within a relative tolerance: the arithmetic below is exact to far better
/// than 1e-6, so only a changed model or input moves a figure past it.
void expect_close(double actual, double expected, double relative = 1e-6) {
  EXPECT_NEAR(actual, expected, expected * relative);
}

double days(const nlohmann::json& run) {
  return run.at("total").at("wall_clock_hours").get<double>() / 24.0;
}

/// The first stage's MFU (stated, or implied by its hours and workload).
nlohmann::json stage_mfu(const nlohmann::json& run) {
  const auto& mfu = run.at("stages")[0].at("mfu");
  EXPECT_FALSE(mfu.is_null()) << run.dump(2);
  return mfu;
}

// ---- OPT-175B: published compute and throughput -> GPU-hours and days -------

TEST(PublishedRuns, Opt175bFromItsComputeAndThroughput) {
  const auto run = final_run("opt_175b.toml");
  const double gpu_hours = run.at("total").at("gpu_hours").get<double>();
  // §14 [P]: ~4.30e23 FLOP at 147 TFLOP/s per GPU.
  // 4.30e23 / (147e12 x 3,600) = 4.30e23 / 5.292e17 = 812,547.24 GPU-hours [D].
  expect_close(gpu_hours, 812'547.24, 1e-6);
  // LLaMA's Table 15 counts OPT-175B at 809,472 GPU-hours [P]: within 0.5%.
  EXPECT_NEAR(gpu_hours / 809'472.0, 1.0, 0.005);
  // 812,547.24 / 992 GPUs = 819.10 h = 34.13 days [D]; published "roughly ~33
  // days of continuous training" [P]: within 5%.
  expect_close(days(run), 34.129168, 1e-6);
  EXPECT_NEAR(days(run) / 33.0, 1.0, 0.05);
  // Cost = 812,547.24 x $1.80 = $1,462,585.03 [D].
  expect_close(run.at("total").at("usd").get<double>(), 1'462'585.03, 1e-6);
  // The stated 147 TFLOP/s as a share of the A100's dense FP16 peak, 312
  // TFLOP/s (§5): 147 / 312 = 47.115% [D] — a hardware-FLOP utilisation.
  const auto mfu = stage_mfu(run);
  EXPECT_EQ(mfu.at("basis"), "stated");
  expect_close(mfu.at("mfu").get<double>(), 0.4711538, 1e-6);
  expect_close(mfu.at("achieved_tflops").get<double>(), 147.0, 1e-9);
  EXPECT_EQ(mfu.at("precision"), "bf16");  // FP16 and BF16 share one peak
}

// ---- LLaMA-65B: published GPU-hours with the workload -> implied MFU ----------

TEST(PublishedRuns, Llama65bGpuHoursDaysAndCost) {
  const auto run = final_run("llama_65b.toml");
  // Table 15 [P]: 1,022,362 GPU-hours, taken as given.
  EXPECT_DOUBLE_EQ(run.at("total").at("gpu_hours").get<double>(), 1'022'362.0);
  // 1,022,362 / 2,048 / 24 = 20.8000 days [D]; §2.4 says "approximately 21
  // days" [P]: within 2%.
  expect_close(days(run), 20.800008, 1e-6);
  EXPECT_NEAR(days(run) / 21.0, 1.0, 0.02);
  // Cost = 1,022,362 x $1.80 = $1,840,251.60 [D].
  expect_close(run.at("total").at("usd").get<double>(), 1'840'251.60, 1e-9);
}

TEST(PublishedRuns, Llama65bImpliedMfu) {
  const auto mfu = stage_mfu(final_run("llama_65b.toml"));
  EXPECT_EQ(mfu.at("basis"), "implied");
  // 6 x 65.2e9 x 1.4e12 = 5.4768e23 FLOP in 1,022,362 x 3,600 s: 148.806
  // TFLOP/s per GPU; / 312 = 47.694% [D].
  expect_close(mfu.at("achieved_tflops").get<double>(), 148.80574, 1e-6);
  expect_close(mfu.at("mfu").get<double>(), 0.4769415, 1e-6);
  // The paper's own throughput, ~380 tokens/s per GPU [P]: 6 x 65.2e9 x 380 =
  // 148.66 TFLOP/s = 47.646% [D]; the two published figures agree to 0.05
  // points.
  EXPECT_NEAR(mfu.at("mfu").get<double>(), 0.4764615, 0.001);
  EXPECT_EQ(mfu.at("verdict"), "plausible");
}

// ---- Gopher 280B on TPU v3: chips x hours with the workload -> implied MFU ----

TEST(PublishedRuns, Gopher280bChipHoursAndCost) {
  const auto run = final_run("gopher_280b.toml");
  // 4,096 chips x 920 h [P] = 3,768,320 chip-hours [D].
  EXPECT_DOUBLE_EQ(run.at("total").at("gpu_hours").get<double>(), 3'768'320.0);
  EXPECT_DOUBLE_EQ(run.at("total").at("wall_clock_hours").get<double>(), 920.0);
  const auto& stage = run.at("stages")[0];
  EXPECT_EQ(stage.at("accelerator"), "TPU v3");  // the catalog's (docs/sources.md §12)
  // Cost = 3,768,320 x $1.45 = $5,464,064.00 [D].
  expect_close(run.at("total").at("usd").get<double>(), 5'464'064.0, 1e-9);
}

TEST(PublishedRuns, Gopher280bImpliedMfu) {
  const auto mfu = stage_mfu(final_run("gopher_280b.toml"));
  EXPECT_EQ(mfu.at("basis"), "implied");
  // Against the TPU v3's 123 TFLOP/s bf16 peak (Google's TPU v3 page [P]).
  expect_close(mfu.at("reference_peak_tflops").get<double>(), 123.0, 1e-9);
  // 6 x 280e9 x 300e9 = 5.04e23 FLOP in 3,768,320 chip-hours = 37.152
  // TFLOP/s per chip; / 123 = 30.205% [D].
  expect_close(mfu.at("achieved_tflops").get<double>(), 37.151834, 1e-6);
  expect_close(mfu.at("mfu").get<double>(), 0.3020474, 1e-6);
  // PaLM's Table 3 gives Gopher 32.5% from its step rate [P]: the 920 hours
  // include whatever stalls the step rate leaves out, so a little lower,
  // within 2.5 points.
  EXPECT_NEAR(mfu.at("mfu").get<double>(), 0.325, 0.025);
  EXPECT_LT(mfu.at("mfu").get<double>(), 0.325);
  EXPECT_EQ(mfu.at("verdict"), "plausible");
}

// ---- MT-NLG 530B: workload at PaLM's MFU -> GPU-hours and days --------------

TEST(PublishedRuns, MtNlg530bFromItsWorkloadAndMfu) {
  const auto run = final_run("mt_nlg_530b.toml");
  const double gpu_hours = run.at("total").at("gpu_hours").get<double>();
  // 6 x 530e9 x 270e9 = 8.586e23 FLOP; at 29.7% of 312 TFLOP/s = 92.664
  // TFLOP/s: 8.586e23 / (92.664e12 x 3,600) = 2,573,815.07 GPU-hours [D].
  expect_close(gpu_hours, 2'573'815.07, 1e-6);
  // / 2,240 GPUs = 1,149.02 h = 47.876 days [D].
  expect_close(days(run), 47.876024, 1e-6);
  // From PaLM's published 65.43K tokens/s [P]: 270e9 / 65,430 / 3,600 =
  // 1,146.26 h = 47.761 days [D]; the MFU's rounding (29.77% printed as
  // 29.7%) leaves the two 0.24% apart: within 0.5%.
  EXPECT_NEAR(days(run) / 47.760966, 1.0, 0.005);
  // Cost = 2,573,815.07 x $1.80 = $4,632,867.13 [D].
  expect_close(run.at("total").at("usd").get<double>(), 4'632'867.13, 1e-6);
  EXPECT_EQ(run.at("stages")[0].at("usage_provenance").at("evidence"), "derived");
  // The stated MFU comes back as given: 29.7% of 312 = 92.664 TFLOP/s [D].
  const auto mfu = stage_mfu(run);
  EXPECT_EQ(mfu.at("basis"), "stated");
  expect_close(mfu.at("mfu").get<double>(), 0.297, 1e-9);
  expect_close(mfu.at("achieved_tflops").get<double>(), 92.664, 1e-6);
}

// ---- BLOOM-176B: published GPU-hours with the workload -> implied MFU ---------

TEST(PublishedRuns, Bloom176bGpuHoursDaysAndCost) {
  const auto run = final_run("bloom_176b.toml");
  // §3.4.1 [P]: 1,082,990 GPU-hours, taken as given.
  EXPECT_DOUBLE_EQ(run.at("total").at("gpu_hours").get<double>(), 1'082'990.0);
  // 1,082,990 / 384 / 24 = 117.512 days [D]; Luccioni et al. give 118 days
  // 5 h 41 min = 118.237 calendar days [P]: within 1%.
  expect_close(days(run), 117.511936, 1e-6);
  EXPECT_NEAR(days(run) / 118.236806, 1.0, 0.01);
  // Cost = 1,082,990 x $1.80 = $1,949,382.00 [D]; the team's own estimate is
  // $2-5M including preliminary experiments [P], so the final run alone is
  // below its low end.
  expect_close(run.at("total").at("usd").get<double>(), 1'949'382.0, 1e-9);
  EXPECT_LT(run.at("total").at("usd").get<double>(), 2e6);
}

TEST(PublishedRuns, Bloom176bImpliedMfu) {
  const auto mfu = stage_mfu(final_run("bloom_176b.toml"));
  EXPECT_EQ(mfu.at("basis"), "implied");
  // 6 x 176.247e9 x 366e9 = 3.87038e23 FLOP in 1,082,990 GPU-hours = 99.272
  // TFLOP/s per GPU; / 312 = 31.818% [D].
  expect_close(mfu.at("achieved_tflops").get<double>(), 99.27208, 1e-6);
  expect_close(mfu.at("mfu").get<double>(), 0.3181797, 1e-6);
  // The model card's "about 150 TFLOP per GPU per second" [P] counts
  // hardware FLOP at the best step rate: the implied model-FLOP rate over the
  // whole run is below it.
  EXPECT_LT(mfu.at("achieved_tflops").get<double>(), 150.0);
  EXPECT_EQ(mfu.at("verdict"), "plausible");
}

// ---- The README shows the command's real output -------------------------------

TEST(PublishedRuns, TheReadmeShowsLlamasRealOutput) {
  const std::string readme = slurp(source_dir / "README.md");
  const std::string prompt = "$ traincost estimate examples/scenarios/llama_65b.toml\n";
  const auto at = readme.find(prompt);
  ASSERT_NE(at, std::string::npos);
  const auto begin = at + prompt.size();
  const auto end = readme.find("```", begin);
  ASSERT_NE(end, std::string::npos);
  const auto path = (source_dir / "examples" / "scenarios" / "llama_65b.toml").string();
  const auto r = run(exe, {"estimate", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(readme.substr(begin, end - begin), r.out);
}

}  // namespace
}  // namespace traincost::test
