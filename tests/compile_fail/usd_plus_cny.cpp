// Yuan are not dollars: adding them needs an explicit exchange rate.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::Money. \{aka .*\} and .traincost::CnyAmount. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::Money. \(aka .*\) and .traincost::CnyAmount. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = usd(200'000) + cny(2.3e6);
#else
  [[maybe_unused]] Money sum = usd(200'000) + cny(2.3e6) * cny_per_usd(7.2);
#endif
  return 0;
}
