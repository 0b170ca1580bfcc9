#include "traincost/core/scoped_cost.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using testing::expect_error;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Detection of what must not compile. (The compile-fail snippet
// tests/compile_fail/scoped_cost_mixing.cpp checks the compiler's message.)
template <class A, class B>
concept addable = requires(const A& a, const B& b) {
  a + b;
};
template <class A, class B>
concept comparable = requires(const A& a, const B& b) {
  a < b;
};
template <Scope S>
concept program_part = requires(const ScopedCost<S>& c) {
  as_program_part(c);
};

using Rental = ScopedCost<Scope::final_run_rental>;
using Capex = ScopedCost<Scope::fleet_capex>;
using Operating = ScopedCost<Scope::fleet_operating>;

static_assert(addable<Rental, Rental>);
static_assert(addable<Capex, Capex>);
static_assert(!addable<Rental, Capex>, "a final run plus a fleet's capex must not compile");
static_assert(!addable<Capex, Operating>, "capex + operating is fleet_tco(), not +");
static_assert(!addable<Rental, ScopedCost<Scope::final_run_ownership>>);
static_assert(!addable<Rental, ScopedCost<Scope::program>>);
static_assert(!addable<Rental, Money>, "a scoped cost plus a bare amount must not compile");
static_assert(comparable<Rental, Rental>);
static_assert(!comparable<Rental, Capex>);
static_assert(program_part<Scope::final_run_rental>);
static_assert(program_part<Scope::staff>);
static_assert(program_part<Scope::fleet_allocation>);
static_assert(!program_part<Scope::fleet_capex>, "a fleet's capex must be allocated first");
static_assert(!program_part<Scope::fleet_operating>);
static_assert(!program_part<Scope::fleet_tco>);
static_assert(!std::is_convertible_v<Money, Rental>, "the scope is never implicit");

TEST(ScopedCost, SameScopeAdds) {
  const Rental v3 = scoped<Scope::final_run_rental>(usd(5.576e6), published("V3"));
  const Rental r1 = scoped<Scope::final_run_rental>(usd(294e3), published("R1"));
  const Rental both = v3 + r1;
  EXPECT_DOUBLE_EQ(in_usd(both.amount()), 5.87e6);
  EXPECT_EQ(both.provenance().evidence, Evidence::derived);
  EXPECT_EQ(both.provenance().source, "P V3 + P R1");
  EXPECT_EQ(decltype(both)::scope, Scope::final_run_rental);
}

