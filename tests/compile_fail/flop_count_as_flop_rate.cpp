// An achieved throughput is FLOP per second per accelerator: a total FLOP
// budget ("3.14e23 FLOP") is not one, and does not convert into an MFU.
// clang-format off
// expect-error-gcc: cannot convert .quantity<unit<list<dim<traincost::units_detail::flop_base_dimension,static_rational<1>>,boost::units::dimensionless_type>.* to .quantity<unit<list<dim<boost::units::time_base_dimension,static_rational<-1>>
// expect-error-clang: no viable conversion from .quantity_of<list<dim<traincost::units_detail::flop_base_dimension, static_rational<1, \[\.\.\.\]>>, boost::units::dimensionless_type>>. to .quantity_of<list<dim<boost::units::time_base_dimension, static_rational<-1
// clang-format on
#include "traincost/compute/throughput.hpp"
#include "traincost/hardware/catalog.hpp"

int main() {
  using namespace traincost;
  const AcceleratorSpec& a100 = accelerator("a100-80gb");
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto t = Throughput::from_flop_rate(flop(3.14e23), a100, Precision::bf16);
#else
  [[maybe_unused]] auto t =
      Throughput::from_flop_rate(tflop_per_second(147), a100, Precision::bf16);
#endif
  return 0;
}
