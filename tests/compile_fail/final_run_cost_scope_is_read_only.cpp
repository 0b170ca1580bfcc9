// The scope of a costed run is fixed by the run's price: it can be read,
// never relabelled (only named conversions such as `rescope` change a scope).
// expect-error: invalid use of member function .traincost::Scope traincost::FinalRunCost::scope\(\)
#include "traincost/run/final_run.hpp"
#include "traincost/reference/deepseek_v3.hpp"

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
