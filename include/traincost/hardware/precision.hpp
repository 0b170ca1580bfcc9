#pragma once
/// \file
/// Numeric precisions an accelerator has a peak throughput for.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "traincost/core/error.hpp"

namespace traincost {

/// Arithmetic precisions, widest first. BF16 stands for BF16 and FP16 alike:
/// every listed accelerator has the same dense peak for both. FP32 is plain
/// single precision on the vector units (not TF32 on tensor cores): the only
/// peak that GPUs before Volta (K80, M40, GTX TITAN X) have.
enum class Precision { fp64, fp64_tensor, fp32, tf32, bf16, fp8, int8 };

/// Every precision, in the order tables print them (the enum's order: the
/// peaks of an accelerator are stored by it).
inline constexpr std::array<Precision, 7> all_precisions = {
    Precision::fp64, Precision::fp64_tensor, Precision::fp32, Precision::tf32,
    Precision::bf16, Precision::fp8,         Precision::int8};

static_assert([] {
  for (std::size_t i = 0; i < all_precisions.size(); ++i)
    if (static_cast<std::size_t>(all_precisions[i]) != i)
      return false;
  return true;
}());

/// The name used in tables and scenario files, e.g. "bf16".
constexpr std::string_view to_string(Precision p) {
  switch (p) {
    case Precision::fp64:
      return "fp64";
    case Precision::fp64_tensor:
      return "fp64-tensor";
    case Precision::fp32:
      return "fp32";
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

/// Parses a precision name ("bf16", "FP16", "fp32", "fp8" ...); empty when unknown.
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

/// The accepted names, for an error's `expected` part: "fp64, fp64-tensor,
/// fp32, tf32, bf16 (or fp16), fp8, int8".
inline std::string precision_names_text() {
  std::string out;
  for (Precision p : all_precisions) {
    if (!out.empty())
      out += ", ";
    out += to_string(p);
    if (p == Precision::bf16)
      out += " (or fp16)";
  }
  return out;
}

}  // namespace traincost
