// The plan search: what it returns is valid, fits, uses every accelerator and
// is sorted; it finds plans at least as fast as a published hand-tuned one;
// its counts and its result do not depend on the thread count; a deadline
// drops the plans that miss it; a model too large for the cluster gives an
// empty result with the reason.
#include "traincost/perf/plan_search.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost/perf/architecture_check.hpp"
#include "traincost/perf/systems.hpp"
#include "traincost_test/expect_error.hpp"

namespace {

using namespace traincost;
using namespace traincost::perf;
using traincost::testing::expect_error;
namespace pd = traincost::perf::detail;

// Llama 3 405B's shapes (docs/sources.md §15, published): 126 layers, width
// 16,384, 128 heads with 8 KV heads, SwiGLU FFN 53,248, vocabulary 128,256,
// sequences of 8,192 tokens.
TransformerArchitecture llama3_405b() {
  TransformerArchitecture a;
  a.name = "Llama 3 405B";
  a.layers = 126;
  a.hidden = 16384;
  a.ffn = 53248;
  a.ffn_kind = FeedForwardKind::swiglu;
  a.heads = 128;
  a.kv_heads = 8;
  a.vocabulary = 128256;
  a.sequence_length = 8192;
  a.provenance = Provenance{Evidence::published, "docs/sources.md §15"};
  return a;
}

// Llama 3's pre-training batch: 16M tokens published, = 2,048 sequences of
// 8,192 (docs/sources.md §15, derived).
constexpr long long llama3_batch = 2048;

// Llama 3's 8,192-GPU row (docs/sources.md §15): TP 8, CP 1, PP 16
// (published), DP 64 and 2,048 sequences per step (derived). Not stated:
// micro-batch (1 assumed here) and the settings the callers fill in —
// sequence parallelism (on), ZeRO stage, recompute, interleaving.
ParallelPlan llama3_8192_plan(ZeroStage zero, Recompute recompute, int virtual_stages) {
  ParallelPlan p;
  p.tensor = 8;
  p.sequence_parallel = true;
  p.pipeline = 16;
  p.virtual_stages = virtual_stages;
  p.data = 64;
  p.zero = zero;
  p.micro_batch = 1;
  p.global_batch = llama3_batch;
  p.recompute = recompute;
  return p;
}

void expect_well_formed(const PlanSearchResult& r, const TransformerArchitecture& arch,
                        long long gpus, const TrainingSystem& sys, std::size_t keep) {
  EXPECT_LE(r.best.size(), keep);
  EXPECT_GE(r.enumerated, r.valid);
  EXPECT_GE(r.valid, r.fitting);
  EXPECT_GE(r.fitting, r.meeting_deadline);
  for (std::size_t i = 0; i < r.best.size(); ++i) {
    const RankedPlan& rp = r.best[i];
    SCOPED_TRACE(plan_summary(rp.plan));
    EXPECT_EQ(rp.plan.accelerators(), gpus);
    EXPECT_NO_THROW(check_plan(arch, rp.plan, sys));
    EXPECT_TRUE(rp.prediction.memory.fits);
    EXPECT_LE(in_bytes(rp.prediction.memory.total), in_bytes(sys.accelerator.memory));
    EXPECT_GT(in_seconds(rp.prediction.time.total), 0.0);
    if (i > 0) {
      EXPECT_LE(in_seconds(r.best[i - 1].prediction.time.total),
                in_seconds(rp.prediction.time.total));
    }
  }
}

TEST(PlanSearch, Llama405BOn16384GpusEnumeratesTenThousandPlansAndReturnsValidSortedOnes) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(llama3_batch, Precision::bf16);
  o.keep = 8;
  const PlanSearchResult r = search_plans(arch, 16384, sys, o);
  EXPECT_GE(r.enumerated, 10000);
  EXPECT_GT(r.valid, 0);
  EXPECT_LT(r.valid, r.enumerated);  // e.g. DP 16,384 cannot split 2,048 sequences
  EXPECT_GT(r.fitting, 0);
  EXPECT_LT(r.fitting, r.valid);  // e.g. TP 1, PP 1: 405B does not fit in 80 GB
  EXPECT_EQ(r.meeting_deadline, r.fitting);
  ASSERT_EQ(r.best.size(), 8u);
  EXPECT_TRUE(r.reason.empty());
  expect_well_formed(r, arch, 16384, sys, 8);
  // Everything it enumerates has the accelerators' shape.
  EXPECT_FALSE(r.best.front().time_to_train.has_value());
  EXPECT_FALSE(r.best.front().cost.has_value());
}

