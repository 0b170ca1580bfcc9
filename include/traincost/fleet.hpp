#pragma once
/// \file
/// A fleet: what an organisation owns. Holdings of accelerators (type, count,
/// year bought, unit price per GPU or per 8-GPU server), the cluster network,
/// storage and the facility the servers sit in. A fleet is only inputs; the
/// capex, operating-cost and ownership models (capex.hpp, operating_cost.hpp,
/// ownership.hpp) turn it into dollars.
///
/// Prices may be quoted in US dollars or in Chinese yuan. Yuan become dollars
/// only through the fleet's `exchange_rate`; a yuan price in a fleet without
/// one is an error naming the field and the amount — never a silent
/// conversion at some rate nobody chose.
///
/// Method notes (shared/reference/sources.md):
/// - When only a GPU price is known, the server costs about 1.64x the GPU
///   price (Epoch AI; A100 1.66, V100 1.69) [§6, A].
/// - Network as a share of cluster cost: Epoch AI's 19%, i.e. acquisition =
///   N x price / (1 - 0.19) [§6, §7]; or a cost per endpoint: DeepSeek's
///   two-layer fat-tree at $4.39K per endpoint (ISCA'25, Table 3) [§1, P].
/// - Server power = chip TDP x server-to-chip power ratio (Epoch AI: H100
///   1.82, A100 2.03, default 1.8) [§7, P].

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "traincost/accelerator.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/error.hpp"
#include "traincost/provenance.hpp"
#include "traincost/units.hpp"

namespace traincost {

/// An amount quoted in US dollars or in Chinese yuan.
using QuotedAmount = std::variant<Money, CnyAmount>;

/// Whether a quoted price is for one accelerator or for a whole server.
enum class PriceBasis {
  per_accelerator,  ///< the GPU alone, or a per-GPU share of a server (see `server_overhead`)
  per_server,       ///< one server with `accelerators_per_server` accelerators
};

/// "per GPU" or "per server".
constexpr std::string_view to_string(PriceBasis b) {
  return b == PriceBasis::per_server ? "per server" : "per GPU";
}

/// A purchase price as quoted: an amount (USD or CNY), what it buys, and its source.
struct UnitPrice {
  QuotedAmount amount = usd(0);
  PriceBasis basis = PriceBasis::per_accelerator;
  Provenance provenance;

