// Location-based and market-based emissions are two kinds that never add
// (run/emissions.hpp); two figures of one kind add freely.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::LocationBasedEmissions. \{aka .*\} and .traincost::MarketBasedEmissions. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::LocationBasedEmissions. \(aka .*\) and .traincost::MarketBasedEmissions. \(aka
// clang-format on
#include "traincost/run/emissions.hpp"

int main() {
  using namespace traincost;
  LocationBasedEmissions location{tonnes_co2e(8930)};
  MarketBasedEmissions market{tonnes_co2e(0)};
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = location + market;
#else
  [[maybe_unused]] LocationBasedEmissions twice = location + location;
  [[maybe_unused]] MarketBasedEmissions m2 = market + market;
#endif
  return 0;
}