TEST(PlanSearch, BestIsNoSlowerThanLlama3sPublishedPlanOn8192Gpus) {
  // The published degrees with every choice of what the paper leaves open;
  // the search's best must be at least as fast as each of them that fits.
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(llama3_batch, Precision::bf16);
  const PlanSearchResult r = search_plans(arch, 8192, sys, o);
  ASSERT_FALSE(r.best.empty()) << r.reason;
  expect_well_formed(r, arch, 8192, sys, o.keep);
  const double best = in_seconds(r.best.front().prediction.time.total);
  int fitting = 0;
  for (ZeroStage z :
       {ZeroStage::none, ZeroStage::optimizer, ZeroStage::gradients, ZeroStage::parameters})
    for (Recompute rc : {Recompute::none, Recompute::selective, Recompute::full})
      for (int v : {1, 2, 4}) {
        const ParallelPlan hand = llama3_8192_plan(z, rc, v);
        ASSERT_EQ(hand.accelerators(), 8192);
        const StepPrediction h = predict_step(arch, hand, sys, Precision::bf16);
        if (!h.memory.fits)
          continue;
        ++fitting;
        EXPECT_LE(best, in_seconds(h.time.total))
            << plan_summary(r.best.front().plan) << " vs " << plan_summary(hand);
        EXPECT_GE(r.best.front().prediction.mfu, h.mfu);
      }
  EXPECT_GT(fitting, 0);  // Llama 3 ran it: some variant must fit
}

TEST(PlanSearch, ResultDoesNotDependOnTheThreadCount) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions one(llama3_batch, Precision::bf16);
  one.threads = 1;
  one.keep = 20;
  PlanSearchOptions two = one;
  two.threads = 2;
  PlanSearchOptions three = one;
  three.threads = 3;
  const PlanSearchResult a = search_plans(arch, 4096, sys, one);
  for (const PlanSearchOptions* o : {&two, &three}) {
    const PlanSearchResult b = search_plans(arch, 4096, sys, *o);
    EXPECT_EQ(a.enumerated, b.enumerated);
    EXPECT_EQ(a.valid, b.valid);
    EXPECT_EQ(a.fitting, b.fitting);
    ASSERT_EQ(a.best.size(), b.best.size());
    for (std::size_t i = 0; i < a.best.size(); ++i) {
      EXPECT_EQ(plan_summary(a.best[i].plan), plan_summary(b.best[i].plan));
      EXPECT_EQ(in_seconds(a.best[i].prediction.time.total),
                in_seconds(b.best[i].prediction.time.total));
    }
  }
}

TEST(PlanSearch, ListOrderAndRepeatsInTheOptionsDoNotChangeTheSearch) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions plain(llama3_batch, Precision::bf16);
  plain.micro_batches = {1, 2};
  plain.recompute = {Recompute::none, Recompute::full};
  PlanSearchOptions shuffled = plain;
  shuffled.micro_batches = {2, 1, 2};
  shuffled.recompute = {Recompute::full, Recompute::none, Recompute::full};
  shuffled.virtual_stages = {4, 1, 2, 1};
  const PlanSearchResult a = search_plans(arch, 2048, sys, plain);
  const PlanSearchResult b = search_plans(arch, 2048, sys, shuffled);
  EXPECT_EQ(a.enumerated, b.enumerated);
  EXPECT_EQ(a.valid, b.valid);
  EXPECT_EQ(a.fitting, b.fitting);
  ASSERT_EQ(a.best.size(), b.best.size());
  for (std::size_t i = 0; i < a.best.size(); ++i)
    EXPECT_EQ(plan_summary(a.best[i].plan), plan_summary(b.best[i].plan));
}

