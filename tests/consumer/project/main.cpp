// Links the header library and traincost::io; exits non-zero unless the
// DeepSeek-V3 final run costs $5.576M and its JSON carries that figure.
#include <cmath>
#include <cstdio>
#include <string>

#include <traincost/io/json_report.hpp>
#include <traincost/reference/deepseek_v3.hpp>
#include <traincost/traincost.hpp>

int main() {
  using namespace traincost;
  const FinalRunCost run = cost_final_run(reference::deepseek_v3_final_run());
  const double dollars = in_usd(run.total);
  const std::string json = io::final_run_to_json(run, -1);
  if (std::fabs(dollars - 5.576e6) > 0.5)
    return 1;
  if (json.find("\"usd\":5576000") == std::string::npos)
    return 2;
  // Printed only when every check passed; the test looks for this line.
  std::printf("consumer: ok %.0f USD\n", dollars);
  return 0;
}
