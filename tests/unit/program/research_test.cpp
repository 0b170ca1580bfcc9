#include "traincost/program/research.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using testing::expect_error;

Cluster h800s(double n) {
  return Cluster(accelerator("h800"), accelerators(n));
}

FinalRunCost final_run_of(double gpu_hours_used, Provenance usage = assumed("test"),
                          Provenance price = assumed("test price")) {
  return cost_final_run(
      TrainingRun{"final",
                  h800s(100),
                  sourced(usd_per_gpu_hour(2.0), std::move(price)),
                  {Stage::with_gpu_time("pre-training", StageKind::pre_training,
                                        gpu_hours(gpu_hours_used), std::move(usage))}});
}

TEST(ResearchMultiplier, ResearchIsMultiplierMinusOneTimesTheFinalRun) {
  const ResearchCost r =
      research_from_multiplier("research", final_run_of(1000), sourced(2.5, assumed("test")));
  EXPECT_DOUBLE_EQ(in_usd(r.total.amount()), 3000.0);  // (2.5 - 1) x $2,000
  EXPECT_DOUBLE_EQ(in_gpu_hours(r.gpu_time), 1500.0);
  EXPECT_EQ(r.breakdown().scope, Scope::research_compute);
  EXPECT_DOUBLE_EQ(in_usd(r.breakdown().amount), 3000.0);
}

// Epoch AI's range, 1.2-4x (sources.md §7 [P]).
TEST(ResearchMultiplier, EpochRangeEnds) {
  const FinalRunCost f = final_run_of(1000);
  EXPECT_NEAR(in_usd(research_from_multiplier("low", f,
                                              sourced(epoch_experiment_multiplier_low,
                                                      published(epoch_development_cost_method)))
                         .total.amount()),
              400.0, 1e-9);
  EXPECT_NEAR(in_usd(research_from_multiplier("high", f,
                                              sourced(epoch_experiment_multiplier_high,
                                                      published(epoch_development_cost_method)))
                         .total.amount()),
              6000.0, 1e-9);
}

// The research is as weak as the weaker of the multiplier and the run's
// usage and price (derived_from: published < derived < analyst < assumed).
TEST(ResearchMultiplier, EvidenceIsTheWeakerOfMultiplierAndRun) {
  const FinalRunCost published_run = final_run_of(1000, published("table"), published("price"));
  const auto evidence = [](const FinalRunCost& f, Provenance m) {
    const ResearchCost r = research_from_multiplier("r", f, sourced(2.0, std::move(m)));
    EXPECT_EQ(r.breakdown().provenance.evidence, r.total.provenance().evidence);
    return r.total.provenance().evidence;
  };
  EXPECT_EQ(evidence(published_run, published("paper")), Evidence::derived);
  EXPECT_EQ(evidence(published_run, assumed("guess")), Evidence::assumed);
  EXPECT_EQ(evidence(published_run, analyst_estimate("Epoch")), Evidence::analyst_estimate);
  // A published multiplier on a run priced by an analyst is an estimate.
  EXPECT_EQ(evidence(final_run_of(1000, published("table"), analyst_estimate("quote")),
                     published("paper")),
            Evidence::analyst_estimate);
  // ... and on a run priced at an assumed rate, an assumption.
  EXPECT_EQ(evidence(final_run_of(1000), published("paper")), Evidence::assumed);
}

TEST(ResearchMultiplier, OneMeansNoResearch) {
  EXPECT_DOUBLE_EQ(
      in_usd(research_from_multiplier("r", final_run_of(10), sourced(1.0, assumed("x")))
                 .total.amount()),
      0.0);
}

TEST(ResearchMultiplier, RejectsAMultiplierBelowOneOrNaN) {
  expect_error([] { research_from_multiplier("r", final_run_of(10), sourced(0.5, assumed("x"))); },
               ErrorCode::invalid_value, "research.multiplier",
               "[traincost.invalid_value] research.multiplier: got 0.5, expected a "
               "total-to-final-run compute ratio >= 1 (Epoch AI's range: 1.2 to 4)");
  EXPECT_THROW(
      research_from_multiplier("r", final_run_of(10),
                               sourced(std::numeric_limits<double>::quiet_NaN(), assumed("x"))),
      Error);
}