TEST(PlanSearch, PreFilterNeverDropsAPlanCheckPlanAcceptsAndCatchesAllItRejects) {
  // On a small grid: the integer pre-filter and check_plan agree exactly, so
  // the search never relies on exceptions to skip invalid plans.
  TransformerArchitecture arch = llama3_405b();
  arch.layers = 12;
  arch.kv_heads = 4;
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(96, Precision::bf16);
  o.max_context = 4;
  o.virtual_stages = {1, 2, 3, 4};
  o.micro_batches = {1, 2, 3};
  pd::PlanSpace space = pd::resolve_plan_space(arch, 192, sys, o);
  space.tensor = pd::divisors_up_to(192, 192);  // beyond the scale-up cap too
  long long plans = 0, dropped = 0;
  pd::for_each_plan(space, [&](const ParallelPlan& p) {
    ++plans;
    bool accepted = true;
    try {
      check_plan(arch, p, sys);
    } catch (const Error&) {
      accepted = false;
    }
    const char* why = pd::structural_problem(arch, p);
    dropped += why != nullptr;
    EXPECT_EQ(accepted, why == nullptr) << plan_summary(p) << ": " << (why ? why : "");
  });
  EXPECT_GT(plans, 1000);
  EXPECT_GT(dropped, 0);
  EXPECT_LT(dropped, plans);
}

TEST(PlanSearch, DeadlineDropsThePlansThatMissItAndPricesTheRest) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(llama3_batch, Precision::bf16);
  o.keep = 40;
  const PlanSearchResult open = search_plans(arch, 8192, sys, o);
  ASSERT_EQ(open.best.size(), 40u);

  // A deadline between the k-th and the (k+1)-th plan's time to train, at
  // the first strict step from the 10th on, keeps exactly the first k.
  const TokenCount to_train = tokens(15.6e12);  // illustrative, not a claim about Llama 3
  auto days_for = [&](const RankedPlan& p) {
    return in_days(to_train / p.prediction.tokens_per_second);
  };
  std::size_t k = 10;
  while (k < open.best.size() && !(days_for(open.best[k - 1]) < days_for(open.best[k])))
    ++k;
  ASSERT_LT(k, open.best.size());
  const double deadline_days = 0.5 * (days_for(open.best[k - 1]) + days_for(open.best[k]));
  o.cost_for_deadline = CostForDeadline{usd_per_gpu_hour(2.0), to_train, days(deadline_days)};
  const PlanSearchResult dl = search_plans(arch, 8192, sys, o);
  EXPECT_EQ(dl.enumerated, open.enumerated);
  EXPECT_EQ(dl.fitting, open.fitting);
  EXPECT_EQ(dl.meeting_deadline, static_cast<long long>(k));
  ASSERT_EQ(dl.best.size(), k);
  expect_well_formed(dl, arch, 8192, sys, o.keep);
  for (std::size_t i = 0; i < dl.best.size(); ++i) {
    EXPECT_EQ(plan_summary(dl.best[i].plan), plan_summary(open.best[i].plan));
    ASSERT_TRUE(dl.best[i].time_to_train.has_value());
    ASSERT_TRUE(dl.best[i].cost.has_value());
    EXPECT_LE(in_days(*dl.best[i].time_to_train), deadline_days);
    // cost = price x accelerators x time to train
    EXPECT_NEAR(in_usd(*dl.best[i].cost), 2.0 * 8192 * in_hours(*dl.best[i].time_to_train),
                1e-9 * in_usd(*dl.best[i].cost));
    if (i > 0) {
      EXPECT_LE(in_usd(*dl.best[i - 1].cost), in_usd(*dl.best[i].cost));
    }
  }

  // A deadline no plan meets: empty, and the reason names the fastest.
  o.cost_for_deadline->deadline = days(0.5 * days_for(open.best[0]));
  const PlanSearchResult none = search_plans(arch, 8192, sys, o);
  EXPECT_TRUE(none.best.empty());
  EXPECT_EQ(none.meeting_deadline, 0);
  EXPECT_EQ(none.fitting, open.fitting);
  EXPECT_NE(none.reason.find("no plan meets the deadline"), std::string::npos) << none.reason;
  EXPECT_NE(none.reason.find(plan_summary(open.best[0].plan)), std::string::npos) << none.reason;
}

