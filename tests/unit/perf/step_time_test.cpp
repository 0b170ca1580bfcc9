// Step-time model: Korthikanti et al. 2022 Table 5 on Selene (docs/sources.md
// §15), the MFU convention, and the physics each term must obey.
#include "traincost/perf/step_time.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "shapes.hpp"
#include "traincost/perf/systems.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost::perf {
namespace {

using testing::gpt;

struct Table5Row {
  const char* name;
  int layers;
  long long hidden;
  int heads, pipeline, virtual_stages;
  long long global_batch, micro_batch;
  double full_s, seqsel_s;  ///< published seconds per iteration
};

// Korthikanti et al. 2022 (arXiv 2205.05198), Table 5: seq 2048, vocab 51200,
// TP 8, DP 1 on Selene A100-80GB (docs/sources.md §15).
constexpr Table5Row table5[] = {
    {"22B", 48, 6144, 64, 1, 1, 4, 4, 1.42, 1.10},
    {"175B", 96, 12288, 96, 8, 3, 64, 1, 18.13, 13.75},
    {"530B", 105, 20480, 128, 35, 3, 280, 1, 49.05, 37.83},
    {"1T", 128, 25600, 160, 64, 1, 512, 1, 94.42, 71.49},
};

StepPrediction predict(const Table5Row& r, bool seqsel) {
  return predict_step(
      gpt(r.layers, r.hidden, r.heads),
      testing::selene_plan(r.pipeline, r.virtual_stages, r.global_batch, r.micro_batch, seqsel),
      selene_a100_80gb(), Precision::bf16, AttentionFlop::full);
}

TEST(StepTime, KorthikantiTable5WithinCalculonsErrors) {
  // The goal of issue 16: mean |error| <= 3.65% and max <= 8.87% (Calculon's).
  // matmul and memory-bound efficiencies were fitted on the 22B runs and the
  // 1T SP + selective run (systems.hpp); the other five runs are unseen.
  double sum = 0, worst = 0;
  int n = 0;
  for (const Table5Row& r : table5) {
    for (bool seqsel : {false, true}) {
      const StepPrediction p = predict(r, seqsel);
      const double published = seqsel ? r.seqsel_s : r.full_s;
      const double error = in_seconds(p.time.total) / published - 1.0;
      std::printf("%-5s %-7s published %6.2f s predicted %6.2f s error %+6.2f%%  MFU %.1f%%\n",
                  r.name, seqsel ? "seqsel" : "full", published, in_seconds(p.time.total),
                  100 * error, 100 * p.mfu);
      sum += std::abs(error);
      worst = std::max(worst, std::abs(error));
      ++n;
      EXPECT_LT(std::abs(error), 0.0887) << r.name << (seqsel ? " seqsel" : " full");
    }
  }
  std::printf("mean |error| %.2f%% max %.2f%% over %d runs\n", 100 * sum / n, 100 * worst, n);
  EXPECT_LE(sum / n, 0.0365);
  EXPECT_LE(worst, 0.0887);
}

TEST(StepTime, MfuConventionMatchesKorthikanti) {
  // MFU = Eq. 7 FLOP per iteration / (time x GPUs x 312 TFLOP/s dense BF16).
  const Table5Row& r = table5[2];  // 530B
  for (bool seqsel : {false, true}) {
    const StepPrediction p = predict(r, seqsel);
    const double l = 105, h = 20480, s = 2048, v = 51200;
    const double eq7 = 72.0 * 280 * s * l * h * h * (1 + s / (6 * h) + v / (12 * l * h));
    EXPECT_NEAR(p.mfu, eq7 / (in_seconds(p.time.total) * 280 * 312e12), 1e-9);
    // The abstract's 2,240-GPU figures (data parallel 8) are 54.2% and 42.1%;
    // on 280 GPUs, without the data-parallel reduction, a little higher.
    if (seqsel) {
      EXPECT_GT(p.mfu, 0.542);
      EXPECT_LT(p.mfu, 0.60);
    } else {
      EXPECT_GT(p.mfu, 0.421);
      EXPECT_LT(p.mfu, 0.47);
    }
    // HFU counts the recomputed forward: 4/3 of the MFU under full recompute.
    if (!seqsel) {
      EXPECT_NEAR(
          p.hfu / p.mfu,
          96.0 / 72.0 * (1 + s / (6 * h) + v / (16 * l * h)) / (1 + s / (6 * h) + v / (12 * l * h)),
          1e-9);
    }
  }
}

TEST(StepTime, BreakdownSumsToTotalAndEveryTermIsNonNegative) {
  const StepPrediction p = predict(table5[1], true);
  const StepTimeBreakdown& b = p.time;
  for (Duration d : {b.compute, b.recompute, b.tensor_parallel, b.pipeline_bubble,
                     b.pipeline_transfer, b.data_parallel, b.expert_all_to_all, b.optimizer})
    EXPECT_GE(in_seconds(d), 0.0);
  EXPECT_NEAR(in_seconds(b.total),
              in_seconds(b.compute + b.recompute + b.tensor_parallel + b.pipeline_bubble +
                         b.pipeline_transfer + b.data_parallel + b.expert_all_to_all + b.optimizer),
              1e-12);
  double sum = 0;
  for (const auto& part : b.parts())
    sum += in_seconds(part.value);
  EXPECT_NEAR(sum, in_seconds(b.total), 1e-12);
  EXPECT_EQ(b.parts()[2].name, "tensor_parallel");
  double bytes_sum = 0;
  for (const auto& part : p.memory.parts())
    bytes_sum += in_bytes(part.value);
  EXPECT_NEAR(bytes_sum, in_bytes(p.memory.total), 1.0);
  EXPECT_GT(in_seconds(b.tensor_parallel), 0.0);
  EXPECT_GT(in_seconds(b.pipeline_bubble), 0.0);
  EXPECT_EQ(in_seconds(b.expert_all_to_all), 0.0);
  EXPECT_NEAR(in_tokens_per_second(p.tokens_per_second), 64 * 2048 / in_seconds(b.total), 1e-6);
  EXPECT_EQ(p.precision, Precision::bf16);
  EXPECT_EQ(p.provenance.evidence, Evidence::derived);
}

TEST(StepTime, MoreMicroBatchesShrinkTheBubbleShare) {
  const TransformerArchitecture m = gpt(96, 12288, 96);
  double previous = 1.0;
  for (long long batch : {16, 32, 64, 128, 256}) {
    const StepPrediction p = predict_step(m, testing::selene_plan(8, 1, batch, 1, true),
                                          selene_a100_80gb(), Precision::bf16);
    const double share = in_seconds(p.time.pipeline_bubble) / in_seconds(p.time.total);
    EXPECT_LT(share, previous) << batch;
    previous = share;
  }
  // Interleaving divides the bubble by the virtual stages.
  const StepPrediction plain =
      predict_step(m, testing::selene_plan(8, 1, 64, 1, true), selene_a100_80gb(), Precision::bf16);
  const StepPrediction interleaved =
      predict_step(m, testing::selene_plan(8, 3, 64, 1, true), selene_a100_80gb(), Precision::bf16);
  EXPECT_NEAR(in_seconds(interleaved.time.pipeline_bubble),
              in_seconds(plain.time.pipeline_bubble) / 3, 1e-9);
}

TEST(StepTime, DualPipeBubbleIsTwoSeventhsOfOneF1BOnEightStages) {
  // DualPipe's (p/2 - 1)(F&B + B - 3W) with B = 2F, W = F, F&B = F + B:
  // 3 x 2F against 1F1B's 7 x 3F on 8 stages (docs/sources.md §15 G).
  const TransformerArchitecture m = gpt(96, 12288, 96);
  const ParallelPlan plain_plan = testing::selene_plan(8, 1, 64, 1, true);
  ParallelPlan dual_plan = plain_plan;
  dual_plan.dual_pipe = true;
  const StepPrediction plain = predict_step(m, plain_plan, selene_a100_80gb(), Precision::bf16);
  const StepPrediction dual = predict_step(m, dual_plan, selene_a100_80gb(), Precision::bf16);
  EXPECT_NEAR(in_seconds(dual.time.pipeline_bubble) / in_seconds(plain.time.pipeline_bubble),
              2.0 / 7.0, 0.01);
}

TEST(StepTime, FasterLinksShortenTensorParallelTime) {
  // H800's NVLink (200 GB/s a direction) against H100's (450): the same plan
  // spends more than twice as long in TP collectives on the H800.
  const TransformerArchitecture m = gpt(80, 8192, 64);
  ParallelPlan p;
  p.tensor = 8;
  p.sequence_parallel = true;
  p.pipeline = 4;
  p.data = 4;
  p.global_batch = 256;
  p.recompute = Recompute::selective;
  // Bandwidth alone: the ring step latency (the same on both) set to 0.
  TrainingSystem h800_sys = h800_hgx_cluster(), h100_sys = h100_hgx_cluster();
  h800_sys.network.scale_up_latency = seconds(0);
  h100_sys.network.scale_up_latency = seconds(0);
  const StepPrediction h800 = predict_step(m, p, h800_sys, Precision::bf16);
  const StepPrediction h100 = predict_step(m, p, h100_sys, Precision::bf16);
  // At least in proportion to the links; more where the slower collectives
  // outgrow the backward GEMMs that hide them.
  EXPECT_GE(in_seconds(h800.time.tensor_parallel) / in_seconds(h100.time.tensor_parallel),
            450.0 / 200.0 - 1e-9);
  // The step latency adds to both.
  EXPECT_GT(predict_step(m, p, h100_hgx_cluster(), Precision::bf16).time.tensor_parallel,
            h100.time.tensor_parallel);
  EXPECT_GT(h100.mfu, h800.mfu);
  // Tensor parallelism beyond a node goes over the scale-out network.
  p.tensor = 16;
  p.data = 2;
  const StepPrediction wide = predict_step(m, p, h100_hgx_cluster(), Precision::bf16);
  EXPECT_GT(in_seconds(wide.time.tensor_parallel), 3 * in_seconds(h100.time.tensor_parallel));
}

TEST(StepTime, DataParallelOverlapHidesTheGradientReduction) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  p.tensor = 8;
  p.data = 32;
  p.global_batch = 1024;
  p.micro_batch = 4;
  p.zero = ZeroStage::optimizer;
  p.overlap.data_parallel = false;
  const StepPrediction exposed = predict_step(m, p, selene_a100_80gb(), Precision::bf16);
  p.overlap.data_parallel = true;
  const StepPrediction hidden = predict_step(m, p, selene_a100_80gb(), Precision::bf16);
  EXPECT_GT(in_seconds(exposed.time.data_parallel), 0.0);
  EXPECT_LT(hidden.time.data_parallel, exposed.time.data_parallel);
  // ZeRO-3 gathers weights every micro-batch: more data-parallel traffic.
  p.overlap.data_parallel = false;
  p.zero = ZeroStage::parameters;
  const StepPrediction zero3 = predict_step(m, p, selene_a100_80gb(), Precision::bf16);
  EXPECT_GT(zero3.time.data_parallel, exposed.time.data_parallel);
  EXPECT_LT(zero3.memory.weights, exposed.memory.weights);
}

