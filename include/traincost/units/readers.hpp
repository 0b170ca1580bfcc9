#pragma once
/// \file
/// The readers: the only way a number leaves a quantity, with its unit named
/// on the way out (`in_usd(m)`, `in_gpu_hours(t)`), and `ratio` for the
/// dimensionless results (MFU, shares).

#include "traincost/units/quantities.hpp"

namespace traincost {

// ---------------------------------------------------------------------------
// Readers: the unit is named on the way out.
// ---------------------------------------------------------------------------

/// The amount in US dollars.
inline double in_usd(Money m) {
  return units_detail::read(m);
}
/// The duration in seconds.
inline double in_seconds(Duration d) {
  return units_detail::read(d);
}
/// The duration in hours.
inline double in_hours(Duration d) {
  return units_detail::read(d, unit_scale::seconds_per_hour);
}
/// The duration in days of 24 hours.
inline double in_days(Duration d) {
  return units_detail::read(d, unit_scale::seconds_per_day);
}
/// The duration in Julian years.
inline double in_years(Duration d) {
  return units_detail::read(d, unit_scale::seconds_per_year);
}
/// The number of accelerators.
inline double in_accelerators(AcceleratorCount n) {
  return units_detail::read(n);
}
/// The accelerator time in GPU-hours.
inline double in_gpu_hours(GpuTime t) {
  return units_detail::read(t, unit_scale::seconds_per_hour);
}
/// The price in US dollars per GPU-hour.
inline double in_usd_per_gpu_hour(GpuTimePrice p) {
  return units_detail::read(p, 1.0 / unit_scale::seconds_per_hour);
}
/// The count of floating-point operations.
inline double in_flop(FlopCount f) {
  return units_detail::read(f);
}
/// The throughput in FLOP per second.
inline double in_flop_per_second(FlopRate r) {
  return units_detail::read(r);
}
/// The throughput in TFLOP/s.
inline double in_tflop_per_second(FlopRate r) {
  return units_detail::read(r, unit_scale::tera);
}
/// The compute per token in FLOP per token.
inline double in_flop_per_token(FlopPerToken f) {
  return units_detail::read(f);
}
/// The count of tokens.
inline double in_tokens(TokenCount n) {
  return units_detail::read(n);
}
/// The token throughput in tokens per second.
inline double in_tokens_per_second(TokenRate r) {
  return units_detail::read(r);
}
/// The token throughput in tokens per day.
inline double in_tokens_per_day(TokenRate r) {
  return units_detail::read(r, 1.0 / unit_scale::seconds_per_day);
}
/// The count of parameters.
inline double in_parameters(ParameterCount n) {
  return units_detail::read(n);
}
/// The power in watts.
inline double in_watts(Power p) {
  return units_detail::read(p);
}
/// The power in kilowatts.
inline double in_kilowatts(Power p) {
  return units_detail::read(p, 1e3);
}
/// The power in megawatts.
inline double in_megawatts(Power p) {
  return units_detail::read(p, 1e6);
}
/// The power per accelerator in watts.
inline double in_watts_per_accelerator(PowerPerAccelerator p) {
  return units_detail::read(p);
}
/// The energy in joules.
inline double in_joules(Energy e) {
  return units_detail::read(e);
}
/// The energy in kilowatt-hours.
inline double in_kilowatt_hours(Energy e) {
  return units_detail::read(e, unit_scale::joules_per_kwh);
}
/// The energy price in US dollars per kWh.
inline double in_usd_per_kwh(EnergyPrice p) {
  return units_detail::read(p, 1.0 / unit_scale::joules_per_kwh);
}
/// The per-accelerator price in US dollars.
inline double in_usd_per_accelerator(AcceleratorPrice p) {
  return units_detail::read(p);
}
/// The data size in bytes.
inline double in_bytes(ByteCount b) {
  return units_detail::read(b);
}
/// The data size in gigabytes (1e9 bytes).
inline double in_gigabytes(ByteCount b) {
  return units_detail::read(b, unit_scale::giga);
}
/// The bandwidth in gigabytes per second.
inline double in_gigabytes_per_second(Bandwidth r) {
  return units_detail::read(r, unit_scale::giga);
}
/// The bandwidth in terabytes per second.
inline double in_terabytes_per_second(Bandwidth r) {
  return units_detail::read(r, unit_scale::tera);
}

/// The amount in Chinese yuan.
inline double in_cny(CnyAmount a) {
  return units_detail::read(a);
}
/// The exchange rate in yuan per US dollar.
inline double in_cny_per_usd(ExchangeRate r) {
  return 1.0 / units_detail::read(r);
}
/// The capacity price in US dollars per megawatt.
inline double in_usd_per_megawatt(PowerCapacityPrice p) {
  return units_detail::read(p, 1e-6);
}
/// The colocation price in US dollars per kW-month.
inline double in_usd_per_kilowatt_month(EnergyPrice p) {
  return units_detail::read(p, 1.0 / (1e3 * unit_scale::seconds_per_month));
}
/// The number of people.
inline double in_people(PersonCount n) {
  return units_detail::read(n);
}
/// The staff time in person-years.
inline double in_person_years(PersonTime t) {
  return units_detail::read(t, unit_scale::seconds_per_year);
}
/// The staff cost in US dollars per person-year.
inline double in_usd_per_person_year(StaffRate p) {
  return units_detail::read(p, 1.0 / unit_scale::seconds_per_year);
}

/// The emissions in kg CO2e.
inline double in_kg_co2e(Emissions e) {
  return units_detail::read(e);
}
/// The emissions in metric tonnes CO2e.
inline double in_tonnes_co2e(Emissions e) {
  return units_detail::read(e, unit_scale::kg_per_tonne);
}
/// The carbon intensity in kg CO2e per kWh.
inline double in_kg_co2e_per_kwh(CarbonIntensity c) {
  return units_detail::read(c, 1.0 / unit_scale::joules_per_kwh);
}
/// The carbon intensity in grams CO2e per kWh.
inline double in_g_co2e_per_kwh(CarbonIntensity c) {
  return units_detail::read(c, 1e-3 / unit_scale::joules_per_kwh);
}
/// The number of interruptions.
inline double in_interruptions(InterruptionCount n) {
  return units_detail::read(n);
}
/// The failure rate in interruptions per hour.
inline double in_failures_per_hour(FailureRate r) {
  return units_detail::read(r, 1.0 / unit_scale::seconds_per_hour);
}
/// The per-accelerator failure rate in interruptions per accelerator-hour.
inline double in_failures_per_accelerator_hour(AcceleratorFailureRate r) {
  return units_detail::read(r, 1.0 / unit_scale::seconds_per_hour);
}

/// A ratio of two like quantities (MFU, utilization, a share) as a plain
/// number. The one way a dimensionless result leaves the unit system.
inline double as_ratio(Dimensionless r) {
  return units_detail::read(r);
}

/// The ratio of two quantities of the same kind, e.g. `ratio(achieved, peak)`.
template <class Q>
inline double ratio(const Q& numerator, const Q& denominator) {
  return as_ratio(numerator / denominator);
}

}  // namespace traincost