TEST(PlanSearch, ModelTooLargeForTheClusterGivesAnEmptyResultWithTheReason) {
  // 405B on 16 accelerators: plans exist and are valid, none fits in 80 GB.
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  PlanSearchOptions o(16, Precision::bf16);
  const PlanSearchResult r = search_plans(arch, 16, sys, o);
  EXPECT_TRUE(r.best.empty());
  EXPECT_GT(r.valid, 0);
  EXPECT_EQ(r.fitting, 0);
  EXPECT_NE(r.reason.find("no valid plan fits in memory"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("GB"), std::string::npos) << r.reason;
}

TEST(PlanSearch, NoValidPlanGivesAnEmptyResultWithTheFirstRejection) {
  // 7 accelerators, 128 heads, batch 2, no pipeline or context parallelism:
  // only DP 7 remains, and it cannot split 2 sequences.
  const TransformerArchitecture arch = llama3_405b();
  PlanSearchOptions o(2, Precision::bf16);
  o.max_pipeline = 1;
  o.max_context = 1;
  const PlanSearchResult r = search_plans(arch, 7, h100_hgx_cluster(), o);
  EXPECT_TRUE(r.best.empty());
  EXPECT_GT(r.enumerated, 0);
  EXPECT_EQ(r.valid, 0);
  EXPECT_NE(r.reason.find("no valid plan among"), std::string::npos) << r.reason;
}

TEST(PlanSearch, MixtureOfExpertsPlansUseExpertParallelism) {
  // A small MoE model (shapes illustrative): expert degrees are searched and
  // every returned plan's expert degree divides the experts and d x c.
  TransformerArchitecture arch;
  arch.name = "test MoE";
  arch.layers = 16;
  arch.hidden = 2048;
  arch.ffn = 8192;
  arch.ffn_kind = FeedForwardKind::swiglu;
  arch.heads = 16;
  arch.kv_heads = 16;
  arch.vocabulary = 32000;
  arch.sequence_length = 4096;
  arch.moe = MixtureOfExperts{64, 6, 2, 1408, 1};
  const TrainingSystem sys = h800_hgx_cluster();
  PlanSearchOptions o(512, Precision::bf16);
  o.keep = 10;
  const PlanSearchResult r = search_plans(arch, 64, sys, o);
  ASSERT_FALSE(r.best.empty()) << r.reason;
  expect_well_formed(r, arch, 64, sys, 10);
  PlanSearchOptions dense_only = o;
  dense_only.max_expert = 1;
  const PlanSearchResult d = search_plans(arch, 64, sys, dense_only);
  EXPECT_GT(r.enumerated, d.enumerated);  // expert degrees add plans
  EXPECT_LE(in_seconds(r.best.front().prediction.time.total),
            in_seconds(d.best.front().prediction.time.total));
  for (const RankedPlan& p : r.best) {
    EXPECT_EQ(64 % p.plan.expert, 0);
    EXPECT_EQ((static_cast<long long>(p.plan.data) * p.plan.context) % p.plan.expert, 0);
  }
}

TEST(PlanSearch, BadOptionsAreErrorsNamingTheOption) {
  const TransformerArchitecture arch = llama3_405b();
  const TrainingSystem sys = h100_hgx_cluster();
  expect_error([&] { search_plans(arch, 64, sys, PlanSearchOptions(0, Precision::bf16)); },
               ErrorCode::invalid_value, "plan_search.global_batch", "got 0");
  expect_error([&] { search_plans(arch, 0, sys, PlanSearchOptions(64, Precision::bf16)); },
               ErrorCode::invalid_value, "plan_search.accelerators", "got 0");
  PlanSearchOptions empty(64, Precision::bf16);
  empty.micro_batches.clear();
  expect_error([&] { search_plans(arch, 64, sys, empty); }, ErrorCode::invalid_value,
               "plan_search.micro_batches", "at least one value");
  PlanSearchOptions keep0(64, Precision::bf16);
  keep0.keep = 0;
  expect_error([&] { search_plans(arch, 64, sys, keep0); }, ErrorCode::invalid_value,
               "plan_search.keep", "got 0");
  // FP8 on an A100: one error up front, not every plan invalid.
  expect_error(
      [&] { search_plans(arch, 64, selene_a100_80gb(), PlanSearchOptions(64, Precision::fp8)); },
      ErrorCode::unsupported_precision, "plan_search.mfu_precision", "fp8");
  PlanSearchOptions late(64, Precision::bf16);
  late.cost_for_deadline = CostForDeadline{usd_per_gpu_hour(2), tokens(1e12), days(0)};
  expect_error([&] { search_plans(arch, 64, sys, late); }, ErrorCode::invalid_value,
               "plan_search.cost_for_deadline.deadline", "got 0");
  TransformerArchitecture broken = arch;
  broken.heads = 0;
  expect_error([&] { search_plans(broken, 64, sys, PlanSearchOptions(64, Precision::bf16)); },
               ErrorCode::invalid_value, "architecture.heads", "got 0");
}

}  // namespace
