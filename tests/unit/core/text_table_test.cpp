#include "traincost/print/text_table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace traincost {
namespace {

TEST(TextTable, AlignsColumns) {
  TextTable t({"stage", "cost"}, {TextTable::Align::left, TextTable::Align::right});
  t.add_row({"pre-training", "$5,328,000"});
  t.add_row({"post", "$10,000"});
  std::ostringstream os;
  t.print(os);
  EXPECT_EQ(os.str(),
            "stage               cost\n"
            "------------------------\n"
            "pre-training  $5,328,000\n"
            "post             $10,000\n");
}

TEST(TextTable, RuleAndShortRows) {
  TextTable t({"a", "b"});
  t.add_row({"x"});
  t.add_rule();
  std::ostringstream os;
  t.print(os);
  EXPECT_EQ(os.str(), "a  b\n----\nx\n----\n");
}

}  // namespace
}  // namespace traincost
