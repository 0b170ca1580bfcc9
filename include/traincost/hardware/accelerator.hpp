#pragma once
/// \file
/// One accelerator's specification: dense peak throughput per precision,
/// memory, links, power, year, and where those figures come from.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// How the accelerator is packaged, which bounds its power and links.
enum class FormFactor { sxm, pcie, oam, tpu };

/// "SXM", "PCIe", "OAM" or "TPU".
constexpr std::string_view to_string(FormFactor f) {
  switch (f) {
    case FormFactor::sxm:
      return "SXM";
    case FormFactor::pcie:
      return "PCIe";
    case FormFactor::oam:
      return "OAM";
    case FormFactor::tpu:
      return "TPU";
  }
  detail::fail_enum_value("FormFactor", static_cast<long long>(f));
}

/// Dense (not sparse) peak throughput per precision. Vendor sheets often
/// print sparse figures at twice these; the catalog stores dense ones.
class PeakThroughput {
 public:
  /// Sets the dense peak for one precision; it must be positive and finite
  /// (a zero peak would turn every GPU-hour estimate into infinity).
  PeakThroughput& set(Precision p, FlopRate peak) {
    if (!detail::is_positive(in_tflop_per_second(peak)))
      detail::require_positive(std::string("peaks.") += to_string(p), in_tflop_per_second(peak),
                               "peak in TFLOP/s");
    peaks_[index(p)] = peak;
    return *this;
  }
  /// Whether a peak is known for this precision.
  bool has(Precision p) const { return peaks_[index(p)].has_value(); }
  /// The peak for a precision, if known.
  std::optional<FlopRate> find(Precision p) const { return peaks_[index(p)]; }

 private:
  static std::size_t index(Precision p) { return static_cast<std::size_t>(p); }
  std::array<std::optional<FlopRate>, all_precisions.size()> peaks_{};
};

/// One accelerator model as sold, e.g. "H800 SXM 80GB".
struct AcceleratorSpec {
  std::string name;    ///< canonical catalog name, e.g. "H800 SXM"
  std::string vendor;  ///< "NVIDIA", "AMD", "Google"
  FormFactor form_factor = FormFactor::sxm;
  PeakThroughput peaks;         ///< dense peaks per precision
  ByteCount memory = bytes(0);  ///< on-package memory
  Bandwidth memory_bandwidth = gigabytes_per_second(0);
  std::optional<Bandwidth> scale_up_bandwidth;  ///< NVLink/ICI per accelerator; empty if unstated
  std::optional<PowerPerAccelerator> tdp;       ///< board power; empty if unstated
  /// How far the TDP can be trusted: in some rows it is an assumption [?]
  /// while the rest of the row is published (H800, TPU v4).
  Evidence tdp_evidence = Evidence::published;
  int year = 0;           ///< year of introduction
  Provenance provenance;  ///< source of the figures
  std::string notes;      ///< which figures are uncertain, and why

  /// The dense peak for a precision. Throws `unsupported_precision` (value:
  /// the precision; expected: the ones it has) when the accelerator has none (FP8 on an A100),
  /// never falls back silently; `field` names the input that asked for it, e.g.
  /// "workload.training_precision".
  FlopRate peak(Precision p, std::string_view field = "precision") const {
    if (auto v = peaks.find(p))
      return *v;
    std::string expected = "a precision the ";
    expected += name;
    expected += " has a peak for (one of:";
    for (Precision q : all_precisions)
      if (peaks.has(q))
        (expected += ' ') += to_string(q);
    expected += ')';
    throw Error(ErrorCode::unsupported_precision, field, std::string(to_string(p)),
                std::move(expected));
  }
};

}  // namespace traincost
