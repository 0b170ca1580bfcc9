#pragma once
/// \file
/// Convenience umbrella: every model of the header library. Printing
/// (format.hpp, text_table.hpp, final_run_report.hpp), the reference cases
/// (reference/) and uncertainty (uncertainty/, which pulls in Eigen) are
/// included on their own, to keep this header's compile cost down.

// units and inputs
#include "traincost/error.hpp"
#include "traincost/precision.hpp"
#include "traincost/provenance.hpp"
#include "traincost/scope.hpp"
#include "traincost/units.hpp"
#include "traincost/version.hpp"

// accelerators and clusters
#include "traincost/accelerator.hpp"
#include "traincost/catalog.hpp"
#include "traincost/cluster.hpp"

// compute: workload, MFU and goodput, plausibility, compute-optimal sizing
#include "traincost/compute.hpp"
#include "traincost/compute_optimal.hpp"
#include "traincost/plausibility.hpp"
#include "traincost/throughput.hpp"
#include "traincost/workload.hpp"

// cost models
#include "traincost/breakdown.hpp"
#include "traincost/capex.hpp"
#include "traincost/final_run.hpp"
#include "traincost/fleet.hpp"
#include "traincost/operating_cost.hpp"
#include "traincost/ownership.hpp"
#include "traincost/workload_stage.hpp"

// research, staff, allocation and the whole program
#include "traincost/allocation.hpp"
#include "traincost/program.hpp"
#include "traincost/research.hpp"
#include "traincost/scoped_cost.hpp"
#include "traincost/staff.hpp"
