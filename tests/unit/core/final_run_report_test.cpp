#include "traincost/print/final_run_report.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "traincost/reference/deepseek_r1.hpp"

namespace traincost {
namespace {

TEST(FinalRunReport, PrintsStagesTotalsAndScope) {
  std::ostringstream os;
  print_final_run(os, cost_final_run(reference::deepseek_r1_run()));
  const std::string out = os.str();
  EXPECT_NE(out.find("DeepSeek-R1 post-training — final run (rental-equivalent)"),
            std::string::npos);
  EXPECT_NE(out.find("R1-Zero RL         H800 SXM      512    101,376   8.2       2.00  $202,752"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("total cost: $294.672K ($294,672)"), std::string::npos) << out;
}

}  // namespace
}  // namespace traincost