// ZeRO-3 (docs/step-time.md, "Time of a step"): per micro-batch one gather
// forward, one more for the recompute under full recompute, one backward,
// one reduce-scatter — all of the same size, so without overlap full
// recompute costs exactly 4/3 of no recompute, and twice the micro-batches
// cost twice the traffic.
TEST(StepTime, ZeroThreeGathersPerMicroBatchAndAgainForTheRecompute) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  p.data = 64;
  p.global_batch = 256;
  p.zero = ZeroStage::parameters;
  p.overlap.data_parallel = false;
  const TrainingSystem sys = selene_a100_80gb();
  const double none = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  p.recompute = Recompute::full;
  const double full = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  EXPECT_NEAR(full / none, 4.0 / 3.0, 1e-12);
  p.global_batch = 512;  // 8 micro-batches instead of 4
  const double twice = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  EXPECT_NEAR(twice / full, 2.0, 1e-12);
}

// Prefetch hides a layer's gather only behind the previous layer's compute:
// on a network so fast that compute dominates every layer, what stays
// exposed is the first layer's gather and the last layer's reduce-scatter,
// 1/l of the unoverlapped traffic.
TEST(StepTime, ZeroThreePrefetchLeavesTheFirstGatherAndLastReduceExposed) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  p.data = 64;
  p.global_batch = 256;
  p.zero = ZeroStage::parameters;
  TrainingSystem sys = selene_a100_80gb();
  sys.network.scale_out = gigabytes_per_second(1e6);
  sys.network.scale_out_latency = seconds(0);
  p.overlap.data_parallel = false;
  const double all = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  p.overlap.data_parallel = true;
  const double left = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  EXPECT_NEAR(left / all, 1.0 / 40.0, 1e-12);
  // On Selene's 25 GB/s the gathers outrun the compute: most stays exposed.
  const TrainingSystem selene = selene_a100_80gb();
  const double slow = in_seconds(predict_step(m, p, selene, Precision::bf16).time.data_parallel);
  p.overlap.data_parallel = false;
  const double slow_all =
      in_seconds(predict_step(m, p, selene, Precision::bf16).time.data_parallel);
  EXPECT_GT(slow, 0.3 * slow_all);
  EXPECT_LT(slow, slow_all);
}