  /// A price for one accelerator, in US dollars.
  static UnitPrice per_gpu(Money amount, Provenance source) {
    return {amount, PriceBasis::per_accelerator, std::move(source)};
  }
  /// A price for one accelerator, in yuan.
  static UnitPrice per_gpu(CnyAmount amount, Provenance source) {
    return {amount, PriceBasis::per_accelerator, std::move(source)};
  }
  /// A price for one whole server, in US dollars.
  static UnitPrice per_server(Money amount, Provenance source) {
    return {amount, PriceBasis::per_server, std::move(source)};
  }
  /// A price for one whole server, in yuan.
  static UnitPrice per_server(CnyAmount amount, Provenance source) {
    return {amount, PriceBasis::per_server, std::move(source)};
  }
};

/// Epoch AI's server-to-GPU price ratio: a server costs ~1.64x its GPUs [sources.md §6, A].
inline Sourced<double> epoch_server_overhead() {
  return {1.64, analyst_estimate("Epoch AI: server price ~1.64x GPU price (sources.md §6)")};
}

/// Epoch AI's default server-to-chip power ratio, 1.8 [sources.md §7, P].
inline Sourced<double> epoch_default_server_to_chip_power() {
  return {1.8, published("Epoch AI (arXiv 2405.21015): default server-to-chip power ratio 1.8 "
                         "(sources.md §7)")};
}

/// One block of identical accelerators bought together.
struct Holding {
  /// Short name used in tables and look-ups, e.g. "H800".
  std::string label;
  /// The accelerator type (from the catalog or custom); its TDP drives power.
  AcceleratorSpec accelerator;
  /// Number of accelerators; a positive whole number.
  AcceleratorCount count = accelerators(0);
  /// Calendar year of purchase (0 when unknown); for age and book value.
  int year_bought = 0;
  /// The purchase price as quoted.
  UnitPrice price;
  /// Server price / GPU price, applied only to a per-GPU price. Set 1.0 when
  /// the per-GPU figure already is a server share (e.g. a DGX price / 8).
  Sourced<double> server_overhead = epoch_server_overhead();
  /// Accelerators in one server, for per-server prices and power (8 for HGX/DGX).
  double accelerators_per_server = 8;
  /// Server wall power / chip TDP (Epoch AI: H100 1.82, A100 2.03, default 1.8).
  Sourced<double> server_to_chip_power = epoch_default_server_to_chip_power();
  /// Measured power of one whole server; when set, replaces TDP x ratio
  /// (Fire-Flyer 2 publishes 2,500 W per node).
  std::optional<Sourced<Power>> server_power;
  /// Overrides the accelerator's catalog TDP (W per accelerator).
  std::optional<Sourced<PowerPerAccelerator>> tdp;
};

/// How the cluster network is costed.
struct NetworkCost {
  enum class Kind {
    none,              ///< not counted (or already inside the server price)
    share_of_cluster,  ///< a share of (servers + network): network = servers x s / (1 - s)
    per_endpoint,      ///< a cost per NIC endpoint
    fixed,             ///< a stated total for the whole fleet
  };
  Kind kind = Kind::none;
  double share = 0.0;                      ///< for share_of_cluster, in [0, 1)
  Money per_endpoint_cost = usd(0);        ///< for per_endpoint, USD per endpoint
  double endpoints_per_accelerator = 1.0;  ///< for per_endpoint (1/8 for one NIC per 8-GPU node)
  Money fixed_amount = usd(0);             ///< for fixed
  Provenance provenance;

  /// No network line.
  static NetworkCost none() { return {}; }
  /// Network as a share of total cluster cost (Epoch AI: 0.19).
  static NetworkCost share_of_cluster(double s, Provenance source) {
    NetworkCost n;
    n.kind = Kind::share_of_cluster;
    n.share = s;
    n.provenance = std::move(source);
    return n;
  }
  /// Network as a cost per endpoint (DeepSeek: $4.39K for a two-layer fat-tree).
  static NetworkCost per_endpoint(Money cost, Provenance source,
                                  double endpoints_per_accelerator = 1.0) {
    NetworkCost n;
    n.kind = Kind::per_endpoint;
    n.per_endpoint_cost = cost;
    n.endpoints_per_accelerator = endpoints_per_accelerator;
    n.provenance = std::move(source);
    return n;
  }
  /// Network as a stated total.
  static NetworkCost fixed(Money total, Provenance source) {
    NetworkCost n;
    n.kind = Kind::fixed;
    n.fixed_amount = total;
    n.provenance = std::move(source);
    return n;
  }
};

/// Epoch AI's cluster interconnect share, 19% of cluster cost [sources.md §6/§7].
inline NetworkCost epoch_network_share() {
  return NetworkCost::share_of_cluster(
      0.19, analyst_estimate("Epoch AI: interconnect adds 19% of cluster cost (sources.md §6)"));
}

/// DeepSeek's two-layer fat-tree, $4.39K per endpoint (ISCA'25, Table 3) [sources.md §1, P].
inline NetworkCost deepseek_fat_tree_per_endpoint() {
  return NetworkCost::per_endpoint(
      usd(4'390), published("DeepSeek ISCA'25 (arXiv 2505.09343), Table 3: two-layer fat-tree, "
                            "2,048 endpoints, $9M, $4.39K per endpoint (sources.md §1)"));
}

/// How storage is costed.
struct StorageCost {
  enum class Kind { none, share_of_servers, fixed };
  Kind kind = Kind::none;
  double share = 0.0;           ///< for share_of_servers: storage = servers x share
  Money fixed_amount = usd(0);  ///< for fixed
  Provenance provenance;

