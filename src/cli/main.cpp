// The `traincost` command: scenario files in; tables, Markdown, CSV, JSON
// and SVG charts out. See README.md ("The traincost command") and docs/scenarios.md.
//
// Exit codes: 0 success, 1 bad input (a scenario that does not read or does
// not cost, an unknown accelerator, a chart that cannot be written),
// 2 usage (unknown command or option, missing argument).
//
// Output is built in memory and written only when everything succeeded, so
// nothing reaches standard output on error; charts are written to a
// temporary file and renamed into place, so a failed run never leaves half
// an SVG behind.

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "traincost/catalog.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
#include "traincost/io/simulation.hpp"
#include "traincost/io/svg_chart.hpp"
#include "traincost/version.hpp"

namespace {

using namespace traincost;
using namespace traincost::io;

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 1;
constexpr int exit_usage = 2;

/// An error that is the user's input or environment, not a bug: exit 1.
struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Writes `content` to `path` atomically: a temporary file in the same
/// directory, then rename(2), which replaces the target in one step.
void write_file_atomically(const std::string& path, const std::string& content) {
  std::string tmpl = path + ".tmp.XXXXXX";
  const int fd = mkstemp(tmpl.data());
  if (fd < 0)
    throw InputError("--chart " + path + ": cannot create a file there (" + std::strerror(errno) +
                     "); expected a writable path");
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      std::remove(tmpl.c_str());
      throw InputError("--chart " + path + ": write failed (" + why + ")");
    }
    done += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; a chart is an ordinary document.
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(tmpl.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    std::remove(tmpl.c_str());
    throw InputError("--chart " + path + ": cannot be written (" + why +
                     "); expected a writable path");
  }
}

struct Options {
  std::string file;
  std::string format = "table";
  std::string chart;
  std::optional<std::string> accelerator;
  std::int64_t samples = 10'000;
  std::uint64_t seed = 1;
  std::optional<std::string> result;  ///< which result a chart shows
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

/// Runs one command; returns what to print on standard output.
std::string run_estimate(const Options& o) {
  const Scenario s = read_scenario(o.file);
  const Estimate e = estimate(s);
  std::string out = render_estimate(e, *parse_format(o.format));
  if (!o.chart.empty())
    write_file_atomically(o.chart, breakdown_chart_svg(e));
  return out;
}

std::string run_simulate(const Options& o) {
  const Scenario s = read_scenario(o.file);
  (void)estimate(s);  // the point estimate must cost before ranges are drawn
  Progress progress;
  SimulationOptions opts;
  opts.samples = o.samples;
  opts.seed = o.seed;
  opts.progress = [&progress](std::int64_t done, std::int64_t total) { progress(done, total); };
  const Simulation sim = simulate(s, opts);
  const std::size_t shown = chart_result(s, sim.results, o.result);
  std::string out = render_simulation(sim, s, *parse_format(o.format));
  if (!o.chart.empty())
    write_file_atomically(o.chart, simulation_chart_svg(sim, shown));
  return out;
}

std::string run_sensitivity(const Options& o) {
  const Scenario s = read_scenario(o.file);
  (void)estimate(s);
  const Sensitivity sens = sensitivity(s);
  const std::size_t shown = chart_result(s, sens.results, o.result);
  std::string out = render_sensitivity(sens, s, *parse_format(o.format));
  if (!o.chart.empty())
    write_file_atomically(o.chart, sensitivity_chart_svg(sens, s, shown));
  return out;
}

std::string run_check(const Options& o) {
  const Scenario s = read_scenario(o.file);
  const Estimate e = estimate(s);  // some errors only a model can see
  std::size_t stages = 0;
  for (const auto& r : s.runs)
    stages += r.stages.size();
  auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out = s.file + ": ok (" + count(s.runs.size(), "run", "runs") + ", " +
                    count(stages, "stage", "stages");
  if (!s.uncertain.empty())
    out += ", " + count(s.uncertain.size(), "range", "ranges");
  return out + ")\n";
}

std::string run_catalog(const Options& o) {
  const Format f = *parse_format(o.format);
  if (!o.accelerator)
    return render_catalog(f);
  if (const CatalogEntry* e = find_accelerator(*o.accelerator))
    return render_catalog(f, e);
  std::string msg = "[" + std::string(error_id(ErrorCode::unknown_name)) + "] accelerator: got \"" +
                    *o.accelerator + "\", expected a catalog name; " + "closest known names:";
  bool first = true;
  for (const auto& n : closest_accelerator_names(*o.accelerator)) {
    msg += (first ? " " : ", ") + n;
    first = false;
  }
  throw InputError(msg);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "Estimate what it costs to train large AI models, with units, sources and "
      "scopes.\n\nExit codes: 0 success, 1 bad input, 2 usage error.",
      "traincost"};
  app.set_version_flag("--version", std::string("traincost ") + version_string);
  app.require_subcommand(1, 1);
  app.fallthrough(false);

  Options o;
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
  estimate_cmd->add_option("--chart", o.chart, "also write a stacked cost breakdown as SVG");

  CLI::App* simulate_cmd = app.add_subcommand(
      "simulate", "Monte Carlo over the ranges in a scenario file (percentiles, histogram)");
  add_file(simulate_cmd);
  add_format(simulate_cmd);
  simulate_cmd->add_option("--samples,-n", o.samples, "number of samples, 2 to 10,000,000")
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{10'000'000}))
      ->default_str("10000");
  simulate_cmd->add_option("--seed,-s", o.seed, "random seed; the same seed gives the same numbers")
      ->default_str("1");
  simulate_cmd->add_option("--chart", o.chart,
                           "also write a histogram with P5, P50 and P95 marked as SVG");

  CLI::App* sensitivity_cmd = app.add_subcommand(
      "sensitivity", "which range drives the cost: each input at its 5% and 95% (tornado)");
  add_file(sensitivity_cmd);
  add_format(sensitivity_cmd);
  sensitivity_cmd->add_option("--chart", o.chart, "also write a tornado chart as SVG");
  for (CLI::App* sub : {simulate_cmd, sensitivity_cmd})
    sub->add_option("--result", o.result,
                    "the result the chart shows (default: the program, else the first result)");

  CLI::App* check_cmd = app.add_subcommand("check", "validate a scenario file; print nothing else");
  add_file(check_cmd);

  CLI::App* catalog_cmd =
      app.add_subcommand("catalog", "list the built-in accelerators with their sources");
  catalog_cmd->add_option("NAME", o.accelerator, "one accelerator, in detail");
  add_format(catalog_cmd);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);  // prints help/version to stdout, errors to stderr
    return rc == 0 ? exit_ok : exit_usage;
  }

  try {
    std::string out;
    if (estimate_cmd->parsed())
      out = run_estimate(o);
    else if (simulate_cmd->parsed())
      out = run_simulate(o);
    else if (sensitivity_cmd->parsed())
      out = run_sensitivity(o);
    else if (check_cmd->parsed())
      out = run_check(o);
    else if (catalog_cmd->parsed())
      out = run_catalog(o);
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
    return exit_ok;
  } catch (const ScenarioError& e) {
    std::cerr << "traincost: error: " << e.what() << '\n';
  } catch (const InputError& e) {
    std::cerr << "traincost: error: " << e.what() << '\n';
  } catch (const traincost::Error& e) {
    std::cerr << "traincost: error: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "traincost: error: " << e.what() << '\n';
  }
  return exit_bad_input;
}
