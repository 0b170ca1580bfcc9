#include "traincost/fleet.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

#include "traincost/catalog.hpp"

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

// Expects `fn` to throw traincost::Error whose message contains every part.
template <class Fn>
void expect_error(Fn fn, std::initializer_list<std::string> parts) {
  try {
    fn();
    FAIL() << "expected traincost::Error";
  } catch (const Error& e) {
    const std::string what = e.what();
    for (const auto& p : parts)
      EXPECT_NE(what.find(p), std::string::npos) << "missing \"" << p << "\" in: " << what;
  }
}

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
  expect_error([&] { validate_fleet(f); },
               {"[traincost.invalid_input]", "fleet.holdings[0] (H800).price", "CNY 2300000",
                "exchange rate"});
}

TEST(Fleet, NegativeCountThrowsNamingFieldAndValue) {
  const Fleet f = one_holding_fleet(h800_holding(-5));
  expect_error([&] { validate_fleet(f); },
               {"[traincost.invalid_value]", "fleet.holdings[0] (H800).count", "got -5",
                "positive whole number"});
}

TEST(Fleet, FractionalAndZeroCountsThrow) {
  EXPECT_THROW(validate_fleet(one_holding_fleet(h800_holding(0))), Error);
  EXPECT_THROW(validate_fleet(one_holding_fleet(h800_holding(2.5))), Error);
}

TEST(Fleet, BadPricesAndRatiosThrow) {
  Holding h = h800_holding();
  h.price = UnitPrice::per_server(usd(-1), assumed("test"));
  expect_error([&] { validate_fleet(one_holding_fleet(h)); },
               {"fleet.holdings[0] (H800).price", "got -1"});
  h = h800_holding();
  h.price = UnitPrice::per_gpu(usd(std::numeric_limits<double>::quiet_NaN()), assumed("test"));
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, {"price", "nan"});
  h = h800_holding();
  h.server_overhead = {0.5, assumed("test")};
  expect_error([&] { validate_fleet(one_holding_fleet(h)); },
               {"server_overhead", "got 0.5", ">= 1"});
  h = h800_holding();
  h.server_to_chip_power = {0.0, assumed("test")};
  expect_error([&] { validate_fleet(one_holding_fleet(h)); }, {"server_to_chip_power", "got 0"});
}

TEST(Fleet, BadExchangeRateThrows) {
  Fleet f = one_holding_fleet(h800_holding());
  f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(-7.2), assumed("test")};
  expect_error([&] { validate_fleet(f); }, {"fleet.exchange_rate", "got -7.2"});
}

TEST(Fleet, EmptyFleetThrows) {
  Fleet f;
  f.name = "empty";
  expect_error([&] { validate_fleet(f); }, {"fleet.holdings", "no holdings"});
}

TEST(Fleet, BadNetworkShareThrows) {
  Fleet f = one_holding_fleet(h800_holding());
  f.network = NetworkCost::share_of_cluster(1.0, assumed("test"));
  expect_error([&] { validate_fleet(f); }, {"fleet.network.share", "got 1"});
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

TEST(Fleet, FindAndWithoutHolding) {
  Fleet f = one_holding_fleet(h800_holding(8));
  Holding second = h800_holding(24);
  second.label = "H800 b";
  f.holdings.push_back(second);
  ASSERT_NE(f.find("H800 b"), nullptr);
  EXPECT_EQ(f.find("nope"), nullptr);
  EXPECT_DOUBLE_EQ(in_accelerators(accelerator_count(f)), 32.0);
  const Fleet g = without_holding(f, "H800");
  ASSERT_EQ(g.holdings.size(), 1u);
  EXPECT_EQ(g.holdings[0].label, "H800 b");
  expect_error([&] { without_holding(f, "H100"); }, {"[traincost.unknown_name]", "H100"});
}

}  // namespace
}  // namespace traincost
