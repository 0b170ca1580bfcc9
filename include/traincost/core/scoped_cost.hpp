#pragma once
/// \file
/// A cost that carries its scope, and the rules for combining costs of
/// different scopes.
///
/// The January 2025 argument about DeepSeek added and compared a final run's
/// rental-equivalent ($5.576M), a post-training run ($294K) and a fleet's
/// capital spend (~$1.6B) as if they were one kind of number. Here they are
/// not: `ScopedCost<Scope::final_run_rental>` and
/// `ScopedCost<Scope::fleet_capex>` are different types, so adding them does
/// not compile. Costs of the same scope add freely (`+`, `+=`, `sum`).
/// Crossing scopes takes a named conversion that says what it means:
///
///  - `fleet_tco(capex, operating)`: capex plus operating cost over one
///    ownership period is the fleet's total cost of ownership;
///  - `as_program_part(cost)`: a final run, research, data, staff or a fleet
///    allocation counted as part of a program;
///  - `rescope<Scope::X>(cost, why)`: any other re-labelling, with the reason
///    recorded in the provenance;
///  - `allocate_by_share(...)` (allocation.hpp): the share of a fleet's cost a
///    program used — the only way a fleet's cost enters a program.
///
/// Line-item trees (breakdown.hpp) carry their scope at run time, so the same
/// rules are checked there by `composes_into`, `compose` and
/// `check_composition`, which throw `traincost::Error` with
/// `ErrorCode::scope_mismatch` (and `invalid_value` for an amount a
/// `ScopedCost` would refuse: negative, NaN or infinite).
///
/// Evidence follows one rule everywhere (provenance.hpp `derived_from`): a
/// result computed from other figures is as weak as its weakest input, and at
/// best derived — a sum of two analyst estimates is an analyst estimate.

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

// ---------------------------------------------------------------------------
// The composition rules, stated once.
// ---------------------------------------------------------------------------

/// True for the scopes of a fleet's own cost (capex, operating cost, TCO):
/// amounts that belong to hardware, not to any one program.
constexpr bool is_fleet_scope(Scope s) {
  return s == Scope::fleet_capex || s == Scope::fleet_operating || s == Scope::fleet_tco;
}

/// True for the scopes that can be counted as part of a program: final runs
/// (rental or ownership), research compute, data, staff and a fleet
/// allocation. A fleet's capex, operating cost or TCO cannot: the fleet also
/// serves other work, so only an allocated share of it belongs to a program.
constexpr bool is_program_part(Scope s) {
  return s == Scope::final_run_rental || s == Scope::final_run_ownership ||
         s == Scope::research_compute || s == Scope::data || s == Scope::staff ||
         s == Scope::fleet_allocation || s == Scope::program;
}

/// Whether an amount of scope `part` may be summed into a total of scope
/// `whole`. The rules:
///  - same scope: always (two final runs at rental rates add up);
///  - program: any program part (see `is_program_part`);
///  - fleet TCO: fleet capex and fleet operating cost (over one period);
///  - fleet operating cost: staff who run the fleet;
///  - fleet allocation: the uses of the allocated fleet time, priced at the
///    fleet's own cost — final runs at ownership cost, research compute, data
///    generation (a rental-priced run is not a share of an owned fleet).
/// Everything else is refused: a final run is not part of a fleet's capex,
/// and a fleet's capex is not part of a program.
constexpr bool composes_into(Scope part, Scope whole) {
  if (part == whole)
    return true;
  switch (whole) {
    case Scope::program:
      return is_program_part(part);
    case Scope::fleet_tco:
      return part == Scope::fleet_capex || part == Scope::fleet_operating;
    case Scope::fleet_operating:
      return part == Scope::staff;
    case Scope::fleet_allocation:
      return part == Scope::final_run_ownership || part == Scope::research_compute ||
             part == Scope::data;
    default:
      return false;
  }
}

namespace detail {

/// "final run (rental-equivalent) [final_run_rental]".
inline std::string describe_scope(Scope s) {
  std::string out(to_string(s));
  out += " [";
  out += id(s);
  out += "]";
  return out;
}

/// Whether `amount` is one a `ScopedCost` accepts: finite and >= 0.
inline bool is_valid_cost(Money amount) {
  const double v = in_usd(amount);
  return std::isfinite(v) && v >= 0.0;
}

[[noreturn]] inline void fail_cost(const FieldPath& field, Money amount) {
  fail_value(field, in_usd(amount), "a finite, non-negative amount in USD");
}

/// "\"label\" of scope S", an amount as an error's value.
inline std::string scoped_amount_text(std::string_view label, Scope scope) {
  std::string s = "\"";
  s += label;
  s += "\" of scope ";
  s += describe_scope(scope);
  return s;
}

[[noreturn]] inline void fail_scope(const FieldPath& field, std::string_view label, Scope part,
                                    Scope whole) {
  std::string expected = "an amount that composes into ";
  expected += describe_scope(whole);
  if (is_fleet_scope(part) && whole == Scope::program)
    expected += "; a fleet's cost enters a program only through an allocation (allocate_by_share)";
  else if (is_fleet_scope(part) || is_fleet_scope(whole) || whole == Scope::fleet_allocation)
    expected += "; convert it explicitly first (fleet_tco, allocate_by_share, rescope)";
  else
    expected += "; convert it explicitly first (as_program_part, rescope)";
  throw Error(ErrorCode::scope_mismatch, field, scoped_amount_text(label, part),
              std::move(expected));
}

}  // namespace detail

