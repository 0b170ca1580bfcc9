#include "traincost/scoped_cost.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace traincost {
namespace {

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
  EXPECT_EQ(total.provenance().evidence, Evidence::derived);
}

TEST(ScopedCost, SumOfAVectorOfOneScope) {
  const std::vector<ScopedCost<Scope::research_compute>> xs(
      10, scoped<Scope::research_compute>(usd(2.5)));
  const auto total = sum(xs);
  EXPECT_DOUBLE_EQ(in_usd(total.amount()), 25.0);
  EXPECT_EQ(total.provenance().source, "sum of 10 research_compute amounts");
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
  EXPECT_THROW(scoped<Scope::program>(usd(std::numeric_limits<double>::quiet_NaN())), Error);
  try {
    scoped<Scope::fleet_capex>(usd(-5));
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    EXPECT_STREQ(e.what(),
                 "[traincost.invalid_value] cost of scope fleet_capex: got -5, expected a "
                 "non-negative amount in USD");
  }
}

// SemiAnalysis: capex ~$1.6B + $944M operating over four years (sources.md §3 [A]).
TEST(ScopedCost, FleetTcoIsTheNamedSumOfCapexAndOperating) {
  const auto tco = fleet_tco(scoped<Scope::fleet_capex>(usd(1.6e9), analyst_estimate("SA")),
                             scoped<Scope::fleet_operating>(usd(944e6), analyst_estimate("SA")));
  EXPECT_DOUBLE_EQ(in_usd(tco.amount()), 2.544e9);
  EXPECT_EQ(decltype(tco)::scope, Scope::fleet_tco);
  EXPECT_EQ(tco.provenance().evidence, Evidence::derived);
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

LineItem item(std::string label, double amount, Scope s) {
  return LineItem{std::move(label), usd(amount), s, assumed("test"), {}};
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
  try {
    compose("debate", Scope::program,
            {item("V3 final run", 5.576e6, Scope::final_run_rental),
             item("server capex", 1.6e9, Scope::fleet_capex)});
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_EQ(e.field(), "debate.parts[1]");
    EXPECT_STREQ(e.what(),
                 "[traincost.scope_mismatch] debate.parts[1]: got \"server capex\" of scope "
                 "fleet capex [fleet_capex], expected an amount that composes into program "
                 "[program]; a fleet's cost enters a program only through an allocation "
                 "(allocate_by_share)");
  }
}

TEST(Composition, ComposeRefusesARunInAFleetCapex) {
  try {
    compose("capex", Scope::fleet_capex, {item("V3", 5.576e6, Scope::final_run_rental)});
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_NE(std::string(e.what()).find("convert it explicitly first"), std::string::npos);
  }
}

TEST(Composition, SumSameScopeRefusesAnyOtherScope) {
  EXPECT_DOUBLE_EQ(
      in_usd(sum_same_scope(Scope::final_run_rental, {item("V3", 5.576e6, Scope::final_run_rental),
                                                      item("R1", 294e3, Scope::final_run_rental)})),
      5.87e6);
  try {
    sum_same_scope(Scope::final_run_rental, {item("V3", 5.576e6, Scope::final_run_rental),
                                             item("V3 owned", 3.4e6, Scope::final_run_ownership)});
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_STREQ(e.what(),
                 "[traincost.scope_mismatch] items[1]: got \"V3 owned\" of scope final run "
                 "(ownership cost) [final_run_ownership], expected scope final run "
                 "(rental-equivalent) [final_run_rental]; amounts of different scopes are not "
                 "summed without a conversion");
  }
}

TEST(Composition, CheckFindsAMislabelledChildDeepInTheTree) {
  LineItem tco = compose(
      "fleet", Scope::fleet_tco,
      {item("capex", 1.6e9, Scope::fleet_capex), item("operating", 944e6, Scope::fleet_operating)});
  tco.children[0].children.push_back(item("capex", 1.6e9, Scope::final_run_rental));
  try {
    check_composition(tco);
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_EQ(e.field(), "fleet / capex.children[0]");
  }
}

TEST(Composition, CheckFindsAParentThatIsNotTheSumOfItsChildren) {
  LineItem p = compose("program", Scope::program, {item("a", 1, Scope::staff)});
  p.amount = usd(2);
  try {
    check_composition(p);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_STREQ(e.what(),
                 "[traincost.invalid_input] program.amount: got 2 USD, expected the sum of the "
                 "children, 1 USD");
  }
}

TEST(Composition, ScopedCostOfALineItemChecksTheScope) {
  const LineItem capex = item("capex", 1.6e9, Scope::fleet_capex);
  EXPECT_DOUBLE_EQ(in_usd(scoped_cost_of<Scope::fleet_capex>(capex).amount()), 1.6e9);
  try {
    (void)scoped_cost_of<Scope::final_run_rental>(capex);
    FAIL() << "expected a scope mismatch";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::scope_mismatch);
    EXPECT_STREQ(e.what(),
                 "[traincost.scope_mismatch] line_item.scope: got \"capex\" of scope fleet capex "
                 "[fleet_capex], expected scope final run (rental-equivalent) "
                 "[final_run_rental]");
  }
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