ExperimentLedger ledger() {
  Stage on_a100 = Stage::with_gpu_time("30B run", StageKind::other, gpu_hours(1000), assumed("x"));
  on_a100.on(Cluster(accelerator("a100-pcie-40gb"), accelerators(64)))
      .priced_at(sourced(usd_per_gpu_hour(1.45), analyst_estimate("AWS p4d 3-yr")));
  return ExperimentLedger{
      "ablations",
      h800s(256),
      sourced(usd_per_gpu_hour(2.0), assumed("test price")),
      {Experiment{ExperimentKind::ablation, Stage::with_gpu_time("MoE routing", StageKind::other,
                                                                 gpu_hours(500), assumed("x"))},
       Experiment{ExperimentKind::smaller_run, on_a100},
       Experiment{ExperimentKind::failed_run,
                  Stage::with_wall_clock("diverged run", StageKind::pre_training, hours(10),
                                         assumed("x"))}}};
}

TEST(ResearchLedger, EachExperimentIsCostedLikeAStage) {
  const ResearchCost r = cost_experiments(ledger());
  // 500 x $2 + 1,000 x $1.45 + (256 x 10) x $2 = 1,000 + 1,450 + 5,120.
  EXPECT_DOUBLE_EQ(in_usd(r.total.amount()), 7570.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(r.gpu_time), 4060.0);
  ASSERT_EQ(r.breakdown().children.size(), 3u);
  EXPECT_EQ(r.breakdown().scope, Scope::research_compute);
  EXPECT_EQ(r.breakdown().children[1].label, "30B run (smaller run)");
  EXPECT_EQ(r.breakdown().children[2].label, "diverged run (failed run)");
  for (const auto& c : r.breakdown().children)
    EXPECT_EQ(c.scope, Scope::research_compute);
  EXPECT_NO_THROW(check_composition(r.breakdown()));
}

// The ledger is as weak as its weakest experiment: one assumed usage makes
// the whole ledger an assumption.
TEST(ResearchLedger, EvidenceIsTheWeakestExperiment) {
  ExperimentLedger l = ledger();
  EXPECT_EQ(cost_experiments(l).total.provenance().evidence, Evidence::assumed);
  l.price = sourced(usd_per_gpu_hour(2.0), published("list price"));
  for (auto& e : l.experiments)
    e.stage.usage_provenance = published("logs");
  // The A100 run is priced by an analyst (AWS p4d): the ledger is an estimate.
  EXPECT_EQ(cost_experiments(l).total.provenance().evidence, Evidence::analyst_estimate);
  l.experiments[1].stage.price = sourced(usd_per_gpu_hour(1.45), published("invoice"));
  EXPECT_EQ(cost_experiments(l).total.provenance().evidence, Evidence::derived);
  EXPECT_EQ(cost_experiments(l).breakdown().provenance.evidence, Evidence::derived);
}

TEST(ResearchLedger, RejectsAnEmptyLedger) {
  ExperimentLedger l = ledger();
  l.experiments.clear();
  expect_error([&l] { cost_experiments(l); }, ErrorCode::invalid_input, "ledger.experiments",
               "has no experiments");
}

TEST(ResearchLedger, BadUsageNamesTheExperiment) {
  ExperimentLedger l = ledger();
  l.experiments[0].stage.usage = gpu_hours(-5);
  expect_error([&l] { cost_experiments(l); }, ErrorCode::invalid_value,
               "run.stages[0] (MoE routing).gpu_hours", "got -5");
}

TEST(ResearchCombine, SumsCostsAndTimes) {
  const ResearchCost a =
      research_from_multiplier("multiplier", final_run_of(1000), sourced(2.0, assumed("x")));
  const ResearchCost b = cost_experiments(ledger());
  const ResearchCost both = combine_research("research", {a, b});
  EXPECT_DOUBLE_EQ(in_usd(both.total.amount()), 2000.0 + 7570.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(both.gpu_time), 1000.0 + 4060.0);
  EXPECT_EQ(both.breakdown().children.size(), 2u);
  EXPECT_NO_THROW(check_composition(both.breakdown()));
  EXPECT_EQ(both.total.provenance().evidence, Evidence::assumed);
}

