// Adding dollars to GPU-hours must not compile; adding dollars to dollars must.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::Money. \{aka .*\} and .traincost::GpuTime. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::Money. \(aka .*\) and .traincost::GpuTime. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = usd(1.0) + gpu_hours(2.0);
#else
  [[maybe_unused]] Money sum = usd(1.0) + usd(2.0);
#endif
  return 0;
}
