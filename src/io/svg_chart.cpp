#include "traincost/io/svg_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "traincost/detail/validate.hpp"
#include "traincost/print/format.hpp"

namespace traincost::io {

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&apos;";
          break;
        default:
          // XML 1.0 forbids most control characters, even escaped.
          out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
      }
      ++i;
      continue;
    }
    // Copy a valid UTF-8 sequence whole; replace anything else.
    std::size_t len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xc0) == 0x80;
    if (ok && len == 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xe0 && c1 < 0xa0) && !(c == 0xed && c1 >= 0xa0);  // overlong, surrogates
      // U+FFFE and U+FFFF are not XML characters.
      if (ok && c == 0xef && c1 == 0xbf && static_cast<unsigned char>(s[i + 2]) >= 0xbe)
        ok = false;
    }
    if (ok && len == 4) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xf0 && c1 < 0x90) && !(c == 0xf4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += '?';
      ++i;
    }
  }
  return out;
}

namespace {

constexpr const char* palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                                   "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string header(double width, double height, std::string_view title) {
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
     << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << num(width) << "\" height=\""
     << num(height) << "\" viewBox=\"0 0 " << num(width) << ' ' << num(height)
     << "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
     << "<title>" << xml_text(title) << "</title>\n"
     << "<rect x=\"0\" y=\"0\" width=\"" << num(width) << "\" height=\"" << num(height)
     << "\" fill=\"#ffffff\"/>\n"
     << "<text x=\"20\" y=\"28\" font-size=\"16\" font-weight=\"bold\">" << xml_text(title)
     << "</text>\n";
  return os.str();
}

std::string text(double x, double y, std::string_view s, std::string_view anchor = "start",
                 std::string_view extra = "") {
  std::ostringstream os;
  os << "<text x=\"" << num(x) << "\" y=\"" << num(y) << "\" text-anchor=\"" << anchor << '"';
  if (!extra.empty())
    os << ' ' << extra;
  os << '>' << xml_text(s) << "</text>\n";
  return os.str();
}

std::string rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view tooltip = "") {
  std::ostringstream os;
  os << "<rect x=\"" << num(x) << "\" y=\"" << num(y) << "\" width=\"" << num(std::max(w, 0.0))
     << "\" height=\"" << num(std::max(h, 0.0)) << "\" fill=\"" << fill
     << "\" stroke=\"#ffffff\" stroke-width=\"0.5\"";
  if (tooltip.empty())
    return os.str() + "/>\n";
  os << "><title>" << xml_text(tooltip) << "</title></rect>\n";
  return os.str();
}

std::string money(double v) {
  return format_usd_compact(usd(v));
}

/// A figure in its unit: dollars, or a number and "kWh" / "tCO2e".
std::string money(double v, std::string_view unit) {
  if (unit == "USD")
    return money(v);
  return format_number(v, std::fabs(v) < 100.0 ? 2 : 0) + " " + std::string(unit);
}

}  // namespace

// A chart is a picture, not a listing: beyond this many rows (results or
// tornado bars) it becomes too tall to render (800 runs made 79,280 px,
// which rsvg-convert refuses); the rest are counted in a closing note and
// every figure stays in the table.
constexpr std::size_t max_chart_rows = 100;

std::string omitted_note(std::size_t omitted, const char* what) {
  return "and " + std::to_string(omitted) + " more " + what +
         " not drawn (the chart shows the first " + std::to_string(max_chart_rows) +
         "; the table lists every one)";
}

/// A run's footprint as one line under its bar: energy, emissions and the
/// cost including interruptions — figures beside the cost, not parts of it,
/// so they are text, not segments. Empty without footprint inputs.
std::string footprint_line(const ModelResult& r) {
  if (!r.footprint)
    return {};
  const RunFootprint& f = *r.footprint;
  std::string out;
  auto add = [&](const std::string& part) { out += (out.empty() ? "" : " · ") + part; };
  if (f.energy)
    add("energy " + format_number(in_kilowatt_hours(f.energy->total)) + " kWh");
  if (f.emissions && f.emissions->location_based)
    add("location-based " +
        format_number(in_tonnes_co2e(f.emissions->location_based->total.amount), 1) + " tCO2e");
  if (f.emissions && f.emissions->market_based)
    add("market-based " +
        format_number(in_tonnes_co2e(f.emissions->market_based->total.amount), 1) + " tCO2e");
  if (f.failures)
    add("with interruptions " + format_usd(f.failures->total) + " (goodput " +
        format_percent(f.failures->goodput) + ")");
  return out;
}

