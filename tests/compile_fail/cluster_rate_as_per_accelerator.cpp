// A serving throughput is per accelerator: a whole cluster's tokens per
// second is a different quantity and is not accepted in its place.
// clang-format off
// expect-error-gcc: conversion from .quantity<unit<list<\[\.\.\.\],list<dim<traincost::units_detail::token_base_dimension,static_rational<1>>,boost::units::dimensionless_type>>.* to non-scalar type .quantity<unit<list<\[\.\.\.\],list<dim<traincost::units_detail::accelerator_base_dimension,static_rational<-1>>
// expect-error-clang: no viable conversion from .quantity_of<list<\[\.\.\.\], list<dim<traincost::units_detail::token_base_dimension, static_rational<1, \[\.\.\.\]>>, boost::units::dimensionless_type>>>. to .quantity_of<list<\[\.\.\.\], list<dim<traincost::units_detail::accelerator_base_dimension, static_rational<-1
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] TokenRatePerAccelerator r = tokens_per_second(2.7e6);
#else
  [[maybe_unused]] TokenRatePerAccelerator r = tokens_per_second(2.7e6) / accelerators(1814);
#endif
  return 0;
}
