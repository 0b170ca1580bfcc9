#pragma once
/// \file
/// Dollars of a stated month. A cost computed from 2019 prices and one from
/// 2025 prices are different units until one is converted through a price
/// index, exactly as yuan and dollars are: Epoch's published table is in
/// December-2024 dollars, its script at 263c40a writes June-2025 dollars, and
/// the two differ by 3.6% (docs/corpus.md). So the base month is part of the
/// amount.
///
/// Two forms:
/// - `UsdIn<Y, M>`: the month in the type. `UsdIn<2024, 12>` and
///   `UsdIn<2025, 6>` do not add — a compile error, like USD + CNY
///   (tests/compile_fail/base_months_mixing.cpp); `rebase<Y2, M2>` converts.
/// - `MonthUsd`: the month as a value, for a base chosen at run time (the
///   command's `--base-month`). Adding two of different months throws
///   `scope_mismatch`; `rebase` converts.

#include <string>

#include "traincost/core/error.hpp"
#include "traincost/corpus/date.hpp"
#include "traincost/corpus/price_index.hpp"
#include "traincost/units/units.hpp"

namespace traincost::corpus {

/// US dollars of month `M` of year `Y`.
template <int Y, int M>
class UsdIn {
  static_assert(M >= 1 && M <= 12, "a month is 1..12");

 public:
  explicit UsdIn(Money amount) : amount_(amount) {}
  static constexpr Month base() { return Month{Y, static_cast<unsigned>(M)}; }
  Money amount() const { return amount_; }

  friend UsdIn operator+(UsdIn a, UsdIn b) { return UsdIn(a.amount_ + b.amount_); }
  friend UsdIn operator-(UsdIn a, UsdIn b) { return UsdIn(a.amount_ - b.amount_); }
  friend UsdIn operator*(UsdIn a, double k) { return UsdIn(a.amount_ * k); }
  friend UsdIn operator*(double k, UsdIn a) { return UsdIn(a.amount_ * k); }

 private:
  Money amount_;
};

/// Makes `UsdIn<Y, M>` from a number of dollars.
template <int Y, int M>
UsdIn<Y, M> usd_in(double dollars) {
  return UsdIn<Y, M>(usd(dollars));
}

/// The same value in dollars of another month, through `index`.
template <int Y2, int M2, int Y, int M>
UsdIn<Y2, M2> rebase(UsdIn<Y, M> amount, const PriceIndex& index) {
  return UsdIn<Y2, M2>(amount.amount() * index.factor(Month{Y, M}, Month{Y2, M2}));
}

/// Dollars of a month known at run time.
struct MonthUsd {
  Money amount = usd(0);
  Month base;

  friend MonthUsd operator+(const MonthUsd& a, const MonthUsd& b) {
    if (!(a.base == b.base))
      throw Error(ErrorCode::scope_mismatch, FieldPath("base_month"),
                  "dollars of " + a.base.str() + " and of " + b.base.str() +
                      " do not add; convert one with rebase() through a price index first");
    return {a.amount + b.amount, a.base};
  }
};

/// The same value in dollars of `to`, through `index`.
inline MonthUsd rebase(const MonthUsd& amount, Month to, const PriceIndex& index) {
  return {amount.amount * index.factor(amount.base, to), to};
}

}  // namespace traincost::corpus
