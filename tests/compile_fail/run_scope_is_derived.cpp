// A run's scope follows from the kind of its price: it can be read, and the
// price can be an ownership cost, but the scope cannot be set.
// clang-format off
// expect-error-gcc: invalid use of member function .traincost::Scope traincost::TrainingRun::scope\(\) const. \(did you forget the .\(\). \?\)
// expect-error-clang: error: reference to non-static member function must be called; did you mean to call it with no arguments\?.*run\.scope = Scope::fleet_capex.*error: expression is not assignable
// clang-format on
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/run/final_run.hpp"

int main() {
  using namespace traincost;
  TrainingRun run = reference::deepseek_v3_final_run();
#ifdef TRAINCOST_COMPILE_FAIL
  run.scope = Scope::fleet_capex;
#else
  run.price = RunPrice::ownership_cost(sourced(usd_per_gpu_hour(1.2), assumed("fleet cost")));
  [[maybe_unused]] Scope s = run.scope();
#endif
  return 0;
}
