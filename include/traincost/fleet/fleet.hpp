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

#include "traincost/hardware/accelerator.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/limits.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/fleet_specs.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/units/units.hpp"

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

/// "fleet.holdings[1] (H800).what". Allocates: build it only on a failure path.
inline std::string holding_field(std::size_t index, const Holding& h, std::string_view what) {
  return indexed_field("fleet.holdings", index, h.label, what);
}

// The failure paths below build a field name and a message; they are kept
// out of line and cold so that the passing path of a check inlined into a
// per-holding loop is one comparison (bench/fleet.cpp).

/// Throws for a bad value of holding `index` (require_positive names it).
[[gnu::cold, gnu::noinline]] inline void reject_positive_holding_value(std::size_t index,
                                                                       const Holding& h,
                                                                       std::string_view what,
                                                                       double v,
                                                                       std::string_view expected) {
  require_positive(holding_field(index, h, what), v, expected);
}

/// Throws for a bad count of holding `index` (require_positive_whole names it).
[[gnu::cold, gnu::noinline]] inline void reject_positive_whole_holding_value(
    std::size_t index, const Holding& h, std::string_view what, double v,
    std::string_view expected) {
  require_positive_whole(holding_field(index, h, what), v, expected);
}

/// Requires a finite value > 0 of holding `index`; the field name is built
/// only when the value is bad, so the passing path allocates nothing.
inline void require_positive_holding_value(std::size_t index, const Holding& h,
                                           std::string_view what, double v,
                                           std::string_view expected) {
  if (!is_positive(v)) [[unlikely]]
    reject_positive_holding_value(index, h, what, v, expected);
}

/// Requires a positive whole number of holding `index` (a count), naming it only on failure.
inline void require_positive_whole_holding_value(std::size_t index, const Holding& h,
                                                 std::string_view what, double v,
                                                 std::string_view expected) {
  // A positive finite number that is its own floor is a whole number >= 1.
  if (!is_positive(v) || std::floor(v) != v) [[unlikely]]
    reject_positive_whole_holding_value(index, h, what, v, expected);
}

[[noreturn, gnu::cold, gnu::noinline]] inline void fail_no_exchange_rate(std::size_t index,
                                                                         const Holding& h,
                                                                         CnyAmount yuan) {
  throw Error(ErrorCode::invalid_input, holding_field(index, h, "price"),
              "got CNY " + format_value(in_cny(yuan)) +
                  " with no exchange rate; expected fleet.exchange_rate to be set, e.g. "
                  "cny_per_usd(7.2) — yuan are never converted silently");
}

inline void validate_exchange_rate(const std::optional<Sourced<ExchangeRate>>& rate) {
  // Dollars per yuan is positive exactly when yuan per dollar is; checking it
  // by multiplication keeps a division off the per-holding path.
  if (rate && !is_positive(in_usd(cny(1) * rate->value)))
    require_positive("fleet.exchange_rate", in_cny_per_usd(rate->value), "number of CNY per USD");
}

/// Holding `index`'s quoted price in US dollars. A yuan amount needs `rate`;
/// without one this throws, naming the field and the amount.
inline Money quoted_in_usd(const Holding& h, std::size_t index,
                           const std::optional<Sourced<ExchangeRate>>& rate) {
  if (const auto* m = std::get_if<Money>(&h.price.amount)) {
    require_positive_holding_value(index, h, "price", in_usd(*m), "price in USD");
    return *m;
  }
  const CnyAmount yuan = std::get<CnyAmount>(h.price.amount);
  require_positive_holding_value(index, h, "price", in_cny(yuan), "price in CNY");
  validate_exchange_rate(rate);
  if (!rate)
    fail_no_exchange_rate(index, h, yuan);
  return yuan * rate->value;
}

/// Throws for a holding whose power is not a positive, finite number, naming
/// the input it came from: "server_power", "tdp" (the holding's override) or
/// "accelerator.tdp" (the catalog's figure).
[[noreturn, gnu::cold, gnu::noinline]] inline void fail_holding_power(const Holding& h,
                                                                      PowerPerAccelerator p) {
  std::string field = h.label.empty() ? std::string("holding.") : "holding (" + h.label + ").";
  field += h.server_power ? "server_power" : h.tdp ? "tdp" : "accelerator.tdp";
  fail_value(field, in_watts_per_accelerator(p),
             "a positive, finite server power per accelerator in W");
}

}  // namespace detail

