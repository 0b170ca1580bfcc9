#pragma once
/// \file
/// Fleet capital expenditure: what buying the fleet cost, per accelerator type
/// and per item (servers, network, storage, facility build). Scope:
/// `Scope::fleet_capex` — a fleet's capital spend, which is not the cost of
/// any one training run.
///
/// Servers: a per-server price / accelerators per server, or a per-GPU price
/// x the server overhead (Epoch AI: ~1.64x, sources.md §6). Network: a share
/// s of cluster cost adds servers x s / (1 - s) (Epoch's 19%: acquisition =
/// N x price / 0.81), a per-endpoint cost adds endpoints x cost (DeepSeek's
/// $4.39K, sources.md §1), a fixed total is a fleet-level line. Storage is a
/// fleet-level line; a built facility adds its build cost per MW x the fleet's
/// peak IT power. A colocated facility is rent, so it is operating cost.

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/overloaded.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/fleet_specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// The capex of one holding.
struct HoldingCapex {
  std::string label;        ///< the holding's label, e.g. "H800"
  std::string accelerator;  ///< the accelerator's catalog name
  AcceleratorCount count = accelerators(0);
  int year_bought = 0;
  UnitPrice quoted_price;  ///< the price as quoted (USD or CNY, per GPU or per server)
  /// Server price per accelerator in USD, after exchange rate and overhead.
  AcceleratorPrice server_price = usd_per_accelerator(0);
  /// How far `server_price` can be trusted: the weakest of the quoted price,
  /// the exchange rate (yuan) and the server overhead (per-GPU prices).
  Evidence server_price_evidence = Evidence::assumed;
  Money servers = usd(0);  ///< count x server_price
  Money network =
      usd(0);            ///< this holding's network (share or per-endpoint); 0 for a fixed network
  Money total = usd(0);  ///< servers + network
  /// All-in capex per accelerator: total / count.
  AcceleratorPrice per_accelerator() const { return total / count; }
};

/// The capex of a fleet, per holding and per item.
struct FleetCapex {
  std::string name;
  std::vector<HoldingCapex> holdings;
  Money servers = usd(0);         ///< sum over holdings
  Money network = usd(0);         ///< holdings' network plus any fixed network
  Money shared_network = usd(0);  ///< a fixed network total, not split by holding
  Money storage = usd(0);
  Money facility = usd(0);  ///< a built facility; 0 when colocated
  Money total = usd(0);
  Power it_power = watts(0);  ///< peak IT power, which sizes the facility
  Provenance network_provenance;
  Provenance storage_provenance;
  Provenance facility_provenance;

  /// Hardware capex: everything but the facility build (what maintenance is a share of).
  Money hardware() const { return total - facility; }

  /// The capex of the holding with this label. Throws `traincost::Error`
  /// (`ErrorCode::unknown_name`, field "capex.holdings") listing the labels.
  const HoldingCapex& at(std::string_view label) const {
    return detail::at_label(holdings, label, "capex.holdings");
  }
  /// Whether there is a holding with this label.
  bool contains(std::string_view label) const { return detail::contains_label(holdings, label); }

  /// The capex as a tree by accelerator type: one child per holding
  /// (servers, network), then fleet-level network, storage and facility.
  /// Each line is as trustworthy as its weakest input.
  LineItem breakdown() const {
    LineItem root{name + " capex", total, Scope::fleet_capex, {}, {}};
    Evidence weakest_line = Evidence::published;
    const auto add = [&](LineItem item) {
      weakest_line = weakest({weakest_line, item.provenance.evidence});
      root.children.push_back(std::move(item));
    };
    for (const auto& h : holdings) {
      LineItem servers_line{"servers",
                            h.servers,
                            Scope::fleet_capex,
                            derived_from({h.server_price_evidence},
                                         "count x server price per GPU; price " +
                                             std::string(tag(h.quoted_price.provenance.evidence)) +
                                             " (" + h.quoted_price.provenance.source + ")"),
                            {}};
      LineItem item{h.label + " (" + h.accelerator + ")", h.total, Scope::fleet_capex, {}, {}};
      Evidence e = h.server_price_evidence;
      item.children.push_back(std::move(servers_line));
      if (h.network > usd(0)) {
        e = weakest({e, network_provenance.evidence});
        item.children.push_back(
            LineItem{"network",
                     h.network,
                     Scope::fleet_capex,
                     derived_from({network_provenance.evidence},
                                  "network model: " + network_provenance.source),
                     {}});
      }
      item.provenance = derived_from({e}, "servers + network of the holding");
      add(std::move(item));
    }
    if (shared_network > usd(0))
      add(LineItem{"network (fleet)", shared_network, Scope::fleet_capex, network_provenance, {}});
    if (storage > usd(0))
      add(LineItem{"storage", storage, Scope::fleet_capex, storage_provenance, {}});
    if (facility > usd(0))
      add(LineItem{"facility build",
                   facility,
                   Scope::fleet_capex,
                   derived_from({facility_provenance.evidence},
                                "peak IT power x build cost per MW; " + facility_provenance.source),
                   {}});
    root.provenance =
        derived_from({weakest_line}, "sum of holdings, shared network, storage and facility build");
    return root;
  }

