#pragma once
/// \file
/// Epoch AI's hardware names -> traincost's catalog rows.
///
/// Most of Epoch's names are a catalog alias ("NVIDIA Tesla K80",
/// "NVIDIA A100 SXM4 80 GB"), so the catalog's own look-up resolves them.
/// Two are not: "NVIDIA A100" and "NVIDIA V100" are *family* names, the rows
/// Epoch uses when a paper names no variant (162 and 85 rows of its models
/// file). The catalog refuses a bare family name ("a100" lists the four
/// A100s), because a user who types it may mean any of them. Epoch's family
/// rows, though, are not ambiguous in Epoch's data: each carries one set of
/// figures, those of one variant (docs/sources.md §12). This file says which,
/// and why, so that a frontier model named by family gets the catalog row
/// whose peaks Epoch costed it at, flagged as a stand-in.

#include <optional>
#include <string_view>

#include "traincost/hardware/catalog.hpp"

namespace traincost::corpus {

/// One of Epoch's family names and the catalog row whose figures it carries.
struct FamilyName {
  std::string_view epoch_name;
  std::string_view catalog_name;
  std::string_view reason;
};

/// Epoch's family names in the chip data @ 263c40a (docs/sources.md §12).
inline constexpr FamilyName epoch_family_names[] = {
    {"NVIDIA A100", "A100 SXM4 40GB",
     "Epoch's \"NVIDIA A100\" row gives the SXM4 40GB's figures: 312 TFLOP/s BF16, 40 GB, "
     "400 W (docs/sources.md §12)"},
    {"NVIDIA V100", "V100 SXM2 32GB",
     "Epoch's \"NVIDIA V100\" row gives the SXM2's peak (125 TFLOP/s FP16 tensor) and 300 W, "
     "and no memory size (docs/sources.md §12)"},
};

/// How an Epoch hardware name resolved.
struct CatalogMatch {
  const CatalogEntry* entry = nullptr;
  /// Epoch's name is a family name; `entry` is the variant whose figures
  /// Epoch's row carries, and `reason` says so.
  bool family = false;
  std::string_view reason;
};

/// The catalog row for one of Epoch's hardware names (one name, not a
/// comma-separated mix), or empty when the catalog has none.
inline std::optional<CatalogMatch> catalog_match(std::string_view epoch_name) {
  if (const CatalogEntry* e = find_accelerator(epoch_name))
    return CatalogMatch{e, false, {}};
  for (const FamilyName& f : epoch_family_names)
    if (f.epoch_name == epoch_name)
      if (const CatalogEntry* e = find_accelerator(f.catalog_name))
        return CatalogMatch{e, true, f.reason};
  return std::nullopt;
}

}  // namespace traincost::corpus