/// Checks one holding's own fields (count, ratios, power); `index` names it in errors.
inline void validate_holding(const Holding& h, std::size_t index) {
  // The bounds of limits.hpp, as for a Cluster and in scenario files.
  if (!limits::is_accelerator_count(in_accelerators(h.count)))
    limits::require_accelerator_count(detail::holding_field(index, h, "count"),
                                      in_accelerators(h.count));
  if (!limits::is_accelerators_per_server(h.accelerators_per_server))
    limits::require_accelerators_per_server(
        detail::holding_field(index, h, "accelerators_per_server"), h.accelerators_per_server);
  const double overhead = h.server_overhead.value;
  if (!std::isfinite(overhead) || overhead < 1.0)
    detail::fail_value(detail::holding_field(index, h, "server_overhead"), overhead,
                       "a server-to-GPU price ratio >= 1");
  detail::require_positive_holding_value(
      index, h, "server_to_chip_power", h.server_to_chip_power.value, "server-to-chip power ratio");
  // Whichever input sets the power must be a positive, finite number of
  // watts: a NaN TDP in a custom accelerator would otherwise become a NaN
  // energy cost.
  if (h.server_power)
    detail::require_positive_holding_value(index, h, "server_power",
                                           in_watts(h.server_power->value), "server power in W");
  else if (h.tdp)
    detail::require_positive_holding_value(index, h, "tdp", in_watts_per_accelerator(h.tdp->value),
                                           "TDP in W");
  else if (!h.accelerator.tdp)
    throw Error(ErrorCode::invalid_input, detail::holding_field(index, h, "tdp"),
                "the " + h.accelerator.name +
                    " has no TDP in the catalog; expected holding.tdp or holding.server_power");
  else
    detail::require_positive_holding_value(
        index, h, "accelerator.tdp", in_watts_per_accelerator(*h.accelerator.tdp), "TDP in W");
}

/// The one definition of a holding's server price per accelerator, over any
/// evaluator (model/evaluator.hpp): the quoted price (USD, or yuan x `rate`)
/// / accelerators per server, or x server overhead for a per-GPU price.
/// Reads "price", then "accelerators_per_server" or "server_overhead" under
/// `at`; `rate` is the fleet's exchange rate as read by the caller, null
/// when the fleet has none (a yuan price then throws).
template <class E>
model::Val<typename E::value_type, AcceleratorPrice> evaluate_server_price(
    const Holding& h, const model::Val<typename E::value_type, ExchangeRate>* rate, E& e,
    const model::Path& at) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  const model::Val<V, Money> quoted = [&]() -> model::Val<V, Money> {
    if (const auto* m = std::get_if<Money>(&h.price.amount))
      return e.read(model::Path(at, "price"), *m, specs::usd_price);
    const CnyAmount yuan = std::get<CnyAmount>(h.price.amount);
    if (!rate)
      throw Error(ErrorCode::invalid_input, model::Path(at, "price").str(),
                  "got CNY " + detail::format_value(in_cny(yuan)) +
                      " with no exchange rate; expected the fleet's exchange_rate to be set");
    return e.read(model::Path(at, "price"), yuan, specs::cny_price) * *rate;
  }();
  if (h.price.basis == PriceBasis::per_server)
    return quoted / e.read(model::Path(at, "accelerators_per_server"),
                           accelerators(h.accelerators_per_server), specs::accelerators_per_server);
  const V overhead =
      e.read(model::Path(at, "server_overhead"), h.server_overhead.value, specs::server_overhead);
  return quoted * overhead / model::constant<V>(accelerators(1));
}

/// The one definition of a holding's wall power per accelerator, over any
/// evaluator: a measured server power / accelerators per server, else TDP x
/// server-to-chip ratio. Reads "server_power" and "accelerators_per_server",
/// or "tdp" (the override, else the catalog's) and "server_to_chip_power"
/// under `at`.
template <class E>
model::Val<typename E::value_type, PowerPerAccelerator> evaluate_server_power(
    const Holding& h, E& e, const model::Path& at) {
  using V = typename E::value_type;
  namespace specs = model::specs;
  if (h.server_power) {
    const model::Val<V, Power> server =
        e.read(model::Path(at, "server_power"), h.server_power->value, specs::server_power);
    return server / e.read(model::Path(at, "accelerators_per_server"),
                           accelerators(h.accelerators_per_server), specs::accelerators_per_server);
  }
  const model::Val<V, PowerPerAccelerator> tdp = e.read(
      model::Path(at, "tdp"),
      h.tdp ? h.tdp->value : h.accelerator.tdp.value_or(watts_per_accelerator(0)), specs::tdp);
  const V to_server = e.read(model::Path(at, "server_to_chip_power"), h.server_to_chip_power.value,
                             specs::server_to_chip_power);
  return tdp * to_server;
}

