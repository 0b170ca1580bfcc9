// Dollars of December 2024 are not dollars of June 2025: adding them needs
// an explicit conversion through a price index (docs/corpus.md).
// clang-format off
// expect-error-gcc: no match for .operator\+. \(operand types are .traincost::corpus::UsdIn<2024, 12>. and .traincost::corpus::UsdIn<2025, 6>.\)
// expect-error-clang: invalid operands to binary expression \(.(traincost::corpus::)?UsdIn<2024, 12>. and .(traincost::corpus::)?UsdIn<2025, 6>.\)
// clang-format on
#include "traincost/corpus/base_month.hpp"

int main() {
  using namespace traincost::corpus;
  PriceIndex index;
  index.set(Month{2024, 12}, 119.349);
  index.set(Month{2025, 6}, 123.659);
#ifdef TRAINCOST_COMPILE_FAIL
  [[maybe_unused]] auto sum = usd_in<2024, 12>(1e6) + usd_in<2025, 6>(1e6);
#else
  [[maybe_unused]] auto sum = rebase<2025, 6>(usd_in<2024, 12>(1e6), index) + usd_in<2025, 6>(1e6);
#endif
  return 0;
}
