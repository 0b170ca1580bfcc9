// The `traincost` command: scenario files in; tables, Markdown, CSV, JSON
// and SVG charts out. See docs/cli.md.
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
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "traincost/catalog.hpp"
#include "traincost/io/estimate.hpp"
#include "traincost/io/render.hpp"
#include "traincost/io/scenario.hpp"
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

std::string run_check(const Options& o) {
  const Scenario s = read_scenario(o.file);
  const Estimate e = estimate(s);  // some errors only a model can see
  std::size_t stages = 0;
  for (const auto& r : s.runs)
    stages += r.stages.size();
  return s.file + ": ok (" + std::to_string(s.runs.size()) +
         (s.runs.size() == 1 ? " run, " : " runs, ") + std::to_string(stages) +
         (stages == 1 ? " stage" : " stages") + ")\n";
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
