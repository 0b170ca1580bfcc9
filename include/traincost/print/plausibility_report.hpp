#pragma once
/// \file
/// The plausibility check in words: one sentence per implied MFU, e.g.
/// "38.99% of the H800 SXM bf16 dense peak (385.9 of 989.5 TFLOP/s, goodput
/// 100%): plausible". Printing only; the check itself is compute/plausibility.hpp.

#include <string>

#include "traincost/compute/plausibility.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/print/format.hpp"

namespace traincost {

namespace detail {

/// A user-given fraction as a percentage, as exact as it was entered:
/// 0.6 -> "60%", 0.555 -> "55.5%".
inline std::string input_percent(double fraction) {
  return format_value(fraction * 100.0) + "%";
}

}  // namespace detail

/// One sentence: the implied MFU (two decimals of a percent, as MFUs are
/// quoted: DeepSeek's 38.94%), the rates (to 0.1 TFLOP/s), the goodput as
/// entered and the verdict, with the threshold it crossed if any.
inline std::string explain(const ImpliedMfu& m) {
  std::string s = format_percent(m.mfu, 2) + " of the " + m.accelerator + " " +
                  std::string(to_string(m.precision)) + " dense peak (" +
                  format_number(in_tflop_per_second(m.achieved), 1) + " of " +
                  format_number(in_tflop_per_second(m.reference_peak), 1) + " TFLOP/s, goodput " +
                  detail::input_percent(m.goodput) + "): " + std::string(to_string(m.verdict));
  if (m.verdict == Verdict::implausible)
    s += " (above the " + detail::input_percent(m.ceiling) + " ceiling)";
  else if (m.verdict == Verdict::impossible)
    s += " (above 100% of peak)";
  return s;
}

}  // namespace traincost