  /// The weakest evidence behind the server lines of all holdings.
  Evidence servers_evidence() const {
    Evidence e = Evidence::published;
    for (const auto& h : holdings)
      e = weakest({e, h.server_price_evidence});
    return e;
  }

  /// The capex as a tree by item: servers, network, storage, facility build.
  LineItem breakdown_by_item() const {
    LineItem root{name + " capex", total, Scope::fleet_capex, {}, {}};
    Evidence weakest_line = Evidence::published;
    const auto add = [&](LineItem item) {
      // A zero line (no storage, say) says nothing about the total.
      if (item.amount > usd(0))
        weakest_line = weakest({weakest_line, item.provenance.evidence});
      root.children.push_back(std::move(item));
    };
    add(LineItem{"servers",
                 servers,
                 Scope::fleet_capex,
                 derived_from({servers_evidence()}, "sum of count x server price over holdings"),
                 {}});
    add(LineItem{"network", network, Scope::fleet_capex, network_provenance, {}});
    add(LineItem{"storage", storage, Scope::fleet_capex, storage_provenance, {}});
    add(LineItem{"facility build", facility, Scope::fleet_capex, facility_provenance, {}});
    root.provenance = derived_from({weakest_line}, "servers + network + storage + facility build");
    return root;
  }
};

/// One holding's capex figures over a value type `V` (a point, or a block of samples).
template <class V>
struct HoldingCapexValues {
  model::Val<V, AcceleratorCount> count;
  model::Val<V, AcceleratorPrice> server_price;
  model::Val<V, Money> servers;
  model::Val<V, Money> network;
  model::Val<V, Money> total;
};

/// A fleet's capex figures over a value type `V`.
template <class V>
struct CapexValues {
  std::vector<HoldingCapexValues<V>> holdings;
  model::Val<V, Money> servers;
  model::Val<V, Money> network;
  model::Val<V, Money> shared_network;
  model::Val<V, Money> storage;
  model::Val<V, Money> facility;
  model::Val<V, Money> total;
  model::Val<V, Power> it_power;  ///< summed only for a built facility, else 0
};