std::string breakdown_chart_svg(const Estimate& e) {
  const double width = 900, left = 20, bar_w = 640, bar_h = 34, lane_h = 15;
  // Layout first: each segment's label goes under the bar in the first lane
  // where it does not overlap an earlier label, so rows grow as needed.
  struct Segment {
    const LineItem* item;
    double x, w, share;
    std::size_t lane;
  };
  struct Row {
    const LineItem* root;
    std::vector<Segment> segments;
    std::size_t lanes = 1;
    std::string footprint;  ///< a run's energy, emissions, interruptions; may be empty
  };
  constexpr double footprint_h = 18;
  std::vector<Row> rows;
  double height = 60 + 20;
  const std::size_t omitted = e.results.size() - std::min(e.results.size(), max_chart_rows);
  if (omitted > 0)
    height += 30;
  for (const auto& r : e.results) {
    if (rows.size() == max_chart_rows)
      break;
    Row row{&r.breakdown(), {}, 1, footprint_line(r)};
    const double total = in_usd(r.breakdown().amount);
    detail::require_finite("chart total", total, "a finite amount");
    std::vector<const LineItem*> parts;
    for (const auto& c : r.breakdown().children)
      parts.push_back(&c);
    if (parts.empty())
      parts.push_back(&r.breakdown());
    std::vector<double> lane_end;
    double x = left;
    for (const LineItem* p : parts) {
      const double share = total > 0 ? in_usd(p->amount) / total : 0.0;
      const double w = std::max(0.0, share * bar_w);
      const std::string label =
          p->label + " " + format_usd(p->amount) + " (" + format_percent(share) + ")";
      std::size_t lane = 0;
      while (lane < lane_end.size() && lane_end[lane] > x)
        ++lane;
      if (lane == lane_end.size())
        lane_end.push_back(0);
      lane_end[lane] = x + 6.2 * static_cast<double>(label.size()) + 14;
      row.segments.push_back({p, x, w, share, lane});
      x += w;
    }
    row.lanes = std::max<std::size_t>(1, lane_end.size());
    height += 14 + bar_h + 16 + lane_h * static_cast<double>(row.lanes) + 20 +
              (row.footprint.empty() ? 0.0 : footprint_h);
    rows.push_back(std::move(row));
  }
  std::ostringstream os;
  const std::string title = "Cost breakdown" + (e.name.empty() ? std::string() : ": " + e.name);
  os << header(width, height, title);
  double y = 60;
  for (const Row& row : rows) {
    const LineItem& root = *row.root;
    os << text(left, y + 4, root.label + " — " + std::string(to_string(root.scope)), "start",
               "font-weight=\"bold\"");
    const double by = y + 14;
    std::size_t colour = 0;
    for (const Segment& sg : row.segments) {
      const std::string figure = format_usd(sg.item->amount);
      const std::string label =
          sg.item->label + " " + figure + " (" + format_percent(sg.share) + ")";
      os << rect(sg.x, by, sg.w, bar_h, palette[colour % 10], label);
      const double ly = by + bar_h + 6 + lane_h * static_cast<double>(sg.lane);
      os << rect(sg.x, ly, 8, 8, palette[colour % 10]);
      os << text(sg.x + 11, ly + 8, label, "start", "font-size=\"11\"");
      ++colour;
    }
    os << text(left + bar_w + 10, by + bar_h / 2 + 5, format_usd(root.amount), "start",
               "font-weight=\"bold\"");
    y += 14 + bar_h + 16 + lane_h * static_cast<double>(row.lanes) + 20;
    if (!row.footprint.empty()) {
      os << text(left, y - 8, row.footprint, "start", "font-size=\"11\" font-style=\"italic\"");
      y += footprint_h;
    }
  }
  if (omitted > 0)
    os << text(left, y + 10, omitted_note(omitted, "results"), "start", "font-style=\"italic\"");
  os << "</svg>\n";
  return os.str();
}