// ---------------------------------------------------------------------------
// Compile-time scopes.
// ---------------------------------------------------------------------------

/// An amount of money in US dollars whose scope is part of its type.
/// Same-scope amounts add and compare; different scopes do not compile.
template <Scope S>
class ScopedCost {
 public:
  /// The scope of every value of this type.
  static constexpr Scope scope = S;

  /// \param amount     the cost in US dollars; finite and non-negative
  /// \param provenance where the figure comes from
  explicit ScopedCost(Money amount, Provenance provenance = {})
      : amount_(amount), provenance_(std::move(provenance)) {
    // The field name is built only on failure: costs are made in loops.
    const double v = in_usd(amount);
    if (!std::isfinite(v) || v < 0.0)
      detail::fail_value("cost of scope " + std::string(id(S)), v, "a non-negative amount in USD");
  }

  /// The amount in US dollars.
  Money amount() const { return amount_; }
  /// Where the figure comes from.
  const Provenance& provenance() const { return provenance_; }

  /// Sum of two amounts of the same scope; the result is as weak as the
  /// weaker input and at best derived, and its provenance names both sources
  /// while that stays short (a long chain of
  /// sums says only what it is, so repeated `+=` stays linear).
  friend ScopedCost operator+(const ScopedCost& a, const ScopedCost& b) {
    std::string how = a.describe_source() + " + " + b.describe_source();
    if (how.size() > max_source_length)
      how = "sum of " + std::string(id(S)) + " amounts";
    return ScopedCost(
        a.amount_ + b.amount_,
        derived_from({a.provenance_.evidence, b.provenance_.evidence}, std::move(how)));
  }
  ScopedCost& operator+=(const ScopedCost& other) { return *this = *this + other; }

  /// The amount scaled by a plain non-negative factor (a share, a multiplier).
  /// \param factor a finite number >= 0
  /// \param why    what the factor is, recorded in the provenance
  ScopedCost scaled(double factor, std::string_view why) const {
    detail::require_non_negative("scaled.factor", factor, "factor");
    return ScopedCost(amount_ * factor, derived_from({provenance_.evidence},
                                                     describe_source() + " x " + std::string(why)));
  }

  /// Same-scope comparisons. Comparing across scopes does not compile either:
  /// "$1.6B is 287 times $5.576M" is a statement about two different things,
  /// which `relative_size` makes explicit.
  friend bool operator==(const ScopedCost& a, const ScopedCost& b) {
    return a.amount_ == b.amount_;
  }
  friend bool operator<(const ScopedCost& a, const ScopedCost& b) { return a.amount_ < b.amount_; }
  friend bool operator>(const ScopedCost& a, const ScopedCost& b) { return b < a; }

 private:
  static constexpr std::size_t max_source_length = 240;

  std::string describe_source() const {
    std::string s(tag(provenance_.evidence));
    s += " ";
    s += provenance_.source.empty() ? std::string(id(S)) : provenance_.source;
    return s;
  }

  Money amount_;
  Provenance provenance_;
};

// Costs of different scopes do not add, subtract or compare. These overloads
// exist only to be chosen and refused with a readable note: the compiler
// prints the declaration's line, comment included (so keep each on one line).
// clang-format off
template <Scope L, Scope R>
  requires(L != R)
void operator+(const ScopedCost<L>&, const ScopedCost<R>&) = delete;  // different scopes: convert one explicitly (fleet_tco, as_program_part, allocate_by_share, rescope)
template <Scope L, Scope R>
  requires(L != R)
void operator-(const ScopedCost<L>&, const ScopedCost<R>&) = delete;  // different scopes: convert one explicitly
template <Scope L, Scope R>
  requires(L != R)
bool operator<(const ScopedCost<L>&, const ScopedCost<R>&) = delete;  // different scopes: use relative_size
template <Scope L, Scope R>
  requires(L != R)
bool operator==(const ScopedCost<L>&, const ScopedCost<R>&) = delete;  // different scopes: use relative_size
// clang-format on

