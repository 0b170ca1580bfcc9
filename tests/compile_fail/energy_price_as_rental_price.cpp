// USD per kWh and USD per GPU-hour are both prices of time-like things, and still different.
// clang-format off
// expect-error-gcc: could not convert .traincost::usd_per_kwh\(double\)\(\). from .quantity<unit<list<dim<boost::units::length_base_dimension,static_rational<-2>>,
// expect-error-clang: no matching function for call to .in_usd_per_gpu_hour..*no known conversion from .quantity_of<list<dim<boost::units::length_base_dimension, static_rational<-2, .*currency_base_dimension.*. to .quantity_of<list<dim<boost::units::time_base_dimension
// clang-format on
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