namespace {

/// The histogram drawing shared by both entry points: `counts` over [lo, hi].
std::string draw_histogram(std::string_view title, double lo, double hi,
                           const std::vector<std::size_t>& counts, const std::string& caption,
                           const std::vector<MarkedPercentile>& percentiles,
                           std::string_view unit = "USD") {
  const int bins = static_cast<int>(counts.size());
  const double width = 900, height = 500, left = 70, right = 30, top = 100, bottom = 70;
  const double pw = width - left - right, ph = height - top - bottom;
  const std::size_t peak =
      std::max<std::size_t>(1, *std::max_element(counts.begin(), counts.end()));
  std::ostringstream os;
  os << header(width, height, title);
  auto xof = [&](double v) { return left + (v - lo) / (hi - lo) * pw; };
  const double bw = pw / bins;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double h = ph * static_cast<double>(counts[i]) / static_cast<double>(peak);
    const double x0 = lo + (hi - lo) * static_cast<double>(i) / bins;
    const double x1 = lo + (hi - lo) * static_cast<double>(i + 1) / bins;
    os << rect(
        left + bw * static_cast<double>(i), top + ph - h, bw, h, "#4e79a7",
        money(x0, unit) + " to " + money(x1, unit) + ": " + std::to_string(counts[i]) + " samples");
  }
  // Axes and ticks.
  os << "<line x1=\"" << num(left) << "\" y1=\"" << num(top + ph) << "\" x2=\"" << num(left + pw)
     << "\" y2=\"" << num(top + ph) << "\" stroke=\"#333333\"/>\n";
  for (int t = 0; t <= 4; ++t) {
    const double v = lo + (hi - lo) * t / 4.0;
    os << text(xof(v), top + ph + 16, money(v, unit), "middle", "font-size=\"11\"");
  }
  os << text(left + pw / 2, height - 12, caption, "middle");
  int k = 0;
  for (const auto& p : percentiles) {
    const double x = xof(p.usd);
    os << "<line x1=\"" << num(x) << "\" y1=\"" << num(top) << "\" x2=\"" << num(x) << "\" y2=\""
       << num(top + ph) << "\" stroke=\"#e15759\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>\n";
    char label[16];
    std::snprintf(label, sizeof label, "P%g", p.percent);
    os << "<line x1=\"" << num(x) << "\" y1=\"" << num(top - 8 - 15 * (k % 3)) << "\" x2=\""
       << num(x) << "\" y2=\"" << num(top) << "\" stroke=\"#e15759\" stroke-width=\"1\"/>\n";
    os << text(x + 4, top - 12 - 15 * (k % 3), std::string(label) + " " + money(p.usd, unit),
               "start", "fill=\"#b03030\" font-size=\"11\"");
    ++k;
  }
  os << "</svg>\n";
  return os.str();
}

}  // namespace

std::string histogram_svg(std::string_view title, const std::vector<double>& samples,
                          const std::vector<MarkedPercentile>& percentiles, int bins) {
  bins = std::clamp(bins, 1, 200);
  double lo = 0, hi = 1;
  if (!samples.empty()) {
    lo = *std::min_element(samples.begin(), samples.end());
    hi = *std::max_element(samples.begin(), samples.end());
  }
  detail::require_finite("histogram samples", lo, "finite samples");
  detail::require_finite("histogram samples", hi, "finite samples");
  for (const auto& p : percentiles) {
    lo = std::min(lo, p.usd);
    hi = std::max(hi, p.usd);
  }
  if (!(hi > lo)) {
    const double pad = std::max(std::fabs(lo) * 0.05, 1.0);
    lo -= pad;
    hi += pad;
  }
  std::vector<std::size_t> counts(static_cast<std::size_t>(bins), 0);
  for (double s : samples) {
    auto b = static_cast<std::size_t>((s - lo) / (hi - lo) * bins);
    counts[std::min(b, counts.size() - 1)]++;
  }
  return draw_histogram(title, lo, hi, counts,
                        "cost (USD), " + std::to_string(samples.size()) + " samples", percentiles);
}

