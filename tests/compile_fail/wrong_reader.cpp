// A reader names its unit: a price cannot be read as dollars.
// clang-format off
// expect-error-gcc: could not convert .traincost::usd_per_gpu_hour\(double\)\(\). from .quantity<unit<list<dim<boost::units::time_base_dimension,static_rational<-1>>,
// expect-error-clang: no matching function for call to .in_usd..*no known conversion from .quantity_of<list<dim<boost::units::time_base_dimension, static_rational<-1, .*currency_base_dimension.*. to .quantity_of<list<dim<traincost::units_detail::currency_base_dimension
// clang-format on
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
