// GPU-hours become wall-clock time only by dividing by the cluster size.
// expect-error: conversion from .*accelerator_base_dimension.* to non-scalar type
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
