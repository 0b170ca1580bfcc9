// The `traincost` command: scenario files in; tables, Markdown, CSV, JSON
// and SVG charts out. See README.md ("The traincost command") and docs/scenarios.md.
//
// Exit codes: 0 success, 1 bad input (a scenario that does not read or does
// not cost, an unknown accelerator, a chart that cannot be written),
// 2 usage (unknown command or option, missing argument), 70 a bug in
// traincost (any other exception). See report_error.hpp.
//
// Output is built in memory and written only when everything succeeded, so
// nothing reaches standard output on error, and every write to it is
// checked (a full disk is exit 1, not a lost report). Charts never destroy
// a file: see output_file.hpp.

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>

#include "output_file.hpp"
#include "report_error.hpp"
#include "standard_output.hpp"
#include "usage.hpp"

#include "traincost/hardware/catalog.hpp"
#include "traincost/io/compare.hpp"
#include "traincost/io/corpus_report.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/printable.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/io/simulation.hpp"
#include "traincost/io/step_time_report.hpp"
#include "traincost/io/svg_chart.hpp"
#include "traincost/print/plausibility_report.hpp"
#include "traincost/version.hpp"

namespace {

using namespace traincost;
using namespace traincost::io;

using traincost::cli::exit_bad_input;
using traincost::cli::exit_ok;
using traincost::cli::exit_usage;

void write_chart(const std::string& path, const std::string& svg, const std::string& input) {
  traincost::cli::write_output_file("--chart", path, svg, input);
}

struct Options {
  std::string file;
  std::string format = "table";
  std::string chart;
  std::optional<std::string> accelerator;
  std::int64_t samples = 10'000;
  std::uint64_t seed = 1;
  std::optional<std::string> result;  ///< which result a chart shows
  bool strict = false;                ///< check: a doubtful MFU is an error
  std::vector<std::string> files;     ///< compare: two or more scenario files
  std::string output;                 ///< compare: --output FILE
};

/// The result a simulate or sensitivity chart shows: `--result NAME`, else
/// the program (or the first result).
template <class Results>
std::size_t chart_result(const Scenario& s, const Results& results,
                         const std::optional<std::string>& name) {
  std::vector<std::pair<std::string, Scope>> labels;
  for (const auto& r : results)
    labels.emplace_back(r.name, r.scope);
  return name ? result_index(s, labels, *name) : default_chart_result(labels);
}

/// Progress on standard error, only when it is a terminal and the run has
/// taken more than half a second: silent in pipes, logs and tests.
class Progress {
 public:
  Progress() : enabled_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}
  ~Progress() {
    if (shown_)
      std::fputs("\r\033[K", stderr);
  }
  void operator()(std::int64_t done, std::int64_t total) {
    if (!enabled_ || total <= 0)
      return;
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto elapsed = std::chrono::steady_clock::now() - start_;
    const int percent = static_cast<int>(100 * done / total);
    if (elapsed < std::chrono::milliseconds(500) || percent == last_)
      return;
    last_ = percent;
    shown_ = true;
    std::fprintf(stderr, "\rsimulating: %3d%% of %lld samples", percent,
                 static_cast<long long>(total));
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  int last_ = -1;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
};

/// The scenario of a command that costs one configuration. A file with
/// [[variant]] tables is for `compare`: the reader's "unknown key" says so.
Scenario read_one(const std::string& file) {
  try {
    return read_scenario(file);
  } catch (const ScenarioError& e) {
    if (e.code() != ErrorCode::unknown_name || e.field() != FieldPath("variant"))
      throw;
    throw ScenarioError(e, e.file(), e.where(), e.field(),
                        "got [[variant]] tables, which only `traincost compare` reads, expected "
                        "a file without them here");
  }
}

/// Runs one command; returns what to print on standard output.
std::string run_estimate(const Options& o) {
  const Scenario s = read_one(o.file);
  const Estimate e = estimate(s);
  std::string out = render_estimate(e, *parse_format(o.format));
  if (!o.chart.empty())
    write_chart(o.chart, breakdown_chart_svg(e), o.file);
  return out;
}

std::string run_simulate(const Options& o) {
  const Scenario s = read_one(o.file);
  (void)estimate(s);  // the point estimate must cost before ranges are drawn
  Progress progress;
  SimulationOptions opts;
  opts.samples = o.samples;
  opts.seed = o.seed;
  opts.progress = [&progress](std::int64_t done, std::int64_t total) { progress(done, total); };
  const Simulation sim = run_simulation(s, opts);
  const std::size_t shown = chart_result(s, sim.results, o.result);
  std::string out = render_simulation(sim, s, *parse_format(o.format));
  if (!o.chart.empty())
    write_chart(o.chart, simulation_chart_svg(sim, shown), o.file);
  return out;
}

std::string run_sensitivity(const Options& o) {
  const Scenario s = read_one(o.file);
  (void)estimate(s);
  const Sensitivity sens = sensitivity(s);
  const std::size_t shown = chart_result(s, sens.results, o.result);
  std::string out = render_sensitivity(sens, s, *parse_format(o.format));
  if (!o.chart.empty())
    write_chart(o.chart, sensitivity_chart_svg(sens, s, shown), o.file);
  return out;
}

std::string run_check(const Options& o) {
  // Every variant is read and costed too (read_configurations does both).
  const std::vector<Configuration> configurations = read_configurations(o.file);
  const Scenario& s = configurations.front().scenario;
  const Estimate e = estimate(s);  // some errors only a model can see
  std::size_t stages = 0;
  for (const auto& r : s.runs)
    stages += r.stages.size();
  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  // A stage's MFU (implied from its reported time, or stated) that the
  // plausibility check doubts: a warning, or under --strict an error.
  const std::vector<DoubtfulMfu> doubtful = doubtful_mfus(s, e);
  auto described = [](const DoubtfulMfu& d) {
    return std::string(d.implied ? "implied MFU " : "stated MFU ") + explain(d.mfu);
  };
  if (o.strict && !doubtful.empty()) {
    const DoubtfulMfu& d = doubtful.front();
    throw ScenarioError(
        ErrorCode::implausible_claim, s.file, d.where, d.field,
        described(d) +
            (doubtful.size() > 1
                 ? " (and " + count(doubtful.size() - 1, "more stage", "more stages") + ")"
                 : ""));
  }
  std::string out = printable(s.file) + ": ok (" + count(s.runs.size(), "run", "runs") + ", " +
                    count(stages, "stage", "stages");
  if (!s.serving.empty())
    out += ", " + count(s.serving.size(), "serving deployment", "serving deployments");
  if (!s.uncertain.empty())
    out += ", " + count(s.uncertain.size(), "range", "ranges");
  if (configurations.size() > 1)
    out += ", " + count(configurations.size() - 1, "variant", "variants");
  out += ")\n";
  for (const DoubtfulMfu& d : doubtful)
    out += "warning: " + printable(s.file) + ":" + std::to_string(d.where.line) + ":" +
           std::to_string(d.where.column) + ": " + d.field.str() + " (" + printable(d.stage) +
           "): " + described(d) + "\n";
  for (const std::string& w : step_time_warnings(s))  // a plan that does not fit in memory
    out += "warning: " + w + "\n";
  return out;
}

/// `compare`: every file's configurations (its base and its [[variant]]s)
/// side by side. With --output the report goes to a file (written whole or
/// not at all, never over one of the scenarios) and nothing to standard output.
std::string run_compare(const Options& o) {
  std::vector<Configuration> all;
  for (const std::string& f : o.files)
    for (Configuration& c : read_configurations(f))
      all.push_back(std::move(c));
  std::string out = render_comparison(compare(std::move(all)), *parse_format(o.format));
  if (o.output.empty())
    return out;
  struct stat target {};
  if (::stat(o.output.c_str(), &target) == 0)
    for (const std::string& f : o.files) {
      struct stat in {};
      if (f != "-" && ::stat(f.c_str(), &in) == 0 && in.st_dev == target.st_dev &&
          in.st_ino == target.st_ino)
        throw traincost::cli::OutputError("--output " + printable(o.output) +
                                          ": is a scenario file being read; expected another "
                                          "file for the report");
    }
  traincost::cli::write_output_file("--output", o.output, out, o.files.front());
  return {};
}

std::string run_catalog(const Options& o) {
  const Format f = *parse_format(o.format);
  if (!o.accelerator)
    return render_catalog(f);
  if (const CatalogEntry* e = find_accelerator(*o.accelerator))
    return render_catalog(f, e);
  // The catalog's own error, the query echoed with control characters escaped.
  (void)accelerator(printable(*o.accelerator, 60));
  return render_catalog(f);  // not reached: an unknown name throws above
}

/// `step-time` and `plan`: the report to standard output, or with --output
/// to a file (written whole or not at all, never over the scenario).
std::string to_output(const Options& o, std::string report) {
  if (o.output.empty())
    return report;
  traincost::cli::write_output_file("--output", o.output, report, o.file);
  return {};
}

/// `traincost step-time FILE`: each step-time stage's prediction and cost.
std::string run_step_time(const Options& o) {
  const Scenario s = read_one(o.file);
  const Estimate e = estimate(s);
  return to_output(o, render_step_time(step_time_report(s, e), *parse_format(o.format)));
}

/// `traincost plan FILE`: the best plans for each step-time stage.
std::string run_plan(const Options& o, const PlanCommandOptions& plan) {
  const Scenario s = read_one(o.file);
  (void)estimate(s);  // the file must cost as written before plans are searched
  return to_output(o, render_plans(plan_report(s, plan), *parse_format(o.format)));
}

/// `traincost corpus`: Epoch AI's published record (docs/corpus.md).
struct CorpusArgs {
  std::string dir;
  std::string models, chips, prices, index;
  int top_n = 10;
  std::string methods = "all";
  std::string base_month = "2025-06";
  bool no_ranges = false;
  std::int64_t samples = 10'000;
};

std::string run_corpus_command(const CorpusArgs& a, const Options& o) {
  epoch::CorpusRequest request;
  request.paths = epoch::Paths::in(a.dir);
  for (auto [given, path] :
       {std::pair{&a.models, &request.paths.models}, std::pair{&a.chips, &request.paths.chips},
        std::pair{&a.prices, &request.paths.prices}, std::pair{&a.index, &request.paths.index}})
    if (!given->empty())
      *path = *given;
  request.options.top_n = a.top_n;
  request.options.methods = epoch::parse_methods(a.methods, "--methods");
  request.options.base = epoch::parse_base_month(a.base_month, "--base-month");
  request.ranges = !a.no_ranges;
  request.range_options.samples = a.samples;
  request.range_options.seed = o.seed;
  if (std::find(request.options.methods.begin(), request.options.methods.end(),
                request.trend_method) == request.options.methods.end())
    request.trend_method = request.options.methods.front();
  const epoch::CorpusReport report = epoch::run_corpus(request);
  std::string out = epoch::render_corpus(report, *parse_format(o.format));
  if (!o.chart.empty())
    write_chart(o.chart, epoch::corpus_trend_svg(report), request.paths.models);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Estimate what it costs to train large AI models, with units, sources and "
      "scopes.\n\nExit codes: 0 success, 1 bad input, 2 usage error, 70 a bug in traincost.",
      "traincost"};
  app.set_version_flag("--version", std::string("traincost ") + version_string);
  app.require_subcommand(1, 1);
  app.fallthrough(false);

