// Yuan are not dollars: adding them needs an explicit exchange rate.
// expect-error: no match for .operator\+. \(operand types are .traincost::Money.* and
// .traincost::CnyAmount.
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
