// `traincost step-time FILE`: each step-time stage's predicted step time,
// MFU, memory and cost, as a table, Markdown, CSV or JSON
// (traincost.step_time/1, docs/scenarios.md).

#include <sstream>

#include <nlohmann/json.hpp>

#include "detail/step_time_text.hpp"
#include "detail/text.hpp"
#include "traincost/io/printable.hpp"
#include "traincost/io/step_time_report.hpp"
#include "traincost/print/format.hpp"
#include "traincost/print/text_table.hpp"
#include "traincost/version.hpp"

namespace traincost::io {

using namespace detail_step_time;
using detail_text::flat;
using detail_text::md;

StepTimeReport step_time_report(const Scenario& s, const Estimate& e) {
  no_step_time_stage(s, "step-time");
  StepTimeReport r{s.file, s.name, {}};
  for (const StepTimeStage& in : s.step_time_stages) {
    StepTimeReportStage out;
    out.inputs = in;
    // The stage as the estimate costed it: the run with this name, this stage.
    for (const ModelResult& m : e.results)
      if (m.final_run && m.final_run->name == in.run_name &&
          in.stage < m.final_run->stages.size()) {
        const StageCost& c = m.final_run->stages[in.stage];
        out.gpu_time = c.gpu_time;
        out.wall_clock = c.wall_clock;
        out.cost = c.cost;
        out.price = c.price;
        break;
      }
    r.stages.push_back(std::move(out));
  }
  return r;
}

std::vector<std::string> step_time_warnings(const Scenario& s) {
  std::vector<std::string> out;
  for (const StepTimeStage& in : s.step_time_stages) {
    const perf::MemoryEstimate& m = in.prediction.memory;
    if (m.fits)
      continue;
    const std::string field = in.path + ".step_time.plan";
    const Location at = locate(s, scenario_field(field));
    out.push_back(printable(s.file) + ":" + std::to_string(at.line) + ":" +
                  std::to_string(at.column) + ": " + field + " (" + printable(in.stage_name) +
                  "): the step-time model puts " + format_number(in_gigabytes(m.total), 1) +
                  " GB per accelerator (activations " +
                  format_number(in_gigabytes(m.activations), 1) + " GB) above the " +
                  in.system.accelerator.name + "'s " + format_number(in_gigabytes(m.capacity), 1) +
                  " GB: the plan does not fit in memory");
  }
  return out;
}

namespace {

void table_stage(std::ostringstream& os, const StepTimeReportStage& st) {
  const StepTimeStage& in = st.inputs;
  const perf::StepPrediction& p = in.prediction;
  using A = TextTable::Align;
  os << flat(in.stage_name) << " — " << flat(in.architecture.name) << " on "
     << format_number(static_cast<double>(in.plan.accelerators())) << " "
     << flat(in.system.accelerator.name) << " (" << flat(in.run_name) << ")\n";
  os << "plan: " << describe_plan(in.plan) << "\n\n";
  const double total = in_seconds(p.time.total);
  const int decimals = total < 1 ? 5 : 3;  // a small model's step is milliseconds
  TextTable t({"step time", "seconds", "share"}, {A::left, A::right, A::right});
  for (const auto& [label, d] : time_parts(p.time))
    t.add_row({label, format_number(in_seconds(d), decimals),
               total > 0 ? format_percent(in_seconds(d) / total) : ""});
  t.add_rule();
  t.add_row({"total per step", format_number(total, decimals), "100.0%"});
  t.print(os);
  os << '\n';
  os << "MFU " << format_percent(p.mfu) << ", HFU " << format_percent(p.hfu) << " of the "
     << flat(in.system.accelerator.name) << " " << to_string(p.precision) << " dense peak ("
     << format_number(peak_tflops(in), 1) << " TFLOP/s)\n";
  os << "model FLOP per token " << format_flop(in_flop_per_token(p.model_flop_per_token))
     << ", with recompute " << format_flop(in_flop_per_token(p.hardware_flop_per_token)) << '\n';
  os << "tokens per second " << format_number(in_tokens_per_second(p.tokens_per_second))
     << " (cluster), "
     << format_number(
            in_tokens_per_second(p.tokens_per_second) / static_cast<double>(in.plan.accelerators()),
            0)
     << " per accelerator\n\n";
  TextTable m({"memory per accelerator", "GB", "share"}, {A::left, A::right, A::right});
  const double mem = in_gigabytes(p.memory.total);
  for (const auto& [label, b] : memory_parts(p.memory))
    m.add_row({label, format_number(in_gigabytes(b), 1),
               mem > 0 ? format_percent(in_gigabytes(b) / mem) : ""});
  m.add_rule();
  m.add_row({"total", format_number(mem, 1), "100.0%"});
  m.print(os);
  os << "capacity " << format_number(in_gigabytes(p.memory.capacity), 1)
     << " GB: " << (p.memory.fits ? "fits" : "DOES NOT FIT") << "\n\n";
  os << "cost: " << format_tokens(in_tokens(in.training_tokens)) << " tokens at goodput "
     << format_percent(in.goodput) << " = " << format_number(in_gpu_hours(st.gpu_time))
     << " GPU-hours, " << format_number(in_days(st.wall_clock), 1) << " days, "
     << format_usd(st.cost) << " at $" << format_number(in_usd_per_gpu_hour(st.price), 2)
     << " per GPU-hour\n";
  os << "source: " << flat(p.provenance.source) << '\n';
}

void markdown_stage(std::ostringstream& os, const StepTimeReportStage& st) {
  const StepTimeStage& in = st.inputs;
  const perf::StepPrediction& p = in.prediction;
  os << "## " << md(in.stage_name) << " — " << md(in.architecture.name) << " on "
     << format_number(static_cast<double>(in.plan.accelerators())) << " "
     << md(in.system.accelerator.name) << "\n\n";
  os << "Plan: " << md(describe_plan(in.plan)) << "\n\n";
  os << "| step time | seconds | share |\n|---|---:|---:|\n";
  const double total = in_seconds(p.time.total);
  const int decimals = total < 1 ? 5 : 3;  // a small model's step is milliseconds
  for (const auto& [label, d] : time_parts(p.time))
    os << "| " << label << " | " << format_number(in_seconds(d), decimals) << " | "
       << (total > 0 ? format_percent(in_seconds(d) / total) : "") << " |\n";
  os << "| **total per step** | **" << format_number(total, decimals) << "** | 100.0% |\n\n";
  os << "MFU **" << format_percent(p.mfu) << "**, HFU " << format_percent(p.hfu) << " of the "
     << md(in.system.accelerator.name) << " " << to_string(p.precision)
     << " dense peak; tokens per second "
     << format_number(in_tokens_per_second(p.tokens_per_second)) << ".\n\n";
  os << "| memory per accelerator | GB |\n|---|---:|\n";
  for (const auto& [label, b] : memory_parts(p.memory))
    os << "| " << label << " | " << format_number(in_gigabytes(b), 1) << " |\n";
  os << "| **total** (capacity " << format_number(in_gigabytes(p.memory.capacity), 1) << ") | **"
     << format_number(in_gigabytes(p.memory.total), 1) << "** |\n\n";
  os << "Memory: **" << (p.memory.fits ? "fits" : "does not fit")
     << "**. Cost: " << format_number(in_gpu_hours(st.gpu_time)) << " GPU-hours, "
     << format_number(in_days(st.wall_clock), 1) << " days, **" << format_usd(st.cost) << "**.\n\n";
}

nlohmann::ordered_json json_stage(const StepTimeReportStage& st) {
  const StepTimeStage& in = st.inputs;
  const perf::StepPrediction& p = in.prediction;
  nlohmann::ordered_json j;
  j["run"] = in.run_name;
  j["stage"] = in.stage_name;
  j["accelerator"] = in.system.accelerator.name;
  j["accelerators"] = in.plan.accelerators();
  j["architecture"] = architecture_json(in.architecture);
  j["plan"] = plan_json(in.plan);
  j["system"] = system_json(in);
  j["prediction"] = prediction_json(p);
  j["training_tokens"] = in_tokens(in.training_tokens);
  j["goodput"] = in.goodput;
  j["gpu_hours"] = in_gpu_hours(st.gpu_time);
  j["wall_clock_hours"] = in_hours(st.wall_clock);
  j["usd_per_gpu_hour"] = in_usd_per_gpu_hour(st.price);
  j["usd"] = in_usd(st.cost);
  return j;
}

}  // namespace

std::string render_step_time(const StepTimeReport& r, Format f) {
  std::ostringstream os;
  switch (f) {
    case Format::table:
      for (std::size_t i = 0; i < r.stages.size(); ++i) {
        if (i)
          os << '\n';
        table_stage(os, r.stages[i]);
      }
      return os.str();
    case Format::markdown:
      os << "# " << md(r.name.empty() ? r.file : r.name) << " — step time\n\n";
      for (const auto& st : r.stages)
        markdown_stage(os, st);
      return os.str();
    case Format::csv: {
      os << "run,stage,section,measure,value,unit\r\n";
      for (const auto& st : r.stages) {
        const StepTimeStage& in = st.inputs;
        const perf::StepPrediction& p = in.prediction;
        auto row = [&](const char* section, const std::string& measure, double v,
                       const char* unit) {
          os << csv_field(in.run_name) << ',' << csv_field(in.stage_name) << ',' << section << ','
             << measure << ',' << plain_number(v) << ',' << unit << "\r\n";
        };
        for (const auto& [label, d] : time_parts(p.time))
          row("step_time", key_of(label), in_seconds(d), "s");
        row("step_time", "total", in_seconds(p.time.total), "s");
        row("utilization", "mfu", p.mfu, "fraction");
        row("utilization", "hfu", p.hfu, "fraction");
        row("utilization", "tokens_per_second", in_tokens_per_second(p.tokens_per_second),
            "tokens/s");
        row("utilization", "model_flop_per_token", in_flop_per_token(p.model_flop_per_token),
            "FLOP");
        for (const auto& [label, b] : memory_parts(p.memory))
          row("memory", key_of(label), in_gigabytes(b), "GB");
        row("memory", "total", in_gigabytes(p.memory.total), "GB");
        row("memory", "capacity", in_gigabytes(p.memory.capacity), "GB");
        row("memory", "fits", p.memory.fits ? 1 : 0, "boolean");
        row("cost", "gpu_hours", in_gpu_hours(st.gpu_time), "GPU-hours");
        row("cost", "wall_clock_hours", in_hours(st.wall_clock), "hours");
        row("cost", "usd", in_usd(st.cost), "USD");
      }
      return os.str();
    }
    case Format::json: {
      nlohmann::ordered_json j;
      j["schema"] = "traincost.step_time/1";
      j["traincost_version"] = version_string;
      j["scenario"] = {{"name", r.name}, {"file", r.file}};
      j["stages"] = nlohmann::ordered_json::array();
      for (const auto& st : r.stages)
        j["stages"].push_back(json_stage(st));
      return detail_text::dump_json(j, 2) + "\n";
    }
  }
  detail_text::unknown_enum("Format", static_cast<int>(f));
}

}  // namespace traincost::io
