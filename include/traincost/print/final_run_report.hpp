#pragma once
/// \file
/// The breakdown table of a final run, as the examples print it.

#include <ostream>

#include "traincost/print/format.hpp"
#include "traincost/print/plausibility_report.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost {

/// Whether any stage of the run has an MFU (stated or implied) to report.
inline bool has_stage_mfu(const FinalRunCost& run) {
  for (const auto& s : run.stages)
    if (s.mfu)
      return true;
  return false;
}

/// "implied 38.99% of the H800 SXM bf16 dense peak (...): plausible": a
/// stage's MFU in words, saying whether it was implied or stated.
inline std::string describe_stage_mfu(const StageCost& s) {
  return (s.mfu_implied ? "implied " : "stated ") + explain(*s.mfu);
}

/// Prints a run's stages — accelerators, GPU-hours, days, price, cost, share
/// and the provenance tag of the usage figure — then the totals and scope,
/// and each stage's MFU with its verdict where one is known.
inline void print_final_run(std::ostream& os, const FinalRunCost& run) {
  using A = TextTable::Align;
  TextTable t(
      {"stage", "accelerator", "GPUs", "GPU-hours", "days", "USD/GPU-h", "cost", "share", "src"},
      {A::left, A::left, A::right, A::right, A::right, A::right, A::right, A::right, A::left});
  for (const auto& s : run.stages)
    t.add_row({s.name, s.accelerator, format_number(in_accelerators(s.accelerators)),
               format_number(in_gpu_hours(s.gpu_time)), format_number(in_days(s.wall_clock), 1),
               format_number(in_usd_per_gpu_hour(s.price), 2), format_usd(s.cost),
               format_percent(s.share), std::string(tag(s.usage_provenance.evidence))});
  t.add_rule();
  t.add_row({"total", "", "", format_number(in_gpu_hours(run.gpu_time)),
             format_number(in_days(run.wall_clock), 1), "", format_usd(run.total), "100.0%", ""});
  os << run.name << " — " << to_string(run.scope()) << '\n';
  t.print(os);
  os << "total cost: " << format_usd_compact(run.total) << " (" << format_usd(run.total) << ")\n";
  if (!has_stage_mfu(run))
    return;
  os << "MFU:\n";
  for (const auto& s : run.stages)
    if (s.mfu)
      os << "  " << s.name << ": " << describe_stage_mfu(s) << '\n';
}

}  // namespace traincost
