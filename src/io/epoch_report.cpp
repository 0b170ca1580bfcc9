// `traincost corpus`: the published record costed, ranged and audited, and
// rendered as a table, Markdown, CSV, JSON or an SVG trend chart. The schema
// of CSV and JSON is documented in corpus_report.hpp and docs/corpus.md.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"
#include "traincost/io/corpus_report.hpp"
#include "traincost/io/svg_chart.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"

namespace traincost::io::epoch {
namespace {

using corpus::CostedMethod;
using corpus::CostedModel;
using corpus::Method;

std::string flags_of(const CostedMethod& c, const std::string& sep) {
  std::string s;
  for (const corpus::Flag f : c.cost.flags)
    s += (s.empty() ? "" : sep) + std::string(corpus::id(f));
  return s;
}

std::string audit_of(const corpus::RowAudit* a, const std::string& sep) {
  std::string s;
  if (a)
    for (const std::string& r : a->reasons)
      s += (s.empty() ? "" : sep) + r;
  return s;
}

double part(const CostedMethod& c, std::size_t i) {
  // The four parts of the breakdown (chips, other server, interconnect,
  // energy) in base-month dollars; a cloud figure is one line, all "chips"
  // by convention would mislead, so it has no parts.
  if (c.cost.breakdown.size() != 4)
    return std::nan("");
  return in_usd(c.cost.breakdown[i].amount) * c.inflation;
}

}  // namespace

corpus::Month parse_base_month(const std::string& text, const std::string& field) {
  const auto m = corpus::parse_month(text);
  if (!m)
    throw Error(ErrorCode::invalid_value, FieldPath(field), "\"" + text + "\"",
                "a month as YYYY-MM, e.g. 2024-12");
  return *m;
}

std::vector<Method> parse_methods(const std::string& text, const std::string& field) {
  if (text == "all")
    return {Method::capex_energy, Method::acquisition, Method::cloud};
  std::vector<Method> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos)
      comma = text.size();
    const std::string name = text.substr(start, comma - start);
    bool found = false;
    for (const Method m : {Method::capex_energy, Method::acquisition, Method::cloud})
      if (name == corpus::id(m)) {
        if (std::find(out.begin(), out.end(), m) == out.end())
          out.push_back(m);
        found = true;
      }
    if (!found)
      throw Error(ErrorCode::invalid_value, FieldPath(field), "\"" + name + "\"",
                  "all, or a comma-separated list of capex_energy, acquisition, cloud");
    start = comma + 1;
  }
  return out;
}

CorpusReport run_corpus(const CorpusRequest& request) {
  return run_corpus(read_record(request.paths), request);
}

CorpusReport run_corpus(corpus::Record record, const CorpusRequest& request) {
  CorpusReport r;
  r.record = std::move(record);
  r.result = corpus::cost_corpus(r.record, request.options);
  r.audit = corpus::audit_record(r.record);
  r.trend_method = request.trend_method;
  r.ranges.resize(r.result.models.size());
  for (std::size_t i = 0; i < r.result.models.size(); ++i) {
    const CostedModel& m = r.result.models[i];
    r.ranges[i].resize(m.methods.size());
    if (!request.ranges)
      continue;
    const double mfu = m.record->mfu ? *m.record->mfu : request.options.constants.median_mfu.value;
    for (std::size_t j = 0; j < m.methods.size(); ++j) {
      const CostedMethod& c = m.methods[j];
      if (!c.total)
        continue;
      corpus::Interval in = corpus::cost_interval(c.cost, mfu, request.range_options);
      in.p5 *= c.inflation;
      in.p50 *= c.inflation;
      in.p95 *= c.inflation;
      r.ranges[i][j] = in;
    }
  }
  for (const CostedModel& m : r.result.models)
    if (const CostedMethod* c = m.find(request.trend_method); c && c->total)
      r.trend_points.push_back({m.record->name, corpus::fractional_year(m.record->publication),
                                in_usd(c->total->amount)});
  if (r.trend_points.size() >= 3)
    r.trend = corpus::fit_trend(r.trend_points, request.bootstrap);
  return r;
}

