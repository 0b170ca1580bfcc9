#pragma once
/// \file
/// Convenience umbrella: the whole header library except printing.

#include "traincost/accelerator.hpp"
#include "traincost/breakdown.hpp"
#include "traincost/catalog.hpp"
#include "traincost/cluster.hpp"
#include "traincost/error.hpp"
#include "traincost/final_run.hpp"
#include "traincost/precision.hpp"
#include "traincost/provenance.hpp"
#include "traincost/scope.hpp"
#include "traincost/units.hpp"
#include "traincost/version.hpp"
