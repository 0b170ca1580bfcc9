#pragma once
/// \file
/// The whole unit vocabulary of traincost: base dimensions, the unit system,
/// a named type for every public quantity, and the makers and readers that
/// are the only way a raw number enters or leaves a quantity.
///
/// Why one header: Boost.Units identifies base dimensions by ordinal, and two
/// dimensions with the same ordinal give errors nobody can read. Keeping them
/// all here makes that impossible. Users never spell `boost::units::` types;
/// they use the aliases (`Money`, `GpuTime`, ...) and the makers (`usd(2.0)`,
/// `gpu_hours(2.788e6)`), and read numbers back with `in_usd(q)` and friends.
///
/// Canonical storage: time in seconds, energy in joules, power in watts,
/// money in US dollars, counts as plain counts. Hours, days, kWh and TFLOP/s
/// exist only at the edges (the makers and readers), so that products such as
/// `price * usage` simplify to dollars instead of printing `s h^-1 USD`.

#include <boost/units/base_dimension.hpp>
#include <boost/units/base_unit.hpp>
#include <boost/units/base_units/si/kilogram.hpp>
#include <boost/units/base_units/si/meter.hpp>
#include <boost/units/base_units/si/second.hpp>
#include <boost/units/derived_dimension.hpp>
#include <boost/units/make_system.hpp>
#include <boost/units/physical_dimensions/energy.hpp>
#include <boost/units/physical_dimensions/power.hpp>
#include <boost/units/physical_dimensions/time.hpp>
#include <boost/units/quantity.hpp>
#include <boost/units/unit.hpp>

