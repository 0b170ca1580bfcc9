#pragma once
/// \file
/// The two visible steps before costing: **frontier selection** (which
/// models count as frontier) and **imputation** (what is filled in where a
/// row is silent). Each returns what it did, row by row, so the output can
/// flag every row a step touched.
///
/// Selection, by default Epoch's: a model is frontier when its published
/// "Compute rank when published" is at most n (top-n by training compute at
/// publication). `FrontierRule::computed_rank` instead ranks by the FLOP
/// column: a model's rank is 1 + the number of earlier-or-same-day models
/// with more compute.
///
/// Hardware imputation: a selected model with no training hardware gets the
/// most common hardware of its publication year, counted over **all** rows of
/// the models file (a comma-separated entry counts once per part), GPU rows
/// and TPU rows apart, GPUs taking precedence. Unlike Epoch's script at
/// 263c40a, which always imputes for its default top-5 set (so at top-n 10
/// every model outside the top 5 lost its hardware and its cost), traincost
/// imputes for the set actually selected (docs/corpus.md).

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "traincost/corpus/records.hpp"

namespace traincost::corpus {

enum class FrontierRule { published_rank, computed_rank };

/// Indices into `models` of the frontier models, in file order.
inline std::vector<std::size_t> select_frontier(const std::vector<ModelRecord>& models, int top_n,
                                                FrontierRule rule = FrontierRule::published_rank) {
  std::vector<std::size_t> out;
  if (rule == FrontierRule::published_rank) {
    for (std::size_t i = 0; i < models.size(); ++i)
      if (models[i].compute_rank && *models[i].compute_rank <= top_n)
        out.push_back(i);
    return out;
  }
  // Computed: sort by date, keep a sorted list of the compute seen so far.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < models.size(); ++i)
    if (models[i].compute_flop)
      order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return models[a].publication < models[b].publication;
  });
  std::vector<double> seen;  // descending
  std::size_t j = 0;
  std::vector<bool> chosen(models.size(), false);
  while (j < order.size()) {
    // Models of one day see each other.
    std::size_t k = j;
    while (k < order.size() && models[order[k]].publication == models[order[j]].publication) {
      const double f = *models[order[k]].compute_flop;
      seen.insert(std::upper_bound(seen.begin(), seen.end(), f, std::greater<>()), f);
      ++k;
    }
    for (std::size_t m = j; m < k; ++m) {
      const double f = *models[order[m]].compute_flop;
      // Rank = 1 + the number of models seen so far with more compute.
      const auto rank =
          std::lower_bound(seen.begin(), seen.end(), f, std::greater<>()) - seen.begin() + 1;
      if (rank <= top_n)
        chosen[order[m]] = true;
    }
    j = k;
  }
  for (std::size_t i = 0; i < models.size(); ++i)
    if (chosen[i])
      out.push_back(i);
  return out;
}

/// The most common hardware per (GPU or TPU, year), from every row.
class HardwareByYear {
 public:
  explicit HardwareByYear(const std::vector<ModelRecord>& models) {
    std::map<std::pair<bool, int>, std::map<std::string, int>> counts;
    for (const ModelRecord& m : models) {
      if (m.hardware.empty())
        continue;
      auto& c = counts[{is_tpu(m.hardware), m.publication.year()}];
      std::size_t start = 0;
      while (start <= m.hardware.size()) {
        std::size_t comma = m.hardware.find(',', start);
        if (comma == std::string::npos)
          comma = m.hardware.size();
        ++c[m.hardware.substr(start, comma - start)];
        start = comma + 1;
      }
    }
    // Ties go to the first name in byte order (pandas' mode sorts).
    for (const auto& [key, c] : counts) {
      const auto best = std::max_element(
          c.begin(), c.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      mode_[key] = best->first;
    }
  }
  static bool is_tpu(const std::string& hardware) {
    return hardware.find("TPU") != std::string::npos;
  }
  /// The GPU mode of the year if there is one, else the TPU mode, else "".
  std::string for_year(int year) const {
    for (const bool tpu : {false, true})
      if (const auto it = mode_.find({tpu, year}); it != mode_.end())
        return it->second;
    return {};
  }

 private:
  std::map<std::pair<bool, int>, std::string> mode_;
};

/// A row as the methods see it after imputation, with what was filled in.
struct PreparedRow {
  const ModelRecord* record = nullptr;
  std::string hardware;  ///< the row's, or the imputed one
  bool hardware_imputed = false;
};

/// Imputes hardware for the selected rows (and only those).
inline std::vector<PreparedRow> impute_hardware(const std::vector<ModelRecord>& models,
                                                const std::vector<std::size_t>& selected) {
  const HardwareByYear modes(models);
  std::vector<PreparedRow> out;
  out.reserve(selected.size());
  for (const std::size_t i : selected) {
    PreparedRow r{&models[i], models[i].hardware, false};
    if (r.hardware.empty()) {
      r.hardware = modes.for_year(models[i].publication.year());
      r.hardware_imputed = !r.hardware.empty();
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace traincost::corpus
