// `traincost catalog`: the built-in accelerators as a table, Markdown, CSV
// or JSON (schema traincost.catalog/1), each row with its source.
#include <sstream>

#include <nlohmann/json.hpp>

#include "detail/text.hpp"

#include "traincost/hardware/catalog.hpp"
#include "traincost/io/render.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/version.hpp"

namespace traincost::io {

using detail_text::markdown_header;
using detail_text::markdown_row;
using detail_text::md;

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
