#include "traincost/print/format.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace traincost {
namespace {

TEST(Format, ThousandsSeparators) {
  EXPECT_EQ(format_number(2'664'000), "2,664,000");
  EXPECT_EQ(format_number(999), "999");
  EXPECT_EQ(format_number(1000), "1,000");
  EXPECT_EQ(format_number(54.166, 1), "54.2");
  EXPECT_EQ(format_number(-1234.5, 1), "-1,234.5");
  EXPECT_EQ(format_number(0), "0");
}

TEST(Format, NegativeZeroPrintsAsZero) {
  EXPECT_EQ(format_number(-0.0001, 2), "0.00");
}

TEST(Format, Dollars) {
  EXPECT_EQ(format_usd(usd(5.576e6)), "$5,576,000");
  EXPECT_EQ(format_usd(usd(-250)), "-$250");
  EXPECT_EQ(format_usd(usd(2.5), 2), "$2.50");
}

TEST(Format, CompactDollars) {
  EXPECT_EQ(format_usd_compact(usd(5.576e6)), "$5.576M");
  EXPECT_EQ(format_usd_compact(usd(294'672)), "$294.672K");
  EXPECT_EQ(format_usd_compact(usd(1.6e9), 1), "$1.6B");
  EXPECT_EQ(format_usd_compact(usd(12)), "$12.000");
}

// The suffix follows the rounded value: no "$1,000.000K".
TEST(Format, CompactDollarsRoundIntoTheNextSuffix) {
  EXPECT_EQ(format_usd_compact(usd(999'999.6)), "$1.000M");
  EXPECT_EQ(format_usd_compact(usd(999'999.4), 0), "$1M");
  EXPECT_EQ(format_usd_compact(usd(999'499)), "$999.499K");
  EXPECT_EQ(format_usd_compact(usd(-2.5e9), 1), "-$2.5B");
}

TEST(Format, Percent) {
  EXPECT_EQ(format_percent(0.95552), "95.6%");
}

TEST(Format, RefusesNanAndInfinity) {
  EXPECT_THROW(format_usd(usd(std::nan(""))), Error);
  EXPECT_THROW(format_usd_compact(usd(HUGE_VAL)), Error);
  EXPECT_THROW(format_number(-HUGE_VAL), Error);
}

}  // namespace
}  // namespace traincost

namespace traincost {
namespace {

TEST(FormatReadable, DecimalsFollowTheSize) {
  EXPECT_EQ(format_readable(500000), "500,000");
  EXPECT_EQ(format_readable(1000), "1,000");
  EXPECT_EQ(format_readable(150), "150.0");
  EXPECT_EQ(format_readable(10), "10.0");
  EXPECT_EQ(format_readable(1.6), "1.60");
  EXPECT_EQ(format_readable(0.35), "0.350");
  EXPECT_EQ(format_readable(-2.5), "-2.50");
  EXPECT_THROW((void)format_readable(std::nan("")), Error);
}

}  // namespace
}  // namespace traincost
