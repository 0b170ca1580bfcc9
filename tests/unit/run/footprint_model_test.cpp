// A run's footprint over any evaluator (run/footprint_model.hpp): at a point
// it gives what energy_of_run, emissions_of_run and failures_of_run give;
// over lanes it gives the same per sample, drawn inputs included.
#include "traincost/run/footprint_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "traincost/hardware/catalog.hpp"

namespace traincost {
namespace {

TrainingRun two_stage_run() {
  return TrainingRun{
      "r",
      Cluster(accelerator("h100-sxm5"), accelerators(1000)),
      sourced(usd_per_gpu_hour(2.0), assumed("test")),
      {Stage::with_gpu_time("a", StageKind::pre_training, gpu_hours(100'000), assumed("test")),
       Stage::with_gpu_time("b", StageKind::post_training, gpu_hours(50'000), assumed("test"))}};
}

FootprintModelInputs inputs(bool optimal) {
  FootprintModelInputs in;
  EnergyInputs e;
  e.power = PowerDraw::server_model(sourced(1.82, assumed("test")), sourced(0.75, assumed("t")));
  e.pue = sourced(1.1, assumed("test"));
  e.price = sourced(usd_per_kwh(0.08), assumed("test"));
  e.stage("b", PowerDraw::measured(sourced(watts_per_accelerator(350), assumed("cap"))));
  in.energy = e;
  in.emissions = EmissionsInputs{sourced(kg_co2e_per_kwh(0.4), assumed("test")),
                                 sourced(kg_co2e_per_kwh(0.05), assumed("test"))};
  FailureInputs f;
  f.rate = FailureRateSpec::mtbf_per_node(hours(50'000), 8.0, assumed("test"));
  f.checkpoint_write = seconds(60);
  f.restart = seconds(600);
  if (!optimal)
    f.checkpoint_interval = hours(0.5);
  in.failures = f;
  return in;
}

TEST(FootprintModel, LanesSquareRootIsElementWiseAndKeepsUniformValuesUniform) {
  const model::Lanes u = model::sqrt(model::Lanes(16.0));
  EXPECT_TRUE(u.uniform());
  EXPECT_DOUBLE_EQ(u.uniform_value(), 4.0);
  std::vector<double> col(model::lane_count);
  for (std::size_t i = 0; i < col.size(); ++i)
    col[i] = static_cast<double>(i * i);
  const model::Lanes r = model::sqrt(model::Lanes::view(col.data()));
  for (std::size_t i = 0; i < col.size(); ++i)
    ASSERT_DOUBLE_EQ(r[i], static_cast<double>(i)) << i;
  EXPECT_TRUE(std::isnan(model::sqrt(model::Lanes(-1.0)).uniform_value()));
}

TEST(FootprintModel, AtAPointItIsThePointModel) {
  for (bool optimal : {true, false}) {
    const TrainingRun run = two_stage_run();
    const FootprintModelInputs in = inputs(optimal);
    const FinalRunCost cost = cost_final_run(run);
    const RunEnergy energy = energy_of_run(run, cost, *in.energy);
    const RunEmissions em = emissions_of_run(energy, *in.emissions);
    const RunFailures fail = failures_of_run(cost, *in.failures);
    model::PointEvaluator e;
    const FootprintValues<double> v = evaluate_footprint(run, in, e);
    EXPECT_NEAR(v.kwh, in_kilowatt_hours(energy.total), 1e-9 * v.kwh);
    // 100k GPU-h x 700 W x 1.82 x 0.75 + 50k GPU-h x 350 W, x PUE 1.1.
    EXPECT_NEAR(v.kwh, (100'000 * 955.5 + 50'000 * 350.0) * 1.1 / 1000.0, 1e-6);
    EXPECT_NEAR(*v.energy_cost_usd, in_usd(*energy.energy_cost), 1e-9 * *v.energy_cost_usd);
    EXPECT_NEAR(*v.location_tco2e, in_tonnes_co2e(em.location_based->total.amount), 1e-9);
    EXPECT_NEAR(*v.market_tco2e, in_tonnes_co2e(em.market_based->total.amount), 1e-9);
    EXPECT_NEAR(*v.usd_with_interruptions, in_usd(fail.total), 1e-6) << optimal;
    EXPECT_GT(*v.usd_with_interruptions, in_usd(cost.total));  // interruptions cost something
  }
}

/// The footprint over one block in which the read at `path` takes `column`.
FootprintValues<model::Lanes> over_lanes(const TrainingRun& run, const FootprintModelInputs& in,
                                         const std::string& path,
                                         const std::vector<double>& column) {
  model::BindingEvaluator b;
  (void)evaluate_footprint(run, in, b);
  const std::vector<model::ReadSite> sites = b.take_sites();
  std::vector<const double*> columns(sites.size(), nullptr);
  bool found = false;
  for (std::size_t k = 0; k < sites.size(); ++k)
    if (sites[k].path == path) {
      columns[k] = column.data();
      found = true;
    }
  EXPECT_TRUE(found) << path;
  model::LaneEvaluator e(sites, columns, model::lane_count);
  return evaluate_footprint(run, in, e);
}

TEST(FootprintModel, OverLanesEachSampleIsThePointAtItsDrawnValues) {
  const TrainingRun run = two_stage_run();
  const FootprintModelInputs in = inputs(true);
  // PUE from 1.0 to 2.0 across the block: kWh = GPU-hours x W x PUE per lane.
  std::vector<double> pue(model::lane_count);
  for (std::size_t i = 0; i < pue.size(); ++i)
    pue[i] = 1.0 + static_cast<double>(i) / static_cast<double>(pue.size());
  const FootprintValues<model::Lanes> v = over_lanes(run, in, "r.energy.pue", pue);
  for (std::size_t i = 0; i < pue.size(); i += 97) {
    const double kwh = (100'000 * 955.5 + 50'000 * 350.0) * pue[i] / 1000.0;
    EXPECT_NEAR(v.kwh[i], kwh, 1e-9 * kwh) << i;
    EXPECT_NEAR((*v.location_tco2e)[i], kwh * 0.4 / 1000.0, 1e-9 * kwh) << i;
  }
  // A drawn node MTBF moves the cost including interruptions: shorter, dearer.
  std::vector<double> mtbf(model::lane_count);
  for (std::size_t i = 0; i < mtbf.size(); ++i)
    mtbf[i] = 5'000.0 + 100.0 * static_cast<double>(i);
  const FootprintValues<model::Lanes> f = over_lanes(run, in, "r.failures.node_mtbf_hours", mtbf);
  for (std::size_t i = 0; i < mtbf.size(); i += 211) {
    FootprintModelInputs at = in;
    at.failures->rate = FailureRateSpec::mtbf_per_node(hours(mtbf[i]), 8.0, assumed("test"));
    const RunFailures point = failures_of_run(cost_final_run(run), *at.failures);
    EXPECT_NEAR((*f.usd_with_interruptions)[i], in_usd(point.total), 1e-6) << i;
  }
  EXPECT_GT((*f.usd_with_interruptions)[0], (*f.usd_with_interruptions)[1000]);
}

TEST(FootprintModel, ADrawUnderWhichTheJobNeverFinishesIsAnError) {
  const TrainingRun run = two_stage_run();
  FootprintModelInputs in = inputs(false);
  std::vector<double> interval(model::lane_count, 0.5);
  interval[3] = 1e6;  // an interval far past the job's mean time between failures
  try {
    (void)over_lanes(run, in, "r.failures.checkpoint_interval_hours", interval);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.field().str(), "r.failures.checkpoint_interval_hours");
  }
}

}  // namespace
}  // namespace traincost
