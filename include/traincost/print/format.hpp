#pragma once
/// \file
/// Printing numbers and quantities for people: THE formatters of traincost
/// (the project does not use {fmt}); every printed number goes through one of
/// these, so the same figure reads the same in every table.
///
/// | formatter            | example                      | for                          |
/// |----------------------|------------------------------|------------------------------|
/// | `format_number`      | 2664000 -> "2,664,000"       | counts, fixed decimals       |
/// | `format_readable`    | 1.6 -> "1.60", 150 -> "150.0" | inputs in their display unit |
/// | `format_usd`         | "$5,576,000"                 | dollars in full              |
/// | `format_usd_compact` | "$5.576M"                    | dollars in summaries         |
/// | `format_percent`     | 0.9555 -> "95.6%"            | shares                       |
///
/// Kept out of the model headers, which never print. Every formatter refuses
/// NaN and infinity (throwing `traincost::Error`), so no such value is ever
/// shown as a cost.

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "traincost/detail/validate.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// `value` with `decimals` digits after the point and commas between
/// thousands: format_number(2664000) == "2,664,000". Throws on NaN/infinity.
inline std::string format_number(double value, int decimals = 0) {
  detail::require_finite("printed value", value, "a finite number");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(value));
  std::string digits(buf);
  const auto point = digits.find('.');
  std::string whole = digits.substr(0, point);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0)
      out.push_back(',');
    out.push_back(whole[i]);
  }
  if (point != std::string::npos)
    out += digits.substr(point);
  // "-0" is not a number anybody wants to read.
  const bool negative = value < 0 && out.find_first_not_of("0.,") != std::string::npos;
  return negative ? "-" + out : out;
}

/// A value with as many decimals as its size needs to be read and told
/// apart: none from 1,000 up, one from 10, two from 1, three below 1
/// ("500,000", "150.0", "1.60", "0.350"). For inputs shown in their unit.
inline std::string format_readable(double value) {
  const double a = std::fabs(value);
  const int decimals = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return format_number(value, decimals);
}

/// Dollars in full: format_usd(usd(5.576e6)) == "$5,576,000".
inline std::string format_usd(Money amount, int decimals = 0) {
  const double v = in_usd(amount);
  std::string s = format_number(v, decimals);
  if (s.front() == '-')
    return "-$" + s.substr(1);
  return "$" + s;
}

/// Dollars compactly, with K, M or B: format_usd_compact(usd(5.576e6)) == "$5.576M".
inline std::string format_usd_compact(Money amount, int decimals = 3) {
  const double v = in_usd(amount);
  detail::require_finite("printed value", v, "a finite number");
  // Choose the suffix on the value as it will be printed, so that $999,999.6
  // at three decimals becomes "$1.000M", not "$1,000.000K".
  const double unit = std::pow(10.0, decimals);
  const char* suffix = "";
  double scaled = v;
  for (const auto& [scale, name] :
       {std::pair{1e9, "B"}, std::pair{1e6, "M"}, std::pair{1e3, "K"}}) {
    if (std::round(std::fabs(v) / scale * unit) / unit >= 1.0) {
      scaled = v / scale;
      suffix = name;
      break;
    }
  }
  std::string s = format_number(scaled, decimals);
  if (s.front() == '-')
    return "-$" + s.substr(1) + suffix;
  return "$" + s + suffix;
}

/// A share as a percentage: format_percent(0.9555) == "95.6%".
inline std::string format_percent(double share, int decimals = 1) {
  return format_number(share * 100.0, decimals) + "%";
}

}  // namespace traincost