namespace detail {

template <Scope S>
Money sum_amounts(const std::vector<ScopedCost<S>>& costs) {
  Money total = usd(0);
  for (const auto& c : costs)
    total += c.amount();
  return total;
}

/// The weakest evidence among the terms of a sum. Its own loop: tracking it
/// in the summing loop made that loop 4x slower with GCC 12.
template <Scope S>
Evidence weakest_evidence(const std::vector<ScopedCost<S>>& costs) {
  unsigned seen = 0;  // which kinds occur, as bits; the weakest is picked once
  for (const auto& c : costs)
    seen |= 1u << static_cast<unsigned>(c.provenance().evidence);
  Evidence evidence = Evidence::published;
  for (Evidence e :
       {Evidence::published, Evidence::analyst_estimate, Evidence::derived, Evidence::assumed})
    if ((seen & (1u << static_cast<unsigned>(e))) != 0)
      evidence = weakest({evidence, e});
  return evidence;
}

}  // namespace detail

/// Sum of many amounts of one scope, with one provenance for the whole sum:
/// as weak as the weakest term, at best derived.
template <Scope S>
ScopedCost<S> sum(const std::vector<ScopedCost<S>>& costs) {
  // The loops live in their own functions: a running total that is live
  // across the string-building calls below is kept in memory by GCC 12
  // inside the loop too, which made the sum 4x slower than a loop over doubles.
  const Money total = detail::sum_amounts(costs);
  return ScopedCost<S>(total, derived_from({detail::weakest_evidence(costs)},
                                           "sum of " + std::to_string(costs.size()) + " " +
                                               std::string(id(S)) + " amounts"));
}

/// A cost of scope `S`, e.g. `scoped<Scope::fleet_capex>(usd(1.6e9), analyst_estimate(...))`.
template <Scope S>
ScopedCost<S> scoped(Money amount, Provenance provenance = {}) {
  return ScopedCost<S>(amount, std::move(provenance));
}

/// How many times `b` fits in `a`, across any scopes: a named ratio, because a
/// ratio of different scopes ("the fleet cost 287 times the run") compares
/// different things and should say so where it is used. Throws for b = 0.
template <Scope A, Scope B>
double relative_size(const ScopedCost<A>& a, const ScopedCost<B>& b) {
  detail::require_positive("relative_size.denominator (" + std::string(id(B)) + ")",
                           in_usd(b.amount()), "amount in USD");
  return ratio(a.amount(), b.amount());
}

/// Named conversion: a fleet's capex plus its operating cost over one
/// ownership period is its total cost of ownership for that period.
inline ScopedCost<Scope::fleet_tco> fleet_tco(const ScopedCost<Scope::fleet_capex>& capex,
                                              const ScopedCost<Scope::fleet_operating>& operating) {
  return ScopedCost<Scope::fleet_tco>(
      capex.amount() + operating.amount(),
      derived_from({capex.provenance().evidence, operating.provenance().evidence},
                   "capex (" + std::string(tag(capex.provenance().evidence)) + " " +
                       capex.provenance().source + ") + operating cost (" +
                       std::string(tag(operating.provenance().evidence)) + " " +
                       operating.provenance().source + ")"));
}

/// Named conversion: a final run, research, data, staff or fleet allocation
/// counted as part of a program. A fleet's own cost is refused at compile
/// time: it must be allocated first (allocation.hpp).
// clang-format off
template <Scope S>
  requires(is_program_part(S))
ScopedCost<Scope::program> as_program_part(const ScopedCost<S>& part) {
  // clang-format on
  return ScopedCost<Scope::program>(
      part.amount(), derived_from({part.provenance().evidence},
                                  std::string(to_string(S)) + " counted in a program: " +
                                      std::string(tag(part.provenance().evidence)) + " " +
                                      part.provenance().source));
}

/// Named conversion for anything else: re-labels a cost with scope `To`,
/// recording why in the provenance (the evidence stays as weak as the
/// cost's). Use sparingly; the reason is printed.
template <Scope To, Scope From>
ScopedCost<To> rescope(const ScopedCost<From>& cost, std::string_view why) {
  return ScopedCost<To>(cost.amount(),
                        derived_from({cost.provenance().evidence},
                                     std::string(id(From)) + " taken as " + std::string(id(To)) +
                                         ": " + std::string(why)));
}

// ---------------------------------------------------------------------------
// Run-time scopes: line-item trees.
// ---------------------------------------------------------------------------

/// A leaf line item holding a compile-time-scoped cost.
template <Scope S>
LineItem to_line_item(std::string label, const ScopedCost<S>& cost) {
  return LineItem{std::move(label), cost.amount(), S, cost.provenance(), {}};
}