/// The one definition of a fleet's capex, over any evaluator (model/
/// evaluator.hpp): per holding count x server price (evaluate_server_price)
/// plus its network share or per-endpoint cost; a fixed network, storage
/// and a built facility (build cost x peak IT power) at fleet level. Reads
/// under `root`: "exchange_rate" (when a price is in yuan), "network.share",
/// "network.per_endpoint_cost", "network.endpoints_per_accelerator",
/// "network.fixed_amount", "holdings[i].count" and the holding's price
/// inputs, "storage.share", "storage.fixed_amount", "facility.build_cost"
/// and, for a built facility, each holding's power inputs. Which of these
/// it reads follows the fleet's structure (network, storage and facility
/// kinds, price currency and basis), never its numbers. Checks nothing:
/// `cost_fleet_capex` validates a point, a simulation each drawn value.
template <class E>
CapexValues<typename E::value_type> evaluate_fleet_capex(const Fleet& fleet, E& e,
                                                         const model::Path& root) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  const model::Val<V, Money> zero = model::constant<V>(usd(0));
  CapexValues<V> out{{}, zero, zero, zero, zero, zero, zero, model::constant<V>(watts(0))};
  bool any_yuan = false;
  for (const Holding& h : fleet.holdings)
    any_yuan = any_yuan || std::holds_alternative<CnyAmount>(h.price.amount);
  // The rate is one input however many yuan prices use it.
  std::optional<model::Val<V, ExchangeRate>> rate;
  if (any_yuan && fleet.exchange_rate)
    rate =
        e.read(model::Path(root, "exchange_rate"), fleet.exchange_rate->value, specs::cny_per_usd);
  const model::Path net_at(root, "network");
  // What the network adds, by kind: a share of each holding's servers, a
  // cost per endpoint of each holding, or a fleet-level total.
  V share_factor = model::number<V>(0.0);
  model::Val<V, Money> per_endpoint = zero;  // per endpoint x endpoints per accelerator
  std::visit(detail::Overloaded{
                 [](const NoNetwork&) {},
                 [&](const NetworkShareOfCluster& n) {
                   const V s = e.read(model::Path(net_at, "share"), n.share, specs::share);
                   // Network is s of (servers + network), so it is servers x s / (1 - s).
                   share_factor = s / (1.0 - s);
                 },
                 [&](const NetworkPerEndpoint& n) {
                   const model::Val<V, Money> cost =
                       e.read(model::Path(net_at, "per_endpoint_cost"), n.per_endpoint_cost,
                              specs::positive_usd);
                   per_endpoint = cost * e.read(model::Path(net_at, "endpoints_per_accelerator"),
                                                n.endpoints_per_accelerator, specs::endpoints);
                 },
                 [](const NetworkFixed&) {},
             },
             fleet.network);
  const bool by_share = std::holds_alternative<NetworkShareOfCluster>(fleet.network);
  const bool by_endpoint = std::holds_alternative<NetworkPerEndpoint>(fleet.network);
  const FacilityBuilt* built = std::get_if<FacilityBuilt>(&fleet.facility);
  out.holdings.reserve(fleet.holdings.size());
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    const model::Path at(root, "holdings", i);
    HoldingCapexValues<V> hv{e.read(model::Path(at, "count"), h.count, specs::accelerators),
                             evaluate_server_price(h, rate ? &*rate : nullptr, e, at), zero, zero,
                             zero};
    hv.servers = hv.server_price * hv.count;
    if (by_share)
      hv.network = hv.servers * share_factor;
    else if (by_endpoint)
      hv.network = per_endpoint * hv.count.value();
    hv.total = hv.servers + hv.network;
    out.servers += hv.servers;
    out.network += hv.network;
    if (built)
      out.it_power += evaluate_server_power(h, e, at) * hv.count;
    out.holdings.push_back(std::move(hv));
  }
  if (const auto* fixed = std::get_if<NetworkFixed>(&fleet.network)) {
    out.shared_network =
        e.read(model::Path(net_at, "fixed_amount"), fixed->fixed_amount, specs::usd_amount);
    out.network += out.shared_network;
  }
  const model::Path storage_at(root, "storage");
  std::visit(detail::Overloaded{
                 [](const NoStorage&) {},
                 [&](const StorageShareOfServers& s) {
                   out.storage = out.servers *
                                 e.read(model::Path(storage_at, "share"), s.share, specs::share);
                 },
                 [&](const StorageFixed& s) {
                   out.storage = e.read(model::Path(storage_at, "fixed_amount"), s.fixed_amount,
                                        specs::usd_amount);
                 },
             },
             fleet.storage);
  if (built)
    out.facility = e.read(model::Path(model::Path(root, "facility"), "build_cost"),
                          built->build_cost, specs::usd_per_megawatt) *
                   out.it_power;
  out.total = out.servers + out.network + out.storage + out.facility;
  return out;
}

/// A fleet's capex, typed, from the figures of its one definition at a
/// point: labels and provenance from `fleet`, amounts from `v`. Throws for
/// totals that overflow.
inline FleetCapex capex_from_values(const Fleet& fleet, const CapexValues<double>& v) {
  FleetCapex out;
  out.name = fleet.name;
  out.network_provenance = provenance_of(fleet.network);
  out.storage_provenance = provenance_of(fleet.storage);
  out.facility_provenance = provenance_of(fleet.facility);
  out.holdings.reserve(fleet.holdings.size());
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    const HoldingCapexValues<double>& hv = v.holdings[i];
    HoldingCapex hc;
    hc.label = h.label;
    hc.accelerator = h.accelerator.name;
    hc.count = hv.count;
    hc.year_bought = h.year_bought;
    hc.quoted_price = h.price;
    hc.server_price = hv.server_price;
    hc.server_price_evidence = server_price_evidence(h, fleet.exchange_rate);
    hc.servers = hv.servers;
    hc.network = hv.network;
    hc.total = hv.total;
    // Each input is finite, but count x price can still overflow.
    if (!std::isfinite(in_usd(hc.total)))
      detail::fail_value(detail::holding_field(i, h, "capex"), in_usd(hc.total),
                         "a finite capex in USD (count x price overflows)");
    out.holdings.push_back(std::move(hc));
  }
  out.servers = v.servers;
  out.network = v.network;
  out.shared_network = v.shared_network;
  out.storage = v.storage;
  out.facility = v.facility;
  out.total = v.total;
  // The facility is sized by the peak IT power, reported whatever the facility.
  out.it_power =
      std::holds_alternative<FacilityBuilt>(fleet.facility) ? v.it_power : it_power(fleet);
  if (!std::isfinite(in_usd(out.total)))
    detail::fail_value("fleet.capex", in_usd(out.total),
                       "a finite total capex in USD (the sum overflows)");
  return out;
}

/// The capex of a fleet. Throws `traincost::Error` for a bad input (a
/// negative count, a yuan price without an exchange rate ...), naming it.
inline FleetCapex cost_fleet_capex(const Fleet& fleet) {
  validate_fleet(fleet);
  model::PointEvaluator e;
  return capex_from_values(fleet, evaluate_fleet_capex(fleet, e, model::Path(fleet.name)));
}

}  // namespace traincost
