#pragma once
/// \file
/// The fleet models as Monte Carlo cost models, and typed handles to their
/// inputs. Each factory checks its inputs as the typed function does, then
/// binds the model's one definition (capex.hpp, operating_cost.hpp,
/// ownership.hpp) to the three evaluators, so that a simulated fleet agrees
/// with `cost_fleet_capex`, `cost_fleet_operating` and `cost_fleet_tco` point by point:
///
///     Ranges r;
///     r.set(holding_price_usd_of(fleet, 0), uniform(usd(20'000), usd(30'000)));
///     r.set(exchange_rate_of(fleet), uniform(cny_per_usd(6.8), cny_per_usd(7.4)));
///     const CostSummary s = simulate_cost(fleet_capex_model(fleet), r);
///
/// Paths are rooted at the fleet's name: "<fleet>.holdings[0].count",
/// "<fleet>.network.share", "<fleet>.operating.electricity" ...

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/fleet/ownership.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/uncertainty/cost_model.hpp"
#include "traincost/uncertainty/ranges.hpp"
#include "traincost/units/units.hpp"

namespace traincost::uncertainty {

namespace fleet_model_detail {

/// A fleet with the assumptions of its operating cost, held by a model.
struct OperatedFleet {
  Fleet fleet;
  OperatingAssumptions operating;
};

/// A run at the ownership cost of explicit inputs, held by a model.
struct OwnedRun {
  TrainingRun run;
  OwnershipInputs inputs;
  std::string root;
};

/// A run at the ownership cost of one of a fleet's holdings, held by a model.
struct FleetOwnedRun {
  TrainingRun run;
  Fleet fleet;
  std::size_t index;
  OperatingAssumptions operating;
  Depreciation depreciation;
  Sourced<double> utilization;
};

inline std::string at(const Fleet& f, std::string_view field) {
  return f.name + "." + std::string(field);
}
inline std::string holding(const Fleet& f, std::size_t i, std::string_view field) {
  return f.name + ".holdings[" + std::to_string(i) + "]." + std::string(field);
}
inline std::string under(std::string_view root, std::string_view field) {
  return std::string(root) + "." + std::string(field);
}

/// The index of the holding labelled `label`; throws as `ownership_inputs` does.
inline std::size_t holding_index(const Fleet& fleet, std::string_view label) {
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i)
    if (fleet.holdings[i].label == label)
      return i;
  throw Error(ErrorCode::unknown_name, "fleet.holdings",
              "no holding labelled \"" + std::string(label) + "\" in fleet \"" + fleet.name + "\"");
}

}  // namespace fleet_model_detail

/// A fleet's capex as a cost model (scope `fleet_capex`, named "<fleet> capex").
/// Throws as `cost_fleet_capex` does for bad inputs.
inline CostModel fleet_capex_model(Fleet fleet) {
  (void)cost_fleet_capex(fleet);
  std::string name = fleet.name + " capex";
  return make_cost_model(std::move(name), Scope::fleet_capex, std::move(fleet),
                         [](const Fleet& f, auto& e) {
                           return evaluate_fleet_capex(f, e, model::Path(f.name)).total;
                         });
}

/// A fleet's operating cost over the period of `a` as a cost model (scope
/// `fleet_operating`). Throws as `cost_fleet_operating` does.
inline CostModel fleet_operating_model(Fleet fleet, OperatingAssumptions a) {
  (void)cost_fleet_operating(fleet, a);
  std::string name = fleet.name + " operating cost";
  return make_cost_model(
      std::move(name), Scope::fleet_operating,
      fleet_model_detail::OperatedFleet{std::move(fleet), std::move(a)},
      [](const fleet_model_detail::OperatedFleet& m, auto& e) {
        const model::Path root(m.fleet.name);
        const auto capex = evaluate_fleet_capex(m.fleet, e, root);
        return evaluate_fleet_operating(m.fleet, capex, m.operating, e, root).total;
      });
}

