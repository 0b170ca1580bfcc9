// A final run plus a fleet's capex, the debate's mistake: different scopes do not add.
// clang-format off
// expect-error-gcc: use of deleted function .*Scope L = .*final_run_rental. Scope R = .*fleet_capex
// expect-error-clang: overload resolution selected deleted operator .\+..*candidate function \[with L = traincost::Scope::final_run_rental, R = traincost::Scope::fleet_capex\] has been explicitly deleted
// clang-format on
#include "traincost/core/scoped_cost.hpp"

int main() {
  using namespace traincost;
  const auto v3 = scoped<Scope::final_run_rental>(usd(5.576e6));
  const auto r1 = scoped<Scope::final_run_rental>(usd(294e3));
  const auto capex = scoped<Scope::fleet_capex>(usd(1.6e9));
  const auto operating = scoped<Scope::fleet_operating>(usd(944e6));
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto total = v3 + capex;
#else
  // Same scope adds; capex + operating needs the named conversion fleet_tco.
  [[maybe_unused]] ScopedCost<Scope::final_run_rental> runs = v3 + r1;
  [[maybe_unused]] ScopedCost<Scope::fleet_tco> tco = fleet_tco(capex, operating);
#endif
  return 0;
}
