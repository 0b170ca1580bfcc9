#pragma once
/// \file
/// How a fleet's storage is costed: not at all, as a share of server capex,
/// or as a stated total — one small struct per kind, and `StorageCost` the
/// variant of them.

#include <variant>

#include "traincost/core/provenance.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// No storage line.
struct NoStorage {
  Provenance provenance;
};

/// Storage as a share of server capex: storage = servers x share.
struct StorageShareOfServers {
  double share = 0.0;  ///< in [0, 1)
  Provenance provenance;
};

/// Storage as a stated total.
struct StorageFixed {
  Money fixed_amount = usd(0);
  Provenance provenance;
};

/// How storage is costed; `NoStorage` by default.
using StorageCost = std::variant<NoStorage, StorageShareOfServers, StorageFixed>;

/// Where the storage figure comes from, whatever its kind.
inline const Provenance& provenance_of(const StorageCost& s) {
  return std::visit([](const auto& k) -> const Provenance& { return k.provenance; }, s);
}

}  // namespace traincost
