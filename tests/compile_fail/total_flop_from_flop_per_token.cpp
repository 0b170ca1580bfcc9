// A workload's total is a count of FLOP: FLOP per token is a different
// quantity and becomes a total only times the tokens trained.
// clang-format off
// expect-error-gcc: cannot convert .quantity<unit<list<\[\.\.\.\],boost::units::list<boost::units::dim<traincost::units_detail::token_base_dimension, boost::units::static_rational<-1> >, boost::units::dimensionless_type>>.* to .quantity<unit<list<\[\.\.\.\],boost::units::dimensionless_type>
// expect-error-clang: no viable conversion from .quantity_of<list<\[\.\.\.\], boost::units::list<boost::units::dim<traincost::units_detail::token_base_dimension, boost::units::static_rational<-1, 1>>, boost::units::dimensionless_type>>>. to .quantity_of<list<\[\.\.\.\], boost::units::dimensionless_type>>.
// clang-format on
#include "traincost/compute/workload.hpp"

int main() {
  using namespace traincost;
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto w = Workload::from_total_flop("V3", flop_per_token(250e9));
#else
  [[maybe_unused]] auto w =
      Workload::from_total_flop("V3", flop_per_token(250e9) * tokens(14.8e12));
#endif
  return 0;
}