std::string render_corpus(const CorpusReport& r, Format f) {
  const std::string base = r.result.base.str();
  std::ostringstream os;
  std::vector<std::vector<std::string>> rows;
  nlohmann::ordered_json jrows = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.result.models.size(); ++i) {
    const CostedModel& m = r.result.models[i];
    const corpus::RowAudit* audit = r.audit.find(m.record->name);
    for (std::size_t j = 0; j < m.methods.size(); ++j) {
      const CostedMethod& c = m.methods[j];
      const auto& range = r.ranges[i][j];
      if (f == Format::json) {
        nlohmann::ordered_json row;
        row["model"] = m.record->name;
        row["organization"] = m.record->organization;
        row["publication_date"] = m.record->publication.str();
        row["hardware"] = m.hardware;
        row["method"] = corpus::id(c.cost.method);
        row["scope"] = std::string(id(c.cost.scope));
        auto num = [](std::optional<double> v) {
          return v && std::isfinite(*v) ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
        };
        row["cost_usd"] = num(c.total ? std::optional(in_usd(c.total->amount)) : std::nullopt);
        row["base_month"] = base;
        row["p5_usd"] = num(range ? std::optional(range->p5) : std::nullopt);
        row["p95_usd"] = num(range ? std::optional(range->p95) : std::nullopt);
        const char* parts[] = {"chip_usd", "other_server_usd", "interconnect_usd", "energy_usd"};
        for (std::size_t k = 0; k < 4; ++k)
          row[parts[k]] = num(c.total ? std::optional(part(c, k)) : std::nullopt);
        nlohmann::ordered_json flags = nlohmann::ordered_json::array();
        for (const corpus::Flag fl : c.cost.flags)
          flags.push_back(corpus::id(fl));
        row["flags"] = flags;
        nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
        if (audit)
          for (const std::string& s : audit->reasons)
            reasons.push_back(s);
        row["audit"] = reasons;
        row["missing"] = c.total ? "" : c.cost.missing;
        jrows.push_back(std::move(row));
        continue;
      }
      if (f == Format::csv) {
        auto num = [](double v) { return std::isfinite(v) ? plain_number(v) : std::string(); };
        std::vector<std::string> cells{m.record->name,
                                       m.record->organization,
                                       m.record->publication.str(),
                                       m.hardware,
                                       corpus::id(c.cost.method),
                                       std::string(id(c.cost.scope)),
                                       c.total ? num(in_usd(c.total->amount)) : "",
                                       base,
                                       range ? num(range->p5) : "",
                                       range ? num(range->p95) : ""};
        for (std::size_t k = 0; k < 4; ++k)
          cells.push_back(c.total ? num(part(c, k)) : "");
        cells.push_back(flags_of(c, ";"));
        cells.push_back(audit_of(audit, ";"));
        cells.push_back(c.total ? "" : c.cost.missing);
        rows.push_back(std::move(cells));
        continue;
      }
      auto money = [](double v) { return format_usd_compact(usd(v), 1); };
      rows.push_back({m.record->name, m.record->publication.str(), m.hardware,
                      corpus::label(c.cost.method), c.total ? money(in_usd(c.total->amount)) : "-",
                      range ? money(range->p5) + " - " + money(range->p95) : "",
                      c.total ? flags_of(c, ", ") : c.cost.missing, audit_of(audit, "; ")});
    }
  }
  if (f == Format::json) {
    nlohmann::ordered_json j;
    j["schema"] = "traincost.corpus/1";
    j["base_month"] = base;
    j["models"] = r.result.models.size();
    j["figures"] = r.result.figures();
    j["rows"] = jrows;
    nlohmann::ordered_json issues = nlohmann::ordered_json::array();
    for (const corpus::RowIssue& i : r.record.issues)
      issues.push_back({{"file", i.file},
                        {"line", i.line},
                        {"column", i.column},
                        {"value", i.value},
                        {"why", i.why}});
    j["skipped_rows"] = issues;
    nlohmann::ordered_json flagged = nlohmann::ordered_json::array();
    for (const corpus::RowAudit* a : r.audit.flagged())
      flagged.push_back(
          {{"model", a->record->name}, {"line", a->record->line}, {"reasons", a->reasons}});
    j["audit"] = flagged;
    if (r.trend) {
      const corpus::PublishedTrend p;
      j["trend"] = {
          {"method", corpus::id(r.trend_method)},
          {"models", r.trend->points},
          {"growth_per_year", r.trend->growth},
          {"p5", r.trend->growth_p5},
          {"p95", r.trend->growth_p95},
          {"cottier_2024", {{"growth_per_year", p.growth}, {"p5", p.low}, {"p95", p.high}}}};
    }
    return detail_text::dump_json(j, 2);
  }
  if (f == Format::csv) {
    os << "model,organization,publication_date,hardware,method,scope,cost_usd,base_month,p5_usd,"
          "p95_usd,"
          "chip_usd,other_server_usd,interconnect_usd,energy_usd,flags,audit,missing\n";
    for (const auto& row : rows) {
      for (std::size_t k = 0; k < row.size(); ++k)
        os << (k ? "," : "") << csv_field(row[k]);
      os << '\n';
    }
    return os.str();
  }
  const std::vector<std::string> headers{
      "Model",    "Published", "Hardware", "Method", "Cost (" + base + " USD)",
      "P5 - P95", "Flags",     "Audit"};
  if (f == Format::markdown) {
    detail_text::markdown_row(os, headers);
    os << "|---|---|---|---|---:|---|---|---|\n";
    for (const auto& row : rows)
      detail_text::markdown_row(os, row);
  } else {
    TextTable t(headers,
                {TextTable::Align::left, TextTable::Align::left, TextTable::Align::left,
                 TextTable::Align::left, TextTable::Align::right, TextTable::Align::right});
    for (const auto& row : rows)
      t.add_row(row);
    t.print(os);
  }
  os << '\n'
     << r.result.models.size() << " frontier models, " << r.result.figures()
     << " figures, in dollars of " << base << ".\n";
  if (r.trend) {
    const corpus::PublishedTrend p;
    os << "Trend (" << corpus::label(r.trend_method) << ", " << r.trend->points
       << " models): " << format_number(r.trend->growth, 2)
       << "x per year (bootstrap 90%: " << format_number(r.trend->growth_p5, 2) << "-"
       << format_number(r.trend->growth_p95, 2)
       << "x); Cottier et al. 2024: " << format_number(p.growth, 1) << "x (90% CI "
       << format_number(p.low, 1) << "-" << format_number(p.high, 1) << "x).\n";
  }
  const auto flagged = r.audit.flagged();
  os << "Audit: " << flagged.size() << " of " << r.audit.rows.size() << " rows flagged";
  os << (f == Format::markdown ? " (in the table for frontier models).\n" : ":\n");
  if (f == Format::table)
    for (const corpus::RowAudit* a : flagged)
      os << "  " << a->record->name << " (line " << a->record->line << "): " << audit_of(a, "; ")
         << '\n';
  if (!r.record.issues.empty()) {
    os << "Skipped rows: " << r.record.issues.size() << "\n";
    for (const corpus::RowIssue& i : r.record.issues)
      os << "  " << printable(i.str(), 200) << '\n';
  }
  return os.str();
}

