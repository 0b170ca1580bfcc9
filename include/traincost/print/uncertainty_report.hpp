#pragma once
/// \file
/// Printing Monte Carlo summaries, tornados and Sobol indices as plain text.
/// Output values are canonical numbers; the caller passes how to format one
/// (e.g. as compact dollars). Inputs are shown through their `Display`.

#include <algorithm>
#include <cmath>
#include <functional>
#include <ostream>
#include <string>

#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/monte_carlo.hpp"
#include "traincost/uncertainty/sensitivity.hpp"

namespace traincost::uncertainty {

/// Formats one output value (canonical units) for people.
using OutputFormat = std::function<std::string(double)>;

/// Compact dollars: "$5.58M". Outputs in canonical units are USD.
inline OutputFormat as_usd_compact(int decimals = 2) {
  return [decimals](double v) { return format_usd_compact(usd(v), decimals); };
}

/// An input value in its display unit, through `format_readable`.
inline std::string format_input(const Input& in, double canonical) {
  return format_readable(in.display(canonical));
}

/// "mean ... sd ..." then P5 / P25 / P50 / P75 / P95 on one line, then the
/// histogram (P1 to P99) as rows of '#' scaled to `bar_width`.
inline void print_summary(std::ostream& os, const Summary& s, const OutputFormat& fmt,
                          int bar_width = 40) {
  os << "  samples " << format_number(static_cast<double>(s.samples)) << "  mean " << fmt(s.mean)
     << "  sd " << fmt(s.sd) << '\n';
  os << "  P5 " << fmt(s.p5) << "  P25 " << fmt(s.p25) << "  P50 " << fmt(s.p50) << "  P75 "
     << fmt(s.p75) << "  P95 " << fmt(s.p95) << '\n';
  if (bar_width <= 0 || s.histogram.counts.empty())
    return;
  const std::int64_t peak = *std::max_element(s.histogram.counts.begin(), s.histogram.counts.end());
  const double w = s.histogram.bin_width();
  for (std::size_t b = 0; b < s.histogram.counts.size(); ++b) {
    const double lo = s.histogram.low + w * static_cast<double>(b);
    const auto n = static_cast<int>(
        std::lround(static_cast<double>(bar_width) * static_cast<double>(s.histogram.counts[b]) /
                    static_cast<double>(std::max<std::int64_t>(1, peak))));
    std::string label = fmt(lo);
    label.resize(std::max<std::size_t>(label.size(), 10), ' ');
    os << "  " << label << ' ' << std::string(static_cast<std::size_t>(n), '#') << '\n';
  }
  os << "  (" << format_number(static_cast<double>(s.histogram.below)) << " below "
     << fmt(s.histogram.low) << ", " << format_number(static_cast<double>(s.histogram.above))
     << " above " << fmt(s.histogram.high) << ")\n";
}

/// The tornado as a table, widest bar first: each input's low and high (in
/// its display unit), the output at each, and the swing.
inline void print_tornado(std::ostream& os, const InputSet& inputs, const Tornado& t,
                          const OutputFormat& fmt) {
  using A = TextTable::Align;
  TextTable table({"input", "low", "high", "unit", "output at low", "output at high", "swing"},
                  {A::left, A::right, A::right, A::left, A::right, A::right, A::right});
  for (const TornadoBar& b : t.bars) {
    const Input& in = inputs[b.index];
    table.add_row({b.input, format_input(in, b.input_low), format_input(in, b.input_high),
                   in.display.unit, fmt(b.output_low), fmt(b.output_high), fmt(b.swing())});
  }
  table.print(os);
}

/// First-order and total Sobol indices as percentages, in column order.
inline void print_sobol(std::ostream& os, const SobolResult& r) {
  using A = TextTable::Align;
  TextTable table({"input", "first order", "total"}, {A::left, A::right, A::right});
  for (const SobolIndex& s : r.indices)
    table.add_row({s.input, format_percent(s.first_order), format_percent(s.total)});
  table.print(os);
}

}  // namespace traincost::uncertainty