// A ring collective over n ranks pays n-1 step latencies per half (gather or
// reduce-scatter), once per layer: ZeRO-1 without overlap reduce-scatters and
// all-gathers once per step, 2·l·(n-1)·alpha in all. An all-reduce may take
// a tree instead (NCCL's choice), 2·ceil(log2 n) steps.
TEST(StepTime, RingStepLatencyGrowsWithTheDataParallelDegree) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  p.tensor = 8;
  p.data = 512;
  p.global_batch = 512;
  p.zero = ZeroStage::optimizer;
  p.overlap.data_parallel = false;
  TrainingSystem sys = selene_a100_80gb();
  sys.network.scale_out_latency = seconds(0);
  const double without = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  sys.network.scale_out_latency = seconds(5e-6);
  const double with = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  EXPECT_NEAR(with - without, 2.0 * 40 * 511 * 5e-6, 1e-9);
  // An all-reduce (ZeRO-0) takes the tree's 2·ceil(log2 512) = 18 steps.
  p.zero = ZeroStage::none;
  const double tree = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  sys.network.scale_out_latency = seconds(0);
  const double bare = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  EXPECT_NEAR(tree - bare, 40 * 18 * 5e-6, 1e-9);
}

// ZeRO-2 keeps only a shard of the gradients, so it reduce-scatters every
// micro-batch; ZeRO-1 accumulates and reduce-scatters once. Without overlap
// the difference is (m - 1) reduce-scatters, each half of ZeRO-1's traffic.
TEST(StepTime, ZeroTwoReducesEveryMicroBatch) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  p.tensor = 8;
  p.data = 32;
  p.global_batch = 256;  // 8 micro-batches
  p.zero = ZeroStage::optimizer;
  p.overlap.data_parallel = false;
  const TrainingSystem sys = selene_a100_80gb();
  const double one = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  p.zero = ZeroStage::gradients;
  const double two = in_seconds(predict_step(m, p, sys, Precision::bf16).time.data_parallel);
  EXPECT_NEAR(two - one, 7.0 * one / 2.0, 1e-9 * one);
}

