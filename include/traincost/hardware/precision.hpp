#pragma once
/// \file
/// Numeric precisions an accelerator has a peak throughput for.

#include <array>
#include <optional>
#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost {

/// Arithmetic precisions. BF16 stands for BF16 and FP16 alike: every listed
/// accelerator has the same dense peak for both.
enum class Precision { fp64, fp64_tensor, tf32, bf16, fp8, int8 };

/// Every precision, in the order tables print them.
inline constexpr std::array<Precision, 6> all_precisions = {Precision::fp64, Precision::fp64_tensor,
                                                            Precision::tf32, Precision::bf16,
                                                            Precision::fp8,  Precision::int8};

/// The name used in tables and scenario files, e.g. "bf16".
constexpr std::string_view to_string(Precision p) {
  switch (p) {
    case Precision::fp64:
      return "fp64";
    case Precision::fp64_tensor:
      return "fp64-tensor";
    case Precision::tf32:
      return "tf32";
    case Precision::bf16:
      return "bf16";
    case Precision::fp8:
      return "fp8";
    case Precision::int8:
      return "int8";
  }
  detail::fail_enum_value("Precision", static_cast<long long>(p));
}

/// Parses a precision name ("bf16", "FP16", "fp8" ...); empty when unknown.
constexpr std::optional<Precision> parse_precision(std::string_view s) {
  auto eq = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size())
      return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      char c = a[i];
      if (c >= 'A' && c <= 'Z')
        c = static_cast<char>(c - 'A' + 'a');
      if (c != b[i])
        return false;
    }
    return true;
  };
  for (Precision p : all_precisions)
    if (eq(s, to_string(p)))
      return p;
  if (eq(s, "fp16"))
    return Precision::bf16;
  return std::nullopt;
}

}  // namespace traincost
