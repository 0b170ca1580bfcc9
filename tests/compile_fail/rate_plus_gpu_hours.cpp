// A rate per token is not accelerator time: "180K GPU-hours per trillion
// tokens" becomes GPU-hours only when multiplied by the tokens trained.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .const traincost::GpuTimePerToken. \{aka .*\} and .traincost::GpuTime. \{aka
// expect-error-clang: invalid operands to binary expression \(.const traincost::GpuTimePerToken. \(aka .*\) and .traincost::GpuTime. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
  const GpuTimePerToken rate = gpu_hours_per_trillion_tokens(180e3);
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto total = rate + gpu_hours(119e3);
#else
  [[maybe_unused]] GpuTime total = rate * tokens(14.8e12) + gpu_hours(119e3);
#endif
  return 0;
}
