#include "traincost/fleet/fleet.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

Holding h800_holding(double count = 16) {
  Holding h;
  h.label = "H800";
  h.accelerator = accelerator("h800");
  h.count = accelerators(count);
  h.year_bought = 2023;
  h.price = UnitPrice::per_server(usd(200'000), assumed("test"));
  return h;
}

Fleet one_holding_fleet(Holding h) {
  Fleet f;
  f.name = "test fleet";
  f.holdings.push_back(std::move(h));
  return f;
}

using traincost::testing::expect_error;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();

TEST(Fleet, PerServerPriceIsSplitOverItsAccelerators) {
  const Holding h = h800_holding();
  EXPECT_DOUBLE_EQ(in_usd_per_accelerator(server_price_per_accelerator(h, 0, std::nullopt)),
                   25'000.0);
}

TEST(Fleet, PerGpuPriceIsScaledByTheServerOverhead) {
  Holding h = h800_holding();
  h.price = UnitPrice::per_gpu(usd(10'000), assumed("test"));
  // Epoch AI's default ratio, 1.64 (sources.md §6, A).
  EXPECT_DOUBLE_EQ(h.server_overhead.value, 1.64);
  EXPECT_DOUBLE_EQ(in_usd_per_accelerator(server_price_per_accelerator(h, 0, std::nullopt)),
                   16'400.0);
  h.server_overhead = {1.0, assumed("price already a server share")};
  EXPECT_DOUBLE_EQ(in_usd_per_accelerator(server_price_per_accelerator(h, 0, std::nullopt)),
                   10'000.0);
}

TEST(Fleet, OverheadIsNotAppliedToAServerPrice) {
  Holding h = h800_holding();
  h.server_overhead = {2.0, assumed("test")};
  EXPECT_DOUBLE_EQ(in_usd_per_accelerator(server_price_per_accelerator(h, 0, std::nullopt)),
                   25'000.0);
}

TEST(Fleet, YuanPriceUsesTheExplicitExchangeRate) {
  Holding h = h800_holding();
  h.price = UnitPrice::per_server(cny(2.3e6), assumed("test"));
  const auto rate = std::optional<Sourced<ExchangeRate>>{{cny_per_usd(7.2), assumed("test")}};
  // CNY 2.3M / 7.2 / 8 = $39,930.56 per GPU.
  EXPECT_NEAR(in_usd_per_accelerator(server_price_per_accelerator(h, 0, rate)), 2.3e6 / 7.2 / 8.0,
              1e-6);
}

TEST(Fleet, YuanPriceWithoutExchangeRateThrowsNamingFieldAndValue) {
  Holding h = h800_holding();
  h.price = UnitPrice::per_server(cny(2.3e6), assumed("test"));
  const Fleet f = one_holding_fleet(h);
  expect_error([&] { validate_fleet(f); }, ErrorCode::invalid_input,
               "fleet.holdings[0] (H800).price", "got CNY 2300000 with no exchange rate");
}

TEST(Fleet, NegativeCountThrowsNamingFieldAndValue) {
  const Fleet f = one_holding_fleet(h800_holding(-5));
  expect_error([&] { validate_fleet(f); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).count", "got -5, expected a positive whole number");
}

TEST(Fleet, FractionalAndZeroCountsThrow) {
  EXPECT_THROW(validate_fleet(one_holding_fleet(h800_holding(0))), Error);
  EXPECT_THROW(validate_fleet(one_holding_fleet(h800_holding(2.5))), Error);
}

TEST(Fleet, BadPricesAndRatiosThrow) {
  Holding h = h800_holding();
  h.price = UnitPrice::per_server(usd(-1), assumed("test"));
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).price", "got -1");
  h = h800_holding();
  h.price = UnitPrice::per_gpu(usd(nan), assumed("test"));
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).price", "got nan");
  h = h800_holding();
  h.server_overhead = {0.5, assumed("test")};
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).server_overhead",
               "got 0.5, expected a server-to-GPU price ratio >= 1");
  h = h800_holding();
  h.server_to_chip_power = {0.0, assumed("test")};
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).server_to_chip_power", "got 0");
}

TEST(Fleet, BadExchangeRateThrows) {
  Fleet f = one_holding_fleet(h800_holding());
  f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(-7.2), assumed("test")};
  expect_error([&] { validate_fleet(f); }, ErrorCode::invalid_value, "fleet.exchange_rate",
               "got -7.2");
}

TEST(Fleet, EmptyFleetThrows) {
  Fleet f;
  f.name = "empty";
  expect_error([&] { validate_fleet(f); }, ErrorCode::invalid_input, "fleet.holdings",
               "no holdings");
}

TEST(Fleet, BadNetworkShareThrows) {
  Fleet f = one_holding_fleet(h800_holding());
  f.network = NetworkShareOfCluster{1.0, assumed("test")};
  expect_error([&] { validate_fleet(f); }, ErrorCode::invalid_value, "fleet.network.share",
               "got 1, expected a fraction in [0, 1)");
}

TEST(Fleet, StorageShareIsBoundedToAFraction) {
  // A share of server capex above the whole (1e308) would make the capex infinite.
  Fleet f = one_holding_fleet(h800_holding());
  f.storage = StorageShareOfServers{1e308, assumed("test")};
  expect_error([&] { cost_fleet_capex(f); }, ErrorCode::invalid_value, "fleet.storage.share",
               "got 1e+308, expected a fraction in [0, 1)");
  f.storage = StorageShareOfServers{nan, assumed("test")};
  expect_error([&] { cost_fleet_capex(f); }, ErrorCode::invalid_value, "fleet.storage.share",
               "got nan");
  f.storage = StorageShareOfServers{0.1, assumed("test")};
  EXPECT_DOUBLE_EQ(in_usd(cost_fleet_capex(f).storage), 0.1 * 400'000);
}

// A custom accelerator whose own TDP is `tdp` W (no override on the holding).
Holding custom_tdp_holding(double tdp) {
  Holding h = h800_holding();
  h.accelerator.name = "custom";
  h.accelerator.tdp = watts_per_accelerator(tdp);
  return h;
}

TEST(Fleet, AcceleratorTdpMustBePositiveAndFinite) {
  // Without this a NaN TDP became a NaN operating cost.
  for (const double bad : {nan, std::numeric_limits<double>::infinity(), 0.0, -700.0}) {
    const Fleet f = one_holding_fleet(custom_tdp_holding(bad));
    expect_error([&] { cost_fleet_operating(f, OperatingAssumptions{}); }, ErrorCode::invalid_value,
                 "fleet.holdings[0] (H800).accelerator.tdp",
                 "got " + detail::format_value(bad) + ", expected a positive TDP in W");
    expect_error([&] { cost_fleet_capex(f); }, ErrorCode::invalid_value,
                 "fleet.holdings[0] (H800).accelerator.tdp", "got " + detail::format_value(bad));
    // Used directly, the power functions refuse it too.
    expect_error([&] { it_power(f.holdings[0]); }, ErrorCode::invalid_value,
                 "holding (H800).accelerator.tdp", "positive, finite server power");
  }
  // A valid override replaces the bad catalog figure; a bad override is named.
  Holding h = custom_tdp_holding(nan);
  h.tdp = Sourced<PowerPerAccelerator>{watts_per_accelerator(500), assumed("test")};
  EXPECT_DOUBLE_EQ(in_watts(it_power(h)), 16 * 500 * 1.8);
  h.tdp->value = watts_per_accelerator(nan);
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).tdp", "got nan");
}

TEST(Fleet, OverflowingTotalsThrowInsteadOfPrintingInfinity) {
  // Each input is finite; their product is not.
  // (The count stays within limits::max_accelerators.)
  Holding h = h800_holding(8e8);
  h.price = UnitPrice::per_server(usd(1e301), assumed("test"));
  expect_error([&] { cost_fleet_capex(one_holding_fleet(h)); }, ErrorCode::invalid_value,
               "fleet.holdings[0] (H800).capex", "got inf, expected a finite capex");
  h = h800_holding();
  h.server_to_chip_power = {1e300, assumed("test")};
  expect_error([&] { cost_fleet_operating(one_holding_fleet(h), OperatingAssumptions{}); },
               ErrorCode::invalid_value, "operating.total", "got inf");
}

TEST(Fleet, ServerPowerIsTdpTimesServerToChipRatio) {
  // H800 700 W [?] x Epoch default 1.8 (sources.md §7) = 1,260 W per GPU.
  const Holding h = h800_holding(16);
  EXPECT_DOUBLE_EQ(in_watts_per_accelerator(server_power_per_accelerator(h)), 1'260.0);
  EXPECT_DOUBLE_EQ(in_watts(it_power(h)), 16 * 1'260.0);
}

TEST(Fleet, MeasuredServerPowerReplacesTdpTimesRatio) {
  Holding h = h800_holding(16);
  h.server_power = Sourced<Power>{watts(2'500), assumed("test")};
  EXPECT_DOUBLE_EQ(in_watts_per_accelerator(server_power_per_accelerator(h)), 312.5);
  EXPECT_DOUBLE_EQ(in_kilowatts(it_power(h)), 5.0);
}

TEST(Fleet, TdpOverrideReplacesCatalogTdp) {
  Holding h = h800_holding(8);
  h.tdp = Sourced<PowerPerAccelerator>{watts_per_accelerator(500), assumed("test")};
  h.server_to_chip_power = {2.0, assumed("test")};
  EXPECT_DOUBLE_EQ(in_watts(it_power(h)), 8'000.0);
}

TEST(Fleet, AtContainsAndWithoutHolding) {
  Fleet f = one_holding_fleet(h800_holding(8));
  Holding second = h800_holding(24);
  second.label = "H800 b";
  f.holdings.push_back(second);
  EXPECT_TRUE(f.contains("H800 b"));
  EXPECT_FALSE(f.contains("nope"));
  EXPECT_EQ(&f.at("H800 b"), &f.holdings[1]);
  f.at("H800 b").year_bought = 2024;  // the mutable overload changes the fleet
  EXPECT_EQ(f.holdings[1].year_bought, 2024);
  // An unknown label names the field, the label and the labels there are, closest first.
  expect_error([&] { (void)f.at("H800 c"); }, ErrorCode::unknown_name, "fleet.holdings",
               "got \"H800 c\", expected one of \"H800\", \"H800 b\"");
  EXPECT_DOUBLE_EQ(in_accelerators(accelerator_count(f)), 32.0);
  const Fleet g = without_holding(f, "H800");
  ASSERT_EQ(g.holdings.size(), 1u);
  EXPECT_EQ(g.holdings[0].label, "H800 b");
  expect_error([&] { without_holding(f, "H100"); }, ErrorCode::unknown_name, "fleet.holdings",
               "got \"H100\", expected one of");
}

}  // namespace
}  // namespace traincost
