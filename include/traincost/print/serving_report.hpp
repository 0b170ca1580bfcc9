#pragma once
/// \file
/// The table of a serving deployment: accelerators, GPU-hours, period,
/// price, cost, cost per day and per million tokens, in its own scope.

#include <cmath>
#include <ostream>

#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/run/serving.hpp"

namespace traincost {

/// Prints one deployment: a header with its scope, one row, and the totals.
inline void print_serving(std::ostream& os, const ServingCost& c) {
  using A = TextTable::Align;
  TextTable t(
      {"accelerator", "GPUs", "GPU-hours", "hours", "USD/GPU-h", "cost", "per day", "per M tokens",
       "src"},
      {A::left, A::right, A::right, A::right, A::right, A::right, A::right, A::right, A::left});
  // An average count may be fractional (226.75 nodes); a whole one prints whole.
  const double n = in_accelerators(c.accelerators);
  t.add_row({c.accelerator, format_number(n, n == std::floor(n) ? 0 : 2),
             format_number(in_gpu_hours(c.gpu_time)), format_number(in_hours(c.period), 1),
             format_number(in_usd_per_gpu_hour(c.price), 2), format_usd(c.total),
             format_usd(c.per_day),
             c.per_token ? "$" + format_number(in_usd_per_million_tokens(*c.per_token), 2) : "-",
             std::string(tag(c.breakdown().provenance.evidence))});
  os << c.name << " — " << to_string(ServingCost::scope()) << '\n';
  t.print(os);
  os << "total cost: " << format_usd_compact(c.total) << " (" << format_usd(c.total)
     << "), per day " << format_usd(c.per_day) << '\n';
}

}  // namespace traincost
