#pragma once
/// \file
/// Meta's published training figures for Llama 2 and Llama 3.1 (their model
/// cards) and the Llama 3 reliability figures, as code: GPU-hours, power per
/// GPU, tCO2e location- and market-based, interruptions. Every figure is
/// published and cited as docs/sources.md §13. Tests and the model-card
/// example compare traincost's energy, emissions and failure models with them.

#include <array>
#include <string_view>

namespace traincost::reference::llama {

/// One model size of a model card's carbon table.
struct CardRow {
  std::string_view model;
  double gpu_hours;              ///< "Time (GPU hours)"
  double watts_per_gpu;          ///< "peak power capacity per GPU ... adjusted for PUE"
  double location_tco2e;         ///< location-based tCO2e
  double market_tco2e;           ///< market-based tCO2e; negative when the card gives none
  std::string_view accelerator;  ///< catalog name
  std::string_view source;
};

inline constexpr std::string_view llama2_card_source =
    "Llama 2 model card, github.com/meta-llama/llama MODEL_CARD.md, 'Carbon Footprint' "
    "(docs/sources.md §13)";
inline constexpr std::string_view llama31_card_source =
    "Llama 3.1 model card, github.com/meta-llama/llama-models models/llama3_1/MODEL_CARD.md, "
    "'Training Greenhouse Gas Emissions' (docs/sources.md §13)";

/// Llama 2 pretraining, A100-80GB, 400 W per GPU; 539.00 tCO2e in total.
inline constexpr std::array<CardRow, 3> llama2{{
    {"Llama 2 7B", 184'320, 400, 31.22, -1, "A100 SXM4 80GB", llama2_card_source},
    {"Llama 2 13B", 368'640, 400, 62.44, -1, "A100 SXM4 80GB", llama2_card_source},
    {"Llama 2 70B", 1'720'320, 400, 291.42, -1, "A100 SXM4 80GB", llama2_card_source},
}};

/// Llama 3.1, H100-80GB (TDP 700 W); 39.3M GPU-hours, 11,390 t location-based,
/// 0 t market-based in total. The card rounds GPU-hours to three figures.
inline constexpr std::array<CardRow, 3> llama31{{
    {"Llama 3.1 8B", 1.46e6, 700, 420, 0, "H100 SXM", llama31_card_source},
    {"Llama 3.1 70B", 7.0e6, 700, 2'040, 0, "H100 SXM", llama31_card_source},
    {"Llama 3.1 405B", 30.84e6, 700, 8'930, 0, "H100 SXM", llama31_card_source},
}};

/// Llama 3 405B pre-training reliability (The Llama 3 Herd of Models, Meta
/// 2024; docs/sources.md §8 and §13).
inline constexpr double llama3_gpus = 16'384;
inline constexpr double llama3_snapshot_days = 54;
inline constexpr double llama3_interruptions = 466;
inline constexpr double llama3_unexpected_interruptions = 419;
/// "higher than 90%" effective training time: a lower bound, not a value.
inline constexpr double llama3_effective_time_at_least = 0.90;
inline constexpr std::string_view llama3_reliability_source =
    "The Llama 3 Herd of Models (Meta, 2024): 466 interruptions (419 unexpected) in a "
    "54-day snapshot on 16,384 H100, >90% effective training time (docs/sources.md §13)";

}  // namespace traincost::reference::llama
