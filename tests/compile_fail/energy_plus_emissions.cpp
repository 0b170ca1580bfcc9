// Energy and emissions are different dimensions: adding kWh to tCO2e must
// not compile; emissions are energy x an intensity.
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::Energy. \{aka .*\} and .traincost::Emissions. \{aka
// expect-error-clang: invalid operands to binary expression \(.traincost::Energy. \(aka .*\) and .traincost::Emissions. \(aka
// clang-format on
#include "traincost/units/units.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = kilowatt_hours(1.0) + tonnes_co2e(2.0);
#else
  [[maybe_unused]] Emissions e = kilowatt_hours(1.0) * kg_co2e_per_kwh(0.4) + tonnes_co2e(2.0);
#endif
  return 0;
}