// Megatron's gradient reduce overlaps only the last micro-batch's backward,
// and never the stage's first layer, whose gradients come last.
TEST(StepTime, DataParallelReduceNeverHidesCompletely) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  p.tensor = 8;
  p.data = 32;
  p.global_batch = 1024;
  p.micro_batch = 4;
  p.zero = ZeroStage::none;
  TrainingSystem sys = selene_a100_80gb();
  sys.network.scale_out = gigabytes_per_second(1e6);
  const StepPrediction s = predict_step(m, p, sys, Precision::bf16);
  EXPECT_GT(in_seconds(s.time.data_parallel), 0.0);
}

TEST(StepTime, CheckPlanRejectsANegativeCollectiveLatency) {
  const TransformerArchitecture m = gpt(40, 6144, 48);
  ParallelPlan p;
  TrainingSystem sys = selene_a100_80gb();
  sys.network.scale_out_latency = seconds(-1e-6);
  EXPECT_THROW((void)predict_step(m, p, sys, Precision::bf16), Error);
}

TEST(StepTime, ExpertAllToAllForMixtureOfExperts) {
  const TransformerArchitecture m = testing::deepseek_v3();
  ParallelPlan p;
  p.pipeline = 16;
  p.data = 128;
  p.expert = 64;
  p.zero = ZeroStage::optimizer;
  p.global_batch = 15360;
  p.precision = Precision::fp8;
  const StepPrediction exposed = predict_step(m, p, h800_hgx_cluster(), Precision::bf16);
  EXPECT_GT(in_seconds(exposed.time.expert_all_to_all), 0.0);
  p.overlap.expert_all_to_all = true;
  const StepPrediction overlapped = predict_step(m, p, h800_hgx_cluster(), Precision::bf16);
  EXPECT_LT(overlapped.time.expert_all_to_all, exposed.time.expert_all_to_all);
  // An FP8 run's MFU quoted against the BF16 peak is twice that against FP8.
  const StepPrediction fp8 = predict_step(m, p, h800_hgx_cluster(), Precision::fp8);
  EXPECT_NEAR(overlapped.mfu / fp8.mfu, 1979.0 / 989.5, 1e-9);
  // Node-limited routing (DeepSeek-V3: 4 domains a token) crosses
  // InfiniBand once per destination domain: less traffic than 8 copies.
  p.overlap.expert_all_to_all = false;
  TransformerArchitecture limited = m;
  limited.moe->node_limit = 4;
  const StepPrediction node_limited = predict_step(limited, p, h800_hgx_cluster(), Precision::bf16);
  EXPECT_LT(in_seconds(node_limited.time.expert_all_to_all),
            0.6 * in_seconds(exposed.time.expert_all_to_all));
  // Communication kernels holding SMs slow the compute they overlap.
  p.overlap.expert_all_to_all = true;
  p.overlap.communication_sm_share = 20.0 / 132;
  const StepPrediction sharing = predict_step(limited, p, h800_hgx_cluster(), Precision::bf16);
  p.overlap.communication_sm_share = 0;
  const StepPrediction free_sms = predict_step(limited, p, h800_hgx_cluster(), Precision::bf16);
  EXPECT_GT(sharing.time.total, free_sms.time.total);
  p.overlap.communication_sm_share = 1.0;
  traincost::testing::expect_error(
      [&] { predict_step(limited, p, h800_hgx_cluster(), Precision::bf16); },
      ErrorCode::invalid_value, "plan.overlap.communication_sm_share", "got 1");
  p.overlap.communication_sm_share = 0;
  // The experts all on one node: the all-to-all stays on NVLink.
  p.expert = 8;
  const StepPrediction in_node = predict_step(m, p, h800_hgx_cluster(), Precision::bf16);
  EXPECT_LT(in_node.time.expert_all_to_all, overlapped.time.expert_all_to_all);
}

