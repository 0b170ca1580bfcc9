// Step-time model: Korthikanti et al. 2022 Table 5 (docs/sources.md §15).
#include <gtest/gtest.h>

#include <cmath>

#include "traincost/perf/step_time.hpp"
#include "traincost/perf/systems.hpp"

namespace tp = traincost::perf;
using traincost::Precision;

namespace {

tp::TransformerArchitecture gpt(int layers, long long hidden, int heads) {
  tp::TransformerArchitecture m;
  m.name = "GPT";
  m.layers = layers;
  m.hidden = hidden;
  m.ffn = 4 * hidden;
  m.heads = heads;
  m.kv_heads = heads;
  m.vocabulary = 51200;
  m.sequence_length = 2048;
  m.dropout = true;
  return m;
}

tp::ParallelPlan selene_plan(int pipeline, int v, long long global, bool seqsel) {
  tp::ParallelPlan p;
  p.tensor = 8;
  p.pipeline = pipeline;
  p.virtual_stages = v;
  p.global_batch = global;
  p.micro_batch = global == 4 ? 4 : 1;
  p.flash_attention = false;
  p.sequence_parallel = seqsel;
  p.recompute = seqsel ? tp::Recompute::selective : tp::Recompute::full;
  return p;
}

struct Row {
  const char* name;
  int layers;
  long long hidden;
  int heads, pipeline, v;
  long long global;
  double full_s, seqsel_s;
};

// Korthikanti et al. 2022, Table 5 (docs/sources.md §15).
constexpr Row rows[] = {
    {"22B", 48, 6144, 64, 1, 1, 4, 1.42, 1.10},
    {"175B", 96, 12288, 96, 8, 3, 64, 18.13, 13.75},
    {"530B", 105, 20480, 128, 35, 3, 280, 49.05, 37.83},
    {"1T", 128, 25600, 160, 64, 1, 512, 94.42, 71.49},
};

}  // namespace

TEST(StepTime, KorthikantiTable5) {
  const tp::TrainingSystem sys = tp::selene_a100_80gb();
  double sum = 0, worst = 0;
  int n = 0;
  for (const Row& r : rows) {
    for (bool seqsel : {false, true}) {
      const auto m = gpt(r.layers, r.hidden, r.heads);
      const auto p = selene_plan(r.pipeline, r.v, r.global, seqsel);
      const auto pred = tp::predict_step(m, p, sys, Precision::bf16, tp::AttentionFlop::full);
      const double s = traincost::in_seconds(pred.time.total);
      const double pub = seqsel ? r.seqsel_s : r.full_s;
      const double err = (s - pub) / pub;
      sum += std::abs(err);
      worst = std::max(worst, std::abs(err));
      ++n;
      std::printf(
          "%-5s %-7s published %7.2f predicted %7.2f error %+6.2f%%  mfu %.1f%% hfu %.1f%%"
          " | comp %.2f rec %.2f tp %.2f bub %.2f p2p %.2f opt %.3f mem %.1f GB\n",
          r.name, seqsel ? "seqsel" : "full", pub, s, 100 * err, 100 * pred.mfu, 100 * pred.hfu,
          traincost::in_seconds(pred.time.compute), traincost::in_seconds(pred.time.recompute),
          traincost::in_seconds(pred.time.tensor_parallel),
          traincost::in_seconds(pred.time.pipeline_bubble),
          traincost::in_seconds(pred.time.pipeline_transfer),
          traincost::in_seconds(pred.time.optimizer), traincost::in_gigabytes(pred.memory.total));
    }
  }
  std::printf("mean |error| %.2f%% max %.2f%% over %d runs\n", 100 * sum / n, 100 * worst, n);
  EXPECT_LE(sum / n, 0.0365);
  EXPECT_LE(worst, 0.0887);
}