namespace traincost {

namespace units_detail {

namespace bu = boost::units;

// ---- Base dimensions (ordinals 1..8; Boost's own use negative ordinals) ----

/// Money. A dimension of its own so that a price can never be added to a count.
struct currency_base_dimension : bu::base_dimension<currency_base_dimension, 1> {};
/// Accelerators (GPUs, TPU chips) as a counted dimension: GPU-hours are
/// accelerator x time, which a plain duration is not.
struct accelerator_base_dimension : bu::base_dimension<accelerator_base_dimension, 2> {};
/// Floating-point operations, counted.
struct flop_base_dimension : bu::base_dimension<flop_base_dimension, 3> {};
/// Training tokens, counted.
struct token_base_dimension : bu::base_dimension<token_base_dimension, 4> {};
/// Model parameters, counted. Distinct from tokens so `tokens + parameters`
/// does not compile (in plain Boost.Units both would be dimensionless).
struct parameter_base_dimension : bu::base_dimension<parameter_base_dimension, 5> {};
/// Bytes of memory or data.
struct byte_base_dimension : bu::base_dimension<byte_base_dimension, 6> {};
/// Chinese yuan: a currency of its own, so a CNY price can only become US
/// dollars through an explicit exchange rate, never silently.
struct cny_base_dimension : bu::base_dimension<cny_base_dimension, 7> {};
/// People, for staff cost (headcount x loaded cost per person-year).
struct person_base_dimension : bu::base_dimension<person_base_dimension, 8> {};

using currency_dimension = currency_base_dimension::dimension_type;
using accelerator_dimension = accelerator_base_dimension::dimension_type;
using flop_dimension = flop_base_dimension::dimension_type;
using token_dimension = token_base_dimension::dimension_type;
using parameter_dimension = parameter_base_dimension::dimension_type;
using byte_dimension = byte_base_dimension::dimension_type;
using cny_dimension = cny_base_dimension::dimension_type;
using person_dimension = person_base_dimension::dimension_type;

// ---- Base units (ordinals 101..108) ----

struct usd_base_unit : bu::base_unit<usd_base_unit, currency_dimension, 101> {
  static const char* name() { return "US dollar"; }
  static const char* symbol() { return "USD"; }
};
struct accelerator_base_unit : bu::base_unit<accelerator_base_unit, accelerator_dimension, 102> {
  static const char* name() { return "accelerator"; }
  static const char* symbol() { return "GPU"; }
};
struct flop_base_unit : bu::base_unit<flop_base_unit, flop_dimension, 103> {
  static const char* name() { return "floating-point operation"; }
  static const char* symbol() { return "FLOP"; }
};
struct token_base_unit : bu::base_unit<token_base_unit, token_dimension, 104> {
  static const char* name() { return "token"; }
  static const char* symbol() { return "tok"; }
};
struct parameter_base_unit : bu::base_unit<parameter_base_unit, parameter_dimension, 105> {
  static const char* name() { return "parameter"; }
  static const char* symbol() { return "param"; }
};
struct byte_base_unit : bu::base_unit<byte_base_unit, byte_dimension, 106> {
  static const char* name() { return "byte"; }
  static const char* symbol() { return "B"; }
};

struct cny_base_unit : bu::base_unit<cny_base_unit, cny_dimension, 107> {
  static const char* name() { return "Chinese yuan"; }
  static const char* symbol() { return "CNY"; }
};
struct person_base_unit : bu::base_unit<person_base_unit, person_dimension, 108> {
  static const char* name() { return "person"; }
  static const char* symbol() { return "person"; }
};

/// A Boost.Units list of base units, built from a pack.
template <class... Units>
struct base_unit_list {
  using type = bu::dimensionless_type;
};
template <class First, class... Rest>
struct base_unit_list<First, Rest...> {
  using type = bu::list<First, typename base_unit_list<Rest...>::type>;
};

/// The one unit system every traincost quantity lives in. Spelled the way
/// `bu::make_system` spells it (a sorted list of base units) because
/// make_system stops at ten base units and this vocabulary has eleven.
using system = bu::homogeneous_system<typename bu::detail::insertion_sort<typename base_unit_list<
    bu::si::meter_base_unit, bu::si::kilogram_base_unit, bu::si::second_base_unit, usd_base_unit,
    accelerator_base_unit, flop_base_unit, token_base_unit, parameter_base_unit, byte_base_unit,
    cny_base_unit, person_base_unit>::type>::type>;

template <class Dimension>
using quantity_of = bu::quantity<bu::unit<Dimension, system>, double>;

using time_dimension = bu::time_dimension;
using power_dimension = bu::power_dimension;
using energy_dimension = bu::energy_dimension;

// Derived dimensions, spelled once.
using gpu_time_dimension =
    bu::derived_dimension<accelerator_base_dimension, 1, bu::time_base_dimension, 1>::type;
using gpu_time_price_dimension =
    bu::derived_dimension<currency_base_dimension, 1, accelerator_base_dimension, -1,
                          bu::time_base_dimension, -1>::type;
using flop_rate_dimension =
    bu::derived_dimension<flop_base_dimension, 1, bu::time_base_dimension, -1>::type;
using flop_per_token_dimension =
    bu::derived_dimension<flop_base_dimension, 1, token_base_dimension, -1>::type;
using token_rate_dimension =
    bu::derived_dimension<token_base_dimension, 1, bu::time_base_dimension, -1>::type;
using energy_price_dimension =
    bu::derived_dimension<currency_base_dimension, 1, bu::length_base_dimension, -2,
                          bu::mass_base_dimension, -1, bu::time_base_dimension, 2>::type;
using accelerator_price_dimension =
    bu::derived_dimension<currency_base_dimension, 1, accelerator_base_dimension, -1>::type;
using byte_rate_dimension =
    bu::derived_dimension<byte_base_dimension, 1, bu::time_base_dimension, -1>::type;
using power_per_accelerator_dimension =
    bu::derived_dimension<bu::length_base_dimension, 2, bu::mass_base_dimension, 1,
                          bu::time_base_dimension, -3, accelerator_base_dimension, -1>::type;
using power_capacity_price_dimension =
    bu::derived_dimension<currency_base_dimension, 1, bu::length_base_dimension, -2,
                          bu::mass_base_dimension, -1, bu::time_base_dimension, 3>::type;
using exchange_rate_dimension =
    bu::derived_dimension<currency_base_dimension, 1, cny_base_dimension, -1>::type;
using person_time_dimension =
    bu::derived_dimension<person_base_dimension, 1, bu::time_base_dimension, 1>::type;
using staff_rate_dimension =
    bu::derived_dimension<currency_base_dimension, 1, person_base_dimension, -1,
                          bu::time_base_dimension, -1>::type;
using dimensionless_dimension = bu::dimensionless_type;

/// Builds a quantity from a number given in a unit that is `scale` canonical units.
template <class Q>
inline Q make(double value, double scale = 1.0) {
  return Q::from_value(value * scale);
}
/// Reads a quantity back in a unit that is `scale` canonical units.
template <class Q>
inline double read(const Q& q, double scale = 1.0) {
  return q.value() / scale;
}

}  // namespace units_detail

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
inline constexpr double tera = 1e12;
inline constexpr double giga = 1e9;
}  // namespace unit_scale

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
