#pragma once
/// \file
/// A fleet: what an organisation owns. Holdings of accelerators (type, count,
/// year bought, unit price per GPU or per 8-GPU server; holding.hpp), the
/// cluster network (network.hpp), storage (storage.hpp) and the facility the
/// servers sit in (facility.hpp). A fleet is only inputs; the capex,
/// operating-cost and ownership models (capex.hpp, operating_cost.hpp,
/// ownership.hpp) turn it into dollars. This header includes the parts.
///
/// Prices may be quoted in US dollars or in Chinese yuan. Yuan become dollars
/// only through the fleet's `exchange_rate`; a yuan price in a fleet without
/// one is an error naming the field and the amount — never a silent
/// conversion at some rate nobody chose.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/facility.hpp"
#include "traincost/fleet/holding.hpp"
#include "traincost/fleet/lookup.hpp"
#include "traincost/fleet/network.hpp"
#include "traincost/fleet/price.hpp"
#include "traincost/fleet/storage.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Everything an organisation owns, as inputs.
struct Fleet {
  std::string name;
  std::vector<Holding> holdings;
  NetworkCost network;
  StorageCost storage;
  Facility facility;
  /// Needed as soon as any price is in yuan; never assumed.
  std::optional<Sourced<ExchangeRate>> exchange_rate;

  /// The holding with this label. Throws `traincost::Error`
  /// (`ErrorCode::unknown_name`, field "fleet.holdings") listing the labels.
  const Holding& at(std::string_view label) const {
    return detail::at_label(holdings, label, "fleet.holdings");
  }
  /// The holding with this label, to change an assumption; throws as above.
  Holding& at(std::string_view label) {
    return detail::at_label(holdings, label, "fleet.holdings");
  }
  /// Whether the fleet has a holding with this label.
  bool contains(std::string_view label) const { return detail::contains_label(holdings, label); }
};

/// The same fleet without the holding labelled `label`; throws
/// `ErrorCode::unknown_name` as `Fleet::at` when absent.
inline Fleet without_holding(Fleet fleet, std::string_view label) {
  for (auto it = fleet.holdings.begin(); it != fleet.holdings.end(); ++it)
    if (it->label == label) {
      fleet.holdings.erase(it);
      return fleet;
    }
  detail::fail_unknown_label("fleet.holdings", label, detail::labels_of(fleet.holdings));
}

namespace detail {

/// Checks the network's own fields, by kind.
struct ValidateNetwork {
  void operator()(const NoNetwork&) const {}
  void operator()(const NetworkShareOfCluster& n) const {
    require_share("fleet.network.share", n.share);
  }
  void operator()(const NetworkPerEndpoint& n) const {
    require_positive("fleet.network.per_endpoint_cost", in_usd(n.per_endpoint_cost), "cost in USD");
    require_positive("fleet.network.endpoints_per_accelerator", n.endpoints_per_accelerator,
                     "number of endpoints");
  }
  void operator()(const NetworkFixed& n) const {
    require_non_negative("fleet.network.fixed_amount", in_usd(n.fixed_amount), "cost in USD");
  }
};

/// Checks the storage's own fields, by kind.
struct ValidateStorage {
  void operator()(const NoStorage&) const {}
  void operator()(const StorageShareOfServers& s) const {
    // Storage is a part of the hardware, not a multiple of it: a share in
    // [0, 1) keeps a typo such as 1e308 from becoming an infinite capex.
    require_share("fleet.storage.share", s.share);
  }
  void operator()(const StorageFixed& s) const {
    require_non_negative("fleet.storage.fixed_amount", in_usd(s.fixed_amount), "cost in USD");
  }
};

/// Checks the facility's own fields, by kind.
struct ValidateFacility {
  void operator()(const NoFacility&) const {}
  void operator()(const FacilityBuilt& f) const {
    require_positive("fleet.facility.build_cost", in_usd_per_megawatt(f.build_cost), "USD per MW");
  }
  void operator()(const FacilityColocated& f) const {
    require_positive("fleet.facility.colocation_price",
                     in_usd_per_kilowatt_month(f.colocation_price), "USD per kW-month");
  }
};

}  // namespace detail

/// Checks a fleet's inputs; throws `traincost::Error` naming the first bad field.
inline void validate_fleet(const Fleet& fleet) {
  if (fleet.holdings.empty())
    throw Error(ErrorCode::invalid_input, "fleet.holdings",
                "the fleet \"" + fleet.name + "\" has no holdings; expected at least one");
  detail::validate_exchange_rate(fleet.exchange_rate);
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    validate_holding(fleet.holdings[i], i);
    server_price_per_accelerator(fleet.holdings[i], i, fleet.exchange_rate);
  }
  std::visit(detail::ValidateNetwork{}, fleet.network);
  std::visit(detail::ValidateStorage{}, fleet.storage);
  std::visit(detail::ValidateFacility{}, fleet.facility);
}

/// The fleet's peak IT power: the sum over holdings (what a facility is sized and billed for).
inline Power it_power(const Fleet& fleet) {
  Power total = watts(0);
  for (const auto& h : fleet.holdings)
    total += it_power(h);
  return total;
}

/// The number of accelerators in the fleet.
inline AcceleratorCount accelerator_count(const Fleet& fleet) {
  AcceleratorCount n = accelerators(0);
  for (const auto& h : fleet.holdings)
    n += h.count;
  return n;
}

}  // namespace traincost
