#include "traincost/units/units.hpp"

#include <gtest/gtest.h>

namespace traincost {
namespace {

// Makers and readers are inverses, whatever unit they name.
TEST(Units, MakersAndReadersRoundTrip) {
  EXPECT_DOUBLE_EQ(in_usd(usd(5.576e6)), 5.576e6);
  EXPECT_DOUBLE_EQ(in_hours(hours(198)), 198.0);
  EXPECT_DOUBLE_EQ(in_days(days(54.2)), 54.2);
  EXPECT_DOUBLE_EQ(in_years(years(4)), 4.0);
  EXPECT_DOUBLE_EQ(in_gpu_hours(gpu_hours(2.788e6)), 2.788e6);
  EXPECT_DOUBLE_EQ(in_usd_per_gpu_hour(usd_per_gpu_hour(2.0)), 2.0);
  EXPECT_DOUBLE_EQ(in_tflop_per_second(tflop_per_second(989.5)), 989.5);
  EXPECT_DOUBLE_EQ(in_kilowatt_hours(kilowatt_hours(12.5)), 12.5);
  EXPECT_DOUBLE_EQ(in_usd_per_kwh(usd_per_kwh(0.0806)), 0.0806);
  EXPECT_DOUBLE_EQ(in_gigabytes(gigabytes(80)), 80.0);
  EXPECT_DOUBLE_EQ(in_terabytes_per_second(terabytes_per_second(3.35)), 3.35);
  EXPECT_DOUBLE_EQ(in_tokens_per_day(tokens_per_day(272.8e9)), 272.8e9);
  EXPECT_DOUBLE_EQ(in_cny_per_usd(cny_per_usd(7.2)), 7.2);
  EXPECT_DOUBLE_EQ(in_usd_per_kilowatt_month(usd_per_kilowatt_month(150)), 150.0);
  EXPECT_DOUBLE_EQ(in_usd_per_person_year(usd_per_person_year(250'000)), 250'000.0);
  EXPECT_DOUBLE_EQ(in_usd_per_megawatt(usd_per_megawatt(1e7)), 1e7);
}

// Time is stored in seconds: hours and days are conversions at the edges.
TEST(Units, CanonicalTimeIsSeconds) {
  EXPECT_DOUBLE_EQ(in_seconds(hours(1)), 3600.0);
  EXPECT_DOUBLE_EQ(in_hours(days(1)), 24.0);
  // A Julian year is 8,766 hours, the year Epoch AI amortizes over (sources.md §7).
  EXPECT_DOUBLE_EQ(in_hours(years(1)), 8766.0);
}

// GPU-hours are accelerators x time; price x usage simplifies to dollars.
TEST(Units, PriceTimesUsageIsMoney) {
  const GpuTime usage = accelerators(512) * hours(198);
  EXPECT_DOUBLE_EQ(in_gpu_hours(usage), 101'376.0);
  const Money cost = usage * usd_per_gpu_hour(2.0);
  EXPECT_DOUBLE_EQ(in_usd(cost), 202'752.0);
  const Duration wall = gpu_hours(2'664'000) / accelerators(2048);
  EXPECT_NEAR(in_days(wall), 54.2, 0.05);
}

TEST(Units, ThroughputTimesTimeIsFlop) {
  const FlopCount f = tflop_per_second(989.5) * seconds(2);
  EXPECT_DOUBLE_EQ(in_flop(f), 1.979e15);
  const FlopCount per_run = flop_per_token(250e9) * tokens(1e12);
  EXPECT_DOUBLE_EQ(in_flop(per_run), 2.5e23);
}

TEST(Units, EnergyPriceTimesEnergyIsMoney) {
  const Energy e = watts(700) * hours(1000);
  EXPECT_DOUBLE_EQ(in_kilowatt_hours(e), 700.0);
  EXPECT_NEAR(in_usd(e * usd_per_kwh(0.08)), 56.0, 1e-9);
}

TEST(Units, YuanBecomeDollarsOnlyThroughARate) {
  // 8xH800 server ~ CNY 2.3M (sources.md §3 [A]) at an assumed 7.2 CNY/USD.
  const Money server = cny(2.3e6) * cny_per_usd(7.2);
  EXPECT_NEAR(in_usd(server), 319'444.44, 0.01);
  EXPECT_DOUBLE_EQ(in_cny(cny(2.3e6)), 2.3e6);
}

TEST(Units, StaffCostIsPeopleTimesRateTimesTime) {
  const Money staff = people(10) * usd_per_person_year(200'000) * years(2);
  EXPECT_DOUBLE_EQ(in_usd(staff), 4e6);
  EXPECT_DOUBLE_EQ(in_person_years(people(3) * years(2)), 6.0);
}

TEST(Units, RatioOfLikeQuantitiesIsAPlainNumber) {
  EXPECT_DOUBLE_EQ(ratio(tflop_per_second(385), tflop_per_second(989.5)), 385.0 / 989.5);
  EXPECT_DOUBLE_EQ(as_ratio(usd(1) / usd(4)), 0.25);
}

TEST(Units, LikeQuantitiesAddAndCompare) {
  Money total = usd(5.328e6) + usd(0.238e6);
  total += usd(0.01e6);
  EXPECT_DOUBLE_EQ(in_usd(total), 5.576e6);
  EXPECT_LT(usd(1), usd(2));
  EXPECT_DOUBLE_EQ(in_tokens(tokens(14.8e12) - tokens(0.8e12)), 14e12);
}

TEST(Units, MoneyAndCapacityPrice) {
  // A 10 MW hall at $10M per MW costs $100M.
  EXPECT_DOUBLE_EQ(in_usd(megawatts(10) * usd_per_megawatt(1e7)), 1e8);
  EXPECT_DOUBLE_EQ(in_kilowatts(kilowatts(2.5)), 2.5);
}

}  // namespace
}  // namespace traincost
