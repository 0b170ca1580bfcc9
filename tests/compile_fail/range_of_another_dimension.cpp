// A range reached through a typed handle must be of the input's dimension:
// GPU-hours on a price must not compile; USD per GPU-hour must.
// clang-format off
// expect-error-gcc: no matching function for call to .traincost::uncertainty::Ranges::set\(.*deduced conflicting types for parameter .Q. \(.boost::units::quantity<
// expect-error-clang: no matching member function for call to .set..*candidate template ignored: deduced conflicting types for parameter .Q. \(.quantity<unit<list<dim<\[\.\.\.\], static_rational<-1, .*currency_base_dimension.*. vs\. .quantity<unit<list<dim<\[\.\.\.\], static_rational<1, \[\.\.\.\]>>, list<dim<traincost::units_detail::accelerator_base_dimension
// clang-format on
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