std::string histogram_svg(std::string_view title, const BinnedCosts& binned,
                          const std::vector<MarkedPercentile>& percentiles, std::string_view unit) {
  detail::require_finite("histogram low", binned.low_usd, "a finite bound");
  detail::require_finite("histogram high", binned.high_usd, "a finite bound");
  double lo = binned.low_usd, hi = binned.high_usd;
  if (!(hi > lo)) {
    const double pad = std::max(std::fabs(lo) * 0.05, 1.0);
    lo -= pad;
    hi += pad;
  }
  std::vector<std::size_t> counts;
  std::int64_t total = binned.below + binned.above;
  for (std::int64_t c : binned.counts) {
    counts.push_back(static_cast<std::size_t>(c));
    total += c;
  }
  if (counts.empty())
    counts.push_back(0);
  std::string caption = (unit == "USD" ? std::string("cost (USD), ") : std::string(unit) + ", ") +
                        std::to_string(total) + " samples";
  if (binned.below + binned.above > 0)
    caption += " (" + std::to_string(binned.below) + " below and " + std::to_string(binned.above) +
               " above the range shown, P1 to P99)";
  return draw_histogram(title, lo, hi, counts, caption, percentiles, unit);
}

std::string tornado_svg(std::string_view title, double base_usd, std::vector<ChartBar> bars,
                        std::string_view unit) {
  detail::require_finite("tornado base", base_usd, "a finite amount");
  std::stable_sort(bars.begin(), bars.end(), [](const ChartBar& a, const ChartBar& b) {
    return std::fabs(a.high_usd - a.low_usd) > std::fabs(b.high_usd - b.low_usd);
  });
  const std::size_t omitted = bars.size() - std::min(bars.size(), max_chart_rows);
  bars.erase(bars.end() - static_cast<std::ptrdiff_t>(omitted), bars.end());  // widest kept
  const double width = 1000, left = 420, right = 40, top = 60, row = 32;
  const double height = (omitted > 0 ? 30 : 0) + top +
                        row * static_cast<double>(std::max<std::size_t>(1, bars.size())) + 60;
  double lo = base_usd, hi = base_usd;
  for (const auto& b : bars) {
    detail::require_finite("tornado bar", b.low_usd, "a finite amount");
    detail::require_finite("tornado bar", b.high_usd, "a finite amount");
    lo = std::min({lo, b.low_usd, b.high_usd});
    hi = std::max({hi, b.low_usd, b.high_usd});
  }
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const double pad = (hi - lo) * 0.15;
  lo -= pad;
  hi += pad;
  const double pw = width - left - right;
  auto xof = [&](double v) { return left + (v - lo) / (hi - lo) * pw; };
  std::ostringstream os;
  os << header(width, height, title);
  double y = top;
  for (const auto& b : bars) {
    const double a = xof(std::min(b.low_usd, b.high_usd));
    const double z = xof(std::max(b.low_usd, b.high_usd));
    // Long input names are cut so they stay inside the label column.
    std::string label = b.input;
    if (label.size() > 64)
      label = label.substr(0, 61) + "...";
    os << text(left - 70, y + row / 2 + 4, label, "end", "font-size=\"11\"");
    // The part of the bar below the base in one colour, above in another.
    const double xb = xof(base_usd);
    os << rect(std::min(a, xb), y + 5, std::max(0.0, xb - a), row - 10, "#59a14f",
               b.input + ": " + money(std::min(b.low_usd, b.high_usd), unit));
    os << rect(xb, y + 5, std::max(0.0, z - xb), row - 10, "#e15759",
               b.input + ": " + money(std::max(b.low_usd, b.high_usd), unit));
    os << text(a - 4, y + row / 2 + 4, money(std::min(b.low_usd, b.high_usd), unit), "end",
               "font-size=\"11\"");
    os << text(z + 4, y + row / 2 + 4, money(std::max(b.low_usd, b.high_usd), unit), "start",
               "font-size=\"11\"");
    y += row;
  }
  const double xb = xof(base_usd);
  os << "<line x1=\"" << num(xb) << "\" y1=\"" << num(top - 8) << "\" x2=\"" << num(xb)
     << "\" y2=\"" << num(y + 4) << "\" stroke=\"#333333\" stroke-width=\"1.5\"/>\n";
  os << text(xb, y + 22,
             "base " + money(base_usd, unit) +
                 (unit == "USD" ? " (" + format_usd(usd(base_usd)) + ")" : std::string()),
             "middle", "font-weight=\"bold\"");
  if (omitted > 0)
    os << text(20, y + 50, omitted_note(omitted, "inputs"), "start", "font-style=\"italic\"");
  os << "</svg>\n";
  return os.str();
}

}  // namespace traincost::io