/// A fleet's total cost of ownership over the period of `a` as a cost model
/// (scope `fleet_tco`). Throws as `cost_fleet_tco` does.
inline CostModel fleet_tco_model(Fleet fleet, OperatingAssumptions a) {
  (void)cost_fleet_tco(fleet, a);
  std::string name = fleet.name + " TCO";
  return make_cost_model(
      std::move(name), Scope::fleet_tco,
      fleet_model_detail::OperatedFleet{std::move(fleet), std::move(a)},
      [](const fleet_model_detail::OperatedFleet& m, auto& e) {
        return evaluate_fleet_tco(m.fleet, m.operating, e, model::Path(m.fleet.name)).total;
      });
}

/// A run priced at the ownership cost per GPU-hour of `inputs` (scope
/// `final_run_ownership`): the ownership inputs are read under `root`, the
/// run's usage under its name. Throws as `cost_ownership_per_gpu_hour` and
/// `cost_final_run_at_ownership` do.
inline CostModel run_at_ownership_model(TrainingRun run, OwnershipInputs inputs,
                                        std::string root = "ownership") {
  TrainingRun owned = at_ownership_cost(std::move(run), cost_ownership_per_gpu_hour(inputs));
  (void)cost_final_run(owned);
  std::string name = owned.name;
  const Scope scope = owned.scope();
  return make_cost_model(
      std::move(name), scope,
      fleet_model_detail::OwnedRun{std::move(owned), std::move(inputs), std::move(root)},
      [](const fleet_model_detail::OwnedRun& m, auto& e) {
        return evaluate_run_at_ownership(m.run, m.inputs, e, model::Path(m.run.name),
                                         model::Path(m.root))
            .run.cost;
      });
}

/// A run priced at the ownership cost per GPU-hour of the holding labelled
/// `label` of `fleet` (scope `final_run_ownership`): a range on the
/// holding's price or the fleet's electricity reaches the run's cost.
inline CostModel run_at_holding_ownership_model(TrainingRun run, Fleet fleet,
                                                std::string_view label,
                                                OperatingAssumptions operating,
                                                Depreciation depreciation,
                                                Sourced<double> utilization) {
  const std::size_t index = fleet_model_detail::holding_index(fleet, label);
  TrainingRun owned =
      at_ownership_cost(std::move(run), cost_ownership_per_gpu_hour(ownership_inputs(
                                            fleet, label, operating, depreciation, utilization)));
  (void)cost_final_run(owned);
  std::string name = owned.name;
  const Scope scope = owned.scope();
  return make_cost_model(
      std::move(name), scope,
      fleet_model_detail::FleetOwnedRun{std::move(owned), std::move(fleet), index,
                                        std::move(operating), std::move(depreciation),
                                        std::move(utilization)},
      [](const fleet_model_detail::FleetOwnedRun& m, auto& e) {
        return evaluate_run_at_holding_ownership(m.run, m.fleet, m.index, m.operating,
                                                 m.depreciation, m.utilization, e,
                                                 model::Path(m.run.name), model::Path(m.fleet.name))
            .run.cost;
      });
}

// ---- Handles: fleet structure -------------------------------------------------

