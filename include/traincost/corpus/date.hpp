#pragma once
/// \file
/// Calendar dates and months for the published record. Epoch AI's files date
/// models, prices and chips by day ("2023-03-15") and the price index by
/// month; every look-up of the method (closest price, training start, the
/// inflation base) is arithmetic on these, so they are one small type each.

#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace traincost::corpus {

/// A calendar day, stored as days since 1970-01-01 (negative before).
struct Date {
  long days = 0;

  static Date from_ymd(int y, unsigned m, unsigned d) {
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    return Date{static_cast<long>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
  }
  std::chrono::year_month_day ymd() const {
    return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
  }
  int year() const { return static_cast<int>(ymd().year()); }
  unsigned month() const { return static_cast<unsigned>(ymd().month()); }
  unsigned day() const { return static_cast<unsigned>(ymd().day()); }

  /// "YYYY-MM-DD".
  std::string str() const {
    const auto d = ymd();
    char buf[16];
    const int y = static_cast<int>(d.year());
    const unsigned m = static_cast<unsigned>(d.month());
    const unsigned dd = static_cast<unsigned>(d.day());
    std::string s = std::to_string(y);
    s += '-';
    buf[0] = static_cast<char>('0' + m / 10);
    buf[1] = static_cast<char>('0' + m % 10);
    buf[2] = '-';
    buf[3] = static_cast<char>('0' + dd / 10);
    buf[4] = static_cast<char>('0' + dd % 10);
    s.append(buf, 5);
    return s;
  }

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;
};

/// A calendar month: the unit of the price index and of a cost's base.
struct Month {
  int year = 2000;
  unsigned month = 1;  ///< 1..12

  static Month of(Date d) { return Month{d.year(), d.month()}; }
  /// "YYYY-MM".
  std::string str() const {
    std::string s = std::to_string(year);
    s += '-';
    s += static_cast<char>('0' + month / 10);
    s += static_cast<char>('0' + month % 10);
    return s;
  }
  friend auto operator<=>(const Month&, const Month&) = default;
  friend bool operator==(const Month&, const Month&) = default;
};

namespace detail {
inline bool parse_unsigned(std::string_view s, unsigned& out) {
  if (s.empty())
    return false;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc{} && r.ptr == s.data() + s.size();
}
}  // namespace detail

/// Parses "YYYY-MM-DD", optionally followed by a time ("2025-05-23 09:57" —
/// Epoch's "Last modified" style), which is ignored. Empty when malformed or
/// not a real calendar day.
inline std::optional<Date> parse_date(std::string_view s) {
  if (s.size() > 10 && (s[10] == ' ' || s[10] == 'T'))
    s = s.substr(0, 10);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-')
    return std::nullopt;
  unsigned y = 0, m = 0, d = 0;
  if (!detail::parse_unsigned(s.substr(0, 4), y) || !detail::parse_unsigned(s.substr(5, 2), m) ||
      !detail::parse_unsigned(s.substr(8, 2), d))
    return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(y)},
                                        std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok())
    return std::nullopt;
  return Date::from_ymd(static_cast<int>(y), m, d);
}

/// Parses "YYYY-MM" or "YYYY-MM-01" (the index's observation dates).
inline std::optional<Month> parse_month(std::string_view s) {
  if (s.size() == 10) {
    const auto d = parse_date(s);
    if (!d || d->day() != 1)
      return std::nullopt;
    return Month::of(*d);
  }
  if (s.size() != 7 || s[4] != '-')
    return std::nullopt;
  unsigned y = 0, m = 0;
  if (!detail::parse_unsigned(s.substr(0, 4), y) || !detail::parse_unsigned(s.substr(5, 2), m) ||
      m < 1 || m > 12)
    return std::nullopt;
  return Month{static_cast<int>(y), m};
}

}  // namespace traincost::corpus
