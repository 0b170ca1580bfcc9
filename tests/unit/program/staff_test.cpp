#include "traincost/program/staff.hpp"

#include <gtest/gtest.h>

#include <string>

#include "traincost_test/expect_error.hpp"

namespace traincost {
namespace {

using testing::expect_error;

StaffGroup group(double headcount, double salary, double overhead, double period_years) {
  return StaffGroup{"researchers", sourced(people(headcount), assumed("test")),
                    sourced(usd_per_person_year(salary), assumed("test")),
                    sourced(overhead, published("Epoch AI")),
                    sourced(years(period_years), assumed("test"))};
}

TEST(Staff, HeadcountTimesLoadedCostTimesPeriod) {
  const StaffCost s = cost_staff(group(10, 200'000, 1.25, 2));
  EXPECT_DOUBLE_EQ(in_usd(s.total.amount()), 5e6);  // 10 x 200K x 1.25 x 2
  EXPECT_DOUBLE_EQ(in_person_years(s.person_time), 20.0);
  EXPECT_EQ(s.breakdown().scope, Scope::staff);
  EXPECT_EQ(s.breakdown().label, "researchers");
  EXPECT_TRUE(s.breakdown().children.empty());
}

TEST(Staff, GroupsAddUp) {
  StaffGroup eng = group(5, 100'000, 1.4, 1);
  eng.name = "engineers";
  const StaffCost s = cost_staff("staff", {group(10, 200'000, 1.25, 2), eng});
  EXPECT_DOUBLE_EQ(in_usd(s.total.amount()), 5e6 + 700'000.0);
  EXPECT_DOUBLE_EQ(in_person_years(s.person_time), 25.0);
  ASSERT_EQ(s.breakdown().children.size(), 2u);
  EXPECT_EQ(s.breakdown().children[1].label, "engineers");
  EXPECT_NO_THROW(check_composition(s.breakdown()));
}

TEST(Staff, AssumedInputsMakeAnAssumedCost) {
  const StaffCost s = cost_staff(group(10, 200'000, 1.3, 2));
  EXPECT_EQ(s.breakdown().provenance.evidence, Evidence::assumed);
  EXPECT_NE(s.breakdown().provenance.source.find("10 people x $200000/person-year x overhead 1.3"),
            std::string::npos);
}

// derived_from: weakest input wins, at best derived — in the order published <
// derived < analyst estimate < assumed, not the enum's.
TEST(Staff, EvidenceIsTheWeakestInput) {
  StaffGroup g = group(10, 200'000, 1.3, 2);
  g.headcount.provenance = published("org chart");
  g.salary.provenance = published("pay survey");
  g.period.provenance = published("timeline");
  EXPECT_EQ(cost_staff(g).breakdown().provenance.evidence, Evidence::derived);
  EXPECT_EQ(cost_staff(g).total.provenance().evidence, Evidence::derived);
  g.salary.provenance = analyst_estimate("press");
  g.overhead.provenance = derived("1.25 x 1.04");
  EXPECT_EQ(cost_staff(g).breakdown().provenance.evidence, Evidence::analyst_estimate);
  EXPECT_EQ(cost_staff(g).total.provenance().evidence, Evidence::analyst_estimate);
  g.period.provenance = assumed("guess");
  EXPECT_EQ(cost_staff(g).total.provenance().evidence, Evidence::assumed);
}

TEST(Staff, EpochOverheadRange) {
  EXPECT_DOUBLE_EQ(epoch_staff_overhead_low, 1.25);  // sources.md §7 [P]
  EXPECT_DOUBLE_EQ(epoch_staff_overhead_high, 1.4);
}

TEST(Staff, RejectsBadInputNamingTheField) {
  expect_error([] { cost_staff(group(0, 200'000, 1.3, 2)); }, ErrorCode::invalid_value,
               "staff[0] (researchers).headcount",
               "[traincost.invalid_value] staff[0] (researchers).headcount: got 0, expected a "
               "positive number of people");
  expect_error([] { cost_staff(group(10, 200'000, 0.9, 2)); }, ErrorCode::invalid_value,
               "staff[0] (researchers).overhead",
               "[traincost.invalid_value] staff[0] (researchers).overhead: got 0.9, expected a "
               "loaded-cost / salary ratio >= 1 (Epoch AI: 1.25 to 1.4)");
  expect_error([] { cost_staff(group(10, -1, 1.3, 2)); }, ErrorCode::invalid_value,
               "staff[0] (researchers).salary", "got -1, expected a positive USD per person-year");
  StaffGroup unnamed = group(10, 200'000, 1.3, 0);
  unnamed.name.clear();
  expect_error(
      [&unnamed] {
        cost_staff("team", {group(1, 1, 1, 1), unnamed});
      },
      ErrorCode::invalid_value, "staff[1].period", "got 0");
  expect_error([] { cost_staff("none", {}); }, ErrorCode::invalid_input, "staff", "no groups");
}

}  // namespace
}  // namespace traincost
