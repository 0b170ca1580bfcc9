#pragma once
/// \file
/// The emissions of a run: its energy x a carbon intensity, in tCO2e, in two
/// kinds that never add. A *location-based* figure uses the average intensity
/// of the grid where the energy was drawn (a region and a year); a
/// *market-based* figure uses the supplier's factor (matched renewables give
/// zero). Meta's Llama 3.1 card prints both: 11,390 t location-based and 0 t
/// market-based (docs/sources.md §13). Adding them means nothing, so
/// `BasedEmissions<location_based>` and `BasedEmissions<market_based>` are
/// different types — the discipline of cost scopes (core/scoped_cost.hpp).

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/run/energy.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Which carbon intensity an emissions figure uses.
enum class EmissionsBasis {
  location_based,  ///< the grid's average for a region and year
  market_based,    ///< the supplier's factor (contracts, matched renewables)
};

/// "location-based", "market-based".
constexpr std::string_view to_string(EmissionsBasis b) {
  switch (b) {
    case EmissionsBasis::location_based:
      return "location-based";
    case EmissionsBasis::market_based:
      return "market-based";
  }
  detail::fail_enum_value("EmissionsBasis", static_cast<long long>(b));
}

/// Emissions of one basis. Same-basis figures add; mixing bases does not compile.
template <EmissionsBasis B>
struct BasedEmissions {
  static constexpr EmissionsBasis basis = B;
  Emissions amount = kg_co2e(0);

  friend BasedEmissions operator+(BasedEmissions a, BasedEmissions b) {
    return {a.amount + b.amount};
  }
  BasedEmissions& operator+=(BasedEmissions b) {
    amount += b.amount;
    return *this;
  }
};

using LocationBasedEmissions = BasedEmissions<EmissionsBasis::location_based>;
using MarketBasedEmissions = BasedEmissions<EmissionsBasis::market_based>;

/// The intensities a run's emissions are computed with; either may be absent.
struct EmissionsInputs {
  std::optional<Sourced<CarbonIntensity>> location_based;
  std::optional<Sourced<CarbonIntensity>> market_based;
};

/// One kind of emissions of a run: the intensity used, its source and the total.
template <EmissionsBasis B>
struct RunEmissionsOf {
  CarbonIntensity intensity = kg_co2e_per_kwh(0);
  BasedEmissions<B> total;
  std::vector<std::pair<std::string, BasedEmissions<B>>> stages;
  Provenance provenance;
};

/// A run's emissions, location- and market-based side by side (never summed).
struct RunEmissions {
  std::string name;
  std::optional<RunEmissionsOf<EmissionsBasis::location_based>> location_based;
  std::optional<RunEmissionsOf<EmissionsBasis::market_based>> market_based;
};

namespace detail {

template <EmissionsBasis B>
RunEmissionsOf<B> emissions_at(const RunEnergy& energy, const Sourced<CarbonIntensity>& in,
                               const std::string& field) {
  // Zero is a real market-based figure (100% matched renewables), so the
  // bound is non-negative, not positive.
  require_non_negative(field, in_kg_co2e_per_kwh(in.value), "intensity in kg CO2e per kWh");
  RunEmissionsOf<B> out;
  out.intensity = in.value;
  for (const auto& s : energy.stages) {
    BasedEmissions<B> e{s.energy * in.value};
    out.total += e;
    out.stages.emplace_back(s.name, e);
  }
  out.provenance = derived_from({energy.provenance.evidence, in.provenance.evidence},
                                "energy x " + std::string(to_string(B)) + " intensity " +
                                    format_value(in_g_co2e_per_kwh(in.value)) + " g CO2e/kWh (" +
                                    in.provenance.source + ")");
  return out;
}

}  // namespace detail

/// The emissions of a run's energy at the given intensities. Throws
/// `traincost::Error` for a negative or non-finite intensity.
inline RunEmissions emissions_of_run(const RunEnergy& energy, const EmissionsInputs& in) {
  RunEmissions out;
  out.name = energy.name;
  if (in.location_based)
    out.location_based = detail::emissions_at<EmissionsBasis::location_based>(
        energy, *in.location_based, "emissions.location_based");
  if (in.market_based)
    out.market_based = detail::emissions_at<EmissionsBasis::market_based>(energy, *in.market_based,
                                                                          "emissions.market_based");
  return out;
}

}  // namespace traincost
