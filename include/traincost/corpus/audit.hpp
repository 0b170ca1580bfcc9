#pragma once
/// \file
/// An audit of every row of Epoch's models file, beyond anything Epoch
/// publishes: is the row consistent with itself and with the hardware's peak?
///
/// - **implied MFU**: FLOP / (chip-hours x 3600 x peak at the row's numerical
///   format), with the plausibility verdict of compute/plausibility.hpp
///   (implausible above 60% by default, impossible above 100%). The peak is
///   the chip data's at the row's "Numerical format" (BF16/FP16 -> the 16-bit
///   tensor peak, TF32, FP32, FP8, INT8); without a format, Epoch's costing
///   peak (methods.hpp) is used and the row says so.
/// - **chip-hours vs quantity x hours**: both given and differing by more than
///   5% (a threshold you can change).
/// - **unknown hardware**: named hardware absent from the chip data.
///
/// Every flagged row is listed with its reasons.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "traincost/compute/plausibility.hpp"
#include "traincost/corpus/methods.hpp"

namespace traincost::corpus {

struct AuditOptions {
  double mfu_ceiling = default_mfu_ceiling;  ///< compute/plausibility.hpp: 60%
  double chip_hours_tolerance = 0.05;        ///< relative
};

/// The audit of one row.
struct RowAudit {
  const ModelRecord* record = nullptr;
  std::optional<double> implied_mfu;
  std::optional<Verdict> verdict;
  std::string peak_basis;  ///< "BF16 (16-bit tensor)", "costing peak (no format)" ...
  std::optional<double> chip_hours_disagreement;  ///< chip-hours / (quantity x hours) - 1
  std::vector<std::string> reasons;               ///< empty when the row is not flagged
  bool flagged() const { return !reasons.empty(); }
};

/// The chip data's peak at a numerical format, and what it was.
inline std::optional<double> peak_at_format(const ChipRecord& chip, const std::string& format,
                                            std::string& basis) {
  std::string f;
  for (const char ch : format)
    if (ch != ' ' && ch != '-')
      f += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (f.empty()) {
    basis = "costing peak (no numerical format)";
    return ChipTable::costing_peak(chip);
  }
  basis = format;
  if (f.find("FP8") != std::string::npos)
    return chip.fp8;
  if (f.find("INT8") != std::string::npos)
    return chip.int8;
  if (f.find("TF32") != std::string::npos)
    return chip.tf32;
  if (f.find("BF16") != std::string::npos || f.find("FP16") != std::string::npos) {
    if (chip.tensor_16bit)
      return chip.tensor_16bit;
    return chip.fp16;
  }
  if (f.find("FP32") != std::string::npos)
    return chip.fp32;
  basis = "costing peak (format \"" + format + "\" not mapped)";
  return ChipTable::costing_peak(chip);
}

inline RowAudit audit_row(const ModelRecord& m, const ChipTable& chips,
                          const AuditOptions& o = {}) {
  RowAudit a;
  a.record = &m;
  const bool mixed = m.hardware.find(',') != std::string::npos;
  const ChipRecord* chip = m.hardware.empty() || mixed ? nullptr : chips.find(m.hardware);
  if (!m.hardware.empty() && !mixed && !chip)
    a.reasons.push_back("unknown hardware \"" + m.hardware + "\" (not in the chip data)");
  if (m.chip_hours && m.hardware_quantity && m.training_hours) {
    const double product = *m.hardware_quantity * *m.training_hours;
    a.chip_hours_disagreement = *m.chip_hours / product - 1;
    if (std::abs(*a.chip_hours_disagreement) > o.chip_hours_tolerance)
      a.reasons.push_back(
          "chip-hours " + std::to_string(static_cast<long long>(*m.chip_hours)) +
          " vs quantity x hours " + std::to_string(static_cast<long long>(product)) + " (" +
          std::to_string(static_cast<int>(std::lround(*a.chip_hours_disagreement * 100))) + "%)");
  }
  const std::optional<double> chip_hours =
      m.chip_hours ? m.chip_hours
                   : (m.hardware_quantity && m.training_hours
                          ? std::optional<double>(*m.hardware_quantity * *m.training_hours)
                          : std::nullopt);
  if (chip && chip_hours && m.compute_flop) {
    const auto peak = peak_at_format(*chip, m.numerical_format, a.peak_basis);
    if (peak) {
      a.implied_mfu = *m.compute_flop / (*chip_hours * 3600.0 * *peak);
      a.verdict = *a.implied_mfu > 1.0             ? Verdict::impossible
                  : *a.implied_mfu > o.mfu_ceiling ? Verdict::implausible
                                                   : Verdict::plausible;
      if (*a.verdict != Verdict::plausible)
        a.reasons.push_back(std::string("implied MFU ") +
                            std::to_string(static_cast<int>(std::lround(*a.implied_mfu * 100))) +
                            "% (peak: " + a.peak_basis + "): " +
                            (*a.verdict == Verdict::impossible ? "impossible" : "implausible"));
      if (m.mfu && std::abs(*a.implied_mfu / *m.mfu - 1) > 0.25)
        a.reasons.push_back(
            "implied MFU " + std::to_string(static_cast<int>(std::lround(*a.implied_mfu * 100))) +
            "% vs reported " + std::to_string(static_cast<int>(std::lround(*m.mfu * 100))) + "%");
    }
  }
  return a;
}

/// The audit of every row; `flagged` lists the rows with a reason.
struct Audit {
  std::vector<RowAudit> rows;
  std::vector<const RowAudit*> flagged() const {
    std::vector<const RowAudit*> out;
    for (const RowAudit& r : rows)
      if (r.flagged())
        out.push_back(&r);
    return out;
  }
  const RowAudit* find(const std::string& name) const {
    for (const RowAudit& r : rows)
      if (r.record->name == name)
        return &r;
    return nullptr;
  }
};

inline Audit audit_record(const Record& record, const AuditOptions& o = {}) {
  const ChipTable chips(record.chips);
  Audit a;
  a.rows.reserve(record.models.size());
  for (const ModelRecord& m : record.models)
    a.rows.push_back(audit_row(m, chips, o));
  return a;
}

}  // namespace traincost::corpus
