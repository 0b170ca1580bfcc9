#pragma once
/// \file
/// A small table of grid carbon intensities (location-based: a grid's average
/// for a country and a year), each row sourced in docs/sources.md §13. Any
/// value can also be stated directly; this table only saves looking up the
/// usual ones. Regions are countries because that is what the stored public
/// data gives per year; a US figure is missing because none could be
/// verified from a stored source (docs/sources.md §13).

#include <array>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// One row of the table.
struct GridIntensityRow {
  std::string_view region;  ///< the key, e.g. "france"
  int year;
  double g_co2e_per_kwh;
  std::string_view source;
};

/// The rows, in docs/sources.md §13 order. Ember's yearly electricity data
/// as Our World in Data tabulates it (lifecycle g CO2e per kWh generated),
/// except where a row names another source.
inline constexpr std::array<GridIntensityRow, 11> grid_intensity_table{{
    {"world", 2023, 481.0,
     "Ember via Statista (2024), world power sector 2023; docs/sources.md §13"},
    {"china", 2023, 582.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"india", 2023, 713.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"germany", 2023, 381.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"france", 2023, 56.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"ireland", 2023, 291.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"finland", 2023, 79.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"canada", 2023, 170.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"australia", 2023, 549.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"brazil", 2023, 98.0,
     "Ember / Energy Institute via Our World in Data, 2023; docs/sources.md §13"},
    {"norway", 2023, 30.0, "Ember via Statista (2024), 2023; docs/sources.md §13"},
}};

/// The location-based intensity of a region's grid in a year, with its
/// source. Throws `unknown_name` at `field` for a region or year not in the
/// table (the expected text lists every region and year it has).
inline Sourced<CarbonIntensity> grid_intensity(std::string_view region, int year,
                                               const std::string& field = "emissions.grid") {
  const std::string key = detail::normalize_name(region);
  std::string regions;
  for (const auto& row : grid_intensity_table) {
    if (detail::normalize_name(row.region) == key && row.year == year)
      return {g_co2e_per_kwh(row.g_co2e_per_kwh),
              published(std::string(row.region) + " grid " + std::to_string(row.year) + ": " +
                        std::string(row.source))};
    regions +=
        (regions.empty() ? "" : ", ") + std::string(row.region) + " " + std::to_string(row.year);
  }
  throw Error(ErrorCode::unknown_name, field,
              "\"" + std::string(region) + "\" " + std::to_string(year),
              "a region and year of the grid table: " + regions);
}

}  // namespace traincost
