// The units of energy, emissions and failures: makers and readers round-trip,
// and the products that define them land in the right unit.
#include <gtest/gtest.h>

#include "traincost/units/units.hpp"

namespace traincost {
namespace {

TEST(EnergyUnits, MakersAndReadersRoundTrip) {
  EXPECT_DOUBLE_EQ(in_tonnes_co2e(tonnes_co2e(8930)), 8930.0);
  EXPECT_DOUBLE_EQ(in_kg_co2e(tonnes_co2e(1)), 1000.0);
  EXPECT_DOUBLE_EQ(in_kg_co2e_per_kwh(g_co2e_per_kwh(481)), 0.481);
  EXPECT_DOUBLE_EQ(in_g_co2e_per_kwh(kg_co2e_per_kwh(0.4)), 400.0);
  EXPECT_DOUBLE_EQ(in_interruptions(interruptions(419)), 419.0);
  EXPECT_DOUBLE_EQ(in_failures_per_hour(failures_per_hour(0.5)), 0.5);
  EXPECT_DOUBLE_EQ(in_failures_per_accelerator_hour(failures_per_accelerator_hour(2e-5)), 2e-5);
}

TEST(EnergyUnits, ProductsHaveTheirDimension) {
  // 1,000 GPU-hours at 700 W = 700 kWh; x 0.4 kg/kWh = 280 kg CO2e.
  const Energy e = gpu_hours(1000) * watts_per_accelerator(700);
  EXPECT_NEAR(in_kilowatt_hours(e), 700.0, 1e-9);
  const Emissions c = e * kg_co2e_per_kwh(0.4);
  EXPECT_NEAR(in_kg_co2e(c), 280.0, 1e-9);
  // 2e-5 per GPU-hour x 16,384 GPUs x 24 h = 7.86 interruptions.
  const FailureRate job = failures_per_accelerator_hour(2e-5) * accelerators(16384);
  EXPECT_NEAR(in_interruptions(job * hours(24)), 2e-5 * 16384 * 24, 1e-9);
}

}  // namespace
}  // namespace traincost