TEST(ScopedCost, PlusEqualsAccumulates) {
  ScopedCost<Scope::staff> total{usd(0)};
  for (int i = 0; i < 4; ++i)
    total += scoped<Scope::staff>(usd(250'000));
  EXPECT_DOUBLE_EQ(in_usd(total.amount()), 1e6);
}

TEST(ScopedCost, LongChainsOfSumsKeepAShortProvenance) {
  ScopedCost<Scope::staff> total{usd(0), assumed("start")};
  for (int i = 0; i < 1000; ++i)
    total += scoped<Scope::staff>(usd(1), assumed("one person-year of a long-named group"));
  EXPECT_DOUBLE_EQ(in_usd(total.amount()), 1000.0);
  EXPECT_LE(total.provenance().source.size(), 300u);
  // Every term is assumed, so the sum is too (derived_from: weakest input wins).
  EXPECT_EQ(total.provenance().evidence, Evidence::assumed);
}

TEST(ScopedCost, SumOfAVectorOfOneScope) {
  const std::vector<ScopedCost<Scope::research_compute>> xs(
      10, scoped<Scope::research_compute>(usd(2.5)));
  const auto total = sum(xs);
  EXPECT_DOUBLE_EQ(in_usd(total.amount()), 25.0);
  EXPECT_EQ(total.provenance().source, "sum of 10 research_compute amounts");
  EXPECT_EQ(total.provenance().evidence, Evidence::assumed);  // unsourced terms are assumed
}

TEST(ScopedCost, ScaledKeepsScopeAndSaysWhy) {
  const auto c = scoped<Scope::research_compute>(usd(1000), assumed("x")).scaled(1.5, "ablations");
  EXPECT_DOUBLE_EQ(in_usd(c.amount()), 1500.0);
  EXPECT_NE(c.provenance().source.find("ablations"), std::string::npos);
  EXPECT_THROW((void)c.scaled(-1.0, "bad"), Error);
}

TEST(ScopedCost, SameScopeCompares) {
  EXPECT_TRUE(scoped<Scope::fleet_capex>(usd(1.3e9)) < scoped<Scope::fleet_capex>(usd(1.6e9)));
  EXPECT_TRUE(scoped<Scope::fleet_capex>(usd(1.6e9)) == scoped<Scope::fleet_capex>(usd(1.6e9)));
}

TEST(ScopedCost, RejectsNegativeAndNonFiniteAmounts) {
  EXPECT_THROW(scoped<Scope::program>(usd(-1)), Error);
  EXPECT_THROW(scoped<Scope::program>(usd(nan)), Error);
  expect_error([] { scoped<Scope::fleet_capex>(usd(-5)); }, ErrorCode::invalid_value,
               "cost of scope fleet_capex",
               "[traincost.invalid_value] cost of scope fleet_capex: got -5, expected a "
               "non-negative amount in USD");
}

// SemiAnalysis: capex ~$1.6B + $944M operating over four years (sources.md §3 [A]).
TEST(ScopedCost, FleetTcoIsTheNamedSumOfCapexAndOperating) {
  const auto tco = fleet_tco(scoped<Scope::fleet_capex>(usd(1.6e9), analyst_estimate("SA")),
                             scoped<Scope::fleet_operating>(usd(944e6), analyst_estimate("SA")));
  EXPECT_DOUBLE_EQ(in_usd(tco.amount()), 2.544e9);
  EXPECT_EQ(decltype(tco)::scope, Scope::fleet_tco);
  // Two analyst estimates add up to an analyst estimate, not a derived figure.
  EXPECT_EQ(tco.provenance().evidence, Evidence::analyst_estimate);
}

// ---- Evidence: a result is as weak as its weakest input, at best derived -----

template <Scope S>
ScopedCost<S> cost(double amount, Evidence e) {
  return scoped<S>(usd(amount), Provenance{e, "x"});
}

TEST(ScopedCostEvidence, SumIsAsWeakAsTheWeakestTerm) {
  using E = Evidence;
  const auto sum_of = [](E a, E b) {
    return (cost<Scope::staff>(1, a) + cost<Scope::staff>(1, b)).provenance().evidence;
  };
  EXPECT_EQ(sum_of(E::published, E::published), E::derived);  // at best derived
  EXPECT_EQ(sum_of(E::published, E::derived), E::derived);
  EXPECT_EQ(sum_of(E::published, E::analyst_estimate), E::analyst_estimate);
  // Not the enum order (which puts derived after analyst_estimate): an
  // analyst's figure plus arithmetic is still an analyst's figure.
  EXPECT_EQ(sum_of(E::derived, E::analyst_estimate), E::analyst_estimate);
  EXPECT_EQ(sum_of(E::analyst_estimate, E::derived), E::analyst_estimate);
  EXPECT_EQ(sum_of(E::analyst_estimate, E::assumed), E::assumed);
  EXPECT_EQ(sum_of(E::assumed, E::published), E::assumed);
}

TEST(ScopedCostEvidence, EveryConversionKeepsTheWeakestInput) {
  using E = Evidence;
  EXPECT_EQ(cost<Scope::staff>(1, E::analyst_estimate).scaled(2, "x").provenance().evidence,
            E::analyst_estimate);
  EXPECT_EQ(cost<Scope::staff>(1, E::published).scaled(2, "x").provenance().evidence, E::derived);
  EXPECT_EQ(as_program_part(cost<Scope::staff>(1, E::assumed)).provenance().evidence, E::assumed);
  EXPECT_EQ(as_program_part(cost<Scope::staff>(1, E::published)).provenance().evidence, E::derived);
  EXPECT_EQ(
      rescope<Scope::research_compute>(cost<Scope::final_run_rental>(1, E::analyst_estimate), "why")
          .provenance()
          .evidence,
      E::analyst_estimate);
  EXPECT_EQ(fleet_tco(cost<Scope::fleet_capex>(1, E::published),
                      cost<Scope::fleet_operating>(1, E::derived))
                .provenance()
                .evidence,
            E::derived);
  EXPECT_EQ(fleet_tco(cost<Scope::fleet_capex>(1, E::derived),
                      cost<Scope::fleet_operating>(1, E::assumed))
                .provenance()
                .evidence,
            E::assumed);
  const std::vector<ScopedCost<Scope::staff>> xs = {cost<Scope::staff>(1, E::published),
                                                    cost<Scope::staff>(1, E::analyst_estimate),
                                                    cost<Scope::staff>(1, E::derived)};
  EXPECT_EQ(sum(xs).provenance().evidence, E::analyst_estimate);
  EXPECT_EQ(sum(std::vector<ScopedCost<Scope::staff>>(3, cost<Scope::staff>(1, E::published)))
                .provenance()
                .evidence,
            E::derived);
}

TEST(ScopedCost, AsProgramPartKeepsTheAmount) {
  const auto p = as_program_part(scoped<Scope::staff>(usd(4e7), assumed("headcount")));
  EXPECT_DOUBLE_EQ(in_usd(p.amount()), 4e7);
  EXPECT_EQ(decltype(p)::scope, Scope::program);
  EXPECT_NE(p.provenance().source.find("staff counted in a program"), std::string::npos);
}

TEST(ScopedCost, RescopeRecordsTheReason) {
  const auto r = rescope<Scope::research_compute>(scoped<Scope::final_run_rental>(usd(10)),
                                                  "a failed attempt at the final run");
  EXPECT_DOUBLE_EQ(in_usd(r.amount()), 10.0);
  EXPECT_EQ(r.provenance().source,
            "final_run_rental taken as research_compute: a failed attempt at the final run");
}

// $1.6B / $5.576M = 286.9 (sources.md §1, §3): a ratio across scopes, named.
TEST(ScopedCost, RelativeSizeIsANamedCrossScopeRatio) {
  EXPECT_NEAR(relative_size(scoped<Scope::fleet_capex>(usd(1.6e9)),
                            scoped<Scope::final_run_rental>(usd(5.576e6))),
              286.944, 1e-3);
  EXPECT_THROW(
      relative_size(scoped<Scope::fleet_capex>(usd(1)), scoped<Scope::final_run_rental>(usd(0))),
      Error);
}

// ---- The composition rules -------------------------------------------------

TEST(Composition, RulesTable) {
  EXPECT_TRUE(composes_into(Scope::final_run_rental, Scope::final_run_rental));
  EXPECT_TRUE(composes_into(Scope::final_run_rental, Scope::program));
  EXPECT_TRUE(composes_into(Scope::research_compute, Scope::program));
  EXPECT_TRUE(composes_into(Scope::staff, Scope::program));
  EXPECT_TRUE(composes_into(Scope::fleet_allocation, Scope::program));
  EXPECT_TRUE(composes_into(Scope::fleet_capex, Scope::fleet_tco));
  EXPECT_TRUE(composes_into(Scope::fleet_operating, Scope::fleet_tco));
  EXPECT_TRUE(composes_into(Scope::staff, Scope::fleet_operating));
  EXPECT_TRUE(composes_into(Scope::final_run_ownership, Scope::fleet_allocation));

  EXPECT_FALSE(composes_into(Scope::fleet_capex, Scope::program));
  EXPECT_FALSE(composes_into(Scope::fleet_operating, Scope::program));
  EXPECT_FALSE(composes_into(Scope::fleet_tco, Scope::program));
  EXPECT_FALSE(composes_into(Scope::final_run_rental, Scope::fleet_capex));
  EXPECT_FALSE(composes_into(Scope::final_run_rental, Scope::fleet_allocation));
  EXPECT_FALSE(composes_into(Scope::final_run_ownership, Scope::final_run_rental));
  EXPECT_FALSE(composes_into(Scope::research_compute, Scope::final_run_rental));
  EXPECT_FALSE(composes_into(Scope::program, Scope::final_run_rental));
  EXPECT_FALSE(composes_into(Scope::fleet_tco, Scope::fleet_capex));
}

LineItem item(std::string label, double amount, Scope s, Provenance p = assumed("test")) {
  return LineItem{std::move(label), usd(amount), s, std::move(p), {}};
}

TEST(Composition, ComposeEvidenceIsTheWeakestPart) {
  const auto evidence_of = [](Provenance a, Provenance b) {
    return compose(
               "p", Scope::program,
               {item("a", 1, Scope::staff, std::move(a)), item("b", 1, Scope::data, std::move(b))})
        .provenance.evidence;
  };
  EXPECT_EQ(evidence_of(published("x"), published("y")), Evidence::derived);
  EXPECT_EQ(evidence_of(derived("x"), analyst_estimate("y")), Evidence::analyst_estimate);
  EXPECT_EQ(evidence_of(published("x"), assumed("y")), Evidence::assumed);
  // An explicit provenance is kept as given.
  EXPECT_EQ(compose("p", Scope::program, {item("a", 1, Scope::staff)}, published("audit"))
                .provenance.evidence,
            Evidence::published);
}

// compose and check_composition refuse what a ScopedCost refuses.
TEST(Composition, ComposeRefusesNegativeAndNonFiniteAmounts) {
  expect_error(
      [] {
        compose("program", Scope::program,
                {item("staff", 1e6, Scope::staff), item("rebate", -5, Scope::data)});
      },
      ErrorCode::invalid_value, "program.parts[1] (rebate).amount",
      "[traincost.invalid_value] program.parts[1] (rebate).amount: got -5, expected a finite, "
      "non-negative amount in USD");
  expect_error([] { compose("program", Scope::program, {item("staff", nan, Scope::staff)}); },
               ErrorCode::invalid_value, "program.parts[0] (staff).amount", "got nan");
  expect_error(
      [] {
        compose("program", Scope::program,
                {item("staff", std::numeric_limits<double>::infinity(), Scope::staff)});
      },
      ErrorCode::invalid_value, "program.parts[0] (staff).amount", "got inf");
  // Finite parts whose sum overflows.
  const double big = std::numeric_limits<double>::max();
  expect_error(
      [big] {
        compose("program", Scope::program,
                {item("a", big, Scope::staff), item("b", big, Scope::staff)});
      },
      ErrorCode::invalid_value, "program.amount", "got inf");
  EXPECT_NO_THROW(compose("program", Scope::program, {item("free", 0, Scope::staff)}));
}

TEST(Composition, CheckRefusesNegativeAndNonFiniteAmountsAnywhere) {
  LineItem p = compose("program", Scope::program,
                       {item("staff", 10, Scope::staff), item("data", 5, Scope::data)});
  p.children[1].amount = usd(-5);
  p.amount = usd(5);  // still the sum of the children: only the sign is wrong
  expect_error([&p] { check_composition(p); }, ErrorCode::invalid_value, "program / data.amount",
               "[traincost.invalid_value] program / data.amount: got -5, expected a finite, "
               "non-negative amount in USD");
  p.children[1].amount = usd(nan);
  expect_error([&p] { check_composition(p); }, ErrorCode::invalid_value, "program / data.amount",
               "got nan");
  LineItem root = item("root", -1, Scope::staff);
  expect_error([&root] { check_composition(root); }, ErrorCode::invalid_value, "root.amount",
               "got -1");
}

TEST(Composition, ComposeSumsCompatibleParts) {
  const LineItem p =
      compose("program", Scope::program,
              {item("V3", 5.576e6, Scope::final_run_rental), item("staff", 1e6, Scope::staff)});
  EXPECT_DOUBLE_EQ(in_usd(p.amount), 6.576e6);
  EXPECT_EQ(p.scope, Scope::program);
  EXPECT_EQ(p.children.size(), 2u);
  EXPECT_NO_THROW(check_composition(p));
}

TEST(Composition, ComposeRefusesAFleetCapexInAProgram) {
  expect_error(
      [] {
        compose("debate", Scope::program,
                {item("V3 final run", 5.576e6, Scope::final_run_rental),
                 item("server capex", 1.6e9, Scope::fleet_capex)});
      },
      ErrorCode::scope_mismatch, "debate.parts[1]",
      "[traincost.scope_mismatch] debate.parts[1]: got \"server capex\" of scope "
      "fleet capex [fleet_capex], expected an amount that composes into program "
      "[program]; a fleet's cost enters a program only through an allocation "
      "(allocate_by_share)");
}

TEST(Composition, ComposeRefusesARunInAFleetCapex) {
  expect_error(
      [] { compose("capex", Scope::fleet_capex, {item("V3", 5.576e6, Scope::final_run_rental)}); },
      ErrorCode::scope_mismatch, "capex.parts[0]", "convert it explicitly first");
}

TEST(Composition, SumSameScopeRefusesAnyOtherScope) {
  EXPECT_DOUBLE_EQ(
      in_usd(sum_same_scope(Scope::final_run_rental, {item("V3", 5.576e6, Scope::final_run_rental),
                                                      item("R1", 294e3, Scope::final_run_rental)})),
      5.87e6);
  expect_error(
      [] {
        sum_same_scope(Scope::final_run_rental,
                       {item("V3", 5.576e6, Scope::final_run_rental),
                        item("V3 owned", 3.4e6, Scope::final_run_ownership)});
      },
      ErrorCode::scope_mismatch, "items[1]",
      "[traincost.scope_mismatch] items[1]: got \"V3 owned\" of scope final run "
      "(ownership cost) [final_run_ownership], expected scope final run "
      "(rental-equivalent) [final_run_rental]; amounts of different scopes are not "
      "summed without a conversion");
}

TEST(Composition, CheckFindsAMislabelledChildDeepInTheTree) {
  LineItem tco = compose(
      "fleet", Scope::fleet_tco,
      {item("capex", 1.6e9, Scope::fleet_capex), item("operating", 944e6, Scope::fleet_operating)});
  tco.children[0].children.push_back(item("capex", 1.6e9, Scope::final_run_rental));
  expect_error([&tco] { check_composition(tco); }, ErrorCode::scope_mismatch,
               "fleet / capex.children[0]", "got \"capex\" of scope final run");
}

TEST(Composition, CheckFindsAParentThatIsNotTheSumOfItsChildren) {
  LineItem p = compose("program", Scope::program, {item("a", 1, Scope::staff)});
  p.amount = usd(2);
  expect_error([&p] { check_composition(p); }, ErrorCode::invalid_input, "program.amount",
               "[traincost.invalid_input] program.amount: got 2 USD, expected the sum of the "
               "children, 1 USD");
}

TEST(Composition, ScopedCostOfALineItemChecksTheScope) {
  const LineItem capex = item("capex", 1.6e9, Scope::fleet_capex);
  EXPECT_DOUBLE_EQ(in_usd(scoped_cost_of<Scope::fleet_capex>(capex).amount()), 1.6e9);
  expect_error([&capex] { (void)scoped_cost_of<Scope::final_run_rental>(capex); },
               ErrorCode::scope_mismatch, "line_item.scope",
               "[traincost.scope_mismatch] line_item.scope: got \"capex\" of scope fleet capex "
               "[fleet_capex], expected scope final run (rental-equivalent) "
               "[final_run_rental]");
}

TEST(Composition, ToLineItemKeepsScopeAndProvenance) {
  const LineItem li =
      to_line_item("capex", scoped<Scope::fleet_capex>(usd(1.6e9), analyst_estimate("SA")));
  EXPECT_EQ(li.scope, Scope::fleet_capex);
  EXPECT_EQ(li.provenance.evidence, Evidence::analyst_estimate);
  EXPECT_DOUBLE_EQ(in_usd(li.amount), 1.6e9);
}

}  // namespace
}  // namespace traincost
