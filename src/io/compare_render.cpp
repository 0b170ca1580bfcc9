// A comparison as a table, Markdown, CSV or JSON (traincost.compare/1, see
// compare.hpp). Tables show each figure in the unit people read it in
// (dollars, days, kW); CSV and JSON carry plain numbers in the stored units
// (USD, hours, kW, MWh), as every other traincost output does.

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"
#include "traincost/io/compare.hpp"
#include "traincost/io/printable.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/version.hpp"

namespace traincost::io {
namespace {

using detail_text::flat;
using detail_text::markdown_row;
using detail_text::md;

// ---- Figures as people read them ------------------------------------------------

// The label with the unit a table shows when the value alone does not say it.
std::string shown_label(const ComparedMeasure& m) {
  if (m.unit == "hours")
    return m.label + " (days)";
  if (m.unit == "kW" || m.unit == "MWh" || m.unit == "tCO2e")
    return m.label + " (" + m.unit + ")";
  return m.label;
}

std::string shown_value(const ComparedMeasure& m, double v) {
  if (m.unit == "USD")
    return format_usd(usd(v));
  if (m.unit == "USD per GPU-hour" || m.unit == "USD per million tokens") {
    const std::string s = format_number(v, 2);
    return s.front() == '-' ? "-$" + s.substr(1) : "$" + s;
  }
  if (m.unit == "hours")
    return format_number(v / 24.0, 1);
  return format_number(v, 0);
}

std::string shown_difference(const ComparedMeasure& m, double d) {
  const std::string s = shown_value(m, d);
  return d > 0 && s.find_first_not_of("$0.,") != std::string::npos ? "+" + s : s;
}

std::string shown_ratio(double r) {
  const double a = std::fabs(r);
  return format_number(r, a >= 100 ? 0 : a >= 10 ? 1 : a >= 0.1 || a == 0 ? 3 : 4) + "x";
}

std::string or_dash(const std::optional<double>& v, const auto& show) {
  return v ? show(*v) : std::string("-");
}

std::string scope_list(const Comparison& c, const ComparedResult& r) {
  std::string out;
  for (std::size_t i = 0; i < r.scopes.size(); ++i)
    if (r.scopes[i])
      out += (out.empty() ? "" : ", ") + configuration_id(i) + " " +
             std::string(to_string(*r.scopes[i]));
  (void)c;
  return out;
}

std::string scope_note() {
  return "the configurations give this result different scopes: the difference and ratio "
         "compare amounts that count different things";
}

std::string origin(const Configuration& c) {
  return c.variant ? "variant[" + std::to_string(*c.variant) + "] of " + printable(c.file)
                   : printable(c.file);
}

std::string title(const ComparedResult& r, const Comparison& c) {
  // One name when the configurations agree on it, else each one's.
  std::string t = r.name();
  for (const auto& name : r.names)
    if (name && *name != t) {
      t.clear();
      for (std::size_t i = 0; i < r.names.size(); ++i)
        if (r.names[i])
          t += (t.empty() ? "" : ", ") + configuration_id(i) + " " + *r.names[i];
      break;
    }
  if (r.same_scope()) {
    for (const auto& s : r.scopes)
      if (s)
        return t + " — " + std::string(to_string(*s));
  }
  return t + " — scopes differ: " + scope_list(c, r);
}

// Columns: measure, one value per configuration, then per configuration
// after the baseline its difference and ratio.
std::vector<std::string> header(std::size_t n) {
  std::vector<std::string> h = {"measure"};
  for (std::size_t i = 0; i < n; ++i)
    h.push_back(configuration_id(i));
  for (std::size_t i = 1; i < n; ++i) {
    h.push_back(configuration_id(i) + " - A");
    h.push_back(configuration_id(i) + " / A");
  }
  return h;
}

std::vector<std::string> cells(const ComparedMeasure& m, std::size_t n) {
  std::vector<std::string> row = {shown_label(m)};
  for (std::size_t i = 0; i < n; ++i)
    row.push_back(or_dash(m.values[i], [&](double v) { return shown_value(m, v); }));
  for (std::size_t i = 1; i < n; ++i) {
    row.push_back(or_dash(m.difference(i), [&](double d) { return shown_difference(m, d); }));
    row.push_back(or_dash(m.ratio(i), [](double r) { return shown_ratio(r); }));
  }
  return row;
}

// The row of each configuration's evidence tag (P, A, D, ?) for the total.
std::vector<std::string> evidence_cells(const ComparedResult& r, std::size_t n) {
  std::vector<std::string> row = {"evidence (total)"};
  for (std::size_t i = 0; i < n; ++i)
    row.push_back(r.evidence[i] ? std::string(tag(*r.evidence[i])) : std::string("-"));
  row.resize(1 + n + 2 * (n - 1));
  return row;
}

void table(std::ostringstream& os, const Comparison& c) {
  const std::size_t n = c.configurations.size();
  os << "compare: " << n << " configurations; differences and ratios against A\n";
  using A = TextTable::Align;
  {
    TextTable legend({"", "configuration", "from"}, {A::left, A::left, A::left});
    for (std::size_t i = 0; i < n; ++i)
      legend.add_row(
          {configuration_id(i), flat(c.configurations[i].name), flat(origin(c.configurations[i]))});
    legend.print(os);
  }
  for (const ComparedResult& r : c.results) {
    os << '\n' << flat(title(r, c)) << '\n';
    std::vector<A> align(1 + n + 2 * (n - 1), A::right);
    align[0] = A::left;
    TextTable t(header(n), align);
    for (const ComparedMeasure& m : r.measures)
      t.add_row(cells(m, n));
    t.add_row(evidence_cells(r, n));
    t.print(os);
    if (!r.same_scope())
      os << "note: " << scope_note() << '\n';
  }
}

void markdown(std::ostringstream& os, const Comparison& c) {
  const std::size_t n = c.configurations.size();
  os << "# Comparison of " << n << " configurations\n\n";
  os << "Differences and ratios are against **A**.\n\n";
  for (std::size_t i = 0; i < n; ++i) {
    const Configuration& cf = c.configurations[i];
    os << "- **" << configuration_id(i) << "**: " << md(cf.name) << " (" << md(origin(cf)) << ")";
    if (!cf.description.empty())
      os << " — " << md(cf.description);
    os << '\n';
  }
  for (const ComparedResult& r : c.results) {
    os << "\n## " << md(title(r, c)) << "\n\n";
    const auto h = header(n);
    markdown_row(os, h);
    os << "|---|";
    for (std::size_t i = 1; i < h.size(); ++i)
      os << "---:|";
    os << '\n';
    for (const ComparedMeasure& m : r.measures) {
      auto row = cells(m, n);
      for (auto& cell : row)
        cell = md(cell);
      markdown_row(os, row);
    }
    markdown_row(os, evidence_cells(r, n));
    if (!r.same_scope())
      os << "\n**Note:** " << scope_note() << ".\n";
  }
}

void csv(std::ostringstream& os, const Comparison& c) {
  os << "result,model,measure,label,unit,configuration,name,scope,value,difference,ratio,"
        "evidence\r\n";
  auto num = [](const std::optional<double>& v) { return v ? plain_number(*v) : std::string(); };
  for (const ComparedResult& r : c.results)
    for (const ComparedMeasure& m : r.measures)
      for (std::size_t i = 0; i < c.configurations.size(); ++i) {
        const std::vector<std::string> row = {
            r.name(),
            r.model,
            m.key,
            m.label,
            m.unit,
            configuration_id(i),
            c.configurations[i].name,
            r.scopes[i] ? std::string(id(*r.scopes[i])) : std::string(),
            num(m.values[i]),
            num(m.difference(i)),
            num(m.ratio(i)),
            r.evidence[i] ? std::string(to_string(*r.evidence[i])) : std::string()};
        for (std::size_t k = 0; k < row.size(); ++k)
          os << (k ? "," : "") << csv_field(row[k]);
        os << "\r\n";
      }
}

nlohmann::ordered_json number_or_null(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
}

std::string json(const Comparison& c) {
  using J = nlohmann::ordered_json;
  J configurations = J::array();
  for (std::size_t i = 0; i < c.configurations.size(); ++i) {
    const Configuration& cf = c.configurations[i];
    configurations.push_back({{"id", configuration_id(i)},
                              {"name", cf.name},
                              {"file", cf.file},
                              {"variant", cf.variant ? J(*cf.variant) : J()},
                              {"description", cf.description}});
  }
  J results = J::array();
  for (const ComparedResult& r : c.results) {
    J names = J::array(), scopes = J::array(), evidence = J::array(), measures = J::array();
    for (std::size_t i = 0; i < c.configurations.size(); ++i) {
      names.push_back(r.names[i] ? J(*r.names[i]) : J());
      scopes.push_back(r.scopes[i] ? J(std::string(id(*r.scopes[i]))) : J());
      evidence.push_back(r.evidence[i] ? J(std::string(to_string(*r.evidence[i]))) : J());
    }
    for (const ComparedMeasure& m : r.measures) {
      J values = J::array(), differences = J::array(), ratios = J::array();
      for (std::size_t i = 0; i < c.configurations.size(); ++i) {
        values.push_back(number_or_null(m.values[i]));
        differences.push_back(number_or_null(m.difference(i)));
        ratios.push_back(number_or_null(m.ratio(i)));
      }
      measures.push_back({{"key", m.key},
                          {"label", m.label},
                          {"unit", m.unit},
                          {"values", std::move(values)},
                          {"differences", std::move(differences)},
                          {"ratios", std::move(ratios)}});
    }
    results.push_back({{"model", r.model},
                       {"name", r.name()},
                       {"names", std::move(names)},
                       {"scopes", std::move(scopes)},
                       {"evidence", std::move(evidence)},
                       {"same_scope", r.same_scope()},
                       {"measures", std::move(measures)}});
  }
  const J doc = {{"schema", "traincost.compare/1"},
                 {"traincost_version", version_string},
                 {"baseline", configuration_id(0)},
                 {"configurations", std::move(configurations)},
                 {"results", std::move(results)}};
  return detail_text::dump_json(doc, 2) + "\n";
}

}  // namespace

std::string render_comparison(const Comparison& c, Format f) {
  std::ostringstream os;
  switch (f) {
    case Format::table:
      table(os, c);
      break;
    case Format::markdown:
      markdown(os, c);
      break;
    case Format::csv:
      csv(os, c);
      break;
    case Format::json:
      return json(c);
    default:
      detail_text::unknown_enum("format", static_cast<int>(f));
  }
  return os.str();
}

}  // namespace traincost::io