TEST(StepTime, FineGrainedFp8GemmsRunAtTheirOwnEfficiency) {
  // A GEMM-heavy plan: GPT 175B shapes, TP 8 on one H800 node, FP8.
  const TransformerArchitecture m = gpt(96, 12288, 96);
  ParallelPlan p;
  p.tensor = 8;
  p.global_batch = 8;
  p.precision = Precision::fp8;
  const TrainingSystem h800 = h800_hgx_cluster();
  const StepPrediction plain = predict_step(m, p, h800, Precision::bf16);
  ParallelPlan fine = p;
  fine.fine_grained_fp8 = true;
  const StepPrediction scaled = predict_step(m, fine, h800, Precision::bf16);
  EXPECT_GT(scaled.time.compute, plain.time.compute);
  // The flag swaps exactly the GEMM rate: a plain plan whose matmul is the
  // block-scaled 0.66 predicts the same step, term by term.
  TrainingSystem swapped = h800;
  swapped.efficiency.matmul = h800.efficiency.matmul_fine_grained_fp8;
  const StepPrediction same = predict_step(m, p, swapped, Precision::bf16);
  EXPECT_NEAR(in_seconds(scaled.time.total), in_seconds(same.time.total), 1e-12);
  EXPECT_NEAR(in_seconds(scaled.time.compute), in_seconds(same.time.compute), 1e-12);
  // GEMM seconds grow by 0.78 / 0.66 (+18%); the attention core and the
  // memory-bound kernels do not, so compute grows by less but most of that.
  const double growth = in_seconds(scaled.time.compute) / in_seconds(plain.time.compute);
  EXPECT_LT(growth, 0.78 / 0.66 + 1e-12);
  EXPECT_GT(growth, 1.10);
  // BF16 plans ignore the flag.
  ParallelPlan bf16 = p;
  bf16.precision = Precision::bf16;
  ParallelPlan bf16_flag = bf16;
  bf16_flag.fine_grained_fp8 = true;
  EXPECT_EQ(in_seconds(predict_step(m, bf16, h800, Precision::bf16).time.total),
            in_seconds(predict_step(m, bf16_flag, h800, Precision::bf16).time.total));
}

