// USD per kWh and USD per GPU-hour are both prices of time-like things, and still different.
// expect-error: could not convert .traincost::usd_per_kwh\(double\)\(\).
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] double p = in_usd_per_gpu_hour(usd_per_kwh(0.08));
#else
  [[maybe_unused]] double p = in_usd_per_kwh(usd_per_kwh(0.08));
#endif
  return 0;
}
