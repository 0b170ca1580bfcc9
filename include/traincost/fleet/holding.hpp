#pragma once
/// \file
/// One holding of a fleet: a block of identical accelerators bought together
/// (type, count, year bought, unit price per GPU or per server), its checks,
/// and the one definition of its server price and server power per
/// accelerator over any evaluator.
///
/// Method note (docs/sources.md): server power = chip TDP x
/// server-to-chip power ratio (Epoch AI: H100 1.82, A100 2.03, default 1.8)
/// [§7, P].

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "traincost/core/error.hpp"
#include "traincost/core/limits.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/price.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/fleet_specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

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

namespace detail {

/// "fleet.holdings[1] (H800).what". Allocates: build it only on a failure path.
inline FieldPath holding_field(std::size_t index, const Holding& h, std::string_view what) {
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

}  // namespace traincost
