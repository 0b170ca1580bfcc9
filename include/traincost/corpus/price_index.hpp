#pragma once
/// \file
/// A monthly price index (Epoch uses the producer price index of data
/// processing and hosting, FRED series PCU518210518210) and the conversion of
/// dollars between months. A month the index lacks is an error by default;
/// Epoch's script instead keeps the amount unadjusted when the *from* month is
/// missing and uses the latest month when the *to* month is — both available
/// as the named policy `MissingMonth::epoch_263c40a`, and flagged on the row.

#include <algorithm>
#include <map>
#include <optional>
#include <vector>

#include "traincost/core/error.hpp"
#include "traincost/corpus/date.hpp"
#include "traincost/corpus/records.hpp"

namespace traincost::corpus {

class PriceIndex {
 public:
  PriceIndex() = default;
  explicit PriceIndex(const std::vector<IndexPoint>& points) {
    for (const IndexPoint& p : points)
      values_[p.month] = p.value;
  }
  void set(Month m, double value) { values_[m] = value; }

  std::optional<double> at(Month m) const {
    const auto it = values_.find(m);
    if (it == values_.end())
      return std::nullopt;
    return it->second;
  }
  bool empty() const { return values_.empty(); }
  Month latest() const {
    if (values_.empty())
      throw Error(ErrorCode::invalid_input, FieldPath("price_index"), "the price index is empty");
    return values_.rbegin()->first;
  }

  /// index(to) / index(from); throws `invalid_value` naming a missing month.
  double factor(Month from, Month to) const { return value_of(to) / value_of(from); }

 private:
  double value_of(Month m) const {
    const auto v = at(m);
    if (!v)
      throw Error(ErrorCode::invalid_value, FieldPath("price_index"), m.str(),
                  "a month the price index covers (" +
                      (values_.empty() ? std::string("none")
                                       : values_.begin()->first.str() + " to " + latest().str()) +
                      ")");
    return *v;
  }
  std::map<Month, double> values_;
};

/// What to do when the index lacks a month.
enum class MissingMonth {
  error,          ///< throw: an amount is never silently left in other dollars
  epoch_263c40a,  ///< Epoch's script: from-month missing -> no adjustment; to-month -> latest
};

/// The factor from `from` to `to` under `policy`; `skipped` is set when the
/// amount was left unadjusted (Epoch's policy, missing from-month).
inline double inflation_factor(const PriceIndex& index, Month from, Month to, MissingMonth policy,
                               bool& skipped) {
  skipped = false;
  if (policy == MissingMonth::error)
    return index.factor(from, to);
  const auto f = index.at(from);
  if (!f) {
    skipped = true;
    return 1.0;
  }
  const auto t = index.at(to);
  return (t ? *t : *index.at(index.latest())) / *f;
}

}  // namespace traincost::corpus
