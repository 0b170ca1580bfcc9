// GPU-hours become wall-clock time only by dividing by the cluster size.
// clang-format off
// expect-error-gcc: conversion from .quantity<unit<list<\[\.\.\.\],boost::units::list<boost::units::dim<traincost::units_detail::accelerator_base_dimension, .* to non-scalar type .quantity<unit<list<\[\.\.\.\],boost::units::dimensionless_type>
// expect-error-clang: no viable conversion from .quantity_of<list<\[\.\.\.\], .*accelerator_base_dimension, static_rational<1, 1>>>::type>>. to .quantity_of<list<\[\.\.\.\], boost::units::dimensionless_type>>.
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] Duration wall = gpu_hours(2.664e6);
#else
  [[maybe_unused]] Duration wall = gpu_hours(2.664e6) / accelerators(2048);
#endif
  return 0;
}
