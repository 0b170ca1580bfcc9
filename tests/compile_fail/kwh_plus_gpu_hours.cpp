// A kilowatt-hour is not a GPU-hour: adding them must not compile; energy is
// GPU-hours x power per accelerator.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::Energy. \{aka .*\} and .traincost::GpuTime. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::Energy. \(aka .*\) and .traincost::GpuTime. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = kilowatt_hours(1.0) + gpu_hours(2.0);
#else
  [[maybe_unused]] Energy e = kilowatt_hours(1.0) + gpu_hours(2.0) * watts_per_accelerator(700);
#endif
  return 0;
}
