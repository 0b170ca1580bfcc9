// Plan and architecture checks: one located error each, the value as
// written and what was expected.
#include "traincost/perf/architecture_check.hpp"

#include <gtest/gtest.h>

#include "shapes.hpp"
#include "traincost/perf/systems.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost::perf {
namespace {

using testing::gpt;
using traincost::testing::expect_error;

TEST(ArchitectureCheck, AcceptsThePublishedShapes) {
  EXPECT_NO_THROW(check_architecture(gpt(96, 12288, 96)));
  EXPECT_NO_THROW(check_architecture(testing::deepseek_v3()));
}

TEST(ArchitectureCheck, RejectsBadShapes) {
  TransformerArchitecture m = gpt(24, 2048, 16);
  m.layers = 0;
  expect_error([&] { check_architecture(m); }, ErrorCode::invalid_value, "architecture.layers",
               "got 0");
  m = gpt(24, 2048, 16);
  m.heads = 15;
  expect_error([&] { check_architecture(m); }, ErrorCode::invalid_value, "architecture.heads",
               "a divisor of architecture.hidden (2048)");
  m = gpt(24, 2048, 16);
  m.kv_heads = 3;
  expect_error([&] { check_architecture(m); }, ErrorCode::invalid_value, "architecture.kv_heads",
               "got 3, expected a divisor of architecture.heads (16)");
  m = testing::deepseek_v3();
  m.moe->top_k = 300;
  expect_error([&] { check_architecture(m); }, ErrorCode::invalid_value, "architecture.moe.top_k",
               "at most architecture.moe.experts (256)");
  m = testing::deepseek_v3();
  m.latent_attention->kv_rank = 0;
  expect_error([&] { check_architecture(m); }, ErrorCode::invalid_value,
               "architecture.latent_attention.kv_rank", "got 0");
}

struct PlanCase {
  const char* field;
  const char* needle;
  void (*edit)(ParallelPlan&);
};

TEST(ArchitectureCheck, RejectsPlansThatDoNotDivide) {
  const TransformerArchitecture m = gpt(96, 12288, 96);
  const TrainingSystem sys = selene_a100_80gb();
  const PlanCase cases[] = {
      {"plan.tensor", "got 7, expected a divisor of architecture.heads (96)",
       [](ParallelPlan& p) { p.tensor = 7; }},
      {"plan.tensor", "a tensor-parallel degree > 1 when plan.sequence_parallel is set",
       [](ParallelPlan& p) {
         p.tensor = 1;
         p.sequence_parallel = true;
       }},
      {"plan.virtual_stages", "1 when plan.pipeline is 1",
       [](ParallelPlan& p) {
         p.pipeline = 1;
         p.virtual_stages = 2;
       }},
      {"plan.pipeline", "at most architecture.layers (96) model chunks",
       [](ParallelPlan& p) {
         p.pipeline = 64;
         p.virtual_stages = 2;
       }},
      {"plan.pipeline", "an even number of stages >= 2 when plan.dual_pipe is set",
       [](ParallelPlan& p) {
         p.pipeline = 3;
         p.virtual_stages = 1;
         p.dual_pipe = true;
       }},
      {"plan.virtual_stages", "1 when plan.dual_pipe is set",
       [](ParallelPlan& p) { p.dual_pipe = true; }},
      {"plan.global_batch", "got 100, expected a multiple of plan.micro_batch x plan.data (8)",
       [](ParallelPlan& p) {
         p.global_batch = 100;
         p.micro_batch = 2;
         p.data = 4;
       }},
      {"plan.context", "a divisor of architecture.sequence_length (2048)",
       [](ParallelPlan& p) { p.context = 3; }},
      {"plan.expert", "1 for a model without MoE layers", [](ParallelPlan& p) { p.expert = 2; }},
      {"plan.micro_batch", "got 0", [](ParallelPlan& p) { p.micro_batch = 0; }},
      {"plan.data", "got -1", [](ParallelPlan& p) { p.data = -1; }},
  };
  for (const PlanCase& c : cases) {
    ParallelPlan p = testing::selene_plan(8, 3, 64, 1, true);
    c.edit(p);
    expect_error([&] { check_plan(m, p, sys); }, ErrorCode::invalid_value, c.field, c.needle);
  }
}

TEST(ArchitectureCheck, UnevenPipelinesAreAllowed) {
  // Llama 3 405B: 126 layers on 16 stages; DeepSeek-V3: 61 on 16.
  TransformerArchitecture m = gpt(126, 16384, 128);
  ParallelPlan p;
  p.tensor = 8;
  p.pipeline = 16;
  p.global_batch = 16;
  EXPECT_NO_THROW(check_plan(m, p, h100_hgx_cluster()));
}

TEST(ArchitectureCheck, ExpertParallelismDividesDataTimesContextAndExperts) {
  const TransformerArchitecture m = testing::deepseek_v3();
  const TrainingSystem sys = h800_hgx_cluster();
  ParallelPlan p;
  p.pipeline = 16;
  p.data = 128;
  p.global_batch = 128;
  p.expert = 64;
  EXPECT_NO_THROW(check_plan(m, p, sys));
  p.expert = 256;
  expect_error([&] { check_plan(m, p, sys); }, ErrorCode::invalid_value, "plan.expert",
               "a divisor of plan.data x plan.context (128)");
  p.data = 384;
  p.global_batch = 384;
  p.expert = 384;
  expect_error([&] { check_plan(m, p, sys); }, ErrorCode::invalid_value, "plan.expert",
               "a divisor of architecture.moe.experts (256)");
}

TEST(ArchitectureCheck, PrecisionNeedsAPeakOnTheAccelerator) {
  const TransformerArchitecture m = gpt(24, 2048, 16);
  ParallelPlan p;
  p.precision = Precision::fp8;
  expect_error([&] { check_plan(m, p, selene_a100_80gb()); }, ErrorCode::unsupported_precision,
               "plan.precision", "got fp8");
  EXPECT_NO_THROW(check_plan(m, p, h100_hgx_cluster()));
}

TEST(ArchitectureCheck, SystemEfficienciesAreFractions) {
  const TransformerArchitecture m = gpt(24, 2048, 16);
  TrainingSystem sys = selene_a100_80gb();
  sys.efficiency.matmul.value = 1.5;
  expect_error([&] { check_plan(m, ParallelPlan{}, sys); }, ErrorCode::invalid_value,
               "system.efficiency.matmul", "got 1.5, expected a fraction in (0, 1]");
  sys = selene_a100_80gb();
  sys.efficiency.matmul_size = -1;
  expect_error([&] { check_plan(m, ParallelPlan{}, sys); }, ErrorCode::invalid_value,
               "system.efficiency.matmul_size", "got -1");
  sys = selene_a100_80gb();
  sys.network.scale_out = gigabytes_per_second(0);
  expect_error([&] { check_plan(m, ParallelPlan{}, sys); }, ErrorCode::invalid_value,
               "system.network.scale_out", "got 0");
}

}  // namespace
}  // namespace traincost::perf
