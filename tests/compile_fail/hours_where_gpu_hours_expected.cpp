// Wall-clock hours are not GPU-hours: multiply by the number of accelerators first.
// clang-format off
// expect-error-gcc: could not convert .traincost::hours\(double\)\(\). from .quantity<unit<list<\[\.\.\.\],boost::units::dimensionless_type>.* to .quantity<unit<list<\[\.\.\.\],boost::units::list<boost::units::dim<traincost::units_detail::accelerator_base_dimension
// expect-error-clang: no matching function for call to .in_gpu_hours..*no known conversion from .quantity_of<list<\[\.\.\.\], boost::units::dimensionless_type>>. to .quantity_of<list<\[\.\.\.\], .*accelerator_base_dimension
// clang-format on
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
