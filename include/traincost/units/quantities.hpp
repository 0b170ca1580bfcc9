#pragma once
/// \file
/// A named type for every public quantity (`Money`, `GpuTime`, `FlopRate`
/// ...), and the conversion factors between the units people write and the
/// canonical units they are stored in.

#include "traincost/units/system.hpp"

namespace traincost {

// ---------------------------------------------------------------------------
// Named quantities. All store `double`; round only when printing.
// ---------------------------------------------------------------------------

/// An amount of money, in US dollars.
using Money = units_detail::quantity_of<units_detail::currency_dimension>;
/// A span of time (stored in seconds).
using Duration = units_detail::quantity_of<units_detail::time_dimension>;
/// A number of accelerators (GPUs or TPU chips).
using AcceleratorCount = units_detail::quantity_of<units_detail::accelerator_dimension>;
/// Accelerator time, e.g. GPU-hours: accelerators x wall-clock.
using GpuTime = units_detail::quantity_of<units_detail::gpu_time_dimension>;
/// A price per unit of accelerator time, e.g. USD per GPU-hour.
using GpuTimePrice = units_detail::quantity_of<units_detail::gpu_time_price_dimension>;
/// A count of floating-point operations.
using FlopCount = units_detail::quantity_of<units_detail::flop_dimension>;
/// Floating-point throughput, e.g. TFLOP/s.
using FlopRate = units_detail::quantity_of<units_detail::flop_rate_dimension>;
/// Training compute per token, e.g. 6 x active parameters.
using FlopPerToken = units_detail::quantity_of<units_detail::flop_per_token_dimension>;
/// A count of tokens.
using TokenCount = units_detail::quantity_of<units_detail::token_dimension>;
/// Token throughput, e.g. tokens per day on a cluster.
using TokenRate = units_detail::quantity_of<units_detail::token_rate_dimension>;
/// A count of model parameters.
using ParameterCount = units_detail::quantity_of<units_detail::parameter_dimension>;
/// Electrical power (stored in watts).
using Power = units_detail::quantity_of<units_detail::power_dimension>;
/// Power drawn per accelerator, e.g. a TDP.
using PowerPerAccelerator =
    units_detail::quantity_of<units_detail::power_per_accelerator_dimension>;
/// Electrical energy (stored in joules).
using Energy = units_detail::quantity_of<units_detail::energy_dimension>;
/// A price per unit of energy, e.g. USD per kWh.
using EnergyPrice = units_detail::quantity_of<units_detail::energy_price_dimension>;
/// A price per accelerator, e.g. the purchase price of one GPU.
using AcceleratorPrice = units_detail::quantity_of<units_detail::accelerator_price_dimension>;
/// An amount of data or memory (stored in bytes).
using ByteCount = units_detail::quantity_of<units_detail::byte_dimension>;
/// Data bandwidth (stored in bytes per second).
using Bandwidth = units_detail::quantity_of<units_detail::byte_rate_dimension>;
/// An amount in Chinese yuan. Becomes `Money` only through an `ExchangeRate`.
using CnyAmount = units_detail::quantity_of<units_detail::cny_dimension>;
/// US dollars per yuan: `cny(2.3e6) * rate` is `Money`.
using ExchangeRate = units_detail::quantity_of<units_detail::exchange_rate_dimension>;
/// A price per unit of power capacity, e.g. datacenter build cost per MW.
using PowerCapacityPrice = units_detail::quantity_of<units_detail::power_capacity_price_dimension>;
/// A number of people.
using PersonCount = units_detail::quantity_of<units_detail::person_dimension>;
/// Staff time, e.g. person-years.
using PersonTime = units_detail::quantity_of<units_detail::person_time_dimension>;
/// A loaded staff cost per person and time, e.g. USD per person-year.
using StaffRate = units_detail::quantity_of<units_detail::staff_rate_dimension>;
/// Greenhouse-gas emissions as CO2-equivalent (stored in kg CO2e). Not a
/// mass and not an energy: `energy + emissions` does not compile.
using Emissions = units_detail::quantity_of<units_detail::co2e_dimension>;
/// A grid's carbon intensity, e.g. kg CO2e per kWh (stored per joule).
using CarbonIntensity = units_detail::quantity_of<units_detail::carbon_intensity_dimension>;
/// A number of job interruptions.
using InterruptionCount = units_detail::quantity_of<units_detail::interruption_dimension>;
/// Interruptions per unit of time, e.g. a 16,384-GPU job's failures per hour.
using FailureRate = units_detail::quantity_of<units_detail::failure_rate_dimension>;
/// Interruptions per accelerator-hour: times a cluster's size gives a `FailureRate`.
using AcceleratorFailureRate =
    units_detail::quantity_of<units_detail::accelerator_failure_rate_dimension>;
/// A dimensionless quantity, the result of dividing two like quantities.
using Dimensionless = units_detail::quantity_of<units_detail::dimensionless_dimension>;

// ---------------------------------------------------------------------------
// Conversion factors to canonical units, stated once.
// ---------------------------------------------------------------------------
namespace unit_scale {
inline constexpr double seconds_per_hour = 3600.0;
inline constexpr double seconds_per_day = 86400.0;
/// A Julian year, 365.25 days = 8,766 hours (the year Epoch AI amortizes over).
inline constexpr double seconds_per_year = 365.25 * seconds_per_day;
/// A twelfth of a Julian year (730.5 hours), for per-month prices.
inline constexpr double seconds_per_month = seconds_per_year / 12.0;
inline constexpr double joules_per_kwh = 3.6e6;
inline constexpr double kg_per_tonne = 1e3;
inline constexpr double tera = 1e12;
inline constexpr double giga = 1e9;
}  // namespace unit_scale

}  // namespace traincost
