#pragma once
/// \file
/// The unit system of traincost: its base dimensions (money, accelerators,
/// FLOP, tokens, parameters, bytes, yuan, people, CO2e, interruptions), their
/// base units, the one
/// homogeneous Boost.Units system they form, and the derived dimensions
/// (GPU-hours, prices, rates) the named quantities are made of.
///
/// Why one file for all dimensions: Boost.Units identifies base dimensions by
/// ordinal, and two dimensions with the same ordinal give errors nobody can
/// read; keeping every ordinal here makes that impossible. Users never spell
/// these types: they use the aliases of quantities.hpp.

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

// ---- Base dimensions (ordinals 1..10; Boost's own use negative ordinals) ----

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
/// Greenhouse gases as CO2-equivalent mass. Its own dimension, not a mass:
/// emissions are a kind of figure of their own (location- or market-based,
/// run/emissions.hpp), and `energy + emissions` must not compile.
struct co2e_base_dimension : bu::base_dimension<co2e_base_dimension, 9> {};
/// Job interruptions (failures that stop a synchronous training job), counted:
/// a failure rate is interruptions per hour, not a bare frequency.
struct interruption_base_dimension : bu::base_dimension<interruption_base_dimension, 10> {};

using currency_dimension = currency_base_dimension::dimension_type;
using accelerator_dimension = accelerator_base_dimension::dimension_type;
using flop_dimension = flop_base_dimension::dimension_type;
using token_dimension = token_base_dimension::dimension_type;
using parameter_dimension = parameter_base_dimension::dimension_type;
using byte_dimension = byte_base_dimension::dimension_type;
using cny_dimension = cny_base_dimension::dimension_type;
using person_dimension = person_base_dimension::dimension_type;
using co2e_dimension = co2e_base_dimension::dimension_type;
using interruption_dimension = interruption_base_dimension::dimension_type;

// ---- Base units (ordinals 101..110) ----

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
/// The kilogram of CO2-equivalent: model cards print tonnes (tCO2e), grids
/// grams per kWh; both are scales of this at the edges.
struct kg_co2e_base_unit : bu::base_unit<kg_co2e_base_unit, co2e_dimension, 109> {
  static const char* name() { return "kilogram CO2-equivalent"; }
  static const char* symbol() { return "kgCO2e"; }
};
struct interruption_base_unit : bu::base_unit<interruption_base_unit, interruption_dimension, 110> {
  static const char* name() { return "interruption"; }
  static const char* symbol() { return "interruption"; }
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
/// make_system stops at ten base units and this vocabulary has thirteen.
using system = bu::homogeneous_system<typename bu::detail::insertion_sort<typename base_unit_list<
    bu::si::meter_base_unit, bu::si::kilogram_base_unit, bu::si::second_base_unit, usd_base_unit,
    accelerator_base_unit, flop_base_unit, token_base_unit, parameter_base_unit, byte_base_unit,
    cny_base_unit, person_base_unit, kg_co2e_base_unit, interruption_base_unit>::type>::type>;

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
/// kg CO2e per unit of energy: a grid's carbon intensity.
using carbon_intensity_dimension =
    bu::derived_dimension<co2e_base_dimension, 1, bu::length_base_dimension, -2,
                          bu::mass_base_dimension, -1, bu::time_base_dimension, 2>::type;
/// Interruptions per unit of time: a job's (or a cluster's) failure rate.
using failure_rate_dimension =
    bu::derived_dimension<interruption_base_dimension, 1, bu::time_base_dimension, -1>::type;
/// Interruptions per accelerator-hour: a failure rate that scales with the cluster.
using accelerator_failure_rate_dimension =
    bu::derived_dimension<interruption_base_dimension, 1, accelerator_base_dimension, -1,
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

}  // namespace traincost