/// Holding `i`'s number of accelerators.
inline InputRef<AcceleratorCount> holding_count_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "count")};
}
/// Holding `i`'s quoted price, when quoted in US dollars (per GPU or per server).
inline InputRef<Money> holding_price_usd_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "price")};
}
/// Holding `i`'s quoted price, when quoted in yuan.
inline InputRef<CnyAmount> holding_price_cny_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "price")};
}
/// Holding `i`'s server-to-GPU price ratio (a per-GPU price).
inline InputRef<double> server_overhead_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "server_overhead")};
}
/// Holding `i`'s accelerators per server (a per-server price or a measured server power).
inline InputRef<AcceleratorCount> accelerators_per_server_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "accelerators_per_server")};
}
/// Holding `i`'s TDP (its override, else the catalog's).
inline InputRef<PowerPerAccelerator> tdp_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "tdp")};
}
/// Holding `i`'s server-to-chip power ratio.
inline InputRef<double> server_to_chip_power_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "server_to_chip_power")};
}
/// Holding `i`'s measured server power (when given).
inline InputRef<Power> server_power_of(const Fleet& f, std::size_t i) {
  return {fleet_model_detail::holding(f, i, "server_power")};
}
/// The fleet's exchange rate (read when a price is in yuan).
inline InputRef<ExchangeRate> exchange_rate_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "exchange_rate")};
}
/// The network's share of cluster cost (a share-of-cluster network).
inline InputRef<double> network_share_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "network.share")};
}
/// The network's cost per endpoint (a per-endpoint network).
inline InputRef<Money> network_per_endpoint_cost_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "network.per_endpoint_cost")};
}
/// The network's endpoints per accelerator (a per-endpoint network).
inline InputRef<double> network_endpoints_per_accelerator_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "network.endpoints_per_accelerator")};
}
/// The network's stated total (a fixed network).
inline InputRef<Money> network_fixed_amount_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "network.fixed_amount")};
}
/// Storage as a share of server capex.
inline InputRef<double> storage_share_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "storage.share")};
}
/// Storage's stated total.
inline InputRef<Money> storage_fixed_amount_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "storage.fixed_amount")};
}
/// A built facility's cost per MW of IT power.
inline InputRef<PowerCapacityPrice> facility_build_cost_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "facility.build_cost")};
}
/// A colocated facility's rent per kW-month.
inline InputRef<EnergyPrice> colocation_price_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "facility.colocation_price")};
}

// ---- Handles: operating assumptions and ownership of a fleet ----------------------

/// The operating period.
inline InputRef<Duration> operating_period_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.period")};
}
/// Average power draw as a fraction of peak.
inline InputRef<double> average_draw_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.average_draw")};
}
/// Power usage effectiveness.
inline InputRef<double> pue_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.pue")};
}
/// The electricity price.
inline InputRef<EnergyPrice> electricity_price_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.electricity")};
}
/// Maintenance per year as a share of capex.
inline InputRef<double> maintenance_share_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.maintenance_share_per_year")};
}
/// The fleet staff's headcount.
inline InputRef<PersonCount> fleet_staff_headcount_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.staff.headcount")};
}
/// The fleet staff's loaded cost per person-year.
inline InputRef<StaffRate> fleet_staff_loaded_cost_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "operating.staff.loaded_cost")};
}
/// The utilization of a holding priced at ownership cost (`run_at_holding_ownership_model`).
inline InputRef<double> utilization_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "ownership.utilization")};
}
/// The straight-line depreciation life of a holding priced at ownership cost.
inline InputRef<Duration> depreciation_life_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "ownership.depreciation.life")};
}
/// The exponential depreciation rate of a holding priced at ownership cost.
inline InputRef<double> depreciation_rate_of(const Fleet& f) {
  return {fleet_model_detail::at(f, "ownership.depreciation.rate_per_year")};
}

// ---- Handles: explicit ownership inputs, read under a root ("ownership") -------

/// All-in capex per accelerator.
inline InputRef<AcceleratorPrice> capex_per_accelerator_of(std::string_view root = "ownership") {
  return {fleet_model_detail::under(root, "capex_per_accelerator")};
}
/// Utilization.
inline InputRef<double> utilization_of(std::string_view root = "ownership") {
  return {fleet_model_detail::under(root, "utilization")};
}
/// The electricity price.
inline InputRef<EnergyPrice> electricity_price_of(std::string_view root = "ownership") {
  return {fleet_model_detail::under(root, "electricity")};
}
/// Server power per accelerator.
inline InputRef<PowerPerAccelerator> ownership_server_power_of(
    std::string_view root = "ownership") {
  return {fleet_model_detail::under(root, "server_power")};
}
/// The straight-line depreciation life.
inline InputRef<Duration> depreciation_life_of(std::string_view root = "ownership") {
  return {fleet_model_detail::under(root, "depreciation.life")};
}
/// The exponential depreciation rate per year.
inline InputRef<double> depreciation_rate_of(std::string_view root = "ownership") {
  return {fleet_model_detail::under(root, "depreciation.rate_per_year")};
}

}  // namespace traincost::uncertainty
