// Tokens and parameters are distinct counts (both would be dimensionless in plain Boost.Units).
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::TokenCount. \{aka .*\} and .traincost::ParameterCount. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::TokenCount. \(aka .*\) and .traincost::ParameterCount. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = tokens(14.8e12) + parameters(671e9);
#else
  [[maybe_unused]] TokenCount sum = tokens(14.8e12) + tokens(1.0e12);
#endif
  return 0;
}
