#pragma once
/// \file
/// Readers of Epoch AI's four published data files (repository
/// `epoch-research/training-cost-trends`, commit 263c40a, `data/`), or of the
/// trimmed extract traincost ships in `data/epoch/`:
///
///   models  "All ML Systems - full view.csv"   -> corpus::ModelRecord
///   chips   "Chip dataset-Grid view.csv"       -> corpus::ChipRecord
///   prices  "Hardware prices.csv"              -> corpus::PriceRecord
///   index   "PCU518210518210.csv"              -> corpus::IndexPoint
///
/// Columns are found by name in the header line (order free, extra columns
/// ignored); a missing required column is an error for the whole file. A row
/// that cannot be used (an unparsable number or date, a negative count) is
/// reported as a `corpus::RowIssue` — file:line, column, value, why — and
/// skipped; the batch goes on. Rows without a publication date (models), a
/// price date (prices) or a name (chips) are reported and skipped too — Epoch's
/// script drops them without a word.
/// Nothing is downloaded: the paths are the user's.

#include <string>
#include <string_view>
#include <vector>

#include "traincost/corpus/records.hpp"

namespace traincost::io::epoch {

/// The file names in Epoch's repository, for defaults and messages.
inline constexpr std::string_view models_file = "All ML Systems - full view.csv";
inline constexpr std::string_view chips_file = "Chip dataset-Grid view.csv";
inline constexpr std::string_view prices_file = "Hardware prices.csv";
inline constexpr std::string_view index_file = "PCU518210518210.csv";

/// A parsed CSV table: the header's names and each record with the line it
/// starts on (quoted fields may span lines).
struct CsvTable {
  std::vector<std::string> header;
  struct Row {
    std::size_t line = 0;
    std::vector<std::string> fields;
  };
  std::vector<Row> rows;
};

/// Parses RFC 4180 CSV text (quotes, doubled quotes, newlines in quoted
/// fields, CRLF, a UTF-8 byte-order mark). Throws `traincost::Error` naming
/// `file` for an unterminated quote.
CsvTable parse_csv(std::string_view text, const std::string& file);

/// Each reader takes the text and a name for messages; the `*_file`
/// variants read a path (throwing `traincost::Error` when it cannot be read).
std::vector<corpus::ModelRecord> read_models(std::string_view text, const std::string& file,
                                             std::vector<corpus::RowIssue>& issues);
std::vector<corpus::ChipRecord> read_chips(std::string_view text, const std::string& file,
                                           std::vector<corpus::RowIssue>& issues);
std::vector<corpus::PriceRecord> read_prices(std::string_view text, const std::string& file,
                                             std::vector<corpus::RowIssue>& issues);
std::vector<corpus::IndexPoint> read_index(std::string_view text, const std::string& file,
                                           std::vector<corpus::RowIssue>& issues);

/// Reads a whole file into memory; throws `traincost::Error` when it cannot.
std::string read_file(const std::string& path);

/// The four files at the given paths.
struct Paths {
  std::string models, chips, prices, index;
  /// The four files under `dir` by Epoch's names.
  static Paths in(const std::string& dir) {
    const std::string d = dir.empty() || dir.back() == '/' ? dir : dir + '/';
    return {d + std::string(models_file), d + std::string(chips_file), d + std::string(prices_file),
            d + std::string(index_file)};
  }
};

/// Reads all four files; row issues are collected in the record.
corpus::Record read_record(const Paths& paths);

}  // namespace traincost::io::epoch
