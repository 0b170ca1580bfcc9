// `traincost plan FILE`: the best parallel plans for each step-time stage's
// architecture on its cluster with its global batch (perf::search_plans), as
// a table, Markdown, CSV or JSON (traincost.plan/1, docs/scenarios.md).

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "detail/step_time_text.hpp"
#include "detail/text.hpp"
#include "traincost/io/step_time_report.hpp"
#include "traincost/perf/plan_search.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/version.hpp"

namespace traincost::io {

using namespace detail_step_time;
using detail_text::flat;
using detail_text::md;

namespace {

/// Cluster sizes searched under a deadline: the stage's cluster and up to
/// three halvings of it (whole multiples of the scale-up domain), so that a
/// cheaper, slower cluster that still meets the deadline can win.
std::vector<long long> cluster_sizes(const StepTimeStage& in, bool deadline) {
  std::vector<long long> sizes = {in.plan.accelerators()};
  if (!deadline)
    return sizes;
  const long long domain = std::max(1, in.system.network.scale_up_domain);
  for (int i = 0; i < 3; ++i) {
    const long long n = sizes.back() / 2;
    if (sizes.back() % 2 != 0 || n < domain || n % domain != 0)
      break;
    sizes.push_back(n);
  }
  return sizes;
}

}  // namespace

PlanReport plan_report(const Scenario& s, const PlanCommandOptions& options) {
  no_step_time_stage(s, "plan");
  PlanReport r{s.file, s.name, options, {}};
  for (const StepTimeStage& in : s.step_time_stages) {
    PlanReportStage out;
    out.inputs = in;
    const Stage& stage = s.runs[in.run].stages[in.stage];
    out.price = stage.price ? stage.price->value : s.runs[in.run].price.value;
    perf::PlanSearchOptions o(in.plan.global_batch, in.mfu_precision);
    o.gemm_precisions = {in.plan.precision};
    o.base = in.plan;  // its overlap (and what else the search does not vary)
    o.keep = static_cast<std::size_t>(options.top);
    if (options.deadline_days)
      // The search compares tokens / tokens-per-second with the deadline;
      // goodput stretches wall-clock, so the usable time is deadline x goodput.
      o.cost_for_deadline = perf::CostForDeadline{out.price, in.training_tokens,
                                                  days(*options.deadline_days) * in.goodput};
    std::vector<PlanRow> rows;
    for (long long n : cluster_sizes(in, options.deadline_days.has_value())) {
      const perf::PlanSearchResult found = [&] {
        try {
          return perf::search_plans(in.architecture, n, in.system, o);
        } catch (const Error& e) {
          throw ScenarioError(e, s.file, locate(s, scenario_field(in.path + ".step_time")),
                              scenario_field(in.path + ".step_time"));
        }
      }();
      out.evaluated += found.enumerated;
      out.valid += found.valid;
      out.fitting += found.fitting;
      out.in_time += found.meeting_deadline;
      for (const perf::RankedPlan& p : found.best) {
        PlanRow row;
        row.plan = p.plan;
        row.prediction = p.prediction;
        const double tps = in_tokens_per_second(p.prediction.tokens_per_second);
        row.wall_clock = seconds(in_tokens(in.training_tokens) / tps / in.goodput);
        row.gpu_time = gpu_hours(in_hours(row.wall_clock) * static_cast<double>(n));
        row.cost = out.price * row.gpu_time;
        rows.push_back(row);
      }
    }
    // Fastest first; under a deadline cheapest first (ties: fewer accelerators).
    std::stable_sort(rows.begin(), rows.end(), [&](const PlanRow& a, const PlanRow& b) {
      if (options.deadline_days && a.cost != b.cost)
        return a.cost < b.cost;
      return a.prediction.time.total < b.prediction.time.total;
    });
    if (rows.size() > static_cast<std::size_t>(options.top))
      rows.resize(static_cast<std::size_t>(options.top));
    out.best = std::move(rows);
    r.stages.push_back(std::move(out));
  }
  return r;
}

namespace {

std::vector<std::string> plan_cells(std::size_t rank, const PlanRow& row) {
  const perf::ParallelPlan& p = row.plan;
  const perf::StepPrediction& pr = row.prediction;
  return {std::to_string(rank),
          format_number(static_cast<double>(p.accelerators())),
          std::to_string(p.tensor) + (p.sequence_parallel ? "+SP" : ""),
          std::to_string(p.pipeline) +
              (p.virtual_stages > 1 ? "x" + std::to_string(p.virtual_stages) : ""),
          std::to_string(p.data),
          std::to_string(p.expert),
          std::to_string(p.context),
          std::string(to_string(p.zero)),
          std::to_string(p.micro_batch),
          std::string(to_string(p.recompute)),
          format_number(in_seconds(pr.time.total), 2),
          format_percent(pr.mfu),
          format_number(in_gigabytes(pr.memory.total), 1),
          format_number(in_days(row.wall_clock), 1),
          format_usd(row.cost)};
}

const std::vector<std::string> plan_head = {"#",      "GPUs", "TP",     "PP",   "DP",
                                            "EP",     "CP",   "ZeRO",   "mb",   "recompute",
                                            "step s", "MFU",  "GB/GPU", "days", "cost"};

std::string heading(const PlanReportStage& st, const PlanCommandOptions& o) {
  const StepTimeStage& in = st.inputs;
  std::string h = in.stage_name + " — plans for " + in.architecture.name + " on " +
                  format_number(static_cast<double>(in.plan.accelerators())) + " " +
                  in.system.accelerator.name + (o.deadline_days ? " or fewer" : "") +
                  ", global batch " + format_number(static_cast<double>(in.plan.global_batch)) +
                  ", " + std::string(to_string(in.plan.precision));
  if (o.deadline_days)
    h += "; cheapest within " + format_number(*o.deadline_days, 1) + " days";
  else
    h += "; fastest first";
  return h;
}

std::string counts(const PlanReportStage& st, const PlanCommandOptions& o) {
  std::string c = format_number(static_cast<double>(st.evaluated)) + " plans evaluated, " +
                  format_number(static_cast<double>(st.valid)) + " valid, " +
                  format_number(static_cast<double>(st.fitting)) + " fit in memory";
  if (o.deadline_days)
    c += ", " + format_number(static_cast<double>(st.in_time)) + " meet the deadline";
  return c;
}

void table_stage(std::ostringstream& os, const PlanReportStage& st, const PlanCommandOptions& o) {
  using A = TextTable::Align;
  os << flat(heading(st, o)) << '\n' << counts(st, o) << "\n\n";
  if (st.best.empty()) {
    os << "no plan fits" << (o.deadline_days ? " and meets the deadline" : "") << '\n';
    return;
  }
  std::vector<A> align(plan_head.size(), A::right);
  align[9] = A::left;
  TextTable t(plan_head, align);
  for (std::size_t i = 0; i < st.best.size(); ++i)
    t.add_row(plan_cells(i + 1, st.best[i]));
  t.print(os);
  os << "\nstep time by cause (seconds)\n";
  std::vector<std::string> head = {"#"};
  const auto parts0 = time_parts(st.best.front().prediction.time);
  const std::vector<std::string> short_names = {"compute", "recompute", "TP/SP/CP",   "bubble",
                                                "PP send", "DP",        "all-to-all", "optimizer"};
  for (const auto& n : short_names)
    head.push_back(n);
  TextTable b(head, std::vector<A>(head.size(), A::right));
  for (std::size_t i = 0; i < st.best.size(); ++i) {
    std::vector<std::string> row = {std::to_string(i + 1)};
    for (const auto& [label, d] : time_parts(st.best[i].prediction.time))
      row.push_back(format_number(in_seconds(d), 2));
    b.add_row(row);
  }
  (void)parts0;
  b.print(os);
}

void markdown_stage(std::ostringstream& os, const PlanReportStage& st,
                    const PlanCommandOptions& o) {
  os << "## " << md(heading(st, o)) << "\n\n" << counts(st, o) << ".\n\n";
  if (st.best.empty()) {
    os << "No plan fits" << (o.deadline_days ? " and meets the deadline" : "") << ".\n\n";
    return;
  }
  detail_text::markdown_row(os, plan_head);
  os << '|';
  for (std::size_t i = 0; i < plan_head.size(); ++i)
    os << (i == 9 ? "---|" : "---:|");
  os << '\n';
  for (std::size_t i = 0; i < st.best.size(); ++i)
    detail_text::markdown_row(os, plan_cells(i + 1, st.best[i]));
  os << '\n';
}

}  // namespace

std::string render_plans(const PlanReport& r, Format f) {
  std::ostringstream os;
  switch (f) {
    case Format::table:
      for (std::size_t i = 0; i < r.stages.size(); ++i) {
        if (i)
          os << '\n';
        table_stage(os, r.stages[i], r.options);
      }
      return os.str();
    case Format::markdown:
      os << "# " << md(r.name.empty() ? r.file : r.name) << " — parallel plans\n\n";
      for (const auto& st : r.stages)
        markdown_stage(os, st, r.options);
      return os.str();
    case Format::csv: {
      os << "run,stage,rank,accelerators,tensor,sequence_parallel,pipeline,virtual_stages,data,"
            "expert,context,zero,micro_batch,global_batch,recompute,precision,step_seconds";
      for (const auto& [label, d] : time_parts(perf::StepTimeBreakdown{}))
        os << ',' << key_of(label) << "_seconds";
      os << ",mfu,hfu,tokens_per_second,memory_gb,fits,wall_clock_days,gpu_hours,usd\r\n";
      for (const auto& st : r.stages)
        for (std::size_t i = 0; i < st.best.size(); ++i) {
          const PlanRow& row = st.best[i];
          const perf::ParallelPlan& p = row.plan;
          const perf::StepPrediction& pr = row.prediction;
          os << csv_field(st.inputs.run_name) << ',' << csv_field(st.inputs.stage_name) << ','
             << i + 1 << ',' << p.accelerators() << ',' << p.tensor << ','
             << (p.sequence_parallel ? "true" : "false") << ',' << p.pipeline << ','
             << p.virtual_stages << ',' << p.data << ',' << p.expert << ',' << p.context << ','
             << static_cast<int>(p.zero) << ',' << p.micro_batch << ',' << p.global_batch << ','
             << to_string(p.recompute) << ',' << to_string(p.precision) << ','
             << plain_number(in_seconds(pr.time.total));
          for (const auto& [label, d] : time_parts(pr.time))
            os << ',' << plain_number(in_seconds(d));
          os << ',' << plain_number(pr.mfu) << ',' << plain_number(pr.hfu) << ','
             << plain_number(in_tokens_per_second(pr.tokens_per_second)) << ','
             << plain_number(in_gigabytes(pr.memory.total)) << ','
             << (pr.memory.fits ? "true" : "false") << ',' << plain_number(in_days(row.wall_clock))
             << ',' << plain_number(in_gpu_hours(row.gpu_time)) << ','
             << plain_number(in_usd(row.cost)) << "\r\n";
        }
      return os.str();
    }
    case Format::json: {
      nlohmann::ordered_json j;
      j["schema"] = "traincost.plan/1";
      j["traincost_version"] = version_string;
      j["scenario"] = {{"name", r.name}, {"file", r.file}};
      j["top"] = r.options.top;
      j["deadline_days"] = r.options.deadline_days
                               ? nlohmann::ordered_json(*r.options.deadline_days)
                               : nlohmann::ordered_json();
      j["ranked_by"] = r.options.deadline_days ? "cost" : "step_time";
      j["stages"] = nlohmann::ordered_json::array();
      for (const auto& st : r.stages) {
        nlohmann::ordered_json sj;
        sj["run"] = st.inputs.run_name;
        sj["stage"] = st.inputs.stage_name;
        sj["accelerator"] = st.inputs.system.accelerator.name;
        sj["accelerators"] = st.inputs.plan.accelerators();
        sj["global_batch"] = st.inputs.plan.global_batch;
        sj["training_tokens"] = in_tokens(st.inputs.training_tokens);
        sj["usd_per_gpu_hour"] = in_usd_per_gpu_hour(st.price);
        sj["architecture"] = architecture_json(st.inputs.architecture);
        sj["evaluated"] = st.evaluated;
        sj["valid"] = st.valid;
        sj["fitting"] = st.fitting;
        sj["meeting_deadline"] = st.in_time;
        sj["plans"] = nlohmann::ordered_json::array();
        for (const PlanRow& row : st.best)
          sj["plans"].push_back({{"plan", plan_json(row.plan)},
                                 {"prediction", prediction_json(row.prediction)},
                                 {"wall_clock_hours", in_hours(row.wall_clock)},
                                 {"gpu_hours", in_gpu_hours(row.gpu_time)},
                                 {"usd", in_usd(row.cost)}});
        j["stages"].push_back(std::move(sj));
      }
      return detail_text::dump_json(j, 2) + "\n";
    }
  }
  detail_text::unknown_enum("Format", static_cast<int>(f));
}

}  // namespace traincost::io
