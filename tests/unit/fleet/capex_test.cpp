#include "traincost/fleet/capex.hpp"

#include <gtest/gtest.h>

#include "traincost/hardware/catalog.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

Fleet two_type_fleet() {
  Fleet f;
  f.name = "test";
  Holding a;
  a.label = "A";
  a.accelerator = accelerator("h800");
  a.count = accelerators(80);
  a.price = UnitPrice::per_server(usd(200'000), assumed("test"));  // $25K per GPU
  Holding b;
  b.label = "B";
  b.accelerator = accelerator("h20");
  b.count = accelerators(16);
  b.price = UnitPrice::per_gpu(usd(10'000), assumed("test"));
  b.server_overhead = {1.5, assumed("test")};  // $15K per GPU
  f.holdings = {a, b};
  return f;
}

TEST(Capex, ServersPerHoldingAndInTotal) {
  const FleetCapex c = cost_fleet_capex(two_type_fleet());
  ASSERT_EQ(c.holdings.size(), 2u);
  EXPECT_DOUBLE_EQ(in_usd(c.holdings[0].servers), 2'000'000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.holdings[1].servers), 240'000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.servers), 2'240'000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.total), 2'240'000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.network), 0.0);
  EXPECT_DOUBLE_EQ(in_usd_per_accelerator(c.holdings[1].per_accelerator()), 15'000.0);
}

TEST(Capex, NetworkShareOfClusterIsEpochsDivisionBy081) {
  Fleet f = two_type_fleet();
  f.network = epoch_network_share();
  const FleetCapex c = cost_fleet_capex(f);
  // Epoch AI: acquisition = N x price / (1 - 0.19) (sources.md §6).
  EXPECT_NEAR(in_usd(c.total), 2'240'000.0 / 0.81, 1e-6);
  EXPECT_NEAR(ratio(c.network, c.total), 0.19, 1e-12);
  EXPECT_NEAR(in_usd(c.holdings[0].network), 2'000'000.0 * 0.19 / 0.81, 1e-6);
}

TEST(Capex, NetworkPerEndpointIsDeepSeeksFatTreeCost) {
  Fleet f = two_type_fleet();
  f.network = deepseek_fat_tree_per_endpoint();
  const FleetCapex c = cost_fleet_capex(f);
  // $4.39K per endpoint (ISCA'25 Table 3, sources.md §1, P), one per GPU.
  EXPECT_DOUBLE_EQ(in_usd(c.network), 96 * 4'390.0);
  EXPECT_DOUBLE_EQ(in_usd(c.holdings[1].network), 16 * 4'390.0);
  EXPECT_EQ(c.network_provenance.evidence, Evidence::published);
  // One NIC per 8-GPU node.
  std::get<NetworkPerEndpoint>(f.network).endpoints_per_accelerator = 1.0 / 8.0;
  EXPECT_DOUBLE_EQ(in_usd(cost_fleet_capex(f).network), 12 * 4'390.0);
}

TEST(Capex, FixedNetworkStorageAndBuiltFacilityAreFleetLines) {
  Fleet f = two_type_fleet();
  f.network = NetworkFixed{usd(100'000), assumed("test")};
  f.storage = StorageShareOfServers{0.1, assumed("test")};
  f.facility = FacilityBuilt{usd_per_megawatt(10e6), assumed("test")};
  const FleetCapex c = cost_fleet_capex(f);
  EXPECT_DOUBLE_EQ(in_usd(c.shared_network), 100'000.0);
  EXPECT_DOUBLE_EQ(in_usd(c.holdings[0].network), 0.0);
  EXPECT_DOUBLE_EQ(in_usd(c.storage), 224'000.0);
  // IT power: 80 x 700 W x 1.8 + 16 x 400 W x 1.8 = 112.32 kW -> $10M/MW.
  EXPECT_NEAR(in_kilowatts(c.it_power), 112.32, 1e-9);
  EXPECT_NEAR(in_usd(c.facility), 1'123'200.0, 1e-6);
  EXPECT_NEAR(in_usd(c.total), 2'240'000.0 + 100'000 + 224'000 + 1'123'200, 1e-6);
  EXPECT_NEAR(in_usd(c.hardware()), 2'564'000.0, 1e-6);
}

TEST(Capex, ColocatedFacilityIsNotCapex) {
  Fleet f = two_type_fleet();
  f.facility = FacilityColocated{usd_per_kilowatt_month(150), assumed("test")};
  EXPECT_DOUBLE_EQ(in_usd(cost_fleet_capex(f).facility), 0.0);
}

TEST(Capex, BreakdownByTypeSumsAndCarriesScope) {
  Fleet f = two_type_fleet();
  f.network = epoch_network_share();
  f.storage = StorageFixed{usd(50'000), assumed("test storage")};
  const LineItem tree = cost_fleet_capex(f).breakdown();
  EXPECT_EQ(tree.scope, Scope::fleet_capex);
  ASSERT_EQ(tree.children.size(), 3u);  // A, B, storage
  Money sum = usd(0);
  for (const auto& c : tree.children) {
    EXPECT_EQ(c.scope, Scope::fleet_capex);
    sum += c.amount;
  }
  EXPECT_NEAR(in_usd(sum), in_usd(tree.amount), 1e-6);
  EXPECT_EQ(tree.children[0].label, "A (H800 SXM)");
  ASSERT_EQ(tree.children[0].children.size(), 2u);  // servers, network
  // Servers priced at an assumed price are an assumption (weakest input wins).
  EXPECT_EQ(tree.children[0].children[0].provenance.evidence, Evidence::assumed);
  EXPECT_EQ(tree.provenance.evidence, Evidence::assumed);
  EXPECT_NE(tree.children[0].children[0].provenance.source.find("test"), std::string::npos);
  EXPECT_EQ(tree.children[2].provenance.source, "test storage");
}

TEST(Capex, BreakdownByItemSums) {
  Fleet f = two_type_fleet();
  f.network = deepseek_fat_tree_per_endpoint();
  const FleetCapex c = cost_fleet_capex(f);
  const LineItem tree = c.breakdown_by_item();
  ASSERT_EQ(tree.children.size(), 4u);
  EXPECT_EQ(tree.children[0].label, "servers");
  Money sum = usd(0);
  for (const auto& item : tree.children)
    sum += item.amount;
  EXPECT_NEAR(in_usd(sum), in_usd(c.total), 1e-6);
}

TEST(Capex, AtByLabelThrowsForAnUnknownLabel) {
  const FleetCapex c = cost_fleet_capex(two_type_fleet());
  EXPECT_TRUE(c.contains("B"));
  EXPECT_FALSE(c.contains("C"));
  EXPECT_EQ(c.at("B").accelerator, "H20");
  EXPECT_EQ(&c.at("B"), &c.holdings[1]);
  testing::expect_error([&] { (void)c.at("C"); }, ErrorCode::unknown_name, "capex.holdings",
                        "got \"C\", expected one of \"");
}

TEST(Capex, BadInputThrows) {
  Fleet f = two_type_fleet();
  f.holdings[1].count = accelerators(-3);
  testing::expect_error([&] { cost_fleet_capex(f); }, ErrorCode::invalid_value,
                        "fleet.holdings[1] (B).count", "got -3");
  f = two_type_fleet();
  f.holdings[0].price = UnitPrice::per_server(cny(1.2e6), assumed("test"));
  testing::expect_error([&] { cost_fleet_capex(f); }, ErrorCode::invalid_input,
                        "fleet.holdings[0] (A).price", "got CNY 1200000 with no exchange rate");
}

TEST(Capex, ServerLinesAreAsWeakAsTheirWeakestInput) {
  Fleet f = two_type_fleet();
  // A published server price is derived; a published per-GPU price times
  // Epoch's server overhead [A] is an analyst estimate; a published yuan
  // price at an assumed exchange rate is an assumption.
  f.holdings[0].price.provenance = published("test");
  f.holdings[1].price.provenance = published("test");
  f.holdings[1].server_overhead = epoch_server_overhead();
  FleetCapex c = cost_fleet_capex(f);
  EXPECT_EQ(c.holdings[0].server_price_evidence, Evidence::published);
  EXPECT_EQ(c.holdings[1].server_price_evidence, Evidence::analyst_estimate);
  LineItem tree = c.breakdown();
  EXPECT_EQ(tree.children[0].provenance.evidence, Evidence::derived);
  EXPECT_EQ(tree.children[1].provenance.evidence, Evidence::analyst_estimate);
  EXPECT_EQ(tree.provenance.evidence, Evidence::analyst_estimate);
  f.holdings[0].price = UnitPrice::per_server(cny(1.44e6), published("test"));
  f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(7.2), assumed("test rate")};
  c = cost_fleet_capex(f);
  EXPECT_EQ(c.holdings[0].server_price_evidence, Evidence::assumed);
  EXPECT_EQ(c.breakdown_by_item().children[0].provenance.evidence, Evidence::assumed);
}

}  // namespace
}  // namespace traincost
