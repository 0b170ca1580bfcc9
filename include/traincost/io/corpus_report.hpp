#pragma once
/// \file
/// `traincost corpus`: Epoch AI's files in; one row per model and method out,
/// as a table, Markdown, CSV or JSON, and the cost trend as an SVG chart.
///
/// The CSV and JSON schema (stable; docs/corpus.md): one row per frontier
/// model and method, with the fields
///   model, organization, publication_date, hardware, method, scope,
///   cost_usd, base_month, p5_usd, p95_usd, chip_usd, other_server_usd,
///   interconnect_usd, energy_usd, flags, audit, missing
/// `cost_usd` and the parts are empty (CSV) or null (JSON) when the method
/// has no figure; `missing` then says why. `flags` and `audit` are
/// semicolon-separated in CSV, arrays in JSON.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "traincost/corpus/audit.hpp"
#include "traincost/corpus/pipeline.hpp"
#include "traincost/corpus/ranges.hpp"
#include "traincost/corpus/trend.hpp"
#include "traincost/io/epoch.hpp"
#include "traincost/io/render.hpp"

namespace traincost::io::epoch {

/// What the command was asked.
struct CorpusRequest {
  Paths paths;
  corpus::CorpusOptions options;
  bool ranges = true;
  corpus::RangeOptions range_options;
  /// The method the trend is fitted on (Cottier et al. use capex + energy).
  corpus::Method trend_method = corpus::Method::capex_energy;
  int bootstrap = 2000;
};

/// Everything the command computed.
struct CorpusReport {
  corpus::Record record;
  corpus::CorpusResult result;
  /// ranges[i][j]: model i, method j (as in options.methods); empty when off
  /// or when the method has no figure.
  std::vector<std::vector<std::optional<corpus::Interval>>> ranges;
  corpus::Audit audit;
  std::optional<corpus::TrendFit> trend;
  std::vector<corpus::TrendPoint> trend_points;
  corpus::Method trend_method = corpus::Method::capex_energy;
};

/// Reads the files and runs selection, imputation, the methods, ranges,
/// audit and trend. Throws `traincost::Error` for a file that cannot be read
/// or lacks a required column; bad rows are in `record.issues`.
CorpusReport run_corpus(const CorpusRequest& request);

/// Runs on a record already read.
CorpusReport run_corpus(corpus::Record record, const CorpusRequest& request);

/// The report in a format (see the schema above for CSV and JSON).
std::string render_corpus(const CorpusReport& report, Format format);

/// Cost against publication date, log scale, with the fitted trend.
std::string corpus_trend_svg(const CorpusReport& report);

/// Parses "2024-12" or "2024-12-01"; throws `traincost::Error` naming `field`.
corpus::Month parse_base_month(const std::string& text, const std::string& field);

/// Parses "all" or a comma-separated list of cloud, capex_energy, acquisition.
std::vector<corpus::Method> parse_methods(const std::string& text, const std::string& field);

}  // namespace traincost::io::epoch
