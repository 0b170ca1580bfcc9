// The fleet models written once (capex.hpp, operating_cost.hpp, ownership.hpp)
// evaluated two ways: over a block of 1,024 random samples (LaneEvaluator)
// and, for each sample, by the typed public function on a copy of the inputs
// set to that sample. Every numeric input the model reads is drawn, so a
// read that the typed path would not use, or a figure the two compute
// differently, fails here.
#include "traincost/uncertainty/fleet_models.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/hardware/catalog.hpp"
#include "traincost/uncertainty/model_simulation.hpp"
#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using model::Lanes;
constexpr std::size_t n = model::lane_count;

/// Everything the fleet models read, so that one table of setters serves all.
struct Case {
  Fleet fleet;
  OperatingAssumptions op;
  Depreciation dep = Depreciation::straight_line(years(4), assumed("test"));
  Sourced<double> util{0.8, assumed("test")};
  OwnershipInputs own;
  TrainingRun run{"R",
                  Cluster(accelerator("h800"), accelerators(2048)),
                  RunPrice::rental({usd_per_gpu_hour(2), assumed("test")}),
                  {Stage::with_gpu_time("pre", StageKind::pre_training, gpu_hours(2.6e6), {}),
                   Stage::with_wall_clock("ext", StageKind::context_extension, hours(60), {})}};
};

