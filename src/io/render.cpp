#include "traincost/io/render.hpp"

#include <charconv>
#include <cmath>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"

#include "traincost/io/json_report.hpp"
#include "traincost/io/printable.hpp"
#include "traincost/print/final_run_report.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/serving_report.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/version.hpp"

namespace traincost::io {

std::optional<Format> parse_format(std::string_view s) {
  if (s == "table")
    return Format::table;
  if (s == "markdown")
    return Format::markdown;
  if (s == "csv")
    return Format::csv;
  if (s == "json")
    return Format::json;
  return std::nullopt;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

std::string plain_number(double v) {
  detail::require_finite("printed value", v, "a finite number");
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

namespace {

using detail_text::flat;
using detail_text::markdown_row;
using detail_text::md;

void markdown_header(std::ostringstream& os, const std::vector<std::string>& head,
                     const std::vector<bool>& right) {
  markdown_row(os, head);
  os << '|';
  for (std::size_t i = 0; i < head.size(); ++i)
    os << (right[i] ? "---:|" : "---|");
  os << '\n';
}

// Rows of a generic breakdown (models without a dedicated table), depth-first.
void tree_rows(const LineItem& item, int depth, std::vector<std::pair<int, const LineItem*>>& out) {
  out.emplace_back(depth, &item);
  for (const auto& c : item.children)
    tree_rows(c, depth + 1, out);
}

FinalRunCost sanitized(const FinalRunCost& run) {
  FinalRunCost r = run;
  r.name = flat(r.name);
  for (auto& s : r.stages) {
    s.name = flat(s.name);
    s.accelerator = flat(s.accelerator);
  }
  return r;
}

void table_result(std::ostringstream& os, const ModelResult& r) {
  if (r.final_run) {
    print_final_run(os, sanitized(*r.final_run));
    if (r.footprint)  // energy, emissions, interruptions: footprint.cpp
      render_footprint(os << '\n', r.final_run->name, *r.footprint, "table");
    return;
  }
  if (r.serving) {
    ServingCost c = *r.serving;
    c.name = flat(c.name);
    c.accelerator = flat(c.accelerator);
    print_serving(os, c);
    return;
  }
  using A = TextTable::Align;
  TextTable t({"item", "cost", "share", "src"}, {A::left, A::right, A::right, A::left});
  std::vector<std::pair<int, const LineItem*>> rows;
  tree_rows(r.breakdown(), 0, rows);
  const double total = in_usd(r.breakdown().amount);
  for (const auto& [depth, item] : rows)
    t.add_row({std::string(static_cast<std::size_t>(depth) * 2, ' ') + flat(item->label),
               format_usd(item->amount),
               total > 0 ? format_percent(in_usd(item->amount) / total) : "",
               std::string(tag(item->provenance.evidence))});
  os << flat(r.breakdown().label) << " — " << to_string(r.breakdown().scope) << '\n';
  t.print(os);
  os << "total: " << format_usd_compact(r.breakdown().amount) << " ("
     << format_usd(r.breakdown().amount) << ")\n";
}

void markdown_result(std::ostringstream& os, const ModelResult& r) {
  os << "## " << md(r.breakdown().label) << "\n\n";
  os << "Scope: **" << to_string(r.breakdown().scope) << "**\n\n";
  if (r.final_run) {
    const FinalRunCost& run = *r.final_run;
    markdown_header(
        os,
        {"stage", "accelerator", "GPUs", "GPU-hours", "days", "USD/GPU-h", "cost", "share", "src"},
        {false, false, true, true, true, true, true, true, false});
    for (const auto& s : run.stages)
      markdown_row(
          os, {md(s.name), md(s.accelerator), format_number(in_accelerators(s.accelerators)),
               format_number(in_gpu_hours(s.gpu_time)), format_number(in_days(s.wall_clock), 1),
               format_number(in_usd_per_gpu_hour(s.price), 2), format_usd(s.cost),
               format_percent(s.share), std::string(tag(s.usage_provenance.evidence))});
    markdown_row(os, {"**total**", "", "", "**" + format_number(in_gpu_hours(run.gpu_time)) + "**",
                      "**" + format_number(in_days(run.wall_clock), 1) + "**", "",
                      "**" + format_usd(run.total) + "**", "100.0%", ""});
    os << "\nTotal cost: **" << format_usd_compact(run.total) << "** (" << format_usd(run.total)
       << ")\n";
    os << "\nSources:\n\n";
    for (const auto& s : run.stages)
      os << "- " << md(s.name) << ": usage " << to_string(s.usage_provenance.evidence) << " ("
         << md(s.usage_provenance.source) << "); price " << to_string(s.price_provenance.evidence)
         << " (" << md(s.price_provenance.source) << ")\n";
    if (has_stage_mfu(run)) {
      os << "\nMFU:\n\n";
      for (const auto& s : run.stages)
        if (s.mfu)
          os << "- " << md(s.name) << ": " << md(describe_stage_mfu(s)) << '\n';
    }
    if (r.footprint)  // energy, emissions, interruptions: footprint.cpp
      render_footprint(os, run.name, *r.footprint, "markdown");
    return;
  }
  if (r.serving) {
    const ServingCost& c = *r.serving;
    markdown_header(os,
                    {"accelerator", "GPUs", "GPU-hours", "hours", "USD/GPU-h", "cost", "per day",
                     "per M tokens", "src"},
                    {false, true, true, true, true, true, true, true, false});
    markdown_row(
        os,
        {md(c.accelerator), plain_number(in_accelerators(c.accelerators)),
         format_number(in_gpu_hours(c.gpu_time)), format_number(in_hours(c.period), 1),
         format_number(in_usd_per_gpu_hour(c.price), 2), format_usd(c.total), format_usd(c.per_day),
         c.per_token ? "$" + format_number(in_usd_per_million_tokens(*c.per_token), 2) : "-",
         std::string(tag(r.breakdown().provenance.evidence))});
    os << "\nTotal: **" << format_usd_compact(c.total) << "**, per day **" << format_usd(c.per_day)
       << "**\n\nSources: usage " << to_string(c.usage_provenance.evidence) << " ("
       << md(c.usage_provenance.source) << "); price " << to_string(c.price_provenance.evidence)
       << " (" << md(c.price_provenance.source) << ")\n";
    return;
  }
  markdown_header(os, {"item", "cost", "share", "src"}, {false, true, true, false});
  std::vector<std::pair<int, const LineItem*>> rows;
  tree_rows(r.breakdown(), 0, rows);
  const double total = in_usd(r.breakdown().amount);
  for (const auto& [depth, item] : rows)
    markdown_row(os, {std::string(static_cast<std::size_t>(depth) * 2, '-') + (depth ? " " : "") +
                          md(item->label),
                      format_usd(item->amount),
                      total > 0 ? format_percent(in_usd(item->amount) / total) : "",
                      std::string(tag(item->provenance.evidence))});
  os << "\nTotal: **" << format_usd_compact(r.breakdown().amount) << "**\n";
}

// The CSV columns, in order; a row names the first cells it has and the
// rest are empty.
constexpr const char* csv_header =
    "result,model,scope,item,depth,kind,accelerator,accelerators,gpu_hours,wall_clock_hours,"
    "usd_per_gpu_hour,usd,share,evidence,source,mfu,mfu_precision,achieved_tflops,mfu_verdict,"
    "mfu_basis,usd_per_day,usd_per_million_tokens,kwh,watts_per_accelerator,pue,location_tco2e,"
    "market_tco2e,energy_usd,interruptions,goodput,lost_gpu_hours,"
    "wall_clock_with_interruptions_hours,usd_including_interruptions";
constexpr std::size_t csv_columns = 33;
/// Where a run's footprint starts: after the 22 columns of costs.
constexpr std::size_t csv_footprint_column = 22;

/// A run's footprint cells for its total (`stage` empty) or one stage.
std::vector<std::string> footprint_cells(const RunFootprint& f, const FinalRunCost& run,
                                         std::optional<std::size_t> stage) {
  std::vector<std::string> c(csv_columns - csv_footprint_column);
  if (const auto& e = f.energy) {
    if (stage && *stage < e->stages.size()) {
      c[0] = plain_number(in_kilowatt_hours(e->stages[*stage].energy));
      c[1] = plain_number(in_watts_per_accelerator(e->stages[*stage].power));
    } else if (!stage) {
      c[0] = plain_number(in_kilowatt_hours(e->total));
      if (e->energy_cost)
        c[5] = plain_number(in_usd(*e->energy_cost));
    }
    c[2] = plain_number(e->pue);
  }
  if (const auto& m = f.emissions) {
    auto tonnes = [&](const auto& kind) {
      if (!stage)
        return plain_number(in_tonnes_co2e(kind.total.amount));
      return *stage < kind.stages.size()
                 ? plain_number(in_tonnes_co2e(kind.stages[*stage].second.amount))
                 : std::string();
    };
    if (m->location_based)
      c[3] = tonnes(*m->location_based);
    if (m->market_based)
      c[4] = tonnes(*m->market_based);
  }
  if (const auto& r = f.failures) {
    if (!stage) {
      c[6] = plain_number(in_interruptions(r->interruptions));
      c[7] = plain_number(r->goodput);
      c[8] = plain_number(in_gpu_hours(r->lost));
      c[9] = plain_number(in_hours(r->wall_clock));
      c[10] = plain_number(in_usd(r->total));
    } else if (*stage < r->stages.size() && *stage < run.stages.size()) {
      const StageFailures& s = r->stages[*stage];
      c[6] = plain_number(in_interruptions(s.interruptions));
      c[7] = plain_number(s.outcome.goodput);
      c[8] = plain_number(in_gpu_hours(s.lost));
      c[9] = plain_number(in_hours(s.wall_clock));
      c[10] = plain_number(in_usd(run.stages[*stage].cost + s.lost_cost));
    }
  }
  return c;
}

/// `cells` padded to the footprint's columns and followed by them.
std::vector<std::string> with_footprint(std::vector<std::string> cells, const ModelResult& r,
                                        std::optional<std::size_t> stage) {
  if (!r.footprint || !r.final_run)
    return cells;
  cells.resize(csv_footprint_column);
  for (auto& c : footprint_cells(*r.footprint, *r.final_run, stage))
    cells.push_back(std::move(c));
  return cells;
}

void csv_result(std::ostringstream& os, const ModelResult& r) {
  auto row = [&](std::vector<std::string> cells) {
    cells.resize(csv_columns);
    for (std::size_t i = 0; i < cells.size(); ++i)
      os << (i ? "," : "") << csv_field(cells[i]);
    os << "\r\n";
  };
  const std::string result = r.breakdown().label;
  const std::string scope(id(r.breakdown().scope));
  if (r.final_run) {
    const FinalRunCost& run = *r.final_run;
    // Evidence is the breakdown's, line for line, as in JSON: the total is as
    // weak as its weakest stage, a stage as the weaker of its usage and price.
    const LineItem& tree = r.breakdown();
    row(with_footprint(
        {result, r.model, scope, "total", "0", "", "", "", plain_number(in_gpu_hours(run.gpu_time)),
         plain_number(in_hours(run.wall_clock)), "", plain_number(in_usd(run.total)), "1",
         std::string(to_string(tree.provenance.evidence)), tree.provenance.source},
        r, std::nullopt));
    for (std::size_t i = 0; i < run.stages.size(); ++i) {
      const auto& s = run.stages[i];
      const Evidence evidence = i < tree.children.size() ? tree.children[i].provenance.evidence
                                                         : s.usage_provenance.evidence;
      std::vector<std::string> cells = {result,
                                        r.model,
                                        scope,
                                        s.name,
                                        "1",
                                        std::string(to_string(s.kind)),
                                        s.accelerator,
                                        plain_number(in_accelerators(s.accelerators)),
                                        plain_number(in_gpu_hours(s.gpu_time)),
                                        plain_number(in_hours(s.wall_clock)),
                                        plain_number(in_usd_per_gpu_hour(s.price)),
                                        plain_number(in_usd(s.cost)),
                                        plain_number(s.share),
                                        std::string(to_string(evidence)),
                                        s.usage_provenance.source};
      if (s.mfu) {
        cells.push_back(plain_number(s.mfu->mfu));
        cells.emplace_back(to_string(s.mfu->precision));
        cells.push_back(plain_number(in_tflop_per_second(s.mfu->achieved)));
        cells.emplace_back(to_string(s.mfu->verdict));
        cells.emplace_back(s.mfu_implied ? "implied" : "stated");
      }
      row(with_footprint(std::move(cells), r, i));
    }
    return;
  }
  if (r.serving) {
    const ServingCost& c = *r.serving;
    const Provenance& p = r.breakdown().provenance;
    row({result,
         r.model,
         scope,
         "total",
         "0",
         "",
         c.accelerator,
         plain_number(in_accelerators(c.accelerators)),
         plain_number(in_gpu_hours(c.gpu_time)),
         plain_number(in_hours(c.period)),
         plain_number(in_usd_per_gpu_hour(c.price)),
         plain_number(in_usd(c.total)),
         "1",
         std::string(to_string(p.evidence)),
         p.source,
         "",
         "",
         "",
         "",
         "",
         plain_number(in_usd(c.per_day)),
         c.per_token ? plain_number(in_usd_per_million_tokens(*c.per_token)) : ""});
    return;
  }
  std::vector<std::pair<int, const LineItem*>> rows;
  tree_rows(r.breakdown(), 0, rows);
  const double total = in_usd(r.breakdown().amount);
  for (const auto& [depth, item] : rows)
    row({result, r.model, std::string(id(item->scope)), depth == 0 ? "total" : item->label,
         std::to_string(depth), "", "", "", "", "", "", plain_number(in_usd(item->amount)),
         total > 0 ? plain_number(in_usd(item->amount) / total) : "",
         std::string(to_string(item->provenance.evidence)), item->provenance.source});
}

}  // namespace

std::string render_estimate(const Estimate& e, Format f) {
  std::ostringstream os;
  switch (f) {
    case Format::table: {
      bool first = true;
      for (const auto& r : e.results) {
        if (!first)
          os << '\n';
        first = false;
        table_result(os, r);
      }
      break;
    }
    case Format::markdown:
      os << "# " << md(e.name.empty() ? e.file : e.name) << "\n\n";
      if (!e.description.empty())
        os << md(e.description) << "\n\n";
      for (const auto& r : e.results) {
        markdown_result(os, r);
        os << '\n';
      }
      break;
    case Format::csv:
      os << csv_header << "\r\n";
      for (const auto& r : e.results)
        csv_result(os, r);
      break;
    case Format::json:
      os << estimate_to_json(e) << '\n';
      break;
    default:
      detail_text::unknown_enum("format", static_cast<int>(f));
  }
  return os.str();
}

namespace {

std::string peak_text(const AcceleratorSpec& s, Precision p) {
  const auto v = s.peaks.find(p);
  return v ? format_number(in_tflop_per_second(*v), 1) : "-";
}

nlohmann::ordered_json accelerator_json(const CatalogEntry& e) {
  const AcceleratorSpec& s = e.spec;
  nlohmann::ordered_json peaks = nlohmann::ordered_json::object();
  for (Precision p : all_precisions)
    if (auto v = s.peaks.find(p))
      peaks[std::string(to_string(p))] = in_tflop_per_second(*v);
  nlohmann::ordered_json j = {
      {"name", s.name},
      {"vendor", s.vendor},
      {"form_factor", std::string(to_string(s.form_factor))},
      {"peak_tflops", std::move(peaks)},
      {"memory_gb", in_gigabytes(s.memory)},
      {"memory_bandwidth_gb_s", in_gigabytes_per_second(s.memory_bandwidth)},
      {"scale_up_gb_s", s.scale_up_bandwidth
                            ? nlohmann::ordered_json(in_gigabytes_per_second(*s.scale_up_bandwidth))
                            : nlohmann::ordered_json()},
      {"tdp_w",
       s.tdp ? nlohmann::ordered_json(in_watts_per_accelerator(*s.tdp)) : nlohmann::ordered_json()},
      {"year", s.year},
      {"provenance",
       {{"evidence", std::string(to_string(s.provenance.evidence))},
        {"source", s.provenance.source}}},
      {"notes", s.notes},
      {"aliases", e.aliases},
  };
  return j;
}

}  // namespace

std::string render_catalog(Format f, const CatalogEntry* entry) {
  std::vector<const CatalogEntry*> entries;
  if (entry)
    entries.push_back(entry);
  else
    for (const auto& e : catalog())
      entries.push_back(&e);
  std::ostringstream os;
  auto opt = [](const auto& o, auto read, int decimals) {
    return o ? format_number(read(*o), decimals) : std::string("-");
  };
  switch (f) {
    case Format::table:
      if (entry) {
        const AcceleratorSpec& s = entry->spec;
        using A = TextTable::Align;
        TextTable t({"field", "value"}, {A::left, A::left});
        t.add_row({"name", s.name});
        t.add_row({"vendor", s.vendor});
        t.add_row({"form factor", std::string(to_string(s.form_factor))});
        for (Precision p : all_precisions)
          t.add_row({"dense peak " + std::string(to_string(p)),
                     s.peaks.has(p) ? peak_text(s, p) + " TFLOP/s" : "-"});
        t.add_row({"memory", format_number(in_gigabytes(s.memory)) + " GB"});
        t.add_row({"memory bandwidth",
                   format_number(in_gigabytes_per_second(s.memory_bandwidth)) + " GB/s"});
        t.add_row({"scale-up bandwidth",
                   s.scale_up_bandwidth
                       ? format_number(in_gigabytes_per_second(*s.scale_up_bandwidth)) + " GB/s"
                       : "-"});
        t.add_row({"TDP", s.tdp ? format_number(in_watts_per_accelerator(*s.tdp)) + " W" : "-"});
        t.add_row({"year", std::to_string(s.year)});
        std::string aliases;
        for (const auto& a : entry->aliases)
          aliases += (aliases.empty() ? "" : ", ") + a;
        t.add_row({"aliases", aliases});
        t.add_row({"evidence", std::string(to_string(s.provenance.evidence))});
        t.add_row({"source", s.provenance.source});
        t.add_row({"notes", s.notes.empty() ? "-" : s.notes});
        t.print(os);
      } else {
        using A = TextTable::Align;
        // FP32 beside BF16 and FP8: the GPUs before Volta have nothing narrower.
        TextTable t({"accelerator", "vendor", "form", "FP32 TFLOP/s", "BF16 TFLOP/s", "FP8 TFLOP/s",
                     "memory GB", "GB/s", "TDP W", "year", "src", "source"},
                    {A::left, A::left, A::left, A::right, A::right, A::right, A::right, A::right,
                     A::right, A::right, A::left, A::left});
        for (const auto* e : entries) {
          const AcceleratorSpec& s = e->spec;
          t.add_row({s.name, s.vendor, std::string(to_string(s.form_factor)),
                     peak_text(s, Precision::fp32), peak_text(s, Precision::bf16),
                     peak_text(s, Precision::fp8), format_number(in_gigabytes(s.memory)),
                     format_number(in_gigabytes_per_second(s.memory_bandwidth)),
                     opt(
                         s.tdp, [](auto v) { return in_watts_per_accelerator(v); }, 0),
                     std::to_string(s.year), std::string(tag(s.provenance.evidence)),
                     s.provenance.source});
        }
        t.print(os);
      }
      break;
    case Format::markdown:
      markdown_header(
          os,
          {"accelerator", "vendor", "form", "FP32 TFLOP/s", "BF16 TFLOP/s", "FP8 TFLOP/s",
           "memory GB", "GB/s", "TDP W", "year", "src", "source", "notes"},
          {false, false, false, true, true, true, true, true, true, true, false, false, false});
      for (const auto* e : entries) {
        const AcceleratorSpec& s = e->spec;
        markdown_row(os, {md(s.name), md(s.vendor), std::string(to_string(s.form_factor)),
                          peak_text(s, Precision::fp32), peak_text(s, Precision::bf16),
                          peak_text(s, Precision::fp8), format_number(in_gigabytes(s.memory)),
                          format_number(in_gigabytes_per_second(s.memory_bandwidth)),
                          opt(
                              s.tdp, [](auto v) { return in_watts_per_accelerator(v); }, 0),
                          std::to_string(s.year), std::string(tag(s.provenance.evidence)),
                          md(s.provenance.source), md(s.notes)});
      }
      break;
    case Format::csv: {
      os << "name,vendor,form_factor";
      for (Precision p : all_precisions)
        os << ",peak_" << to_string(p) << "_tflops";
      os << ",memory_gb,memory_bandwidth_gb_s,scale_up_gb_s,tdp_w,year,evidence,source,notes,"
            "aliases\r\n";
      for (const auto* e : entries) {
        const AcceleratorSpec& s = e->spec;
        os << csv_field(s.name) << ',' << csv_field(s.vendor) << ',' << to_string(s.form_factor);
        for (Precision p : all_precisions) {
          const auto v = s.peaks.find(p);
          os << ',' << (v ? plain_number(in_tflop_per_second(*v)) : "");
        }
        std::string aliases;
        for (const auto& a : e->aliases)
          aliases += (aliases.empty() ? "" : " ") + a;
        os << ',' << plain_number(in_gigabytes(s.memory)) << ','
           << plain_number(in_gigabytes_per_second(s.memory_bandwidth)) << ','
           << (s.scale_up_bandwidth ? plain_number(in_gigabytes_per_second(*s.scale_up_bandwidth))
                                    : "")
           << ',' << (s.tdp ? plain_number(in_watts_per_accelerator(*s.tdp)) : "") << ',' << s.year
           << ',' << to_string(s.provenance.evidence) << ',' << csv_field(s.provenance.source)
           << ',' << csv_field(s.notes) << ',' << csv_field(aliases) << "\r\n";
      }
      break;
    }
    case Format::json: {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto* e : entries)
        list.push_back(accelerator_json(*e));
      nlohmann::ordered_json doc = {{"schema", "traincost.catalog/1"},
                                    {"traincost_version", version_string},
                                    {"accelerators", std::move(list)}};
      os << detail_text::dump_json(doc, 2) << '\n';
      break;
    }
    default:
      detail_text::unknown_enum("format", static_cast<int>(f));
  }
  return os.str();
}

}  // namespace traincost::io