std::string corpus_trend_svg(const CorpusReport& r) {
  const double w = 760, h = 460, left = 80, right = 20, top = 40, bottom = 50;
  double x0 = 1e9, x1 = -1e9, y0 = 1e300, y1 = 0;
  for (const corpus::TrendPoint& p : r.trend_points) {
    x0 = std::min(x0, p.year);
    x1 = std::max(x1, p.year);
    y0 = std::min(y0, p.cost);
    y1 = std::max(y1, p.cost);
  }
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << w << "\" height=\"" << h
    << "\" viewBox=\"0 0 " << w << ' ' << h << "\" font-family=\"sans-serif\" font-size=\"12\">\n"
    << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  const std::string title = "Frontier training cost (" +
                            std::string(corpus::label(r.trend_method)) + ", " +
                            r.result.base.str() + " USD)";
  s << "<text x=\"" << left << "\" y=\"24\" font-size=\"15\">" << xml_text(title) << "</text>\n";
  if (r.trend_points.empty()) {
    s << "<text x=\"" << left << "\" y=\"" << h / 2 << "\">no model has a figure</text>\n</svg>\n";
    return s.str();
  }
  x0 = std::floor(x0);
  x1 = std::ceil(x1 + 1e-9);
  const double ly0 = std::floor(std::log10(y0)), ly1 = std::ceil(std::log10(y1) + 1e-9);
  auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * (w - left - right); };
  auto py = [&](double y) {
    return h - bottom - (std::log10(y) - ly0) / (ly1 - ly0) * (h - top - bottom);
  };
  for (double d = ly0; d <= ly1; d += 1) {
    const double y = py(std::pow(10.0, d));
    s << "<line x1=\"" << left << "\" x2=\"" << w - right << "\" y1=\"" << y << "\" y2=\"" << y
      << "\" stroke=\"#ddd\"/>\n<text x=\"" << left - 6 << "\" y=\"" << y + 4
      << "\" text-anchor=\"end\">" << xml_text(format_usd_compact(usd(std::pow(10.0, d)), 0))
      << "</text>\n";
  }
  for (double yr = x0; yr <= x1; yr += (x1 - x0 > 8 ? 2 : 1)) {
    s << "<text x=\"" << px(yr) << "\" y=\"" << h - bottom + 18 << "\" text-anchor=\"middle\">"
      << static_cast<int>(yr) << "</text>\n";
  }
  for (const corpus::TrendPoint& p : r.trend_points)
    s << "<circle cx=\"" << px(p.year) << "\" cy=\"" << py(p.cost)
      << "\" r=\"3.5\" fill=\"#1f77b4\" fill-opacity=\"0.75\"><title>" << xml_text(p.name) << ": "
      << xml_text(format_usd_compact(usd(p.cost), 1)) << "</title></circle>\n";
  if (r.trend) {
    s << "<line x1=\"" << px(x0) << "\" y1=\"" << py(r.trend->at(x0)) << "\" x2=\"" << px(x1)
      << "\" y2=\"" << py(r.trend->at(x1)) << "\" stroke=\"#d62728\" stroke-width=\"2\"/>\n";
    const corpus::PublishedTrend p;
    s << "<text x=\"" << left + 10 << "\" y=\"" << top + 16 << "\" fill=\"#d62728\">"
      << xml_text("fit: " + format_number(r.trend->growth, 2) +
                  "x per year (bootstrap 90%: " + format_number(r.trend->growth_p5, 2) + "-" +
                  format_number(r.trend->growth_p95, 2) + "x), " + std::to_string(r.trend->points) +
                  " models")
      << "</text>\n<text x=\"" << left + 10 << "\" y=\"" << top + 32 << "\">"
      << xml_text("Cottier et al. 2024: " + format_number(p.growth, 1) + "x per year (90% CI " +
                  format_number(p.low, 1) + "-" + format_number(p.high, 1) + "x)")
      << "</text>\n";
  }
  s << "</svg>\n";
  return s.str();
}

}  // namespace traincost::io::epoch
