// A price per GPU-hour is not an amount of money until it is multiplied by usage.
// expect-error: conversion from .*currency_base_dimension.* to non-scalar type
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
