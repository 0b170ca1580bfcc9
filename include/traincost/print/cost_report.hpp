#pragma once
/// \file
/// Printing typed simulation results as plain text: a `CostSummary` (mean,
/// percentiles, histogram in dollars) and a `CostTornado` (each input in the
/// unit it is shown in). Part of the printing layer: include it where text
/// is produced, not in models.

#include <algorithm>
#include <cmath>
#include <ostream>
#include <string>

#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/uncertainty/model_sensitivity.hpp"
#include "traincost/uncertainty/model_simulation.hpp"

namespace traincost::uncertainty {

/// "samples ... mean ... sd ..." then P5 / P25 / P50 / P75 / P95 on one line,
/// then the histogram (P1 to P99) as rows of '#' scaled to `bar_width`.
inline void print_cost_summary(std::ostream& os, const CostSummary& s, int decimals = 2,
                               int bar_width = 40) {
  auto fmt = [decimals](Money m) { return format_usd_compact(m, decimals); };
  os << "  samples " << format_number(static_cast<double>(s.samples)) << "  mean " << fmt(s.mean)
     << "  sd " << fmt(s.sd) << '\n';
  os << "  P5 " << fmt(s.p5) << "  P25 " << fmt(s.p25) << "  P50 " << fmt(s.p50) << "  P75 "
     << fmt(s.p75) << "  P95 " << fmt(s.p95) << '\n';
  const CostHistogram& h = s.histogram;
  if (bar_width <= 0 || h.counts.empty())
    return;
  const std::int64_t peak = *std::max_element(h.counts.begin(), h.counts.end());
  for (std::size_t b = 0; b < h.counts.size(); ++b) {
    const Money lo = h.low + h.bin_width() * static_cast<double>(b);
    const auto n = static_cast<int>(
        std::lround(static_cast<double>(bar_width) * static_cast<double>(h.counts[b]) /
                    static_cast<double>(std::max<std::int64_t>(1, peak))));
    std::string label = fmt(lo);
    label.resize(std::max<std::size_t>(label.size(), 10), ' ');
    os << "  " << label << ' ' << std::string(static_cast<std::size_t>(n), '#') << '\n';
  }
  os << "  (" << format_number(static_cast<double>(h.below)) << " below " << fmt(h.low) << ", "
     << format_number(static_cast<double>(h.above)) << " above " << fmt(h.high) << ")\n";
}

/// The tornado as a table, widest swing first: each input's low and high in
/// its unit, the cost at each, and the swing.
inline void print_cost_tornado(std::ostream& os, const CostTornado& t, int decimals = 2) {
  auto fmt = [decimals](Money m) { return format_usd_compact(m, decimals); };
  using A = TextTable::Align;
  TextTable table({"input", "low", "high", "unit", "cost at low", "cost at high", "swing"},
                  {A::left, A::right, A::right, A::left, A::right, A::right, A::right});
  for (const InputSwing& b : t.bars)
    table.add_row({b.name, format_readable(b.low), format_readable(b.high), b.unit, fmt(b.at_low),
                   fmt(b.at_high), fmt(b.swing())});
  table.print(os);
}

}  // namespace traincost::uncertainty
