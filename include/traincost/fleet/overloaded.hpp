#pragma once
/// \file
/// `detail::Overloaded`: one visitor from several lambdas, for `std::visit`
/// over the per-kind variants of a fleet (network, storage, facility).

namespace traincost::detail {

/// A visitor whose call operators are those of `F...`.
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace traincost::detail