  /// No storage line.
  static StorageCost none() { return {}; }
  /// Storage as a share of server capex.
  static StorageCost share_of_servers(double s, Provenance source) {
    return {Kind::share_of_servers, s, usd(0), std::move(source)};
  }
  /// Storage as a stated total.
  static StorageCost fixed(Money total, Provenance source) {
    return {Kind::fixed, 0.0, total, std::move(source)};
  }
};

/// Where the servers sit: a datacenter built (capex per MW of IT capacity)
/// or colocation space rented (opex per kW of IT capacity per month).
struct Facility {
  enum class Kind { none, built, colocated };
  Kind kind = Kind::none;
  PowerCapacityPrice build_cost = usd_per_megawatt(0);       ///< for built: USD per MW of IT power
  EnergyPrice colocation_price = usd_per_kilowatt_month(0);  ///< for colocated: USD per kW-month
  Provenance provenance;

  /// No facility line.
  static Facility none() { return {}; }
  /// A datacenter built at `cost` per MW of IT capacity (a capex line).
  static Facility built(PowerCapacityPrice cost, Provenance source) {
    return {Kind::built, cost, usd_per_kilowatt_month(0), std::move(source)};
  }
  /// Colocation at `price` per kW of IT capacity per month (an operating line).
  static Facility colocated(EnergyPrice price, Provenance source) {
    return {Kind::colocated, usd_per_megawatt(0), price, std::move(source)};
  }
};

/// Everything an organisation owns, as inputs.
struct Fleet {
  std::string name;
  std::vector<Holding> holdings;
  NetworkCost network;
  StorageCost storage;
  Facility facility;
  /// Needed as soon as any price is in yuan; never assumed.
  std::optional<Sourced<ExchangeRate>> exchange_rate;

  /// The holding with this label, or nullptr.
  const Holding* find(std::string_view label) const {
    for (const auto& h : holdings)
      if (h.label == label)
        return &h;
    return nullptr;
  }
  /// The holding with this label, or nullptr (to change an assumption).
  Holding* find(std::string_view label) {
    for (auto& h : holdings)
      if (h.label == label)
        return &h;
    return nullptr;
  }
};

/// The same fleet without the holding labelled `label`; throws if absent.
inline Fleet without_holding(Fleet fleet, std::string_view label) {
  for (auto it = fleet.holdings.begin(); it != fleet.holdings.end(); ++it)
    if (it->label == label) {
      fleet.holdings.erase(it);
      return fleet;
    }
  throw Error(ErrorCode::unknown_name, "fleet.holdings",
              "no holding labelled \"" + std::string(label) + "\" in fleet \"" + fleet.name + "\"");
}

namespace detail {

// Checks whose passing path is a comparison inlined into the caller; the
// failure path (building the message) is the shared require_* function.
// Fleet and ownership models run them once per holding or input.

/// Like require_positive, inlining the passing path.
inline void check_positive(std::string_view field, double v, std::string_view what) {
  if (!is_positive(v)) [[unlikely]]
    require_positive(field, v, what);
}
/// Like require_non_negative, inlining the passing path.
inline void check_non_negative(std::string_view field, double v, std::string_view what) {
  if (!(std::isfinite(v) && v >= 0.0)) [[unlikely]]
    require_non_negative(field, v, what);
}
/// Like require_unit_fraction, inlining the passing path.
inline void check_unit_fraction(std::string_view field, double v) {
  if (!(std::isfinite(v) && v > 0.0 && v <= 1.0)) [[unlikely]]
    require_unit_fraction(field, v);
}
/// Like require_share, inlining the passing path.
inline void check_share(std::string_view field, double v) {
  if (!(std::isfinite(v) && v >= 0.0 && v < 1.0)) [[unlikely]]
    require_share(field, v);
}

/// "fleet.holdings[1] (H800).what"
inline std::string holding_field(std::size_t index, const Holding& h, std::string_view what) {
  std::string f = "fleet.holdings[" + std::to_string(index) + "]";
  if (!h.label.empty())
    f += " (" + h.label + ")";
  f += ".";
  f += what;
  return f;
}

/// Names the fields of holding `index` in errors. The name is built only
/// when a check fails, so the happy path allocates nothing.
struct HoldingFields {
  std::size_t index;
  const Holding& holding;

