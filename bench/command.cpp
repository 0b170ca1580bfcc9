// The `traincost` command timed as a user runs it: a subprocess, start-up,
// scenario reading, simulation and printing included (wall clock, standard
// output bytes, peak resident memory of the child from wait4's rusage).
//
//  ProgramRanges_1M/*: `traincost simulate examples/scenarios/
//      deepseek_program_ranges.toml -n 1000000 --format csv` (target <= 0.5 s
//      wall on 2 cores), and the peer bench/peers/program_ranges.py: numpy
//      (Debian's python3-numpy) drawing the same four inputs and evaluating
//      the same program formula, python3 start-up included. `ratio` times
//      both alternately in the same iterations (traincost / numpy; target
//      < 1: faster than numpy). The peer is skipped with a message when no
//      python3 can `import numpy` (tried: $TRAINCOST_PEER_PYTHON,
//      /usr/bin/python3, python3 on PATH).
//  ManyRuns/*: a generated scenario of 800 runs, each with a price range and
//      a GPU-hours stage, plus a program over the first 10: `simulate -n
//      10000` (target <= 5 s), `sensitivity` (target <= 2 s and <= 2 MB of
//      standard output); and 10 of those runs at `simulate -n 10000000`
//      (target <= 300 MB peak resident memory).
//
// Counters: seconds (wall), stdout_MB, peak_MB, and met = 1 when every
// target of the row holds. A command that exits non-zero fails the benchmark
// (SkipWithError, "FAILED", with its standard error). The command's path
// comes from bench/CMakeLists.txt ($<TARGET_FILE:traincost_cli>); without
// the command target every benchmark here is skipped with a message.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

#ifdef TRAINCOST_COMMAND
constexpr const char* kCommand = TRAINCOST_COMMAND;
#else
constexpr const char* kCommand = nullptr;
#endif
constexpr const char* kSourceDir = TRAINCOST_SOURCE_DIR;

/// What one run of a child process gave.
struct Outcome {
  bool started = false;
  int exit_status = -1;  ///< exit code, or -1 when killed by a signal
  double seconds = 0.0;  ///< wall clock, fork to reaped
  std::int64_t stdout_bytes = 0;
  double peak_mb = 0.0;  ///< the child's maximum resident set (ru_maxrss)
  std::string stderr_text;
  std::string stdout_head;  ///< the first 4 KB of standard output

  bool ok() const { return started && exit_status == 0; }
};

/// A scratch directory, removed at exit.
const fs::path& scratch_dir() {
  struct Dir {
    fs::path path;
    Dir() {
      std::string templ = (fs::temp_directory_path() / "traincost_bench_XXXXXX").string();
      if (::mkdtemp(templ.data()) == nullptr)
        throw std::runtime_error("mkdtemp failed");
      path = templ;
    }
    ~Dir() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  };
  static const Dir d;
  return d.path;
}

/// Runs `argv` (argv[0] searched on PATH when it has no slash), counting its
/// standard output; standard error goes to a file read back afterwards.
Outcome run(const std::vector<std::string>& argv) {
  Outcome o;
  const fs::path err_path = scratch_dir() / "stderr.txt";
  std::array<int, 2> out_pipe{};
  if (::pipe(out_pipe.data()) != 0)
    return o;
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(out_pipe[1], STDOUT_FILENO);
    if (err >= 0)
      ::dup2(err, STDERR_FILENO);
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    ::execvp(args[0], args.data());
    std::fprintf(stderr, "cannot run %s\n", args[0]);
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  if (pid < 0) {
    ::close(out_pipe[0]);
    return o;
  }
  o.started = true;
  std::array<char, 1 << 16> buf{};
  for (;;) {
    const ssize_t n = ::read(out_pipe[0], buf.data(), buf.size());
    if (n <= 0)
      break;
    if (o.stdout_head.size() < 4096)
      o.stdout_head.append(buf.data(), std::min<std::size_t>(static_cast<std::size_t>(n),
                                                             4096 - o.stdout_head.size()));
    o.stdout_bytes += n;
  }
  ::close(out_pipe[0]);
  int status = 0;
  struct rusage ru {};
  ::wait4(pid, &status, 0, &ru);
  o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  o.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;  // kilobytes on Linux
  std::ifstream err(err_path);
  std::ostringstream text;
  text << err.rdbuf();
  o.stderr_text = text.str();
  return o;
}

/// Fails the benchmark loudly when the command did not exit 0.
bool check(benchmark::State& state, const std::vector<std::string>& argv, const Outcome& o) {
  if (o.ok())
    return true;
  std::string cmd;
  for (const std::string& a : argv)
    cmd += (cmd.empty() ? "" : " ") + a;
  const std::string msg = "FAILED: `" + cmd + "` exited with status " +
                          std::to_string(o.exit_status) + ": " + o.stderr_text.substr(0, 600);
  std::cerr << "\n*** " << msg << "\n";
  state.SkipWithError(msg.c_str());
  return false;
}

