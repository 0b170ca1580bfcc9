#pragma once
/// \file
/// Name normalisation and "did you mean" suggestions for catalog look-ups.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace traincost::detail {

/// Lower-case letters and digits only: "A100-80GB", "a100 80gb" and
/// "A100_80GB" all become "a10080gb".
inline std::string normalize_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s)
    if (std::isalnum(c))
      out.push_back(static_cast<char>(std::tolower(c)));
  return out;
}

/// Levenshtein distance, O(|a|·|b|) — names are short.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// A candidate for suggestions: the name to show and the keys it answers to.
struct NamedKeys {
  std::string display;
  std::vector<std::string> keys;  // already normalised
};

/// Up to `limit` display names closest to `query`. Names that start with the
/// query come first (so "a100" suggests every A100), then by edit distance.
inline std::vector<std::string> closest_names(std::string_view query,
                                              const std::vector<NamedKeys>& candidates,
                                              std::size_t limit = 4) {
  const std::string q = normalize_name(query);
  struct Scored {
    std::size_t score;
    std::size_t order;
    const std::string* display;
  };
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::size_t best = static_cast<std::size_t>(-1);
    for (const auto& key : candidates[i].keys) {
      const bool prefix = !q.empty() && key.compare(0, q.size(), q) == 0;
      best = std::min(best, prefix ? 0 : 1 + edit_distance(q, key));
    }
    scored.push_back({best, i, &candidates[i].display});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score < b.score; });
  std::vector<std::string> out;
  for (const auto& s : scored) {
    if (out.size() == limit)
      break;
    out.push_back(*s.display);
  }
  return out;
}

}  // namespace traincost::detail
