// The published record (docs/corpus.md), timed on the shipped extract of
// Epoch AI's data (data/epoch/, docs/sources.md §12):
//
//  Corpus/Read:          the four CSV files read and parsed (1,892 model rows).
//  Corpus/Cost:          frontier selection at top-n 10, imputation and the
//                        three methods for every model (89 models), on a record
//                        already read.
//  Corpus/Everything:    read + cost + audit + trend (target <= 0.1 s).
//  Corpus/Ranges10k:     the same with a 10,000-sample 90% interval for every
//                        model and method (target <= 1 s).
//  EpochScript/TopN10:   Epoch's own Python script on the same files, at
//                        --compute-threshold 10, as a subprocess (python3
//                        start-up included). Needs python3 with pandas
//                        (Debian's python3-pandas) and a checkout of
//                        epoch-research/training-cost-trends at 263c40a named
//                        by $TRAINCOST_EPOCH_REPO (traincost does not ship
//                        Epoch's code); skipped with a message otherwise.
//
// Counters: seconds (wall per iteration) and met = 1 when the target holds.
#include <benchmark/benchmark.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "traincost/io/corpus_report.hpp"

namespace {

namespace ep = traincost::io::epoch;
namespace fs = std::filesystem;

const std::string data_dir = std::string(TRAINCOST_SOURCE_DIR) + "/data/epoch";

void report(benchmark::State& state, double seconds_total, double target) {
  const double per = seconds_total / static_cast<double>(state.iterations());
  state.counters["seconds"] = per;
  state.counters["met"] = per <= target ? 1 : 0;
}

template <class F>
void timed(benchmark::State& state, double target, F&& f) {
  double total = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    total += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  report(state, total, target);
}

void Read(benchmark::State& state) {
  timed(state, 0.1, [] {
    auto r = ep::read_record(ep::Paths::in(data_dir));
    benchmark::DoNotOptimize(r.models.data());
  });
}
BENCHMARK(Read)->Name("Corpus/Read")->Unit(benchmark::kMillisecond)->UseRealTime();

void Cost(benchmark::State& state) {
  const auto record = ep::read_record(ep::Paths::in(data_dir));
  const traincost::corpus::CorpusOptions options;
  timed(state, 0.1, [&] {
    auto r = traincost::corpus::cost_corpus(record, options);
    benchmark::DoNotOptimize(r.models.data());
  });
}
BENCHMARK(Cost)->Name("Corpus/Cost")->Unit(benchmark::kMillisecond)->UseRealTime();

void Everything(benchmark::State& state, bool ranges, double target) {
  ep::CorpusRequest request;
  request.paths = ep::Paths::in(data_dir);
  request.ranges = ranges;
  timed(state, target, [&] {
    auto r = ep::run_corpus(request);
    benchmark::DoNotOptimize(r.result.models.data());
  });
}
BENCHMARK_CAPTURE(Everything, no_ranges, false, 0.1)
    ->Name("Corpus/Everything")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(Everything, ranges, true, 1.0)
    ->Name("Corpus/Ranges10k")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// A python3 that can import pandas, or "".
std::string python_with_pandas() {
  for (const char* p : {"/usr/bin/python3", "python3"}) {
    const std::string cmd = std::string(p) + " -c 'import pandas' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0)
      return p;
  }
  return {};
}

void EpochScript(benchmark::State& state) {
  const char* repo = std::getenv("TRAINCOST_EPOCH_REPO");
  const std::string python = python_with_pandas();
  if (!repo || !fs::exists(fs::path(repo) / "cost_analysis_standalone.py")) {
    state.SkipWithError(
        "skipped: set TRAINCOST_EPOCH_REPO to a checkout of "
        "epoch-research/training-cost-trends at 263c40a");
    return;
  }
  if (python.empty()) {
    state.SkipWithError("skipped: no python3 with pandas (Debian: python3-pandas)");
    return;
  }
  // The script imports pyairtable at start-up, which Debian does not package;
  // a stub on PYTHONPATH satisfies the import (the Airtable paths are unused).
  const fs::path stub = fs::temp_directory_path() / "traincost_bench_pyairtable" / "pyairtable";
  fs::create_directories(stub);
  if (!fs::exists(stub / "__init__.py")) {
    FILE* f = std::fopen((stub / "__init__.py").c_str(), "w");
    if (f) {
      std::fputs("class Api: pass\n", f);
      std::fclose(f);
    }
  }
  // The script runs from its own checkout (its option defaults are paths
  // relative to the working directory) and writes its results/ there, as it
  // always does; its price index is the checkout's, identical to the extract's.
  const std::string cmd =
      "cd '" + std::string(repo) + "' && PYTHONPATH='" + stub.parent_path().string() + "' " +
      python + " '" + repo + "/cost_analysis_standalone.py' --compute-threshold 10" +
      " --models-data '" + data_dir + "/All ML Systems - full view.csv'" + " --hardware-data '" +
      data_dir + "/Chip dataset-Grid view.csv'" + " --hardware-price-data '" + data_dir +
      "/Hardware prices.csv' >/dev/null 2>&1";
  timed(state, 1e9, [&] {
    if (std::system(cmd.c_str()) != 0)
      state.SkipWithError("Epoch's script failed");
  });
}
BENCHMARK(EpochScript)
    ->Name("EpochScript/TopN10")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace
