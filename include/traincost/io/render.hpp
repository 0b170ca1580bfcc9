#pragma once
/// \file
/// Turning results into text for people (aligned tables, Markdown) and for
/// programs (CSV with a header row, JSON — see json_report.hpp for its schema).
/// Renderers build a string and never print: the command writes it only once
/// everything has succeeded, so nothing reaches standard output on error.

#include <optional>
#include <string>
#include <string_view>

#include "traincost/hardware/catalog.hpp"
#include "traincost/io/estimate.hpp"

namespace traincost::io {

/// Output formats of the command's `--format`.
enum class Format { table, markdown, csv, json };

/// Parses "table", "markdown", "csv" or "json"; empty when unknown.
std::optional<Format> parse_format(std::string_view s);

/// An estimate in the given format. Amounts are printed with thousands
/// separators and a currency sign in tables and Markdown, and as plain USD
/// numbers in CSV and JSON.
std::string render_estimate(const Estimate& e, Format f);

/// The catalog (every accelerator, `entry == nullptr`) or one entry in detail,
/// with the source of its figures.
std::string render_catalog(Format f, const CatalogEntry* entry = nullptr);

/// A field of a CSV row: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view s);

/// A number as CSV/JSON print it: shortest text that reads back to the same double.
std::string plain_number(double v);

}  // namespace traincost::io
