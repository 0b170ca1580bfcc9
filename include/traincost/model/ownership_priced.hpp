#pragma once
/// \file
/// `detail::OwnershipPriced`: an evaluator adaptor that prices a run at an
/// ownership cost per GPU-hour computed by the same evaluation (used by
/// `evaluate_run_at_ownership`, fleet/run_at_ownership.hpp). Part of the
/// model core: it depends only on the evaluator protocol and the units.

#include <type_traits>

#include "traincost/model/input_spec.hpp"
#include "traincost/model/path.hpp"
#include "traincost/model/value.hpp"
#include "traincost/units/units.hpp"

namespace traincost::detail {

/// An evaluator that forwards every read to `E` but the run's prices per
/// GPU-hour, which are the ownership cost computed from the ownership
/// inputs: the run model reads its usage as usual and is priced at what
/// owning costs, with no second copy of the run's arithmetic. Every price of
/// a run at ownership cost is that one cost (`at_ownership_cost`), so
/// replacing each price read is exact.
template <class E>
class OwnershipPriced {
 public:
  using value_type = typename E::value_type;

  OwnershipPriced(E& inner, const model::Val<value_type, GpuTimePrice>& price)
      : inner_(&inner), price_(&price) {}

  template <class Q>
  model::Val<value_type, Q> read(const model::Path& at, const Q& value,
                                 const model::InputSpec& spec) {
    if constexpr (std::is_same_v<Q, GpuTimePrice>)
      return *price_;
    else
      return inner_->read(at, value, spec);
  }

 private:
  E* inner_;
  const model::Val<value_type, GpuTimePrice>* price_;
};

}  // namespace traincost::detail
