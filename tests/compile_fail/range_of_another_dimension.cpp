// A range reached through a typed handle must be of the input's dimension:
// GPU-hours on a price must not compile; USD per GPU-hour must.
// expect-error: deduced conflicting types for parameter .Q. \(.boost::units::quantity<
#include "traincost/reference/deepseek_v3.hpp"
#include "traincost/uncertainty/distribution.hpp"
#include "traincost/uncertainty/handles.hpp"
#include "traincost/uncertainty/ranges.hpp"

int main() {
  using namespace traincost;
  using namespace traincost::uncertainty;
  const TrainingRun run = reference::deepseek_v3_final_run();
  Ranges ranges;
#ifdef TRAINCOST_COMPILE_FAIL
  ranges.set(price_of(run), uniform(gpu_hours(1.5), gpu_hours(3.5)));
#else
  ranges.set(price_of(run), uniform(usd_per_gpu_hour(1.5), usd_per_gpu_hour(3.5)));
#endif
  return 0;
}
