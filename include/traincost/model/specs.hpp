#pragma once
/// \file
/// The input specs the cost models read their numbers with: bound, words
/// and display unit, stated once so that a typed check, a drawn range and a
/// table show an input alike.

#include "traincost/model/input_spec.hpp"
#include "traincost/units/units.hpp"

namespace traincost::model::specs {

namespace shown {
inline constexpr double (*hours)(double) = [](double s) {
  return s / unit_scale::seconds_per_hour;
};
inline constexpr double (*years)(double) = [](double s) {
  return s / unit_scale::seconds_per_year;
};
inline constexpr double (*per_hour)(double) = [](double v) {
  return v * unit_scale::seconds_per_hour;
};
inline constexpr double (*per_year)(double) = [](double v) {
  return v * unit_scale::seconds_per_year;
};
inline constexpr double (*inverse)(double) = [](double v) { return 1.0 / v; };
inline constexpr double (*per_trillion_tokens)(double) = [](double v) {
  return v / unit_scale::seconds_per_hour * unit_scale::tokens_per_trillion;
};
inline constexpr double (*per_megawatt)(double) = [](double v) { return v * 1e6; };
inline constexpr double (*per_kwh)(double) = [](double v) {
  return v * unit_scale::joules_per_kwh;
};
inline constexpr double (*per_kw_month)(double) = [](double v) {
  return v * 1e3 * unit_scale::seconds_per_month;
};
}  // namespace shown

inline constexpr InputSpec gpu_hours{Bound::positive, "number of GPU-hours", "GPU-hours",
                                     shown::hours};
inline constexpr InputSpec wall_clock_hours{Bound::positive, "number of hours", "hours",
                                            shown::hours};
inline constexpr InputSpec usd_per_gpu_hour{Bound::positive, "price in USD per GPU-hour",
                                            "USD per GPU-hour", shown::per_hour};
inline constexpr InputSpec accelerators{Bound::positive_whole, "accelerators", "accelerators",
                                        nullptr};
inline constexpr InputSpec average_accelerators{Bound::positive, "average number of accelerators",
                                                "accelerators", nullptr};
inline constexpr InputSpec tokens_per_second_per_accelerator{
    Bound::positive, "number of tokens per second per accelerator",
    "tokens per second per accelerator", nullptr};
inline constexpr InputSpec mfu{Bound::unit_fraction, "MFU", "MFU", nullptr};
inline constexpr InputSpec gpu_hours_per_token{
    Bound::positive, "number of GPU-hours per trillion tokens", "GPU-hours per trillion tokens",
    shown::per_trillion_tokens};
inline constexpr InputSpec goodput{Bound::unit_fraction, "goodput", "goodput", nullptr};
inline constexpr InputSpec tokens{Bound::positive, "number of tokens", "tokens", nullptr};
inline constexpr InputSpec parameters{Bound::positive, "number of parameters", "parameters",
                                      nullptr};
inline constexpr InputSpec flop{Bound::positive, "number of FLOP", "FLOP", nullptr};
inline constexpr InputSpec flop_per_token{Bound::positive, "number of FLOP per token",
                                          "FLOP per token", nullptr};
inline constexpr InputSpec multiplier{Bound::at_least_one, "total-to-final-run compute ratio",
                                      "x final run", nullptr};
inline constexpr InputSpec people{Bound::positive, "number of people", "people", nullptr};
inline constexpr InputSpec usd_per_person_year{Bound::positive, "USD per person-year",
                                               "USD per person-year", shown::per_year};
inline constexpr InputSpec staff_years{Bound::positive, "number of years", "years", shown::years};
inline constexpr InputSpec staff_overhead{Bound::at_least_one, "loaded-cost / salary ratio",
                                          "x salary", nullptr};
inline constexpr InputSpec usd_amount{Bound::non_negative, "amount in USD", "USD", nullptr};
inline constexpr InputSpec positive_usd{Bound::positive, "cost in USD", "USD", nullptr};
inline constexpr InputSpec cny_amount{Bound::positive, "amount in CNY", "CNY", nullptr};
inline constexpr InputSpec usd_per_accelerator{Bound::positive, "price in USD per accelerator",
                                               "USD per accelerator", nullptr};
inline constexpr InputSpec cny_per_usd{Bound::positive, "exchange rate in CNY per USD",
                                       "CNY per USD", shown::inverse};
inline constexpr InputSpec ratio_at_least_one{Bound::at_least_one, "ratio", "ratio", nullptr};
inline constexpr InputSpec positive_ratio{Bound::positive, "ratio", "ratio", nullptr};
inline constexpr InputSpec share{Bound::share, "share", "share", nullptr};
inline constexpr InputSpec unit_share{Bound::unit_fraction, "share", "share", nullptr};
inline constexpr InputSpec accelerators_per_server{Bound::positive_whole, "accelerators per server",
                                                   "accelerators per server", nullptr};
inline constexpr InputSpec endpoints{Bound::positive, "number of endpoints",
                                     "endpoints per accelerator", nullptr};
inline constexpr InputSpec watts{Bound::positive, "power in W", "W", nullptr};
inline constexpr InputSpec usd_per_megawatt{Bound::positive, "USD per MW", "USD per MW",
                                            shown::per_megawatt};
inline constexpr InputSpec usd_per_kwh{Bound::positive, "USD per kWh", "USD per kWh",
                                       shown::per_kwh};
inline constexpr InputSpec usd_per_kw_month{Bound::positive, "USD per kW-month", "USD per kW-month",
                                            shown::per_kw_month};
inline constexpr InputSpec pue{Bound::at_least_one, "PUE", "PUE", nullptr};
inline constexpr InputSpec period_years{Bound::positive, "number of years", "years", shown::years};

}  // namespace traincost::model::specs
