#include "traincost/hardware/cluster.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "traincost/hardware/catalog.hpp"

namespace traincost {
namespace {

TEST(Cluster, GpuHoursAndWallClockAreInverse) {
  const Cluster c(accelerator("h800"), accelerators(2048));
  // V3 report: 180K GPU-hours per trillion tokens is 3.7 days on 2,048 H800s (sources.md §1).
  EXPECT_NEAR(in_days(c.wall_clock(gpu_hours(180'000))), 3.7, 0.05);
  EXPECT_DOUBLE_EQ(in_gpu_hours(c.gpu_time(c.wall_clock(gpu_hours(12'345)))), 12'345.0);
  EXPECT_DOUBLE_EQ(in_accelerators(c.count()), 2048.0);
  EXPECT_EQ(c.accelerator().name, "H800 SXM");
}

void expect_bad_count(double n, const std::string& shown) {
  try {
    Cluster(accelerator("h800"), accelerators(n));
    FAIL() << n;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_value);
    const std::string what = e.what();
    EXPECT_NE(what.find("cluster.accelerators: got " + shown), std::string::npos) << what;
    EXPECT_NE(what.find("positive whole number"), std::string::npos) << what;
  }
}

TEST(Cluster, RejectsZeroNegativeFractionalAndNanCounts) {
  expect_bad_count(0, "0");
  expect_bad_count(-8, "-8");
  expect_bad_count(2.5, "2.5");
  expect_bad_count(std::nan(""), "nan");
}

}  // namespace
}  // namespace traincost
