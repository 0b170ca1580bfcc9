#include "traincost/core/scope.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace traincost {
namespace {

TEST(Scope, LabelsAndIdsAreDistinct) {
  const Scope all[] = {Scope::final_run_rental,
                       Scope::final_run_ownership,
                       Scope::research_compute,
                       Scope::data,
                       Scope::staff,
                       Scope::fleet_allocation,
                       Scope::program,
                       Scope::fleet_capex,
                       Scope::fleet_operating,
                       Scope::fleet_tco,
                       Scope::inference_rental};
  std::set<std::string> labels, ids;
  for (Scope s : all) {
    EXPECT_TRUE(labels.insert(std::string(to_string(s))).second);
    EXPECT_TRUE(ids.insert(std::string(id(s))).second);
  }
  EXPECT_EQ(to_string(Scope::final_run_rental), "final run (rental-equivalent)");
  EXPECT_EQ(id(Scope::fleet_capex), "fleet_capex");
  EXPECT_EQ(to_string(Scope::inference_rental), "inference (rental-equivalent)");
}

}  // namespace
}  // namespace traincost
