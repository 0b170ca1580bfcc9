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
#include <vector>

#include "traincost/breakdown.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet.hpp"
#include "traincost/provenance.hpp"
#include "traincost/scope.hpp"
#include "traincost/units.hpp"

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

  /// The holding with this label, or nullptr.
  const HoldingCapex* find(std::string_view label) const {
    for (const auto& h : holdings)
      if (h.label == label)
        return &h;
    return nullptr;
  }

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

/// The capex of a fleet. Throws `traincost::Error` for a bad input (a
/// negative count, a yuan price without an exchange rate ...), naming it.
inline FleetCapex fleet_capex(const Fleet& fleet) {
  validate_fleet(fleet);
  FleetCapex out;
  out.name = fleet.name;
  out.network_provenance = fleet.network.provenance;
  out.storage_provenance = fleet.storage.provenance;
  out.facility_provenance = fleet.facility.provenance;
  out.holdings.reserve(fleet.holdings.size());
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    HoldingCapex hc;
    hc.label = h.label;
    hc.accelerator = h.accelerator.name;
    hc.count = h.count;
    hc.year_bought = h.year_bought;
    hc.quoted_price = h.price;
    hc.server_price = server_price_per_accelerator(h, i, fleet.exchange_rate);
    hc.server_price_evidence = server_price_evidence(h, fleet.exchange_rate);
    hc.servers = hc.server_price * h.count;
    switch (fleet.network.kind) {
      case NetworkCost::Kind::share_of_cluster:
        // Network is s of (servers + network), so it is servers x s / (1 - s).
        hc.network = hc.servers * (fleet.network.share / (1.0 - fleet.network.share));
        break;
      case NetworkCost::Kind::per_endpoint:
        hc.network = fleet.network.per_endpoint_cost * fleet.network.endpoints_per_accelerator *
                     in_accelerators(h.count);
        break;
      case NetworkCost::Kind::none:
      case NetworkCost::Kind::fixed:
        break;
    }
    hc.total = hc.servers + hc.network;
    // Each input is finite, but count x price can still overflow.
    if (!std::isfinite(in_usd(hc.total)))
      detail::fail_value(detail::holding_field(i, h, "capex"), in_usd(hc.total),
                         "a finite capex in USD (count x price overflows)");
    out.servers += hc.servers;
    out.network += hc.network;
    out.holdings.push_back(std::move(hc));
  }
  if (fleet.network.kind == NetworkCost::Kind::fixed) {
    out.shared_network = fleet.network.fixed_amount;
    out.network += out.shared_network;
  }
  switch (fleet.storage.kind) {
    case StorageCost::Kind::share_of_servers:
      out.storage = out.servers * fleet.storage.share;
      break;
    case StorageCost::Kind::fixed:
      out.storage = fleet.storage.fixed_amount;
      break;
    case StorageCost::Kind::none:
      break;
  }
  out.it_power = it_power(fleet);
  if (fleet.facility.kind == Facility::Kind::built)
    out.facility = fleet.facility.build_cost * out.it_power;
  out.total = out.servers + out.network + out.storage + out.facility;
  if (!std::isfinite(in_usd(out.total)))
    detail::fail_value("fleet.capex", in_usd(out.total),
                       "a finite total capex in USD (the sum overflows)");
  return out;
}

}  // namespace traincost
