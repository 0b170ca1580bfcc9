#pragma once
/// \file
/// A breakdown is a tree of line items: each has a label, an amount, a scope
/// and a provenance. Models return one; composition builds a bigger tree.

#include <string>
#include <vector>

#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/units/units.hpp"

namespace traincost {

/// One node of a cost breakdown.
struct LineItem {
  std::string label;
  Money amount = usd(0);
  Scope scope = Scope::program;
  Provenance provenance;
  std::vector<LineItem> children;
};

}  // namespace traincost
