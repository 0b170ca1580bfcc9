#pragma once
/// \file
/// The whole published-record pipeline in one call: select the frontier,
/// impute, cost each model three ways, convert to dollars of one base month.
/// Each step is visible in the result: the rows selected, what was imputed,
/// every flag, the figure in publication-month dollars and in base-month
/// dollars, and why a method has no figure.

#include <string>
#include <vector>

#include "traincost/corpus/base_month.hpp"
#include "traincost/corpus/frontier.hpp"
#include "traincost/corpus/methods.hpp"
#include "traincost/corpus/price_index.hpp"

namespace traincost::corpus {

/// The choices of a run. Defaults reproduce Epoch's script at 263c40a at
/// top-n 10, with its imputation defect corrected.
struct CorpusOptions {
  int top_n = 10;
  FrontierRule rule = FrontierRule::published_rank;
  std::vector<Method> methods{Method::capex_energy, Method::acquisition, Method::cloud};
  /// Dollars of which month. Epoch's model_costs.csv: 2024-12; its script
  /// at 263c40a: 2025-06 (docs/corpus.md).
  Month base{2025, 6};
  MissingMonth missing_month = MissingMonth::epoch_263c40a;
  EpochConstants constants;
  RentalPolicy rental;
};

/// One method's figure for one model, in the base month.
struct CostedMethod {
  MethodCost cost;                ///< in publication-month dollars
  std::optional<MonthUsd> total;  ///< in base-month dollars
  double inflation = 1;           ///< base / publication month
};

/// One frontier model.
struct CostedModel {
  const ModelRecord* record = nullptr;
  std::string hardware;  ///< after imputation
  bool hardware_imputed = false;
  std::vector<CostedMethod> methods;  ///< in `CorpusOptions::methods` order

  const CostedMethod* find(Method m) const {
    for (const CostedMethod& c : methods)
      if (c.cost.method == m)
        return &c;
    return nullptr;
  }
};

struct CorpusResult {
  Month base;
  std::vector<CostedModel> models;
  std::size_t figures() const {
    std::size_t n = 0;
    for (const CostedModel& m : models)
      for (const CostedMethod& c : m.methods)
        n += c.total.has_value();
    return n;
  }
  const CostedModel* find(const std::string& name) const {
    for (const CostedModel& m : models)
      if (m.record->name == name)
        return &m;
    return nullptr;
  }
};

/// Runs the pipeline on a record read from Epoch's files, converting with
/// `index` (another vintage of the series, say) instead of the record's.
inline CorpusResult cost_corpus(const Record& record, const CorpusOptions& options,
                                const PriceIndex& index) {
  const ChipTable chips(record.chips);
  const PriceBook prices(record.prices);
  const MethodContext context{chips, prices, options.constants, options.rental};
  const auto selected = select_frontier(record.models, options.top_n, options.rule);
  const auto rows = impute_hardware(record.models, selected);
  CorpusResult result;
  result.base = options.base;
  result.models.reserve(rows.size());
  for (const PreparedRow& row : rows) {
    CostedModel model{row.record, row.hardware, row.hardware_imputed, {}};
    for (const Method method : options.methods) {
      CostedMethod c{cost_method(method, row, context), std::nullopt, 1};
      if (row.hardware_imputed)
        c.cost.flags.insert(c.cost.flags.begin(), Flag::hardware_imputed);
      if (c.cost.total) {
        bool skipped = false;
        c.inflation = inflation_factor(index, Month::of(row.record->publication), options.base,
                                       options.missing_month, skipped);
        if (skipped)
          c.cost.flags.push_back(Flag::inflation_skipped);
        c.total = MonthUsd{*c.cost.total * c.inflation, options.base};
      }
      model.methods.push_back(std::move(c));
    }
    result.models.push_back(std::move(model));
  }
  return result;
}

/// Runs the pipeline on a record read from Epoch's files.
inline CorpusResult cost_corpus(const Record& record, const CorpusOptions& options) {
  return cost_corpus(record, options, PriceIndex(record.index));
}

}  // namespace traincost::corpus
