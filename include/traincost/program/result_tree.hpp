#pragma once
/// \file
/// How the program layer's results keep their line-item tree. Every result
/// (`ResearchCost`, `DataCost`, `StaffCost`, `ProgramCost`) exposes its
/// total as `total` and its tree as `breakdown()`; the tree itself is
/// private, so that the total and the tree it was computed from cannot be
/// set apart. The cost functions that build a result reach the tree through
/// `detail::TreeAccess`.

#include "traincost/core/breakdown.hpp"

namespace traincost::detail {

/// The one way in to a result's tree, for the functions that build it.
struct TreeAccess {
  template <class Result>
  static LineItem& tree(Result& r) {
    return r.tree_;
  }
};

}  // namespace traincost::detail