/// The line item's amount as a compile-time-scoped cost. Throws
/// `ErrorCode::scope_mismatch` when the item's scope is not `S`.
template <Scope S>
ScopedCost<S> scoped_cost_of(const LineItem& item) {
  if (item.scope != S) {
    throw Error(ErrorCode::scope_mismatch, "line_item.scope",
                detail::scoped_amount_text(item.label, item.scope),
                "scope " + detail::describe_scope(S));
  }
  return ScopedCost<S>(item.amount, item.provenance);
}

/// A parent line item of scope `scope` whose amount is the sum of `parts`.
/// Throws `ErrorCode::scope_mismatch` naming the first part whose scope does
/// not compose into `scope` (see `composes_into`), and
/// `ErrorCode::invalid_value` naming the first part whose amount is negative,
/// NaN or infinite ("label.parts[1] (capex).amount: got -5, ...").
/// \param label      the parent's label
/// \param scope      the parent's scope
/// \param parts      the children, in order
/// \param provenance the parent's provenance; empty means "sum of the parts",
///                   as weak as the weakest part and at best derived
inline LineItem compose(std::string label, Scope scope, std::vector<LineItem> parts,
                        std::optional<Provenance> provenance = std::nullopt) {
  Money total = usd(0);
  Evidence evidence = Evidence::published;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const LineItem& part = parts[i];
    if (!composes_into(part.scope, scope))
      detail::fail_scope(detail::indexed_field(FieldPath(label).key("parts"), i, {}, {}),
                         part.label, part.scope, scope);
    if (!detail::is_valid_cost(part.amount))
      detail::fail_cost(
          detail::indexed_field(FieldPath(label).key("parts"), i, part.label, "amount"),
          part.amount);
    total += part.amount;
    evidence = weakest({evidence, part.provenance.evidence});
  }
  // Finite parts can still overflow to infinity together.
  if (!detail::is_valid_cost(total))
    detail::fail_cost(FieldPath(label).key("amount"), total);
  return LineItem{
      std::move(label), total, scope,
      provenance ? std::move(*provenance) : derived_from({evidence}, "sum of the parts"),
      std::move(parts)};
}

/// Sum of items that must all have scope `scope` (no conversion at all), e.g.
/// two final runs. Throws `ErrorCode::scope_mismatch` on the first that differs.
inline Money sum_same_scope(Scope scope, const std::vector<LineItem>& items) {
  Money total = usd(0);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].scope != scope) {
      throw Error(ErrorCode::scope_mismatch, FieldPath("items").element(i),
                  detail::scoped_amount_text(items[i].label, items[i].scope),
                  "scope " + detail::describe_scope(scope) +
                      "; amounts of different scopes are not summed without a conversion");
    }
    total += items[i].amount;
  }
  return total;
}

namespace detail {

/// A node's place in a tree, kept on the stack while checking: the path
/// string is built only when an error is reported.
struct TreePath {
  const std::string* label;
  const TreePath* parent;
};

inline std::string path_string(const TreePath* p) {
  std::vector<const std::string*> labels;
  for (; p != nullptr; p = p->parent)
    labels.push_back(p->label);
  std::string out;
  for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
    if (!out.empty())
      out += " / ";
    out += **it;
  }
  return out;
}

inline void check_composition_at(const LineItem& item, const TreePath* parent) {
  const TreePath here{&item.label, parent};
  const double got = in_usd(item.amount);
  if (!is_valid_cost(item.amount))
    fail_cost(FieldPath(path_string(&here)).key("amount"), item.amount);
  if (item.children.empty())
    return;
  Money total = usd(0);
  for (std::size_t i = 0; i < item.children.size(); ++i) {
    const LineItem& c = item.children[i];
    if (!composes_into(c.scope, item.scope))
      fail_scope(FieldPath(path_string(&here)).key("children").element(i), c.label, c.scope,
                 item.scope);
    check_composition_at(c, &here);
    total += c.amount;
  }
  const double want = in_usd(total);
  if (std::fabs(got - want) > 1e-9 * std::max(1.0, std::fabs(want)))
    throw Error(ErrorCode::invalid_input, FieldPath(path_string(&here)).key("amount"),
                format_value(got) + " USD",
                "the sum of the children, " + format_value(want) + " USD");
}

}  // namespace detail

/// Checks a whole tree: every amount is finite and non-negative (what a
/// `ScopedCost` accepts), every child's scope composes into its parent's, and
/// every parent's amount is the sum of its children (relative tolerance
/// 1e-9). Throws `ErrorCode::invalid_value`, `ErrorCode::scope_mismatch` or
/// `ErrorCode::invalid_input`, naming the path of the offending node
/// ("root / child.amount", "root / child.children[2]").
inline void check_composition(const LineItem& tree) {
  detail::check_composition_at(tree, nullptr);
}

}  // namespace traincost
