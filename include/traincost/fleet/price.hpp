#pragma once
/// \file
/// A purchase price as quoted: an amount in US dollars or Chinese yuan, per
/// accelerator or per 8-GPU server, with its source. Yuan become dollars only
/// through a fleet's `exchange_rate` (fleet.hpp).
///
/// Method note (docs/sources.md): when only a GPU price is known,
/// the server costs about 1.64x the GPU price (Epoch AI; A100 1.66, V100
/// 1.69) [§6, A].

#include <string_view>
#include <utility>
#include <variant>

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

}  // namespace traincost