/// The server price per accelerator of holding `index`, in USD: a per-server
/// price / accelerators per server, or a per-GPU price x server overhead.
inline AcceleratorPrice server_price_per_accelerator(
    const Holding& h, std::size_t index, const std::optional<Sourced<ExchangeRate>>& rate) {
  (void)detail::quoted_in_usd(h, index, rate);
  if (h.price.basis == PriceBasis::per_server)
    detail::require_positive_whole_holding_value(
        index, h, "accelerators_per_server", h.accelerators_per_server, "accelerators per server");
  model::PointEvaluator e;
  const ExchangeRate r = rate ? rate->value : cny_per_usd(1);
  const model::Path fleet("fleet");
  return evaluate_server_price(h, rate ? &r : nullptr, e, model::Path(fleet, "holdings", index));
}

/// How far the server price of a holding can be trusted: the weakest of the
/// quoted price, the exchange rate (yuan prices) and the server overhead
/// (per-GPU prices).
inline Evidence server_price_evidence(const Holding& h,
                                      const std::optional<Sourced<ExchangeRate>>& rate) {
  Evidence e = h.price.provenance.evidence;
  if (std::holds_alternative<CnyAmount>(h.price.amount) && rate)
    e = weakest({e, rate->provenance.evidence});
  if (h.price.basis == PriceBasis::per_accelerator)
    e = weakest({e, h.server_overhead.provenance.evidence});
  return e;
}

/// The wall power of one accelerator's share of its server: a measured
/// server power / accelerators per server, else TDP x server-to-chip ratio.
/// Throws when the power that results is not a positive, finite number (a
/// missing or NaN TDP), naming the input it came from.
inline PowerPerAccelerator server_power_per_accelerator(const Holding& h) {
  model::PointEvaluator e;
  const PowerPerAccelerator p = evaluate_server_power(h, e, model::Path("holding"));
  if (!detail::is_positive(in_watts_per_accelerator(p))) [[unlikely]]
    detail::fail_holding_power(h, p);
  return p;
}

/// How far a holding's power can be trusted: a measured server power's own
/// evidence, else the weakest of the TDP's (the catalog row's `tdp_evidence`,
/// e.g. [?] for the H800, or the override's) and the server-to-chip ratio's.
inline Evidence server_power_evidence(const Holding& h) {
  if (h.server_power)
    return h.server_power->provenance.evidence;
  const Evidence tdp = h.tdp ? h.tdp->provenance.evidence : h.accelerator.tdp_evidence;
  return weakest({tdp, h.server_to_chip_power.provenance.evidence});
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
      detail::require_share("fleet.network.share", fleet.network.share);
      break;
    case NetworkCost::Kind::per_endpoint:
      detail::require_positive("fleet.network.per_endpoint_cost",
                               in_usd(fleet.network.per_endpoint_cost), "cost in USD");
      detail::require_positive("fleet.network.endpoints_per_accelerator",
                               fleet.network.endpoints_per_accelerator, "number of endpoints");
      break;
    case NetworkCost::Kind::fixed:
      detail::require_non_negative("fleet.network.fixed_amount", in_usd(fleet.network.fixed_amount),
                                   "cost in USD");
      break;
  }
  switch (fleet.storage.kind) {
    case StorageCost::Kind::none:
      break;
    case StorageCost::Kind::share_of_servers:
      // Storage is a part of the hardware, not a multiple of it: a share in
      // [0, 1) keeps a typo such as 1e308 from becoming an infinite capex.
      detail::require_share("fleet.storage.share", fleet.storage.share);
      break;
    case StorageCost::Kind::fixed:
      detail::require_non_negative("fleet.storage.fixed_amount", in_usd(fleet.storage.fixed_amount),
                                   "cost in USD");
      break;
  }
  switch (fleet.facility.kind) {
    case Facility::Kind::none:
      break;
    case Facility::Kind::built:
      detail::require_positive("fleet.facility.build_cost",
                               in_usd_per_megawatt(fleet.facility.build_cost), "USD per MW");
      break;
    case Facility::Kind::colocated:
      detail::require_positive("fleet.facility.colocation_price",
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
