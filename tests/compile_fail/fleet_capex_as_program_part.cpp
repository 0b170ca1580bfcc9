// A fleet's capex is not part of a program: only an allocated share of it is.
// expect-error: no matching function for call to .as_program_part\([^)]*Scope::fleet_capex>&\)
#include "traincost/program/allocation.hpp"
#include "traincost/core/scoped_cost.hpp"

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
