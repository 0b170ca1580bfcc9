// A fleet's capex is not part of a program: only an allocated share of it is.
// clang-format off
// expect-error-gcc: no matching function for call to .as_program_part\([^)]*Scope::fleet_capex>&\).*the expression .is_program_part\(traincost::Scope\)\(S\) \[with S = traincost::Scope::fleet_capex\]. evaluated to .false.
// expect-error-clang: no matching function for call to .as_program_part..*constraints not satisfied \[with S = traincost::Scope::fleet_capex\].*because .is_program_part\(\(traincost::Scope\)[0-9]+\). evaluated to false
// clang-format on
#include "traincost/core/scoped_cost.hpp"
#include "traincost/program/allocation.hpp"

int main() {
  using namespace traincost;
  const auto capex = scoped<Scope::fleet_capex>(usd(1.6e9));
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto part = as_program_part(capex);
#else
  // The named way in: allocate a share of the fleet's cost, then count that.
  const FleetAllocation share = allocate_by_share("share", capex, sourced(0.01, assumed("1%")));
  [[maybe_unused]] ScopedCost<Scope::program> part = as_program_part(share.total);
#endif
  return 0;
}
