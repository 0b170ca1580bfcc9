// A network's bandwidth is bytes per second: 50 GB is a memory size, not
// the 50 GB/s of a 400 Gb/s InfiniBand port.
// clang-format off
// expect-error-gcc: operator=\(const boost::units::quantity<Unit2, YY>&\) \[with Unit2 = boost::units::unit<boost::units::list<boost::units::dim<traincost::units_detail::byte_base_dimension, boost::units::static_rational<1> >, boost::units::dimensionless_type>.*Unit = boost::units::unit<boost::units::list<boost::units::dim<boost::units::time_base_dimension, boost::units::static_rational<-1> >, boost::units::list<boost::units::dim<traincost::units_detail::byte_base_dimension.*static assertion failed: .is_implicitly_convertible<Unit2,unit_type>
// expect-error-clang: static_assert failed due to requirement .is_implicitly_convertible<boost::units::unit<boost::units::list<boost::units::dim<traincost::units_detail::byte_base_dimension, boost::units::static_rational<1, 1>>, boost::units::dimensionless_type>.*boost::units::unit<boost::units::list<boost::units::dim<boost::units::time_base_dimension, boost::units::static_rational<-1, 1>>, boost::units::list<boost::units::dim<traincost::units_detail::byte_base_dimension
// clang-format on
#include "traincost/perf/systems.hpp"

int main() {
  using namespace traincost;
  perf::TrainingSystem system = perf::h800_hgx_cluster();
#ifdef TRAINCOST_COMPILE_FAIL
  system.network.scale_out = gigabytes(50);
#else
  system.network.scale_out = gigabytes_per_second(50);
#endif
  return 0;
}