/// Every kind of network, storage and facility, with the test's figures.
const NetworkCost network_kinds[] = {NoNetwork{}, NetworkShareOfCluster{0.19, {}},
                                     NetworkPerEndpoint{usd(4'390), 0.5, {}},
                                     NetworkFixed{usd(9e6), {}}};
const StorageCost storage_kinds[] = {NoStorage{}, StorageShareOfServers{0.05, {}},
                                     StorageFixed{usd(4e6), {}}};
const Facility facility_kinds[] = {NoFacility{}, FacilityBuilt{usd_per_megawatt(1e7), {}},
                                   FacilityColocated{usd_per_kilowatt_month(150), {}}};
const NetworkCost& share_network = network_kinds[1];
const StorageCost& no_storage = storage_kinds[0];
const Facility& no_facility = facility_kinds[0];
const Facility& built_facility = facility_kinds[1];
const Facility& colocated_facility = facility_kinds[2];

/// Three holdings covering every price and power branch: USD per GPU with a
/// catalog TDP, CNY per server with a measured server power, USD per server
/// with a TDP override.
Case base_case(NetworkCost net, StorageCost storage, Facility facility) {
  Case c;
  Fleet& f = c.fleet;
  f.name = "F";
  Holding a;
  a.label = "H800";
  a.accelerator = accelerator("h800");
  a.count = accelerators(2048);
  a.price = UnitPrice::per_gpu(usd(28'000), assumed("test"));
  Holding b;
  b.label = "A100";
  b.accelerator = accelerator("a100-40gb");
  b.count = accelerators(512);
  b.price = UnitPrice::per_server(cny(1.6e6), assumed("test"));
  b.server_power = Sourced<Power>{watts(2'500), assumed("test")};
  Holding h;
  h.label = "H20";
  h.accelerator = accelerator("h20");
  h.count = accelerators(96);
  h.price = UnitPrice::per_server(usd(150'000), assumed("test"));
  h.tdp = Sourced<PowerPerAccelerator>{watts_per_accelerator(400), assumed("test")};
  f.holdings = {a, b, h};
  f.exchange_rate = Sourced<ExchangeRate>{cny_per_usd(7.2), assumed("test")};
  f.network = std::move(net);
  f.storage = std::move(storage);
  f.facility = std::move(facility);
  c.op.period = years(4);
  c.op.maintenance_share_per_year = {0.04, assumed("test")};
  c.op.staff = FleetStaff{people(40), {usd_per_person_year(120'000), assumed("test")}};
  c.own.accelerator = accelerator("h800").name;
  c.own.capex_per_accelerator = {usd_per_accelerator(40'000), assumed("test")};
  c.own.server_power = watts_per_accelerator(1'260);
  c.own.maintenance_share_per_year = {0.03, assumed("test")};
  c.own.utilization = {0.85, assumed("test")};
  return c;
}

using Setter = std::function<void(Case&, double)>;

/// Sets each input the models read, by path, from a canonical value.
std::map<std::string, Setter> setters(const Case& base) {
  std::map<std::string, Setter> s;
  for (std::size_t i = 0; i < base.fleet.holdings.size(); ++i) {
    const std::string p = "F.holdings[" + std::to_string(i) + "].";
    auto hold = [i](Case& c) -> Holding& { return c.fleet.holdings[i]; };
    s[p + "count"] = [=](Case& c, double v) { hold(c).count = AcceleratorCount::from_value(v); };
    s[p + "price"] = [=](Case& c, double v) {
      if (std::holds_alternative<Money>(hold(c).price.amount))
        hold(c).price.amount = usd(v);
      else
        hold(c).price.amount = CnyAmount::from_value(v);
    };
    s[p + "server_overhead"] = [=](Case& c, double v) { hold(c).server_overhead.value = v; };
    s[p + "accelerators_per_server"] = [=](Case& c, double v) {
      hold(c).accelerators_per_server = v;
    };
    s[p + "tdp"] = [=](Case& c, double v) {
      hold(c).tdp = Sourced<PowerPerAccelerator>{PowerPerAccelerator::from_value(v), {}};
    };
    s[p + "server_to_chip_power"] = [=](Case& c, double v) {
      hold(c).server_to_chip_power.value = v;
    };
    s[p + "server_power"] = [=](Case& c, double v) { hold(c).server_power->value = watts(v); };
  }
  s["F.exchange_rate"] = [](Case& c, double v) {
    c.fleet.exchange_rate->value = ExchangeRate::from_value(v);
  };
  s["F.network.share"] = [](Case& c, double v) {
    std::get<NetworkShareOfCluster>(c.fleet.network).share = v;
  };
  s["F.network.per_endpoint_cost"] = [](Case& c, double v) {
    std::get<NetworkPerEndpoint>(c.fleet.network).per_endpoint_cost = usd(v);
  };
  s["F.network.endpoints_per_accelerator"] = [](Case& c, double v) {
    std::get<NetworkPerEndpoint>(c.fleet.network).endpoints_per_accelerator = v;
  };
  s["F.network.fixed_amount"] = [](Case& c, double v) {
    std::get<NetworkFixed>(c.fleet.network).fixed_amount = usd(v);
  };
  s["F.storage.share"] = [](Case& c, double v) {
    std::get<StorageShareOfServers>(c.fleet.storage).share = v;
  };
  s["F.storage.fixed_amount"] = [](Case& c, double v) {
    std::get<StorageFixed>(c.fleet.storage).fixed_amount = usd(v);
  };
  s["F.facility.build_cost"] = [](Case& c, double v) {
    std::get<FacilityBuilt>(c.fleet.facility).build_cost = PowerCapacityPrice::from_value(v);
  };
  s["F.facility.colocation_price"] = [](Case& c, double v) {
    std::get<FacilityColocated>(c.fleet.facility).colocation_price = EnergyPrice::from_value(v);
  };
  s["F.operating.period"] = [](Case& c, double v) { c.op.period = Duration::from_value(v); };
  s["F.operating.average_draw"] = [](Case& c, double v) { c.op.average_draw.value = v; };
  s["F.operating.pue"] = [](Case& c, double v) { c.op.pue.value = v; };
  s["F.operating.electricity"] = [](Case& c, double v) {
    c.op.electricity.value = EnergyPrice::from_value(v);
  };
  s["F.operating.maintenance_share_per_year"] = [](Case& c, double v) {
    c.op.maintenance_share_per_year.value = v;
  };
  s["F.operating.staff.headcount"] = [](Case& c, double v) {
    c.op.staff->headcount = PersonCount::from_value(v);
  };
  s["F.operating.staff.loaded_cost"] = [](Case& c, double v) {
    c.op.staff->loaded_cost.value = StaffRate::from_value(v);
  };
  s["F.ownership.depreciation.life"] = [](Case& c, double v) {
    c.dep.life = Duration::from_value(v);
  };
  s["F.ownership.depreciation.rate_per_year"] = [](Case& c, double v) { c.dep.rate_per_year = v; };
  s["F.ownership.utilization"] = [](Case& c, double v) { c.util.value = v; };
  s["ownership.capex_per_accelerator"] = [](Case& c, double v) {
    c.own.capex_per_accelerator.value = AcceleratorPrice::from_value(v);
  };
  s["ownership.depreciation.life"] = [](Case& c, double v) {
    c.own.depreciation.life = Duration::from_value(v);
  };
  s["ownership.depreciation.rate_per_year"] = [](Case& c, double v) {
    c.own.depreciation.rate_per_year = v;
  };
  s["ownership.server_power"] = [](Case& c, double v) {
    c.own.server_power = PowerPerAccelerator::from_value(v);
  };
  s["ownership.average_draw"] = [](Case& c, double v) { c.own.average_draw.value = v; };
  s["ownership.pue"] = [](Case& c, double v) { c.own.pue.value = v; };
  s["ownership.electricity"] = [](Case& c, double v) {
    c.own.electricity.value = EnergyPrice::from_value(v);
  };
  s["ownership.maintenance_share_per_year"] = [](Case& c, double v) {
    c.own.maintenance_share_per_year.value = v;
  };
  s["ownership.colocation"] = [](Case& c, double v) {
    c.own.colocation->value = EnergyPrice::from_value(v);
  };
  s["ownership.utilization"] = [](Case& c, double v) { c.own.utilization.value = v; };
  s["R.accelerators"] = [](Case& c, double v) {
    c.run.cluster = Cluster(c.run.cluster.accelerator(), AcceleratorCount::from_value(v));
  };
  s["R.stages[0].gpu_hours"] = [](Case& c, double v) {
    c.run.stages[0].usage = GpuTime::from_value(v);
  };
  s["R.stages[1].wall_clock_hours"] = [](Case& c, double v) {
    c.run.stages[1].usage = Duration::from_value(v);
  };
  return s;
}

/// A value within the input's bound, spread around the model's own value.
double draw_one(const model::ReadSite& s, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double v = s.value;
  switch (s.spec.bound) {
    case model::Bound::positive_whole: {
      const auto lo = static_cast<long>(std::max(1.0, std::floor(v / 2)));
      const auto hi = static_cast<long>(std::ceil(v * 1.5)) + 1;
      return static_cast<double>(std::uniform_int_distribution<long>(lo, hi)(rng));
    }
    case model::Bound::unit_fraction:
      return 0.05 + 0.95 * u(rng);
    case model::Bound::share:
      return 0.6 * u(rng);
    case model::Bound::at_least_one:
      return 1.0 + 1.5 * std::max(v, 1.0) * u(rng);
    default:
      return v * (0.5 + u(rng));
  }
}

/// One drawn column per distinct path, and the column of each read.
struct Drawn {
  std::map<std::string, std::vector<double>> by_path;
  std::vector<const double*> columns;
};

Drawn draw(const std::vector<model::ReadSite>& sites, std::mt19937_64& rng) {
  Drawn d;
  for (const auto& s : sites) {
    auto [it, fresh] = d.by_path.try_emplace(s.path);
    if (!fresh)
      continue;
    for (std::size_t i = 0; i < n; ++i) {
      it->second.push_back(draw_one(s, rng));
      EXPECT_TRUE(model::within(s.spec.bound, it->second.back())) << s.path;
    }
  }
  for (const auto& s : sites)
    d.columns.push_back(d.by_path.at(s.path).data());
  return d;
}

/// The worst relative difference between lanes and typed values seen so far.
struct Agreement {
  double worst = 0.0;
  std::string where;
  std::size_t compared = 0;

  void add(const char* what, double typed, double lane, std::size_t i) {
    const double scale = std::max(std::fabs(typed), std::fabs(lane));
    const double rel = scale == 0.0 ? 0.0 : std::fabs(typed - lane) / scale;
    ++compared;
    if (!(rel <= worst)) {
      worst = std::isnan(rel) ? INFINITY : rel;
      where = std::string(what) + " at sample " + std::to_string(i) + ": typed " +
              std::to_string(typed) + ", lanes " + std::to_string(lane);
    }
  }
  template <class Q, class L>
  void add(const char* what, const Q& typed, const L& lanes, std::size_t i) {
    add(what, model::canonical(typed), lanes.value()[i], i);
  }
};

/// Draws every input `body` reads, evaluates it over lanes, and calls
/// `compare(case at sample i, lanes, i, agreement)` for each sample.
template <class Body, class Compare>
void check_lanes(const Case& base, std::uint64_t seed, Body body, Compare compare) {
  model::BindingEvaluator b;
  (void)body(base, b);
  const std::vector<model::ReadSite> sites = b.take_sites();
  ASSERT_FALSE(sites.empty());
  std::mt19937_64 rng(seed);
  const Drawn d = draw(sites, rng);
  const std::map<std::string, Setter> set = setters(base);
  for (const auto& [path, col] : d.by_path)
    ASSERT_TRUE(set.count(path)) << "no setter for the input " << path;
  model::LaneEvaluator e(sites, d.columns, n);
  const auto lanes = body(base, e);
  Agreement a;
  for (std::size_t i = 0; i < n; ++i) {
    Case c = base;
    for (const auto& [path, col] : d.by_path)
      set.at(path)(c, col[i]);
    compare(c, lanes, i, a);
  }
  EXPECT_GE(a.compared, n);
  EXPECT_LE(a.worst, 1e-12) << a.where;
}

/// Calls `f(case, seed)` for every network, storage and facility kind.
template <class F>
void for_every_kind(F f) {
  std::uint64_t seed = 1;
  for (const auto& net : network_kinds)
    for (const auto& storage : storage_kinds)
      for (const auto& facility : facility_kinds) {
        SCOPED_TRACE(::testing::Message() << "network " << net.index() << ", storage "
                                          << storage.index() << ", facility " << facility.index());
        f(base_case(net, storage, facility), seed++);
      }
}

TEST(FleetLanes, CapexAgreesWithTypedForEveryKind) {
  for_every_kind([](const Case& base, std::uint64_t seed) {
    check_lanes(
        base, seed,
        [](const Case& c, auto& e) { return evaluate_fleet_capex(c.fleet, e, model::Path("F")); },
        [](const Case& c, const auto& v, std::size_t i, Agreement& a) {
          const FleetCapex t = cost_fleet_capex(c.fleet);
          for (std::size_t h = 0; h < t.holdings.size(); ++h) {
            a.add("server price", t.holdings[h].server_price, v.holdings[h].server_price, i);
            a.add("holding total", t.holdings[h].total, v.holdings[h].total, i);
          }
          a.add("servers", t.servers, v.servers, i);
          a.add("network", t.network, v.network, i);
          a.add("storage", t.storage, v.storage, i);
          a.add("facility", t.facility, v.facility, i);
          a.add("total", t.total, v.total, i);
        });
  });
}

TEST(FleetLanes, OperatingCostAgreesWithTypedForEveryKind) {
  for_every_kind([](const Case& base, std::uint64_t seed) {
    check_lanes(
        base, seed,
        [](const Case& c, auto& e) {
          const model::Path root("F");
          const auto capex = evaluate_fleet_capex(c.fleet, e, root);
          return evaluate_fleet_operating(c.fleet, capex, c.op, e, root);
        },
        [](const Case& c, const auto& v, std::size_t i, Agreement& a) {
          const FleetOperatingCost t = cost_fleet_operating(c.fleet, c.op);
          a.add("energy", t.energy, v.energy, i);
          a.add("energy cost", t.energy_cost, v.energy_cost, i);
          a.add("facility", t.facility, v.facility, i);
          a.add("maintenance", t.maintenance, v.maintenance, i);
          a.add("staff", t.staff, v.staff, i);
          a.add("total", t.total, v.total, i);
        });
  });
}

TEST(FleetLanes, TcoAgreesWithTypedForEveryKind) {
  for_every_kind([](const Case& base, std::uint64_t seed) {
    check_lanes(
        base, seed + 100,
        [](const Case& c, auto& e) {
          return evaluate_fleet_tco(c.fleet, c.op, e, model::Path("F"));
        },
        [](const Case& c, const auto& v, std::size_t i, Agreement& a) {
          const FleetTco t = cost_fleet_tco(c.fleet, c.op);
          a.add("capex", t.capex.total, v.capex.total, i);
          a.add("operating", t.operating.total, v.operating.total, i);
          a.add("total", t.total, v.total, i);
        });
  });
}

/// The cases of an explicit ownership estimate: both depreciation methods,
/// with and without colocation rent.
std::vector<Case> ownership_cases() {
  std::vector<Case> out;
  for (bool epoch : {false, true})
    for (bool rent : {false, true}) {
      Case c = base_case(share_network, no_storage, rent ? colocated_facility : no_facility);
      c.own.depreciation =
          epoch ? Depreciation::epoch() : Depreciation::straight_line(years(5), assumed("test"));
      c.dep = c.own.depreciation;
      if (rent)
        c.own.colocation = Sourced<EnergyPrice>{usd_per_kilowatt_month(150), assumed("test")};
      out.push_back(c);
    }
  return out;
}

void add_ownership(Agreement& a, const OwnershipCost& t, const OwnershipValues<model::Lanes>& v,
                   std::size_t i) {
  a.add("depreciation", t.depreciation, v.depreciation, i);
  a.add("maintenance", t.maintenance, v.maintenance, i);
  a.add("facility", t.facility, v.facility, i);
  a.add("energy", t.energy, v.energy, i);
  a.add("total", t.total, v.total, i);
}

TEST(FleetLanes, OwnershipCostPerGpuHourAgreesWithTyped) {
  std::uint64_t seed = 500;
  for (const Case& base : ownership_cases())
    check_lanes(
        base, seed++,
        [](const Case& c, auto& e) {
          return evaluate_ownership(c.own, e, model::Path("ownership"));
        },
        [](const Case& c, const auto& v, std::size_t i, Agreement& a) {
          add_ownership(a, cost_ownership_per_gpu_hour(c.own), v, i);
        });
}

TEST(FleetLanes, HoldingOwnershipCostAgreesWithTyped) {
  std::uint64_t seed = 600;
  for (const Case& base : ownership_cases())
    for (std::size_t h = 0; h < base.fleet.holdings.size(); ++h)
      check_lanes(
          base, seed++,
          [h](const Case& c, auto& e) {
            return evaluate_holding_ownership(c.fleet, h, c.op, c.dep, c.util, e, model::Path("F"));
          },
          [h](const Case& c, const auto& v, std::size_t i, Agreement& a) {
            const std::string& label = c.fleet.holdings[h].label;
            add_ownership(
                a,
                cost_ownership_per_gpu_hour(ownership_inputs(c.fleet, label, c.op, c.dep, c.util)),
                v, i);
          });
}

TEST(FleetLanes, RunAtOwnershipCostAgreesWithTyped) {
  std::uint64_t seed = 700;
  for (const Case& base : ownership_cases()) {
    check_lanes(
        base, seed++,
        [](const Case& c, auto& e) {
          return evaluate_run_at_ownership(c.run, c.own, e, model::Path("R"),
                                           model::Path("ownership"));
        },
        [](const Case& c, const auto& v, std::size_t i, Agreement& a) {
          const FinalRunCost t =
              cost_final_run_at_ownership(c.run, cost_ownership_per_gpu_hour(c.own));
          EXPECT_EQ(t.scope(), Scope::final_run_ownership);
          a.add("gpu time", t.gpu_time, v.run.gpu_time, i);
          a.add("cost", t.total, v.run.cost, i);
        });
    check_lanes(
        base, seed++,
        [](const Case& c, auto& e) {
          return evaluate_run_at_holding_ownership(c.run, c.fleet, 0, c.op, c.dep, c.util, e,
                                                   model::Path("R"), model::Path("F"));
        },
        [](const Case& c, const auto& v, std::size_t i, Agreement& a) {
          const FinalRunCost t = cost_final_run_at_ownership(
              c.run,
              cost_ownership_per_gpu_hour(ownership_inputs(c.fleet, "H800", c.op, c.dep, c.util)));
          a.add("cost", t.total, v.run.cost, i);
        });
  }
}

TEST(FleetLanes, ModelsReadWhatTheirHandlesName) {
  const Case c = base_case(share_network, no_storage, colocated_facility);
  model::BindingEvaluator b;
  (void)uncertainty::fleet_tco_model(c.fleet, c.op).record(b);
  std::vector<std::string> read;
  for (const auto& s : b.sites())
    read.push_back(s.path);
  using namespace uncertainty;
  for (const std::string& p :
       {holding_count_of(c.fleet, 0).path, holding_price_usd_of(c.fleet, 0).path,
        holding_price_cny_of(c.fleet, 1).path, server_overhead_of(c.fleet, 0).path,
        exchange_rate_of(c.fleet).path, network_share_of(c.fleet).path,
        colocation_price_of(c.fleet).path, electricity_price_of(c.fleet).path,
        operating_period_of(c.fleet).path, fleet_staff_headcount_of(c.fleet).path})
    EXPECT_NE(std::find(read.begin(), read.end(), p), read.end()) << p;
}

TEST(FleetLanes, DrawnValueOutsideItsBoundThrowsNamingThePath) {
  const Case c = base_case(share_network, no_storage, no_facility);
  model::BindingEvaluator b;
  (void)evaluate_fleet_capex(c.fleet, b, model::Path("F"));
  const std::vector<model::ReadSite> sites = b.take_sites();
  std::vector<double> shares(n, 0.2);
  shares[7] = 1.5;  // a network that is 150% of the cluster
  std::vector<const double*> cols(sites.size(), nullptr);
  for (std::size_t k = 0; k < sites.size(); ++k)
    if (sites[k].path == "F.network.share")
      cols[k] = shares.data();
  model::LaneEvaluator e(sites, cols, n);
  testing::expect_error([&] { (void)evaluate_fleet_capex(c.fleet, e, model::Path("F")); },
                        ErrorCode::invalid_value, "F.network.share", "drawn from its range");

  // Through a simulation: a yuan price drawn as low as -1M CNY.
  uncertainty::Ranges r;
  r.set(uncertainty::holding_price_cny_of(c.fleet, 1), uncertainty::uniform(cny(-1e6), cny(2e6)));
  uncertainty::RunOptions o;
  o.samples = 5'000;
  o.threads = 1;
  testing::expect_error(
      [&] { (void)uncertainty::simulate_cost(uncertainty::fleet_capex_model(c.fleet), r, o); },
      ErrorCode::invalid_value, "F.holdings[1].price", "a positive price in CNY");
}

TEST(FleetLanes, SimulatedCapexMeanMatchesTheLinearModel) {
  const Case c = base_case(share_network, storage_kinds[1], built_facility);
  const double lo = 20'000, hi = 36'000;
  uncertainty::Ranges r;
  r.set(uncertainty::holding_price_usd_of(c.fleet, 0), uncertainty::uniform(usd(lo), usd(hi)));
  uncertainty::RunOptions o;
  o.samples = 200'000;
  o.seed = 11;
  o.threads = 1;
  const uncertainty::CostSummary s =
      uncertainty::simulate_cost(uncertainty::fleet_capex_model(c.fleet), r, o);
  EXPECT_EQ(s.scope, Scope::fleet_capex);
  // Capex is linear in the price: its mean is the capex at the mean price,
  // its sd the slope x (hi - lo) / sqrt(12).
  auto capex_at = [&](double price) {
    Fleet f = c.fleet;
    f.holdings[0].price.amount = usd(price);
    return in_usd(cost_fleet_capex(f).total);
  };
  const double slope = (capex_at(hi) - capex_at(lo)) / (hi - lo);
  ASSERT_GT(slope, 0.0);
  const double sd = slope * (hi - lo) / std::sqrt(12.0);
  const double se = sd / std::sqrt(static_cast<double>(o.samples));
  EXPECT_NEAR(in_usd(s.mean), capex_at((lo + hi) / 2), 4 * se);
  EXPECT_NEAR(in_usd(s.sd), sd, 0.02 * sd);
  EXPECT_GE(in_usd(s.min), capex_at(lo) * (1 - 1e-12));
  EXPECT_LE(in_usd(s.max), capex_at(hi) * (1 + 1e-12));
}

}  // namespace
}  // namespace traincost
