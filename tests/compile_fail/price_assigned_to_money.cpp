// A price per GPU-hour is not an amount of money until it is multiplied by usage.
// clang-format off
// expect-error-gcc: conversion from .quantity<unit<list<dim<boost::units::time_base_dimension,static_rational<-1>>,.*currency_base_dimension.* to non-scalar type .quantity<unit<list<dim<traincost::units_detail::currency_base_dimension,static_rational<1>>
// expect-error-clang: no viable conversion from .quantity_of<list<dim<boost::units::time_base_dimension, static_rational<-1, .*currency_base_dimension.*. to .quantity_of<list<dim<traincost::units_detail::currency_base_dimension, static_rational<1, \[\.\.\.\]>>, boost::units::dimensionless_type>>.
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] Money cost = usd_per_gpu_hour(2.0);
#else
  [[maybe_unused]] Money cost = usd_per_gpu_hour(2.0) * gpu_hours(2.788e6);
#endif
  return 0;
}
