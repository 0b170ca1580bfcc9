#pragma once
/// \file
/// How hardware loses value: straight-line or exponential depreciation, the
/// one definition of depreciation per wall-clock hour over any evaluator,
/// and book values of a price or of a fleet.
///
/// Two methods (sources.md §7):
/// - straight line over a life L: price / L per hour;
/// - Epoch AI's exponential method: value falls 0.14 orders of magnitude a
///   year, i.e. a continuous rate r = 0.14 x ln 10 = 0.3224 per year, and the
///   amortized cost per chip-hour is price x r / 8,766 h (Cottier et al. 2024,
///   arXiv 2405.21015) [P].

#include <cmath>
#include <string>
#include <string_view>
#include <utility>

#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/fleet_specs.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// How hardware loses value.
enum class DepreciationMethod {
  straight_line,  ///< equal charges over a fixed life
  exponential,    ///< value x exp(-r t); Epoch AI's method
};

/// "straight line" or "exponential".
constexpr std::string_view to_string(DepreciationMethod m) {
  return m == DepreciationMethod::exponential ? "exponential" : "straight line";
}

/// A continuous depreciation rate per year from a decline in orders of
/// magnitude per year: 0.14 -> 0.14 x ln 10 = 0.3224 per year.
inline double rate_from_orders_of_magnitude(double orders_per_year) {
  return orders_per_year * std::log(10.0);
}

/// A depreciation schedule.
struct Depreciation {
  DepreciationMethod method = DepreciationMethod::straight_line;
  /// Straight line: the useful life (Epoch: servers 3-5 years).
  Duration life = years(4);
  /// Exponential: the continuous rate per year.
  double rate_per_year = 0.0;
  Provenance provenance;

  /// Straight line over `life`.
  static Depreciation straight_line(Duration life, Provenance source) {
    return {DepreciationMethod::straight_line, life, 0.0, std::move(source)};
  }
  /// Exponential at a continuous rate per year.
  static Depreciation exponential(double rate_per_year, Provenance source) {
    return {DepreciationMethod::exponential, years(0), rate_per_year, std::move(source)};
  }
  /// Epoch AI's method: 0.14 orders of magnitude per year = 0.3224 per year.
  static Depreciation epoch() {
    return exponential(rate_from_orders_of_magnitude(0.14),
                       published("Epoch AI (arXiv 2405.21015): 0.14 orders of magnitude per year "
                                 "-> 0.3224 per year (sources.md §7)"));
  }
};

/// Checks a schedule; throws naming "depreciation.life_years" or "depreciation.rate_per_year".
inline void validate_depreciation(const Depreciation& d) {
  if (d.method == DepreciationMethod::straight_line)
    detail::require_positive("depreciation.life_years", in_years(d.life), "number of years");
  else
    detail::require_positive("depreciation.rate_per_year", d.rate_per_year, "rate per year");
}

/// The one definition of depreciation per wall-clock hour, over any
/// evaluator: price / life (straight line, reads "life" under `at`) or
/// price x rate / 8,766 h (exponential, reads "rate_per_year").
template <class E>
model::Val<typename E::value_type, GpuTimePrice> evaluate_depreciation_per_hour(
    const model::Val<typename E::value_type, AcceleratorPrice>& price, const Depreciation& d, E& e,
    const model::Path& at) {
  using V = typename E::value_type;
  if (d.method == DepreciationMethod::straight_line)
    return price / e.read(model::Path(at, "life"), d.life, model::specs::depreciation_life);
  const V rate =
      e.read(model::Path(at, "rate_per_year"), d.rate_per_year, model::specs::depreciation_rate);
  return price * rate / model::constant<V>(years(1));
}

namespace detail {
/// The hourly charge of an already validated schedule.
inline GpuTimePrice depreciation_per_hour_unchecked(AcceleratorPrice price, const Depreciation& d) {
  model::PointEvaluator e;
  return evaluate_depreciation_per_hour(price, d, e, model::Path("depreciation"));
}
}  // namespace detail

/// Depreciation of one accelerator per wall-clock hour: price / life, or
/// (Epoch) price x rate / 8,766 h.
inline GpuTimePrice depreciation_per_gpu_hour(AcceleratorPrice price, const Depreciation& d) {
  validate_depreciation(d);
  detail::require_non_negative("depreciation.price", in_usd_per_accelerator(price), "USD price");
  return detail::depreciation_per_hour_unchecked(price, d);
}

/// What hardware bought for `price` is worth after `age`: straight line
/// reaches 0 at the end of its life; exponential is price x exp(-r x age).
inline Money book_value(Money price, Duration age, const Depreciation& d) {
  validate_depreciation(d);
  detail::require_non_negative("book_value.price", in_usd(price), "USD price");
  detail::require_non_negative("book_value.age_years", in_years(age), "number of years");
  if (d.method == DepreciationMethod::straight_line) {
    const double left = 1.0 - ratio(age, d.life);
    return price * (left > 0.0 ? left : 0.0);
  }
  return price * std::exp(-d.rate_per_year * in_years(age));
}

/// What a fleet's hardware is worth at the start of `as_of_year`: each
/// holding's capex depreciated from the start of its `year_bought`. A
/// holding bought in an unknown year (0) or after `as_of_year` is an error.
inline Money book_value(const Fleet& fleet, int as_of_year, const Depreciation& d) {
  const FleetCapex capex = cost_fleet_capex(fleet);
  Money total = usd(0);
  for (std::size_t i = 0; i < fleet.holdings.size(); ++i) {
    const Holding& h = fleet.holdings[i];
    if (h.year_bought <= 0)
      detail::fail_value(detail::holding_field(i, h, "year_bought"), h.year_bought,
                         "the calendar year of purchase");
    if (h.year_bought > as_of_year)
      detail::fail_value(detail::holding_field(i, h, "year_bought"), h.year_bought,
                         "a year no later than the valuation year " + std::to_string(as_of_year));
    total += book_value(capex.holdings[i].total, years(as_of_year - h.year_bought), d);
  }
  return total;
}

}  // namespace traincost
