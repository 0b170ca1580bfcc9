// Only a fleet's cost is allocated to a program: a final run is already one.
// clang-format off
// expect-error-gcc: no matching function for call to .allocate_by_share\([^)]*Scope::final_run_rental>&.*the expression .is_fleet_scope\(traincost::Scope\)\(S\) \[with S = traincost::Scope::final_run_rental\]. evaluated to .false.
// expect-error-clang: no matching function for call to .allocate_by_share..*constraints not satisfied \[with S = traincost::Scope::final_run_rental\].*because .is_fleet_scope\(\(traincost::Scope\)[0-9]+\). evaluated to false
// clang-format on
#include "traincost/core/scoped_cost.hpp"
#include "traincost/program/allocation.hpp"

int main() {
  using namespace traincost;
  const auto v3 = scoped<Scope::final_run_rental>(usd(5.576e6));
  const auto tco = scoped<Scope::fleet_tco>(usd(2.544e9));
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto share = allocate_by_share("V3", v3, sourced(0.5, assumed("half")));
#else
  // A fleet's TCO is allocated; the run is counted in a program as it is.
  [[maybe_unused]] auto share = allocate_by_share("1%", tco, sourced(0.01, assumed("1%")));
  [[maybe_unused]] ScopedCost<Scope::program> run = as_program_part(v3);
#endif
  return 0;
}