bool have_command(benchmark::State& state) {
  if (kCommand != nullptr)
    return true;
  state.SkipWithError(
      "SKIPPED (not a failure): the traincost command is not built in this configuration "
      "(TRAINCOST_BUILD_IO=OFF)");
  return false;
}

/// A python3 that can import numpy, or empty.
const std::string& numpy_python() {
  static const std::string found = [] {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("TRAINCOST_PEER_PYTHON"))
      candidates.emplace_back(env);
    candidates.emplace_back("/usr/bin/python3");
    candidates.emplace_back("python3");
    for (const std::string& py : candidates)
      if (run({py, "-c", "import numpy"}).ok())
        return py;
    return std::string();
  }();
  return found;
}

bool have_numpy(benchmark::State& state) {
  if (!numpy_python().empty())
    return true;
  state.SkipWithError(
      "SKIPPED (not a failure): no python3 with numpy (Debian: apt-get install python3-numpy); "
      "the numpy peer is not timed");
  return false;
}

/// Sets the usual counters of one command row.
void report(benchmark::State& state, double seconds, double stdout_bytes, double peak_mb,
            bool met) {
  state.counters["seconds"] = seconds;
  state.counters["stdout_MB"] = stdout_bytes / 1e6;
  state.counters["peak_MB"] = peak_mb;
  state.counters["met"] = met ? 1 : 0;
}

// ---- the program scenario with four ranges, 1M samples ----

std::string source_path(const char* relative) {
  return (fs::path(kSourceDir) / relative).string();
}

std::vector<std::string> program_ranges_command() {
  return {kCommand == nullptr ? "" : kCommand,
          "simulate",
          source_path("examples/scenarios/deepseek_program_ranges.toml"),
          "-n",
          "1000000",
          "--format",
          "csv"};
}

std::vector<std::string> numpy_peer_command() {
  return {numpy_python(), source_path("bench/peers/program_ranges.py"), "1000000"};
}

/// What one command costs over the benchmark's iterations: mean wall time,
/// the largest peak memory, the bytes of the last report.
struct Measured {
  double seconds = 0.0;
  double peak_mb = 0.0;
  double stdout_bytes = 0.0;
};

/// Runs `argv` once per iteration with manual timing; nothing (and the
/// benchmark marked as an error by `check`) when a run fails.
std::optional<Measured> time_command(benchmark::State& state,
                                     const std::vector<std::string>& argv) {
  Measured m;
  double total = 0.0;
  for (auto _ : state) {
    const Outcome o = run(argv);
    if (!check(state, argv, o))
      return std::nullopt;
    state.SetIterationTime(o.seconds);
    total += o.seconds;
    m.peak_mb = std::max(m.peak_mb, o.peak_mb);
    m.stdout_bytes = static_cast<double>(o.stdout_bytes);
  }
  m.seconds = total / static_cast<double>(state.iterations());
  return m;
}

void ProgramRanges_1M_traincost(benchmark::State& state) {
  if (!have_command(state))
    return;
  const auto m = time_command(state, program_ranges_command());
  if (!m)
    return;
  report(state, m->seconds, m->stdout_bytes, m->peak_mb, m->seconds <= 0.5);
  state.SetItemsProcessed(state.iterations() * 1'000'000);
  state.SetLabel("target <= 0.5 s wall");
}
BENCHMARK(ProgramRanges_1M_traincost)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

void ProgramRanges_1M_numpy_peer(benchmark::State& state) {
  if (!have_numpy(state))
    return;
  const auto m = time_command(state, numpy_peer_command());
  if (!m)
    return;
  report(state, m->seconds, m->stdout_bytes, m->peak_mb, true);
  state.SetItemsProcessed(state.iterations() * 1'000'000);
  state.SetLabel("peer: numpy via " + numpy_python() + ", python start-up included");
}
BENCHMARK(ProgramRanges_1M_numpy_peer)
    ->Iterations(3)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