TEST(StepTime, AllMixtureOfExpertsModelWithoutDenseFfnIsFinite) {
  TransformerArchitecture m = testing::deepseek_v3();
  m.moe->dense_layers = 0;
  m.ffn = 0;  // no dense layer, so no dense FFN size
  ParallelPlan p;
  p.pipeline = 16;
  p.data = 8;
  p.expert = 8;
  p.global_batch = 64;
  const StepPrediction pred = predict_step(m, p, h800_hgx_cluster(), Precision::bf16);
  EXPECT_TRUE(std::isfinite(in_seconds(pred.time.total)));
  EXPECT_GT(pred.mfu, 0.0);
  EXPECT_TRUE(std::isfinite(in_bytes(pred.memory.total)));
}

TEST(StepTime, ThroughputFromPredictionCarriesMfuPrecisionAndSource) {
  const StepPrediction p = predict(table5[0], true);
  const Throughput t = throughput_from(p);
  EXPECT_DOUBLE_EQ(t.mfu(), p.mfu);
  EXPECT_EQ(t.mfu_precision(), Precision::bf16);
  EXPECT_EQ(t.source().evidence, Evidence::derived);
  EXPECT_NE(t.source().source.find("step-time model"), std::string::npos);
}

TEST(StepTime, ChecksThePlanAndTheMfuPrecision) {
  const TransformerArchitecture m = gpt(24, 2048, 16);
  ParallelPlan p;
  p.tensor = 3;
  traincost::testing::expect_error([&] { predict_step(m, p, selene_a100_80gb(), Precision::bf16); },
                                   ErrorCode::invalid_value, "plan.tensor", "got 3");
  traincost::testing::expect_error(
      [&] { predict_step(m, ParallelPlan{}, selene_a100_80gb(), Precision::fp8); },
      ErrorCode::unsupported_precision, "mfu_precision", "got fp8");
}

}  // namespace
}  // namespace traincost::perf
