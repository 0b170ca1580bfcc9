// A raw number becomes a quantity only through a maker that names its unit.
// clang-format off
// expect-error-gcc: conversion from .double. to non-scalar type .traincost::Money. \{aka
// expect-error-clang: no viable conversion from .double. to .traincost::Money. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] Money price = 2.0;
#else
  [[maybe_unused]] Money price = usd(2.0);
#endif
  return 0;
}
