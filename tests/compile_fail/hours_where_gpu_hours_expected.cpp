// Wall-clock hours are not GPU-hours: multiply by the number of accelerators first.
// expect-error: could not convert .traincost::hours\(double\)\(\).
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] double h = in_gpu_hours(hours(198));
#else
  [[maybe_unused]] double h = in_gpu_hours(accelerators(512) * hours(198));
#endif
  return 0;
}
