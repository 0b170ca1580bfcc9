// Reference checks for Fire-Flyer 2 vs DGX-A100 (arXiv 2408.14158, SC'24;
// sources.md §4, P for the printed figures, D for the ratios).
#include "traincost/reference/fire_flyer.hpp"

#include <gtest/gtest.h>

namespace traincost {
namespace {

using namespace traincost::reference;

TEST(FireFlyer, TotalCostRatioIsHalf) {
  // 11,600 / 23,000 = 50.4% [D], printed "half the cost". Tolerance 0.05 pp.
  const FireFlyerComparison c = compare_fire_flyer_2();
  EXPECT_NEAR(c.cost_ratio, 11'600.0 / 23'000.0, 1e-12);
  EXPECT_NEAR(c.cost_ratio, 0.504, 5e-4);
}

TEST(FireFlyer, PowerRatioIs595Percent) {
  // 2,500 W / 4,200 W = 59.5% [D], printed "40% lower energy".
  const FireFlyerComparison c = compare_fire_flyer_2();
  EXPECT_NEAR(c.power_ratio, 0.595, 5e-4);
  EXPECT_NEAR(in_megawatts(c.fire_flyer.it_power), 1'250 * 2.5e-3, 1e-12);
  EXPECT_NEAR(in_megawatts(c.dgx.it_power), 1'250 * 4.2e-3, 1e-12);
}

TEST(FireFlyer, ServerAndNetworkRatiosAsPrinted) {
  const FireFlyerComparison c = compare_fire_flyer_2();
  EXPECT_NEAR(c.server_ratio, 11'250.0 / 19'000.0, 1e-12);  // ~60% relative node price
  EXPECT_NEAR(c.network_ratio, 350.0 / 4'000.0, 1e-12);
  // Cost per unit of performance, at 83% relative performance [P].
  EXPECT_NEAR(c.cost_per_performance_ratio(), 11'600.0 / 23'000.0 / 0.83, 1e-12);
}

TEST(FireFlyer, DollarAnchorIsTheDgxLaunchPrice) {
  // 1 cost unit = 1,250 x $199K / 19,000 [D]; DGX servers = 1,250 x $199K (sources.md §6, P).
  const FireFlyerComparison c = compare_fire_flyer_2();
  EXPECT_NEAR(in_usd(c.dgx.servers), 1'250 * 199'000.0, 1e-3);
  EXPECT_NEAR(in_usd(c.fire_flyer.total), 11'600 * in_usd(fire_flyer_cost_unit()), 1e-3);
  EXPECT_EQ(c.fire_flyer.breakdown().scope, Scope::fleet_capex);
}

}  // namespace
}  // namespace traincost