TEST(ResearchCombine, EvidenceIsTheWeakestPart) {
  const ResearchCost published_part = research_from_multiplier(
      "m", final_run_of(1000, published("t"), published("p")), sourced(2.0, published("paper")));
  const ResearchCost estimated_part =
      research_from_multiplier("e", final_run_of(1000, published("t"), published("p")),
                               sourced(2.0, analyst_estimate("Epoch")));
  EXPECT_EQ(combine_research("r", {published_part}).total.provenance().evidence, Evidence::derived);
  EXPECT_EQ(combine_research("r", {published_part, estimated_part}).total.provenance().evidence,
            Evidence::analyst_estimate);
}

TEST(DataWork, GenerationAndPurchasesAreData) {
  const DataCost d = cost_data_work(
      DataWork{"data",
               h800s(512),
               sourced(usd_per_gpu_hour(2.0), assumed("test price")),
               {Stage::with_gpu_time("synthetic SFT data", StageKind::data_generation,
                                     gpu_hours(5000), assumed("x"))},
               {DataPurchase{"annotation", sourced(usd(30'000), assumed("x"))}}});
  EXPECT_DOUBLE_EQ(in_usd(d.compute_cost.amount()), 10'000.0);
  EXPECT_DOUBLE_EQ(in_usd(d.total.amount()), 40'000.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(d.gpu_time), 5000.0);
  ASSERT_EQ(d.breakdown().children.size(), 2u);
  EXPECT_EQ(d.breakdown().scope, Scope::data);
  EXPECT_EQ(d.breakdown().children[0].scope, Scope::data);
  ASSERT_EQ(d.purchase_items.size(), 1u);
  EXPECT_EQ(d.purchase_items[0].label, "annotation");
  EXPECT_NO_THROW(check_composition(d.breakdown()));
}

TEST(DataWork, PurchasesOnlyNeedNoCluster) {
  const DataCost d =
      cost_data_work(DataWork{"licences",
                              std::nullopt,
                              std::nullopt,
                              {},
                              {DataPurchase{"corpus licence", sourced(usd(1e6), assumed("x"))}}});
  EXPECT_DOUBLE_EQ(in_usd(d.total.amount()), 1e6);
  EXPECT_DOUBLE_EQ(in_gpu_hours(d.gpu_time), 0.0);
  // An assumed purchase price makes an assumed data cost.
  EXPECT_EQ(d.total.provenance().evidence, Evidence::assumed);
}

TEST(DataWork, EvidenceIsTheWeakestStageOrPurchase) {
  DataWork w{
      "data",
      h800s(8),
      sourced(usd_per_gpu_hour(2.0), published("price")),
      {Stage::with_gpu_time("gen", StageKind::data_generation, gpu_hours(10), published("logs"))},
      {DataPurchase{"licence", sourced(usd(100), published("invoice"))}}};
  EXPECT_EQ(cost_data_work(w).total.provenance().evidence, Evidence::derived);
  EXPECT_EQ(cost_data_work(w).compute_cost.provenance().evidence, Evidence::derived);
  w.purchases[0].amount.provenance = analyst_estimate("press");
  EXPECT_EQ(cost_data_work(w).total.provenance().evidence, Evidence::analyst_estimate);
  EXPECT_EQ(cost_data_work(w).compute_cost.provenance().evidence, Evidence::derived);
  w.generation[0].usage_provenance = assumed("guess");
  EXPECT_EQ(cost_data_work(w).total.provenance().evidence, Evidence::assumed);
}

TEST(DataWork, RejectsNothingGenerationWithoutClusterAndNegativePurchases) {
  EXPECT_THROW(cost_data_work(DataWork{"empty", std::nullopt, std::nullopt, {}, {}}), Error);
  expect_error(
      [] {
        cost_data_work(DataWork{
            "gen",
            std::nullopt,
            sourced(usd_per_gpu_hour(2.0), assumed("x")),
            {Stage::with_gpu_time("g", StageKind::data_generation, gpu_hours(10), assumed("x"))},
            {}});
      },
      ErrorCode::invalid_input, "data.cluster", "got none");
  expect_error(
      [] {
        cost_data_work(DataWork{"buy",
                                std::nullopt,
                                std::nullopt,
                                {},
                                {DataPurchase{"x", sourced(usd(-1), assumed("x"))}}});
      },
      ErrorCode::invalid_value, "data.purchases[0].amount",
      "[traincost.invalid_value] data.purchases[0].amount: got -1, expected a "
      "non-negative amount in USD");
}

}  // namespace
}  // namespace traincost
