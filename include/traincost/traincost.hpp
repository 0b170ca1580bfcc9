#pragma once
/// \file
/// Convenience umbrella: every model of the header library. Printing
/// (format.hpp, text_table.hpp, final_run_report.hpp), the reference cases
/// (reference/) and uncertainty (uncertainty/, which pulls in Eigen) are
/// included on their own, to keep this header's compile cost down.

// units and inputs
#include "traincost/core/error.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/units/units.hpp"
#include "traincost/version.hpp"

// accelerators and clusters
#include "traincost/hardware/accelerator.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/hardware/cluster.hpp"

// compute: workload, MFU and goodput, plausibility, compute-optimal sizing
#include "traincost/compute/compute.hpp"
#include "traincost/compute/compute_optimal.hpp"
#include "traincost/compute/plausibility.hpp"
#include "traincost/compute/throughput.hpp"
#include "traincost/compute/workload.hpp"

// cost models
#include "traincost/core/breakdown.hpp"
#include "traincost/fleet/capex.hpp"
#include "traincost/fleet/fleet.hpp"
#include "traincost/fleet/operating_cost.hpp"
#include "traincost/fleet/ownership.hpp"
#include "traincost/run/final_run.hpp"
#include "traincost/run/workload_stage.hpp"
// a run's energy, emissions and interruptions (docs/sources.md §13)
#include "traincost/run/emissions.hpp"
#include "traincost/run/energy.hpp"
#include "traincost/run/failures.hpp"
#include "traincost/run/grid_intensity.hpp"

// research, staff, allocation and the whole program
#include "traincost/core/scoped_cost.hpp"
#include "traincost/program/allocation.hpp"
#include "traincost/program/program.hpp"
#include "traincost/program/research.hpp"
#include "traincost/program/staff.hpp"
