// The audit on the shipped extract, against the counts docs/sources.md §9
// gives for Epoch's models file: 117 rows state both chip-hours and quantity x
// time, and 10 of them disagree by more than 5%.
#include <gtest/gtest.h>

#include <string>

#include "traincost/corpus/audit.hpp"
#include "traincost/io/epoch.hpp"

namespace {

using namespace traincost::corpus;
namespace ep = traincost::io::epoch;

TEST(EpochAudit, ChipHoursDisagreementsMatchTheCountsOfSources9) {
  const Record r =
      ep::read_record(ep::Paths::in(std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch"));
  const Audit a = audit_record(r);
  EXPECT_EQ(a.rows.size(), r.models.size());
  int both = 0, disagree = 0;
  for (const RowAudit& row : a.rows)
    if (row.chip_hours_disagreement) {
      ++both;
      disagree += std::abs(*row.chip_hours_disagreement) > 0.05;
    }
  EXPECT_EQ(both, 117);
  EXPECT_EQ(disagree, 10);
  // T0-XXL states 69,120 chip-hours for 6,912 = quantity x hours: ten times.
  const RowAudit* t0 = a.find("T0-XXL");
  ASSERT_NE(t0, nullptr);
  EXPECT_NEAR(*t0->chip_hours_disagreement, 9.0, 1e-12);
  EXPECT_TRUE(t0->flagged());
  // Every flagged row says why; an unflagged row has no reason.
  for (const RowAudit* f : a.flagged())
    EXPECT_FALSE(f->reasons.empty());
  EXPECT_GT(a.flagged().size(), 10u);
}

TEST(EpochAudit, ImpliedMfuOfAWellDocumentedRunIsPlausible) {
  const Record r =
      ep::read_record(ep::Paths::in(std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch"));
  const Audit a = audit_record(r);
  const RowAudit* llama = a.find("Llama 3.1-405B");
  ASSERT_NE(llama, nullptr);
  ASSERT_TRUE(llama->implied_mfu);
  EXPECT_GT(*llama->implied_mfu, 0.3);
  EXPECT_LT(*llama->implied_mfu, 0.5);
  EXPECT_EQ(*llama->verdict, traincost::Verdict::plausible);
}

}  // namespace
