#pragma once
/// \file
/// The built-in accelerators, each with its source, and look-up by name.
///
/// Figures are dense peaks from docs/sources.md §5 (vendor data
/// sheets, tagged [P]; rows or cells tagged [?] there are marked `assumed`
/// here and explained in `notes`) and, for the older accelerators of Epoch
/// AI's frontier list, from Epoch's chip data (§12; the Ascend 910's memory is
/// an analyst figure, so that row is `analyst_estimate`). Look-up is case-insensitive and ignores
/// spaces, hyphens and underscores; a bare model name ("h800") is an alias
/// only when the catalog holds a single variant of it, so "a100" and "h100"
/// are errors that list the variants rather than a silent guess. The memory
/// aliases "a100-40gb" and "a100-80gb" name the SXM4 parts, the form factor
/// of DGX/HGX servers and cloud instances; the PCIe parts are spelled out.

#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/detail/closest_names.hpp"
#include "traincost/hardware/accelerator.hpp"

namespace traincost {

/// A catalog entry: the specification and the extra names it answers to.
struct CatalogEntry {
  AcceleratorSpec spec;
  std::vector<std::string> aliases;
};

namespace detail {

inline constexpr double none = std::numeric_limits<double>::quiet_NaN();

/// One row of the accelerator table, in the units the sources print.
struct AcceleratorRow {
  const char* name;
  const char* vendor;
  FormFactor form_factor;
  double fp64, fp64_tensor, fp32, tf32, bf16, fp8, int8;  // dense TFLOP/s, `none` if absent
  double memory_gb, bandwidth_gb_s, link_gb_s, tdp_w;
  int year;
  Evidence evidence;
  Evidence tdp_evidence;
  const char* source;
  const char* notes;
  std::vector<std::string> aliases;
};

inline CatalogEntry make_entry(const AcceleratorRow& r) {
  AcceleratorSpec s;
  s.name = r.name;
  s.vendor = r.vendor;
  s.form_factor = r.form_factor;
  const double peaks[] = {r.fp64, r.fp64_tensor, r.fp32, r.tf32, r.bf16, r.fp8, r.int8};
  static_assert(std::size(peaks) == all_precisions.size());
  for (std::size_t i = 0; i < all_precisions.size(); ++i)
    if (!std::isnan(peaks[i]))
      s.peaks.set(all_precisions[i], tflop_per_second(peaks[i]));
  s.memory = gigabytes(r.memory_gb);
  s.memory_bandwidth = gigabytes_per_second(r.bandwidth_gb_s);
  if (!std::isnan(r.link_gb_s))
    s.scale_up_bandwidth = gigabytes_per_second(r.link_gb_s);
  if (!std::isnan(r.tdp_w))
    s.tdp = watts_per_accelerator(r.tdp_w);
  s.year = r.year;
  s.tdp_evidence = r.tdp_evidence;
  s.provenance = {r.evidence, r.source};
  s.notes = r.notes;
  return {std::move(s), r.aliases};
}

inline std::vector<CatalogEntry> build_catalog() {
  using F = FormFactor;
  constexpr Evidence P = Evidence::published;
  constexpr Evidence Q = Evidence::assumed;
  constexpr Evidence A = Evidence::analyst_estimate;
  // clang-format off
  // name, vendor, form | dense TFLOP/s: FP64, FP64 tensor, FP32, TF32, BF16/FP16, FP8, INT8 |
  // memory GB, bandwidth GB/s, scale-up link GB/s, TDP W | year | row tag, TDP tag, source,
  // notes, aliases
  const std::vector<AcceleratorRow> rows = {
      {"V100 SXM2 32GB", "NVIDIA", F::sxm,   7.8, none, none, none, 125, none, none,
       32, 900, 300, 300, 2017, P, P, "NVIDIA V100 data sheet (sources.md §5)",
       "the 16-bit peak is FP16 tensor; V100 has no BF16", {"v100-32gb"}},
      {"A100 SXM4 40GB", "NVIDIA", F::sxm,   9.7, 19.5, none, 156, 312, none, none,
       40, 1555, 600, 400, 2020, P, P, "NVIDIA A100 data sheet (sources.md §5)",
       "", {"a100-40gb", "a100-sxm-40gb", "nvidia-a100-sxm4-40-gb"}},
      {"A100 SXM4 80GB", "NVIDIA", F::sxm,   9.7, 19.5, none, 156, 312, none, none,
       80, 2039, 600, 400, 2020, P, P, "NVIDIA A100 data sheet (sources.md §5)",
       "", {"a100-80gb", "a100-sxm-80gb", "nvidia-a100-sxm4-80-gb"}},
      {"A100 PCIe 40GB", "NVIDIA", F::pcie,  9.7, 19.5, none, 156, 312, none, none,
       40, 1555, 600, 250, 2020, P, P, "NVIDIA A100 data sheet (sources.md §5)",
       "600 GB/s is the NVLink bridge between pairs; Fire-Flyer 2 uses this part", {}},
      {"A100 PCIe 80GB", "NVIDIA", F::pcie,  9.7, 19.5, none, 156, 312, none, none,
       80, 1935, 600, 300, 2021, P, P, "NVIDIA A100 data sheet (sources.md §5)",
       "600 GB/s is the NVLink bridge between pairs", {}},
      {"H100 SXM", "NVIDIA", F::sxm,         34, 67, none, 494.5, 989.5, 1979, none,
       80, 3350, 900, 700, 2022, P, P, "NVIDIA H100 data sheet (sources.md §5)",
       "", {"h100-sxm5", "h100-sxm-80gb", "nvidia-h100-sxm5-80gb"}},
      {"H100 PCIe", "NVIDIA", F::pcie,       26, 51, none, 378, 756, 1513, none,
       80, 2000, 600, 350, 2022, P, P, "NVIDIA H100 data sheet (sources.md §5)",
       "600 GB/s is the NVLink bridge", {"h100-pcie-80gb"}},
      {"H800 SXM", "NVIDIA", F::sxm,         1, none, none, 494.5, 989.5, 1979, none,
       80, 3350, 400, 700, 2023, P, Q,
       "H100 SXM figures with NVLink cut to 400 GB/s (DeepSeek-V3 report, arXiv 2412.19437, "
       "§3.2.2; sources.md §5)",
       "FP64 ~1 TFLOP/s and 700 W TDP are assumptions [?]; NVLink 400 GB/s is published",
       {"h800", "h800-80gb"}},
      {"H20", "NVIDIA", F::sxm,              1, none, none, 74, 148, 296, none,
       96, 4000, 900, 400, 2024, Q, Q, "press reports of the China export part (sources.md §5, tagged [?])",
       "every figure of this row is unverified [?]", {"h20-96gb"}},
      {"H200 SXM", "NVIDIA", F::sxm,         34, 67, none, 494.5, 989.5, 1979, none,
       141, 4800, 900, 700, 2024, P, P, "NVIDIA H200 data sheet (sources.md §5)",
       "", {"h200", "h200-141gb"}},
      {"B200", "NVIDIA", F::sxm,             37, none, none, 1125, 2250, 4500, none,
       180, 7700, 1800, 1000, 2024, P, P, "NVIDIA Blackwell data sheet (sources.md §5)",
       "FP64 is printed as ~37-40 TFLOP/s [?], lower end kept; 180 GB usable of 192 physical; "
       "bandwidth 7.7-8.0 TB/s, lower end kept", {"b200-180gb"}},
      {"MI300X", "AMD", F::oam,              81.7, 163.4, none, 653.7, 1307, 2615, none,
       192, 5300, none, 750, 2023, P, P, "AMD Instinct MI300X data sheet (sources.md §5)",
       "scale-up is Infinity Fabric; its bandwidth is not in the sources", {"mi300x-192gb"}},
      {"TPU v4", "Google", F::tpu,           none, none, none, none, 275, none, 275,
       32, 1200, none, 192, 2021, P, Q, "Google Cloud TPU v4 documentation (sources.md §5)",
       "TDP ~192 W is an assumption [?]; ICI bandwidth not in the sources", {"v4", "tpu-v4-32gb", "google-tpu-v4"}},
      {"TPU v5p", "Google", F::tpu,          none, none, none, none, 459, none, 918,
       95, 2765, 600, none, 2023, P, P, "Google Cloud TPU v5p documentation (sources.md §5)",
       "ICI 4,800 Gb/s = 600 GB/s; TDP not published", {"v5p", "tpu-v5p-95gb"}},
      // The older accelerators of Epoch AI's frontier list (docs/sources.md §12):
      // figures from Epoch's chip dataset @ 263c40a, which cites the data sheet
      // named in each source. Aliases are Epoch's hardware names.
      {"TPU v1", "Google", F::tpu,           none, none, none, none, none, none, 92,
       8.589934592, 34, none, 75, 2015, P, P,
       "Epoch AI chip dataset @ 263c40a, from Jouppi et al. (IEEE Micro 2021) (sources.md §12)",
       "inference chip: INT8 only; 8 GiB", {"google-tpu-v1"}},
      {"TPU v2", "Google", F::tpu,           none, none, 3, none, 45, none, none,
       16, 600, none, 280, 2017, P, P,
       "Epoch AI chip dataset @ 263c40a, from Jouppi et al. (CACM 2020) (sources.md §12)",
       "", {"google-tpu-v2"}},
      {"TPU v3", "Google", F::tpu,           none, none, none, none, 123, none, none,
       32, 900, none, 220, 2018, P, P,
       "Epoch AI chip dataset @ 263c40a, from Google Cloud TPU system architecture (sources.md §12)",
       "", {"google-tpu-v3"}},
      {"V100 DGXS 16GB", "NVIDIA", F::sxm,   8.1, none, 16.2, none, 125, none, none,
       16, 897, 300, 250, 2018, P, P,
       "Epoch AI chip dataset @ 263c40a, from TechPowerUp's Tesla V100 DGXS 16 GB sheet (sources.md §12)",
       "the 16-bit peak is FP16 tensor; the DGX Station's V100", {"nvidia-tesla-v100-dgxs-16-gb"}},
      {"V100 DGXS 32GB", "NVIDIA", F::sxm,   7.834, none, 15.67, none, 125, none, none,
       32, 897, 300, 250, 2018, P, P,
       "Epoch AI chip dataset @ 263c40a, from TechPowerUp's Tesla V100 DGXS 32 GB sheet (sources.md §12)",
       "the 16-bit peak is FP16 tensor; the DGX Station's V100", {"nvidia-tesla-v100-dgxs-32-gb"}},
      {"V100S PCIe 32GB", "NVIDIA", F::pcie, 8.177, none, 16.35, none, 130, none, none,
       32, 1130, none, 250, 2019, P, P,
       "Epoch AI chip dataset @ 263c40a, from TechPowerUp's Tesla V100S PCIe 32 GB sheet (sources.md §12)",
       "the 16-bit peak is FP16 tensor", {"nvidia-tesla-v100s-pcie-32-gb"}},
      {"P100 PCIe 16GB", "NVIDIA", F::pcie,  4.7, none, 9.3, none, 18.7, none, none,
       16, 732, none, 250, 2016, P, P,
       "Epoch AI chip dataset @ 263c40a, from NVIDIA's Tesla P100 PCIe data sheet (sources.md §12)",
       "no tensor cores: the 16-bit peak is plain FP16", {"nvidia-p100", "p100"}},
      // Before Volta there are no tensor cores and no 16-bit peak worth the
      // name: these rows have FP64 and FP32 only, which is what Epoch's data
      // costs them at. Figures from Epoch's chip dataset @ 263c40a
      // (docs/sources.md §12) unless the notes say otherwise.
      {"Tesla K80", "NVIDIA", F::pcie,       2.742, none, 8.126, none, none, none, none,
       24, 480, none, 300, 2014, P, P,
       "Epoch AI chip dataset @ 263c40a, from TechPowerUp's Tesla K80 sheet and NVIDIA's K80 "
       "data sheet (sources.md §12)",
       "a board of two GK210 GPUs with 12 GB each; every figure is the board's. Epoch's 241 GB/s "
       "is one GPU's: 480 GB/s = 2 x 384 bit x 5 GT/s / 8 [D] from AnandTech's launch table; "
       "NVIDIA prints 8.74 TFLOP/s FP32 at the 875 MHz boost, Epoch 8.126",
       {"nvidia-tesla-k80", "k80"}},
      {"Tesla K40t", "NVIDIA", F::pcie,      1.682, none, 5.046, none, none, none, none,
       12, 288.4, none, 245, 2013, P, P,
       "Epoch AI chip dataset @ 263c40a, from TechPowerUp's Tesla K40t sheet (sources.md §12)",
       "", {"nvidia-tesla-k40t", "k40t"}},
      {"Tesla M40", "NVIDIA", F::pcie,       0.2135, none, 6.832, none, none, none, none,
       12, 288, none, 250, 2015, P, P,
       "Epoch AI chip dataset @ 263c40a (its row \"NVIDIA M40\"), from TechPowerUp's Tesla M40 "
       "sheet (sources.md §12)",
       "Epoch's second row \"NVIDIA Tesla M40\" prints 6.844 TFLOP/s FP32 and no memory; the "
       "row the frontier list names is kept", {"nvidia-m40", "nvidia-tesla-m40", "m40"}},
      {"GeForce GTX TITAN X", "NVIDIA", F::pcie, 0.2091, none, 6.691, none, none, none, none,
       12, 336.6, none, 250, 2015, P, P,
       "Epoch AI chip dataset @ 263c40a, from TechPowerUp's GeForce GTX TITAN X sheet "
       "(sources.md §12)",
       "the Maxwell consumer card of 2015, not the TITAN X (Pascal) of 2016",
       {"nvidia-geforce-gtx-titan-x", "gtx-titan-x"}},
      // The Ascend 910's memory is in neither Epoch's data nor a stored Huawei
      // sheet: the 32 GB comes from an analyst newsletter, so the row is [A].
      {"Ascend 910", "Huawei", F::pcie,      none, none, none, none, 256, none, 512,
       32, 1288, none, 310, 2019, A, P,
       "Epoch AI chip dataset @ 263c40a, from Huawei's Hot Chips 31 talk; memory from the "
       "Linley Group's Microprocessor Report newsletter of 2019-10-08 (sources.md §12)",
       "the 16-bit peak is FP16 (no BF16); memory 32 GB HBM2 is an analyst figure [A]; TDP 310 W is "
       "Epoch's, the newsletter gives 350 W; the form is the Atlas 300T training card's",
       {"huawei-ascend-910"}},
  };
  // clang-format on
  std::vector<CatalogEntry> out;
  out.reserve(rows.size());
  for (const auto& r : rows)
    out.push_back(make_entry(r));
  return out;
}

}  // namespace detail

/// Every built-in accelerator, in table order.
inline const std::vector<CatalogEntry>& catalog() {
  static const std::vector<CatalogEntry> entries = detail::build_catalog();
  return entries;
}

/// The catalog entry for a name or alias, or nullptr when there is none.
/// Case, spaces, hyphens and underscores are ignored.
inline const CatalogEntry* find_accelerator(std::string_view name) {
  const std::string key = detail::normalize_name(name);
  if (key.empty())
    return nullptr;
  for (const auto& e : catalog()) {
    if (detail::normalize_name(e.spec.name) == key)
      return &e;
    for (const auto& alias : e.aliases)
      if (detail::normalize_name(alias) == key)
        return &e;
  }
  return nullptr;
}

/// Up to `limit` catalog names closest to `name`, best first.
inline std::vector<std::string> closest_accelerator_names(std::string_view name,
                                                          std::size_t limit = 4) {
  std::vector<detail::NamedKeys> candidates;
  for (const auto& e : catalog()) {
    detail::NamedKeys c{e.spec.name, {detail::normalize_name(e.spec.name)}};
    for (const auto& a : e.aliases)
      c.keys.push_back(detail::normalize_name(a));
    candidates.push_back(std::move(c));
  }
  return detail::closest_names(name, candidates, limit);
}

/// What an unknown accelerator name was expected to be: "an accelerator in
/// the catalog; closest known names: A, B, C". The command and the scenario
/// reader reuse it as the `expected` part of their own errors.
inline std::string expected_accelerator_text(
    std::string_view name, std::string_view what = "an accelerator in the catalog") {
  std::string expected(what);
  expected += "; closest known names:";
  bool first = true;
  for (const auto& n : closest_accelerator_names(name)) {
    expected += first ? " " : ", ";
    expected += n;
    first = false;
  }
  return expected;
}

/// The specification for a name or alias, e.g. `accelerator("h800")`.
/// Throws `unknown_name` whose value is the name as given (quoted) and whose
/// expected text lists the closest known names.
inline const AcceleratorSpec& accelerator(std::string_view name) {
  if (const auto* e = find_accelerator(name))
    return e->spec;
  std::string value = "\"";
  (value += name) += '"';
  throw Error(ErrorCode::unknown_name, "accelerator", std::move(value),
              expected_accelerator_text(name));
}

}  // namespace traincost