  Options o;
  // A chart path and a seed are checked as typed: "" was ignored, "-" made
  // a file named "-", and an out-of-range seed wrapped or saturated.
  const CLI::Validator chart_path(
      [](std::string& v) { return traincost::cli::output_path_problem(v); }, "FILE");
  const CLI::Validator seed([](std::string& v) { return traincost::cli::seed_problem(v); }, "SEED");
  const std::vector<std::string> formats = {"table", "markdown", "csv", "json"};
  auto add_format = [&](CLI::App* sub) {
    sub->add_option("--format,-f", o.format, "output format: table, markdown, csv or json")
        ->check(CLI::IsMember(formats))
        ->default_str("table");
  };
  auto add_file = [&](CLI::App* sub) {
    sub->add_option("FILE", o.file, "scenario file (TOML); - reads standard input")->required();
  };

  CLI::App* estimate_cmd =
      app.add_subcommand("estimate", "cost every model in a scenario file (breakdown)");
  add_file(estimate_cmd);
  add_format(estimate_cmd);
  estimate_cmd->add_option("--chart", o.chart, "also write a stacked cost breakdown as SVG")
      ->check(chart_path);

  CLI::App* simulate_cmd = app.add_subcommand(
      "simulate", "Monte Carlo over the ranges in a scenario file (percentiles, histogram)");
  add_file(simulate_cmd);
  add_format(simulate_cmd);
  simulate_cmd->add_option("--samples,-n", o.samples, "number of samples, 2 to 10,000,000")
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{10'000'000}))
      ->default_str("10000");
  simulate_cmd->add_option("--seed,-s", o.seed, "random seed; the same seed gives the same numbers")
      ->check(seed)
      ->default_str("1");
  simulate_cmd
      ->add_option("--chart", o.chart, "also write a histogram with P5, P50 and P95 marked as SVG")
      ->check(chart_path);

  CLI::App* sensitivity_cmd = app.add_subcommand(
      "sensitivity", "which range drives the cost: each input at its 5% and 95% (tornado)");
  add_file(sensitivity_cmd);
  add_format(sensitivity_cmd);
  sensitivity_cmd->add_option("--chart", o.chart, "also write a tornado chart as SVG")
      ->check(chart_path);
  for (CLI::App* sub : {simulate_cmd, sensitivity_cmd})
    sub->add_option("--result", o.result,
                    "the result the chart shows (default: the program, else the first result)");

  CLI::App* compare_cmd = app.add_subcommand(
      "compare", "cost two or more configurations side by side: files, or one file's [[variant]]s");
  compare_cmd
      ->add_option(
          "FILES", o.files,
          "scenario files (TOML), each with any [[variant]] tables; - reads standard input")
      ->required()
      ->expected(1, -1);
  add_format(compare_cmd);
  compare_cmd->add_option("--output,-o", o.output, "write the report to FILE, not standard output")
      ->check(chart_path);

  CLI::App* check_cmd = app.add_subcommand(
      "check", "validate a scenario file; print a line, and a warning per doubtful MFU");
  add_file(check_cmd);
  check_cmd->add_flag("--strict", o.strict,
                      "fail (exit 1) when a stage's implied or stated MFU is implausible or "
                      "impossible");

  CLI::App* step_time_cmd = app.add_subcommand(
      "step-time",
      "predict each [step_time] stage's step time, MFU and memory from architecture and plan");
  add_file(step_time_cmd);
  add_format(step_time_cmd);
  PlanCommandOptions plan_options;
  double deadline_days = 0;
  CLI::App* plan_cmd = app.add_subcommand(
      "plan", "search parallel plans for each [step_time] stage's model on its cluster");
  add_file(plan_cmd);
  add_format(plan_cmd);
  plan_cmd->add_option("--top", plan_options.top, "plans shown, 1 to 100")
      ->check(CLI::Range(1, 100))
      ->default_str("5");
  CLI::Option* deadline_opt =
      plan_cmd
          ->add_option("--deadline", deadline_days,
                       "rank by cost among plans that train the stage's tokens within DAYS "
                       "(the cluster and up to three halvings of it)")
          ->check(CLI::Range(1e-3, 1e5));
  for (CLI::App* sub : {step_time_cmd, plan_cmd})
    sub->add_option("--output,-o", o.output, "write the report to FILE, not standard output")
        ->check(chart_path);

  CLI::App* catalog_cmd =
      app.add_subcommand("catalog", "list the built-in accelerators with their sources");
  catalog_cmd->add_option("NAME", o.accelerator, "one accelerator, in detail");
  add_format(catalog_cmd);

  CorpusArgs corpus_args;
  CLI::App* corpus_cmd = app.add_subcommand(
      "corpus", "cost the frontier models of Epoch AI's data three ways, with ranges and an audit");
  corpus_cmd->add_option("--data", corpus_args.dir,
                         "folder holding Epoch's four CSV files by their names (e.g. data/epoch)");
  corpus_cmd->add_option("--models", corpus_args.models,
                         "the models file (All ML Systems - full view.csv)");
  corpus_cmd->add_option("--chips", corpus_args.chips,
                         "the chip file (Chip dataset-Grid view.csv)");
  corpus_cmd->add_option("--prices", corpus_args.prices, "the price file (Hardware prices.csv)");
  corpus_cmd->add_option("--index", corpus_args.index, "the price index (PCU518210518210.csv)");
  corpus_cmd->add_option("--top-n", corpus_args.top_n, "frontier: top n by compute at publication")
      ->check(CLI::Range(1, 1000))
      ->default_str("10");
  corpus_cmd
      ->add_option("--methods", corpus_args.methods,
                   "all, or a comma-separated list of capex_energy, acquisition, cloud")
      ->default_str("all");
  corpus_cmd->add_option("--base-month", corpus_args.base_month, "dollars of this month, YYYY-MM")
      ->default_str("2025-06");
  corpus_cmd->add_flag("--no-ranges", corpus_args.no_ranges, "skip the 90% intervals");
  corpus_cmd
      ->add_option("--samples,-n", corpus_args.samples, "samples per interval, 2 to 1,000,000")
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{1'000'000}))
      ->default_str("10000");
  corpus_cmd->add_option("--seed,-s", o.seed, "random seed of the intervals")
      ->check(seed)
      ->default_str("1");
  corpus_cmd->add_option("--chart", o.chart, "also write the cost trend as SVG")->check(chart_path);
  add_format(corpus_cmd);

  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands({}))
    commands.push_back(sub->get_name());
  if (argc > 1)
    if (const std::string bad = traincost::cli::unknown_command(argv[1], commands); !bad.empty()) {
      std::cerr << traincost::cli::usage_line(bad) << '\n';
      return exit_usage;
    }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0) {
      std::cerr << traincost::cli::usage_line(e.what()) << '\n';
      return exit_usage;
    }
    std::ostringstream help, unused;
    (void)app.exit(e, help, unused);  // help or version
    if (const std::string failed = traincost::cli::write_standard_output(help.str());
        !failed.empty()) {
      std::cerr << "traincost: error: " << failed << '\n';
      return exit_bad_input;
    }
    return exit_ok;
  }

  return traincost::cli::run_reporting_errors(
      [&] {
        std::string out;
        if (estimate_cmd->parsed())
          out = run_estimate(o);
        else if (simulate_cmd->parsed())
          out = run_simulate(o);
        else if (sensitivity_cmd->parsed())
          out = run_sensitivity(o);
        else if (compare_cmd->parsed())
          out = run_compare(o);
        else if (step_time_cmd->parsed())
          out = run_step_time(o);
        else if (plan_cmd->parsed()) {
          if (deadline_opt->count() > 0)
            plan_options.deadline_days = deadline_days;
          out = run_plan(o, plan_options);
        } else if (check_cmd->parsed())
          out = run_check(o);
        else if (catalog_cmd->parsed())
          out = run_catalog(o);
        else if (corpus_cmd->parsed())
          out = run_corpus_command(corpus_args, o);
        if (const std::string failed = traincost::cli::write_standard_output(out);
            !failed.empty()) {
          std::cerr << "traincost: error: " << failed << '\n';
          return exit_bad_input;
        }
        return exit_ok;
      },
      std::cerr);
}
