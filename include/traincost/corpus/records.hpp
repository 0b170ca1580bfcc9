#pragma once
/// \file
/// The rows of Epoch AI's four published files, as traincost reads them
/// (`traincost/io/epoch.hpp` parses the CSV files into these). Only the
/// factual columns the method uses are kept; a value the file leaves empty is
/// an empty optional, never a zero. Each row keeps the line it started on so
/// that every later flag can point back at the file.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "traincost/corpus/date.hpp"

namespace traincost::corpus {

/// One row of "All ML Systems - full view.csv" (Epoch's models database).
struct ModelRecord {
  std::size_t line = 0;
  std::string name;              ///< "Model"
  std::string organization;      ///< "Organization" (comma-separated when several)
  Date publication;              ///< "Publication date" (rows without one are skipped)
  std::string hardware;          ///< "Training hardware"; comma-separated when mixed; "" unknown
  std::string base_model;        ///< "Base model"; non-empty marks a fine-tune
  std::string numerical_format;  ///< "Numerical format", e.g. "BF16"; "" unknown
  std::optional<double> hardware_quantity;  ///< "Hardware quantity"
  std::optional<double> training_hours;     ///< "Training time (hours)"
  std::optional<double> chip_hours;         ///< "Training chip-hours"
  std::optional<double> compute_flop;       ///< "Training compute (FLOP)"
  std::optional<double> mfu;                ///< "Hardware utilization (MFU)", a fraction
  std::optional<double> power_draw_w;       ///< "Training power draw (W)"
  std::optional<int> compute_rank;          ///< "Compute rank when published" (1 = largest)
};

/// One row of "Chip dataset-Grid view.csv": peaks in FLOP/s (OP/s for INT8).
struct ChipRecord {
  std::size_t line = 0;
  std::string name;  ///< "Hardware name"
  std::string manufacturer;
  std::optional<Date> release;              ///< "Release date"
  std::optional<double> release_price_usd;  ///< "Release price (USD)"
  std::optional<double> tensor_16bit;       ///< "Tensor-FP16/BF16 performance (FLOP/s)"
  std::optional<double> tf32;               ///< "TF32 (TensorFloat-32) performance (FLOP/s)"
  std::optional<double> fp16;               ///< "FP16 (half precision) performance (FLOP/s)"
  std::optional<double> fp32;               ///< "FP32 (single precision) performance (FLOP/s)"
  std::optional<double> fp8;                ///< "FP8 performance (FLOP/s)"
  std::optional<double> int8;               ///< "INT8 performance (OP/s)"
  std::optional<double> tdp_w;              ///< "TDP (W)"
};

/// One row of "Hardware prices.csv": a purchase price or cloud prices per
/// chip-hour, dated, by vendor, with its source link.
struct PriceRecord {
  std::size_t line = 0;
  std::string source;                ///< "Price source" (a URL)
  Date date;                         ///< "Price date" (rows without one are skipped)
  std::string hardware;              ///< "Hardware model"
  std::string manufacturer;          ///< "Manufacturer"
  std::string vendor;                ///< "Vendor" ("" for list prices)
  std::string location;              ///< "Location"
  std::optional<double> on_demand;   ///< "Price per chip-hour (on-demand)"
  std::optional<double> one_year;    ///< "Price per chip-hour (1-year CUD)"
  std::optional<double> three_year;  ///< "Price per chip-hour (3-year CUD)"
  std::optional<double> purchase;    ///< "Price (hardware purchase)", USD
  std::string notes;                 ///< "Notes" ("Single-unit release price", "DGX ...")
};

/// One observation of the producer price index (FRED series PCU518210518210).
struct IndexPoint {
  std::size_t line = 0;
  Month month;
  double value = 0;
};

/// A row the reader could not use: where, which column, the value as
/// written and why. The row is skipped; reading goes on.
struct RowIssue {
  std::string file;
  std::size_t line = 0;
  std::string column;
  std::string value;
  std::string why;

  /// "file:line: column \"value\": why".
  std::string str() const {
    std::string s = file;
    s += ':';
    s += std::to_string(line);
    s += ": ";
    s += column;
    s += " \"";
    s += value.size() > 60 ? value.substr(0, 57) + "..." : value;
    s += "\": ";
    s += why;
    return s;
  }
};

/// Everything read from the four files, with the issues met on the way.
struct Record {
  std::vector<ModelRecord> models;
  std::vector<ChipRecord> chips;
  std::vector<PriceRecord> prices;
  std::vector<IndexPoint> index;
  std::vector<RowIssue> issues;
};

}  // namespace traincost::corpus
