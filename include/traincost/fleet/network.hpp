#pragma once
/// \file
/// How a fleet's cluster network is costed: not at all, as a share of the
/// cluster, per NIC endpoint, or as a stated total — one small struct per
/// kind, and `NetworkCost` the variant of them.
///
/// Method notes (docs/sources.md): network as a share of cluster
/// cost, Epoch AI's 19%, i.e. acquisition = N x price / (1 - 0.19) [§6, §7];
/// or a cost per endpoint: DeepSeek's two-layer fat-tree at $4.39K per
/// endpoint (ISCA'25, Table 3) [§1, P].

#include <variant>

#include "traincost/core/provenance.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// No network line (not counted, or already inside the server price).
struct NoNetwork {
  Provenance provenance;
};

/// A share s of (servers + network): network = servers x s / (1 - s).
struct NetworkShareOfCluster {
  double share = 0.0;  ///< in [0, 1)
  Provenance provenance;
};

/// A cost per NIC endpoint.
struct NetworkPerEndpoint {
  Money per_endpoint_cost = usd(0);        ///< USD per endpoint
  double endpoints_per_accelerator = 1.0;  ///< 1/8 for one NIC per 8-GPU node
  Provenance provenance;
};

/// A stated total for the whole fleet, not split by holding.
struct NetworkFixed {
  Money fixed_amount = usd(0);
  Provenance provenance;
};

/// How the cluster network is costed; `NoNetwork` by default.
using NetworkCost =
    std::variant<NoNetwork, NetworkShareOfCluster, NetworkPerEndpoint, NetworkFixed>;

/// Where the network figure comes from, whatever its kind.
inline const Provenance& provenance_of(const NetworkCost& n) {
  return std::visit([](const auto& k) -> const Provenance& { return k.provenance; }, n);
}

/// Epoch AI's cluster interconnect share, 19% of cluster cost [sources.md §6/§7].
inline NetworkCost epoch_network_share() {
  return NetworkShareOfCluster{
      0.19, analyst_estimate("Epoch AI: interconnect adds 19% of cluster cost (sources.md §6)")};
}

/// DeepSeek's two-layer fat-tree, $4.39K per endpoint (ISCA'25, Table 3) [sources.md §1, P].
inline NetworkCost deepseek_fat_tree_per_endpoint() {
  return NetworkPerEndpoint{
      usd(4'390), 1.0,
      published("DeepSeek ISCA'25 (arXiv 2505.09343), Table 3: two-layer fat-tree, "
                "2,048 endpoints, $9M, $4.39K per endpoint (sources.md §1)")};
}

}  // namespace traincost
