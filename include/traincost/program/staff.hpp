#pragma once
/// \file
/// Staff cost: headcount × loaded annual cost × period, per group of people.
/// The loaded cost is a base salary times an overhead for benefits, equity,
/// offices and management; Epoch AI uses an overhead of 1.25–1.4 and finds
/// staff to be 29–49% of frontier development cost (Cottier et al. 2024,
/// arXiv 2405.21015; sources.md §7 [P]). No public source gives DeepSeek's
/// headcount or pay, so any DeepSeek staff figure is an assumption.

#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "traincost/core/breakdown.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/core/scoped_cost.hpp"
#include "traincost/detail/validate.hpp"
#include "traincost/model/evaluator.hpp"
#include "traincost/model/specs.hpp"
#include "traincost/program/result_tree.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// Epoch AI's staff overhead range, loaded cost / base salary: low end
/// (sources.md §7 [P]).
inline constexpr double epoch_staff_overhead_low = 1.25;
/// Epoch AI's staff overhead range: high end (sources.md §7 [P]).
inline constexpr double epoch_staff_overhead_high = 1.4;

/// A group of people working on a program for a period.
struct StaffGroup {
  std::string name;
  /// Number of people (full-time equivalents; need not be whole).
  Sourced<PersonCount> headcount;
  /// Base cost per person-year before overhead, in USD per person-year.
  Sourced<StaffRate> salary;
  /// Loaded cost / base salary; >= 1 (Epoch AI: 1.25–1.4).
  Sourced<double> overhead;
  /// How long the group works on the program.
  Sourced<Duration> period;
};

/// The cost of a program's staff, scope `staff`.
struct StaffCost {
  std::string name;
  ScopedCost<Scope::staff> total{usd(0)};
  PersonTime person_time = person_years(0);

  /// One node of scope `staff`, one child per group; its amount and
  /// evidence are `total`'s.
  const LineItem& breakdown() const { return tree_; }

 private:
  friend struct detail::TreeAccess;
  LineItem tree_;
};

namespace detail {

/// Checks a group's figure; the field name ("staff[1] (engineers).salary") is
/// built only when the figure is bad, so the passing path allocates nothing.
inline void require_positive_staff_value(std::size_t index, const StaffGroup& g,
                                         std::string_view what, double value,
                                         std::string_view expected) {
  if (!is_positive(value))
    require_positive(indexed_field("staff", index, g.name, what), value, expected);
}

}  // namespace detail

/// The one definition of a staff group's cost, over any evaluator:
/// headcount x period x salary x overhead. Reads "headcount", "salary",
/// "overhead" and "period" under `at`.
template <class E>
model::Val<typename E::value_type, Money> evaluate_staff_group(const StaffGroup& g, E& e,
                                                               const model::Path& at) {
  namespace specs = model::specs;
  const auto headcount = e.read(model::Path(at, "headcount"), g.headcount.value, specs::people);
  const auto salary = e.read(model::Path(at, "salary"), g.salary.value, specs::usd_per_person_year);
  const auto overhead =
      e.read(model::Path(at, "overhead"), g.overhead.value, specs::staff_overhead);
  const auto period = e.read(model::Path(at, "period"), g.period.value, specs::staff_years);
  return headcount * period * salary * overhead;
}

/// Cost of staff groups: Σ headcount × salary × overhead × period. Throws
/// `traincost::Error` for no groups, a non-positive headcount, salary or
/// period, or an overhead below 1.
inline StaffCost cost_staff(std::string name, const std::vector<StaffGroup>& groups) {
  if (groups.empty())
    throw Error(ErrorCode::invalid_input, "staff",
                "the staff \"" + name + "\" has no groups; expected at least one");
  StaffCost out;
  out.name = name;
  std::vector<LineItem> children;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const StaffGroup& g = groups[i];
    detail::require_positive_staff_value(i, g, "headcount", in_people(g.headcount.value),
                                         "number of people");
    detail::require_positive_staff_value(i, g, "salary", in_usd_per_person_year(g.salary.value),
                                         "USD per person-year");
    detail::require_positive_staff_value(i, g, "period", in_years(g.period.value),
                                         "number of years");
    const double overhead = g.overhead.value;
    if (!std::isfinite(overhead) || overhead < 1.0)
      detail::fail_value(detail::indexed_field("staff", i, g.name, "overhead"), overhead,
                         "a loaded-cost / salary ratio >= 1 (Epoch AI: 1.25 to 1.4)");

    const PersonTime pt = g.headcount.value * g.period.value;
    model::PointEvaluator point;
    const Money amount = evaluate_staff_group(g, point, model::Path(model::Path(name), "staff", i));
    const std::string how =
        detail::format_value(in_people(g.headcount.value)) + " people x $" +
        detail::format_value(in_usd_per_person_year(g.salary.value)) + "/person-year x overhead " +
        detail::format_value(overhead) + " x " + detail::format_value(in_years(g.period.value)) +
        " years (headcount: " + g.headcount.provenance.source +
        "; salary: " + g.salary.provenance.source + "; overhead: " + g.overhead.provenance.source +
        "; period: " + g.period.provenance.source + ")";
    // An assumed salary makes an assumed cost; an analyst's headcount, an estimate.
    const ScopedCost<Scope::staff> c(
        amount, derived_from({g.headcount.provenance.evidence, g.salary.provenance.evidence,
                              g.overhead.provenance.evidence, g.period.provenance.evidence},
                             how));
    out.person_time += pt;
    children.push_back(to_line_item(g.name, c));
  }
  // The total is the tree's root, so the two cannot disagree on amount or evidence.
  LineItem& tree = detail::TreeAccess::tree(out);
  tree = compose(std::move(name), Scope::staff, std::move(children));
  out.total = scoped_cost_of<Scope::staff>(tree);
  return out;
}

/// Cost of a single staff group: the breakdown is the group's own line.
inline StaffCost cost_staff(const StaffGroup& group) {
  StaffCost out = cost_staff(group.name, std::vector<StaffGroup>{group});
  LineItem& tree = detail::TreeAccess::tree(out);
  LineItem only = std::move(tree.children.front());
  tree = std::move(only);
  return out;
}

}  // namespace traincost