  /// "fleet.holdings[1] (H800).what"
  std::string operator()(std::string_view what) const {
    return holding_field(index, holding, what);
  }
  /// Requires a finite value > 0.
  void positive(std::string_view what, double v, std::string_view expected) const {
    if (!is_positive(v)) [[unlikely]]
      fail_positive(what, v, expected);
  }
  /// Requires a positive whole number.
  void positive_whole(std::string_view what, double v, std::string_view expected) const {
    if (!(std::isfinite(v) && v >= 1.0 && std::floor(v) == v)) [[unlikely]]
      fail_positive_whole(what, v, expected);
  }
  // The failure paths stay out of line so the checks inline into hot loops.
  [[noreturn, gnu::cold, gnu::noinline]] void fail_positive(std::string_view what, double v,
                                                            std::string_view expected) const {
    require_positive((*this)(what), v, expected);
    throw Error(ErrorCode::invalid_value, (*this)(what), "unreachable");
  }
  [[noreturn, gnu::cold, gnu::noinline]] void fail_positive_whole(std::string_view what, double v,
                                                                  std::string_view expected) const {
    require_positive_whole((*this)(what), v, expected);
    throw Error(ErrorCode::invalid_value, (*this)(what), "unreachable");
  }
  [[noreturn, gnu::cold, gnu::noinline]] void fail_no_exchange_rate(CnyAmount yuan) const {
    throw Error(ErrorCode::invalid_input, (*this)("price"),
                "got CNY " + format_value(in_cny(yuan)) +
                    " with no exchange rate; expected fleet.exchange_rate to be set, e.g. "
                    "cny_per_usd(7.2) — yuan are never converted silently");
  }
};

inline void validate_exchange_rate(const std::optional<Sourced<ExchangeRate>>& rate) {
  // Dollars per yuan is positive exactly when yuan per dollar is; checking it
  // by multiplication keeps a division off the per-holding path.
  if (rate && !is_positive(in_usd(cny(1) * rate->value)))
    require_positive("fleet.exchange_rate", in_cny_per_usd(rate->value), "number of CNY per USD");
}

/// A quoted amount in US dollars. A yuan amount needs `rate`; without one
/// this throws, naming the field and the amount.
inline Money quoted_in_usd(const QuotedAmount& amount,
                           const std::optional<Sourced<ExchangeRate>>& rate,
                           const HoldingFields& fields) {
  if (const auto* m = std::get_if<Money>(&amount)) {
    fields.positive("price", in_usd(*m), "price in USD");
    return *m;
  }
  const CnyAmount yuan = std::get<CnyAmount>(amount);
  fields.positive("price", in_cny(yuan), "price in CNY");
  validate_exchange_rate(rate);
  if (!rate) [[unlikely]]
    fields.fail_no_exchange_rate(yuan);
  return yuan * rate->value;
}

}  // namespace detail

/// Checks one holding's own fields (count, ratios, power); `index` names it in errors.
inline void validate_holding(const Holding& h, std::size_t index) {
  const detail::HoldingFields fields{index, h};
  fields.positive_whole("count", in_accelerators(h.count), "accelerators");
  fields.positive_whole("accelerators_per_server", h.accelerators_per_server,
                        "accelerators per server");
  const double overhead = h.server_overhead.value;
  if (!std::isfinite(overhead) || overhead < 1.0)
    detail::fail_value(fields("server_overhead"), overhead, "a server-to-GPU price ratio >= 1");
  fields.positive("server_to_chip_power", h.server_to_chip_power.value,
                  "server-to-chip power ratio");
  if (h.server_power)
    fields.positive("server_power", in_watts(h.server_power->value), "server power in W");
  else if (h.tdp)
    fields.positive("tdp", in_watts_per_accelerator(h.tdp->value), "TDP in W");
  else if (!h.accelerator.tdp)
    throw Error(ErrorCode::invalid_input, fields("tdp"),
                "the " + h.accelerator.name +
                    " has no TDP in the catalog; expected holding.tdp or holding.server_power");
}

/// The server price per accelerator of holding `index`, in USD: a per-server
/// price / accelerators per server, or a per-GPU price x server overhead.
inline AcceleratorPrice server_price_per_accelerator(
    const Holding& h, std::size_t index, const std::optional<Sourced<ExchangeRate>>& rate) {
  const detail::HoldingFields fields{index, h};
  const Money quoted = detail::quoted_in_usd(h.price.amount, rate, fields);
  if (h.price.basis == PriceBasis::per_server) {
    fields.positive_whole("accelerators_per_server", h.accelerators_per_server,
                          "accelerators per server");
    return quoted / accelerators(h.accelerators_per_server);
  }
  return quoted * h.server_overhead.value / accelerators(1);
}

/// The wall power of one accelerator's share of its server: a measured
/// server power / accelerators per server, else TDP x server-to-chip ratio.
inline PowerPerAccelerator server_power_per_accelerator(const Holding& h) {
  if (h.server_power)
    return h.server_power->value / accelerators(h.accelerators_per_server);
  const PowerPerAccelerator tdp =
      h.tdp ? h.tdp->value : h.accelerator.tdp.value_or(watts_per_accelerator(0));
  return tdp * h.server_to_chip_power.value;
}

/// The peak IT (server) power of a holding: accelerators x per-accelerator server power.
inline Power it_power(const Holding& h) {
  return server_power_per_accelerator(h) * h.count;
}

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
  switch (fleet.network.kind) {
    case NetworkCost::Kind::none:
      break;
    case NetworkCost::Kind::share_of_cluster:
      detail::check_share("fleet.network.share", fleet.network.share);
      break;
    case NetworkCost::Kind::per_endpoint:
      detail::check_positive("fleet.network.per_endpoint_cost",
                             in_usd(fleet.network.per_endpoint_cost), "cost in USD");
      detail::check_positive("fleet.network.endpoints_per_accelerator",
                             fleet.network.endpoints_per_accelerator, "number of endpoints");
      break;
    case NetworkCost::Kind::fixed:
      detail::check_non_negative("fleet.network.fixed_amount", in_usd(fleet.network.fixed_amount),
                                 "cost in USD");
      break;
  }
  switch (fleet.storage.kind) {
    case StorageCost::Kind::none:
      break;
    case StorageCost::Kind::share_of_servers:
      detail::check_non_negative("fleet.storage.share", fleet.storage.share, "share");
      break;
    case StorageCost::Kind::fixed:
      detail::check_non_negative("fleet.storage.fixed_amount", in_usd(fleet.storage.fixed_amount),
                                 "cost in USD");
      break;
  }
  switch (fleet.facility.kind) {
    case Facility::Kind::none:
      break;
    case Facility::Kind::built:
      detail::check_positive("fleet.facility.build_cost",
                             in_usd_per_megawatt(fleet.facility.build_cost), "USD per MW");
      break;
    case Facility::Kind::colocated:
      detail::check_positive("fleet.facility.colocation_price",
                             in_usd_per_kilowatt_month(fleet.facility.colocation_price),
                             "USD per kW-month");
      break;
  }
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
