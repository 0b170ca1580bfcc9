#pragma once
/// \file
/// Rates papers quote for a run instead of totals: accelerator time per
/// token trained ("180K H800 GPU-hours per trillion tokens", DeepSeek-V3's
/// report, docs/sources.md §1) — times a token count it is GPU-hours, and it
/// never adds to GPU-hours or to a FLOP rate — and, for serving, tokens per
/// second per accelerator and prices per million tokens.

#include "traincost/units/quantities.hpp"

namespace traincost {

namespace units_detail {
using gpu_time_per_token_dimension =
    bu::derived_dimension<accelerator_base_dimension, 1, bu::time_base_dimension, 1,
                          token_base_dimension, -1>::type;
using token_rate_per_accelerator_dimension =
    bu::derived_dimension<token_base_dimension, 1, bu::time_base_dimension, -1,
                          accelerator_base_dimension, -1>::type;
using token_price_dimension =
    bu::derived_dimension<currency_base_dimension, 1, token_base_dimension, -1>::type;
}  // namespace units_detail

/// Tokens one accelerator serves (or trains) per unit of time, e.g. tokens
/// per second per GPU. Times accelerators it is a cluster's `TokenRate`.
using TokenRatePerAccelerator =
    units_detail::quantity_of<units_detail::token_rate_per_accelerator_dimension>;
/// A price per token, e.g. USD per million tokens served.
using TokenPrice = units_detail::quantity_of<units_detail::token_price_dimension>;

/// Accelerator time per token trained, e.g. GPU-hours per trillion tokens.
using GpuTimePerToken = units_detail::quantity_of<units_detail::gpu_time_per_token_dimension>;

namespace unit_scale {
/// Tokens in the "trillion tokens" papers quote rates per.
inline constexpr double tokens_per_trillion = 1e12;
}  // namespace unit_scale

/// A rate from GPU-hours per token.
inline GpuTimePerToken gpu_hours_per_token(double h) {
  return units_detail::make<GpuTimePerToken>(h, unit_scale::seconds_per_hour);
}
/// A rate from GPU-hours per trillion (1e12) tokens.
inline GpuTimePerToken gpu_hours_per_trillion_tokens(double h) {
  return units_detail::make<GpuTimePerToken>(
      h, unit_scale::seconds_per_hour / unit_scale::tokens_per_trillion);
}
/// The rate in GPU-hours per token.
inline double in_gpu_hours_per_token(GpuTimePerToken r) {
  return units_detail::read(r, unit_scale::seconds_per_hour);
}
/// The rate in GPU-hours per trillion (1e12) tokens.
inline double in_gpu_hours_per_trillion_tokens(GpuTimePerToken r) {
  return units_detail::read(r, unit_scale::seconds_per_hour / unit_scale::tokens_per_trillion);
}

/// A per-accelerator token rate from tokens per second per accelerator.
inline TokenRatePerAccelerator tokens_per_second_per_accelerator(double r) {
  return units_detail::make<TokenRatePerAccelerator>(r);
}
/// The rate in tokens per second per accelerator.
inline double in_tokens_per_second_per_accelerator(TokenRatePerAccelerator r) {
  return units_detail::read(r);
}
/// A price from US dollars per million (1e6) tokens.
inline TokenPrice usd_per_million_tokens(double p) {
  return units_detail::make<TokenPrice>(p, 1e-6);
}
/// The price in US dollars per million (1e6) tokens.
inline double in_usd_per_million_tokens(TokenPrice p) {
  return units_detail::read(p, 1e-6);
}

}  // namespace traincost
