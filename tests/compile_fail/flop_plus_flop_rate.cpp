// A FLOP count and a FLOP rate differ by a time.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::FlopCount. \{aka .*\} and .traincost::FlopRate. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::FlopCount. \(aka .*\) and .traincost::FlopRate. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = flop(1e24) + tflop_per_second(989.5);
#else
  [[maybe_unused]] FlopCount sum = flop(1e24) + tflop_per_second(989.5) * hours(1);
#endif
  return 0;
}
