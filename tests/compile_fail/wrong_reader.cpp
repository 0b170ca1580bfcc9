// A reader names its unit: a price cannot be read as dollars.
// expect-error: could not convert .traincost::usd_per_gpu_hour\(double\)\(\).
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] double p = in_usd(usd_per_gpu_hour(2.0));
#else
  [[maybe_unused]] double p = in_usd_per_gpu_hour(usd_per_gpu_hour(2.0));
#endif
  return 0;
}
