#pragma once
/// \file
/// A fleet's total cost of ownership over a period: capex (capex.hpp) +
/// operating cost (operating_cost.hpp). Scope: `Scope::fleet_tco`.

#include <cmath>
#include <utility>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_assumptions.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// A fleet's TCO figures over a value type `V`.
template <class V>
struct TcoValues {
  CapexValues<V> capex;
  OperatingValues<V> operating;
  model::Val<V, Money> total;
};

/// The one definition of a fleet's total cost of ownership over a period:
/// capex (`evaluate_fleet_capex`) + operating cost (`evaluate_fleet_operating`),
/// reading what both read under `root`.
template <class E>
TcoValues<typename E::value_type> evaluate_fleet_tco(const Fleet& fleet,
                                                     const OperatingAssumptions& a, E& e,
                                                     const model::Path& root) {
  CapexValues<typename E::value_type> capex = evaluate_fleet_capex(fleet, e, root);
  OperatingValues<typename E::value_type> operating =
      evaluate_fleet_operating(fleet, capex, a, e, root);
  auto total = capex.total + operating.total;
  return {std::move(capex), std::move(operating), std::move(total)};
}

/// Total cost of ownership: capex plus operating cost over the period.
struct FleetTco {
  FleetCapex capex;
  FleetOperatingCost operating;
  Money total = usd(0);

  /// A `Scope::fleet_tco` root with the capex and operating trees as children.
  LineItem breakdown() const {
    LineItem root{
        capex.name + " TCO over " + detail::format_value(in_years(operating.period)) + " years",
        total,
        Scope::fleet_tco,
        {},
        {}};
    root.children.push_back(capex.breakdown());
    root.children.push_back(operating.breakdown());
    root.provenance =
        derived_from({root.children[0].provenance.evidence, root.children[1].provenance.evidence},
                     "capex + operating cost over the period");
    return root;
  }
};

/// The total cost of ownership of a fleet over the period of `a`.
inline FleetTco cost_fleet_tco(const Fleet& fleet, const OperatingAssumptions& a) {
  validate_fleet(fleet);
  model::PointEvaluator e;
  const TcoValues<double> v = evaluate_fleet_tco(fleet, a, e, model::Path(fleet.name));
  FleetTco t;
  t.capex = capex_from_values(fleet, v.capex);
  validate_operating(a);
  t.operating = detail::operating_from_values(fleet, t.capex, a, v.operating);
  t.total = v.total;
  if (!std::isfinite(in_usd(t.total)))
    detail::fail_value("tco.total", in_usd(t.total), "a finite total cost of ownership in USD");
  return t;
}

}  // namespace traincost
