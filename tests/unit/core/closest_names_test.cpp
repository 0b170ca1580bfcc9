#include "traincost/detail/closest_names.hpp"

#include <gtest/gtest.h>

namespace traincost::detail {
namespace {

TEST(ClosestNames, Normalize) {
  EXPECT_EQ(normalize_name("A100-80GB"), "a10080gb");
  EXPECT_EQ(normalize_name(" TPU v5p "), "tpuv5p");
}

TEST(ClosestNames, EditDistance) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("h800", "h800"), 0u);
}

TEST(ClosestNames, PrefixMatchesComeFirstThenDistance) {
  const std::vector<NamedKeys> c = {
      {"H800 SXM", {"h800sxm"}}, {"A100 40GB", {"a10040gb"}}, {"A100 80GB", {"a10080gb"}}};
  const auto names = closest_names("a100", c, 2);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], "A100 40GB");
  EXPECT_EQ(names[1], "A100 80GB");
  EXPECT_EQ(closest_names("h80", c, 1).front(), "H800 SXM");
}

}  // namespace
}  // namespace traincost::detail
