#pragma once
/// \file
/// The makers: the only way a raw number enters a quantity, with its unit
/// named on the way in (`usd(2.0)`, `gpu_hours(2.788e6)`, `tflop_per_second(989.5)`).

#include "traincost/units/quantities.hpp"

namespace traincost {

// ---------------------------------------------------------------------------
// Makers: the unit is named on the way in.
// ---------------------------------------------------------------------------

/// Money from US dollars.
inline Money usd(double dollars) {
  return units_detail::make<Money>(dollars);
}
/// Duration from seconds.
inline Duration seconds(double s) {
  return units_detail::make<Duration>(s);
}
/// Duration from hours.
inline Duration hours(double h) {
  return units_detail::make<Duration>(h, unit_scale::seconds_per_hour);
}
/// Duration from days of 24 hours.
inline Duration days(double d) {
  return units_detail::make<Duration>(d, unit_scale::seconds_per_day);
}
/// Duration from Julian years (365.25 days).
inline Duration years(double y) {
  return units_detail::make<Duration>(y, unit_scale::seconds_per_year);
}
/// A number of accelerators.
inline AcceleratorCount accelerators(double n) {
  return units_detail::make<AcceleratorCount>(n);
}
/// Accelerator time from GPU-hours (one accelerator busy for one hour).
inline GpuTime gpu_hours(double h) {
  return units_detail::make<GpuTime>(h, unit_scale::seconds_per_hour);
}
/// A rental price from US dollars per GPU-hour.
inline GpuTimePrice usd_per_gpu_hour(double p) {
  return units_detail::make<GpuTimePrice>(p, 1.0 / unit_scale::seconds_per_hour);
}
/// A count of floating-point operations.
inline FlopCount flop(double n) {
  return units_detail::make<FlopCount>(n);
}
/// Throughput from FLOP per second.
inline FlopRate flop_per_second(double r) {
  return units_detail::make<FlopRate>(r);
}
/// Throughput from TFLOP/s (1e12 FLOP per second).
inline FlopRate tflop_per_second(double r) {
  return units_detail::make<FlopRate>(r, unit_scale::tera);
}
/// Compute per token from FLOP per token.
inline FlopPerToken flop_per_token(double f) {
  return units_detail::make<FlopPerToken>(f);
}
/// A count of tokens.
inline TokenCount tokens(double n) {
  return units_detail::make<TokenCount>(n);
}
/// Token throughput from tokens per second.
inline TokenRate tokens_per_second(double r) {
  return units_detail::make<TokenRate>(r);
}
/// Token throughput from tokens per day.
inline TokenRate tokens_per_day(double r) {
  return units_detail::make<TokenRate>(r, 1.0 / unit_scale::seconds_per_day);
}
/// A count of model parameters.
inline ParameterCount parameters(double n) {
  return units_detail::make<ParameterCount>(n);
}
/// Power from watts.
inline Power watts(double w) {
  return units_detail::make<Power>(w);
}
/// Power from kilowatts.
inline Power kilowatts(double kw) {
  return units_detail::make<Power>(kw, 1e3);
}
/// Power from megawatts.
inline Power megawatts(double mw) {
  return units_detail::make<Power>(mw, 1e6);
}
/// Power per accelerator from watts per accelerator (a TDP).
inline PowerPerAccelerator watts_per_accelerator(double w) {
  return units_detail::make<PowerPerAccelerator>(w);
}
/// Energy from joules.
inline Energy joules(double j) {
  return units_detail::make<Energy>(j);
}
/// Energy from kilowatt-hours.
inline Energy kilowatt_hours(double kwh) {
  return units_detail::make<Energy>(kwh, unit_scale::joules_per_kwh);
}
/// An energy price from US dollars per kWh.
inline EnergyPrice usd_per_kwh(double p) {
  return units_detail::make<EnergyPrice>(p, 1.0 / unit_scale::joules_per_kwh);
}
/// A per-accelerator price from US dollars per accelerator.
inline AcceleratorPrice usd_per_accelerator(double p) {
  return units_detail::make<AcceleratorPrice>(p);
}
/// Data size from bytes.
inline ByteCount bytes(double b) {
  return units_detail::make<ByteCount>(b);
}
/// Data size from gigabytes (1e9 bytes, as vendor sheets print them).
inline ByteCount gigabytes(double gb) {
  return units_detail::make<ByteCount>(gb, unit_scale::giga);
}
/// Bandwidth from gigabytes per second (1e9 bytes per second).
inline Bandwidth gigabytes_per_second(double r) {
  return units_detail::make<Bandwidth>(r, unit_scale::giga);
}
/// Bandwidth from terabytes per second (1e12 bytes per second).
inline Bandwidth terabytes_per_second(double r) {
  return units_detail::make<Bandwidth>(r, unit_scale::tera);
}

/// An amount from Chinese yuan.
inline CnyAmount cny(double yuan) {
  return units_detail::make<CnyAmount>(yuan);
}
/// An exchange rate from yuan per US dollar, as rates are quoted (e.g. 7.2).
inline ExchangeRate cny_per_usd(double yuan_per_dollar) {
  return units_detail::make<ExchangeRate>(1.0 / yuan_per_dollar);
}
/// A datacenter capacity price from US dollars per megawatt.
inline PowerCapacityPrice usd_per_megawatt(double p) {
  return units_detail::make<PowerCapacityPrice>(p, 1e-6);
}
/// A colocation price from US dollars per kW of capacity per month (1/12 year).
/// Dimensionally a price of energy: $/(kW x month).
inline EnergyPrice usd_per_kilowatt_month(double p) {
  return units_detail::make<EnergyPrice>(p, 1.0 / (1e3 * unit_scale::seconds_per_month));
}
/// A number of people.
inline PersonCount people(double n) {
  return units_detail::make<PersonCount>(n);
}
/// Staff time from person-years.
inline PersonTime person_years(double n) {
  return units_detail::make<PersonTime>(n, unit_scale::seconds_per_year);
}
/// A loaded staff cost from US dollars per person-year.
inline StaffRate usd_per_person_year(double p) {
  return units_detail::make<StaffRate>(p, 1.0 / unit_scale::seconds_per_year);
}

/// Emissions from kilograms of CO2-equivalent.
inline Emissions kg_co2e(double kg) {
  return units_detail::make<Emissions>(kg);
}
/// Emissions from metric tonnes of CO2-equivalent (tCO2e, as model cards print them).
inline Emissions tonnes_co2e(double t) {
  return units_detail::make<Emissions>(t, unit_scale::kg_per_tonne);
}
/// A carbon intensity from kg CO2e per kWh.
inline CarbonIntensity kg_co2e_per_kwh(double k) {
  return units_detail::make<CarbonIntensity>(k, 1.0 / unit_scale::joules_per_kwh);
}
/// A carbon intensity from grams CO2e per kWh (as grid data prints it).
inline CarbonIntensity g_co2e_per_kwh(double g) {
  return units_detail::make<CarbonIntensity>(g, 1e-3 / unit_scale::joules_per_kwh);
}
/// A number of job interruptions.
inline InterruptionCount interruptions(double n) {
  return units_detail::make<InterruptionCount>(n);
}
/// A failure rate from interruptions per hour.
inline FailureRate failures_per_hour(double r) {
  return units_detail::make<FailureRate>(r, 1.0 / unit_scale::seconds_per_hour);
}
/// A per-accelerator failure rate from interruptions per accelerator-hour.
inline AcceleratorFailureRate failures_per_accelerator_hour(double r) {
  return units_detail::make<AcceleratorFailureRate>(r, 1.0 / unit_scale::seconds_per_hour);
}

}  // namespace traincost
