// The scope of a costed run is fixed by the run's price: it can be read,
// never relabelled (only named conversions such as `rescope` change a scope).
// clang-format off
// expect-error-gcc: invalid use of member function .traincost::Scope traincost::FinalRunCost::scope\(\) const. \(did you forget the .\(\). \?\)
// expect-error-clang: error: reference to non-static member function must be called; did you mean to call it with no arguments\?.*cost\.scope = Scope::final_run_ownership.*error: expression is not assignable
// clang-format on
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/final_run.hpp"

int main() {
  using namespace traincost;
  FinalRunCost cost = cost_final_run(reference::deepseek_v3_final_run());
#ifdef TRAINCOST_COMPILE_FAIL
  cost.scope = Scope::final_run_ownership;
#else
  [[maybe_unused]] Scope s = cost.scope();
#endif
  return 0;
}