// Both, alternately, so that they see the same load: ratio = traincost / numpy.
void ProgramRanges_1M_ratio(benchmark::State& state) {
  if (!have_command(state) || !have_numpy(state))
    return;
  const auto cmd = program_ranges_command();
  const auto peer = numpy_peer_command();
  double ours = 0.0, theirs = 0.0;
  for (auto _ : state) {
    const Outcome a = run(cmd);
    if (!check(state, cmd, a))
      return;
    const Outcome b = run(peer);
    if (!check(state, peer, b))
      return;
    state.SetIterationTime(a.seconds);
    ours += a.seconds;
    theirs += b.seconds;
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["traincost_s"] = ours / n;
  state.counters["numpy_s"] = theirs / n;
  state.counters["ratio"] = ours / theirs;
  state.counters["met"] = ours / n <= 0.5 && ours < theirs ? 1 : 0;
  state.SetLabel("ratio = traincost / numpy; targets: traincost <= 0.5 s and ratio < 1");
}
BENCHMARK(ProgramRanges_1M_ratio)->Iterations(3)->Unit(benchmark::kMillisecond)->UseManualTime();

// ---- a generated scenario of many runs ----

/// A scenario of `runs` runs, each with a ranged price and one GPU-hours
/// stage, and a program over the first `program_runs` of them (none if 0).
std::string many_runs_toml(int runs, int program_runs) {
  std::ostringstream t;
  t << "# Generated by bench/command.cpp: " << runs << " runs, each with a price range.\n"
    << "name = \"" << runs << " generated runs\"\n";
  auto run_name = [](int i) {
    char b[32];
    std::snprintf(b, sizeof b, "run %03d", i);
    return std::string(b);
  };
  for (int i = 0; i < runs; ++i) {
    t << "\n[[run]]\nname = \"" << run_name(i) << "\"\n"
      << "[run.cluster]\naccelerator = \"H800 SXM\"\ncount = " << 256 + 8 * (i % 64) << "\n"
      << "[run.price]\nusd_per_gpu_hour = { low = " << 1.0 + 0.001 * i
      << ", high = " << 3.0 + 0.002 * i << " }\n"
      << "evidence = \"assumed\"\nsource = \"generated price range\"\n"
      << "[[run.stages]]\nname = \"pre-training\"\nkind = \"pre-training\"\n"
      << "gpu_hours = " << 100'000 + 1'000 * i << "\n"
      << "evidence = \"assumed\"\nsource = \"generated\"\n";
  }
  if (program_runs > 0) {
    t << "\n[program]\nname = \"program over " << program_runs
      << " runs\"\nbasis = \"rental_equivalent\"\nruns = [";
    for (int i = 0; i < program_runs; ++i)
      t << (i ? ", " : "") << '"' << run_name(i) << '"';
    t << "]\n";
  }
  return t.str();
}

std::string write_scenario(const char* file, int runs, int program_runs) {
  const fs::path p = scratch_dir() / file;
  if (!fs::exists(p)) {
    std::ofstream out(p);
    out << many_runs_toml(runs, program_runs);
  }
  return p.string();
}

const std::string& many_runs_file() {
  static const std::string p = write_scenario("runs800.toml", 800, 10);
  return p;
}
const std::string& ten_runs_file() {
  static const std::string p = write_scenario("runs10.toml", 10, 0);
  return p;
}

/// Times `argv` once per iteration; targets on seconds, output and memory.
void command_row(benchmark::State& state, const std::vector<std::string>& argv, double max_seconds,
                 double max_stdout_mb, double max_peak_mb, const std::string& label) {
  double total = 0.0, worst_mb = 0.0, bytes = 0.0;
  for (auto _ : state) {
    const Outcome o = run(argv);
    if (!check(state, argv, o))
      return;
    state.SetIterationTime(o.seconds);
    total += o.seconds;
    worst_mb = std::max(worst_mb, o.peak_mb);
    bytes = static_cast<double>(o.stdout_bytes);
  }
  const double s = total / static_cast<double>(state.iterations());
  report(state, s, bytes, worst_mb,
         s <= max_seconds && bytes / 1e6 <= max_stdout_mb && worst_mb <= max_peak_mb);
  state.SetLabel(label);
}

constexpr double kAny = 1e300;

void ManyRuns_simulate_800runs_10k(benchmark::State& state) {
  if (!have_command(state))
    return;
  command_row(state, {kCommand, "simulate", many_runs_file(), "-n", "10000"}, 5.0, kAny, kAny,
              "800 runs + program over 10; target <= 5 s");
}
BENCHMARK(ManyRuns_simulate_800runs_10k)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

void ManyRuns_sensitivity_800runs(benchmark::State& state) {
  if (!have_command(state))
    return;
  command_row(state, {kCommand, "sensitivity", many_runs_file()}, 2.0, 2.0, kAny,
              "800 runs + program over 10; targets <= 2 s, <= 2 MB of output");
}
BENCHMARK(ManyRuns_sensitivity_800runs)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

void ManyRuns_simulate_10runs_10M(benchmark::State& state) {
  if (!have_command(state))
    return;
  command_row(state, {kCommand, "simulate", ten_runs_file(), "-n", "10000000"}, kAny, kAny, 300.0,
              "10 runs x 10M samples; target <= 300 MB peak resident");
}
BENCHMARK(ManyRuns_simulate_10runs_10M)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime();

}  // namespace
