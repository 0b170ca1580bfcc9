// The command in a hostile environment (issue 12): output files that are
// FIFOs, devices, symlinks or the input itself; standard output that is full
// or closed; inputs that are directories or closed; out-of-range seeds and
// malformed command lines. Every file is made in the test's own temporary
// directory; the only outside path used is /dev/full, as standard output.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "well_formed_xml.hpp"

namespace traincost::test {
namespace {

namespace fs = std::filesystem;

const std::string exe = TRAINCOST_EXE;
const fs::path source_dir = TRAINCOST_SOURCE_DIR;
const fs::path ranges = source_dir / "examples/scenarios/deepseek_v3_ranges.toml";

/// A temporary directory of its own for each test, removed afterwards.
class Environment : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "traincost_env_XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path at(const std::string& name) const { return dir_ / name; }

  /// Runs `sh -c "cd DIR && COMMAND"`, where `$T` is the command and
  /// `$R` the ranges scenario; standard output goes to a file in DIR unless
  /// COMMAND redirects it, standard input comes from an empty file.
  CommandResult shell(const std::string& command, bool capture_out = true) const {
    const fs::path out = at(".out"), err = at(".err"), in = at(".in");
    { std::ofstream(in) << ""; }
    std::string cmd = "cd " + shell_quote(dir_.string()) + " && T=" + shell_quote(exe) +
                      " R=" + shell_quote(ranges.string()) + " && { " + command + "; }";
    cmd = "{ " + cmd + "; } 2>" + shell_quote(err.string()) + " <" + shell_quote(in.string());
    if (capture_out)
      cmd += " >" + shell_quote(out.string());
    const int status = std::system(cmd.c_str());
    CommandResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    fs::remove(out);
    fs::remove(err);
    fs::remove(in);
    return r;
  }

  static mode_t kind_of(const fs::path& p) {
    struct stat st {};
    return ::lstat(p.c_str(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
  }

  fs::path dir_;
};

// ---- Row 1: a chart path that is not a regular file --------------------------

TEST_F(Environment, AChartToAFifoIsWrittenThroughAndTheFifoStays) {
  ASSERT_EQ(::mkfifo(at("chart.fifo").c_str(), 0600), 0);
  // A reader drains the FIFO; the old rename left it blocked (hence the timeout).
  const auto r = shell(
      "timeout 20 cat chart.fifo > got.svg & $T estimate \"$R\" --chart chart.fifo; rc=$?; wait; "
      "exit $rc");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(kind_of(at("chart.fifo")), S_IFIFO);
  const std::string svg = slurp(at("got.svg"));
  EXPECT_NE(svg.find("</svg>"), std::string::npos);
  EXPECT_EQ(xml_problem(svg), "");
}

TEST_F(Environment, AChartToACharacterDeviceLeavesTheDeviceInPlace) {
  // A null device node of the test's own (as root, the old code replaced
  // /dev/null itself with a regular file).
  if (::mknod(at("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "cannot make a device node here (not root, or a nodev file system)";
  const auto r = shell("$T estimate \"$R\" --chart null");
  EXPECT_EQ(kind_of(at("null")), S_IFCHR);
  if (r.exit_code != 0)  // a nodev mount refuses the open: a clear error, not a rename
    EXPECT_NE(r.err.find("--chart null: cannot be opened for writing ("), std::string::npos)
        << r.err;
  else
    EXPECT_NE(r.out.find("total cost"), std::string::npos);
}

TEST_F(Environment, AChartToASymlinkWritesItsTargetAndKeepsTheLink) {
  fs::create_directory(at("real"));
  { std::ofstream(at("real/chart.svg")) << "previous"; }
  fs::create_symlink("real/chart.svg", at("link.svg"));
  fs::create_symlink("real/new.svg", at("dangling.svg"));
  const auto r = shell(
      "$T estimate \"$R\" --chart link.svg && $T estimate \"$R\" --chart "
      "dangling.svg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(kind_of(at("link.svg")), S_IFLNK);
  EXPECT_EQ(kind_of(at("dangling.svg")), S_IFLNK);
  EXPECT_NE(slurp(at("real/chart.svg")).find("</svg>"), std::string::npos);
  EXPECT_NE(slurp(at("real/new.svg")).find("</svg>"), std::string::npos);
  // Nothing but what the test made and the two charts: no temporary file.
  std::size_t entries = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 5u);  // real, real/chart.svg, real/new.svg, link.svg, dangling.svg
}

TEST_F(Environment, AReplacedChartKeepsItsPermissions) {
  { std::ofstream(at("chart.svg")) << "previous"; }
  fs::permissions(at("chart.svg"),
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  const auto r = shell("$T estimate \"$R\" --chart chart.svg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(slurp(at("chart.svg")).find("</svg>"), std::string::npos);
  EXPECT_EQ(fs::status(at("chart.svg")).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

// ---- Row 2: the chart is the input --------------------------------------------

TEST_F(Environment, AChartOverTheScenarioIsRefused) {
  fs::copy_file(ranges, at("s.toml"));
  fs::create_hard_link(at("s.toml"), at("hard.toml"));
  fs::create_symlink("s.toml", at("soft.toml"));
  const std::string before = slurp(at("s.toml"));
  for (const char* chart : {"s.toml", "./s.toml", "hard.toml", "soft.toml"}) {
    SCOPED_TRACE(chart);
    const auto r = shell(std::string("$T estimate s.toml --chart ") + chart);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, std::string("traincost: error: --chart ") + chart +
                         ": is the scenario file being read; expected another file for the "
                         "chart\n");
    EXPECT_EQ(slurp(at("s.toml")), before);
  }
  // Read from standard input, the same file is refused too.
  const auto r = shell("$T estimate - --chart s.toml < s.toml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(slurp(at("s.toml")), before);
}

// ---- Row 3: standard output that cannot be written ----------------------------

TEST_F(Environment, AFullStandardOutputIsAnError) {
  for (const char* command : {"$T estimate \"$R\"", "$T check \"$R\"", "$T catalog",
                              "$T simulate \"$R\" -n 100", "$T --help"}) {
    SCOPED_TRACE(command);
    const auto r = shell(std::string(command) + " > /dev/full", false);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "traincost: error: cannot write standard output: No space left on device\n");
  }
}

TEST_F(Environment, AClosedStandardOutputIsAnError) {
  for (const char* command : {"$T estimate \"$R\"", "$T check \"$R\"", "$T --version"}) {
    SCOPED_TRACE(command);
    const auto r = shell(std::string(command) + " >&-", false);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "traincost: error: cannot write standard output: Bad file descriptor\n");
  }
}

// ---- Row 5: seeds out of range --------------------------------------------------

TEST_F(Environment, SeedsOutOfRangeAreUsageErrors) {
  for (const char* seed :
       {"99999999999999999999999", "18446744073709551616", "-1", "-2", "1.5", "", "0x10", "+3"}) {
    SCOPED_TRACE(seed);
    const auto r = shell(std::string("$T simulate \"$R\" -n 100 --seed '") + seed + "'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("traincost: error: --seed: got \"", 0), 0u) << r.err;
  }
  // The largest seed is a seed like any other.
  const auto max = shell("$T simulate \"$R\" -n 100 --seed 18446744073709551615");
  EXPECT_EQ(max.exit_code, 0) << max.err;
  EXPECT_NE(max.out.find("seed 18446744073709551615"), std::string::npos) << max.out;
}

// ---- Row 8: inputs that are not readable files ----------------------------------

TEST_F(Environment, ADirectoryOrAClosedStandardInputIsNotAnEmptyScenario) {
  fs::create_directory(at("examples"));
  const auto d = shell("$T estimate examples");
  EXPECT_EQ(d.exit_code, 1);
  EXPECT_EQ(d.err,
            "traincost: error: examples: cannot be read (Is a directory); expected a scenario "
            "file\n");
  const auto c = shell("$T check - <&-");
  EXPECT_EQ(c.exit_code, 1);
  EXPECT_EQ(c.err, "traincost: error: cannot read standard input (Bad file descriptor)\n");
}

TEST_F(Environment, OpenErrorsCarryTheSystemsReason) {
  fs::create_symlink("loop.toml", at("loop.toml"));
  const auto loop = shell("$T check loop.toml");
  EXPECT_EQ(loop.exit_code, 1);
  EXPECT_EQ(loop.err,
            "traincost: error: loop.toml: cannot be opened (Too many levels of symbolic links); "
            "expected a readable scenario file\n");
  const auto missing = shell("$T check missing.toml");
  EXPECT_NE(missing.err.find("missing.toml: cannot be opened (No such file or directory)"),
            std::string::npos)
      << missing.err;
}

TEST_F(Environment, AFileOverTheSizeCapReportsItsSizeAndNoLine) {
  { std::ofstream(at("big.toml")) << std::string(2'000'000, '#'); }
  const auto r = shell("$T check big.toml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "traincost: error: big.toml: got 2000000 bytes, expected at most 1048576 bytes\n");
  const auto piped = shell("$T check - < big.toml");
  EXPECT_EQ(piped.exit_code, 1);
  EXPECT_EQ(piped.err.find(":0:0:"), std::string::npos) << piped.err;
}

// ---- Usage errors: prefix, suggestion, --chart - and "" -----------------------------

TEST_F(Environment, UsageErrorsAreOnePrefixedLineWithASuggestion) {
  const auto typo = shell("$T estimat f");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_EQ(
      typo.err,
      "traincost: error: unknown command \"estimat\", expected one of: estimate, simulate, "
      "sensitivity, compare, check, step-time, plan, catalog, corpus (closest: estimate) (see "
      "traincost "
      "--help)\n");
  for (const char* command : {"$T", "$T estimate", "$T estimate \"$R\" --format xml",
                              "$T estimate \"$R\" --colour", "$T simulate \"$R\" -n 1"}) {
    SCOPED_TRACE(command);
    const auto r = shell(command);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("traincost: error: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
  }
}

TEST_F(Environment, AChartNamedDashOrNothingIsAUsageError) {
  for (const char* chart : {"-", ""}) {
    SCOPED_TRACE(chart);
    const auto r = shell(std::string("$T estimate \"$R\" --chart '") + chart + "'");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("traincost: error: --chart: got ", 0), 0u) << r.err;
  }
  EXPECT_FALSE(fs::exists(at("-")));
}

// ---- Control characters are escaped wherever input is echoed --------------------

TEST_F(Environment, ControlCharactersInNamesAndQueriesAreEscaped) {
  const auto query = shell("$T catalog \"$(printf 'h\\033[31m')\"");
  EXPECT_EQ(query.exit_code, 1);
  EXPECT_EQ(query.err.find('\033'), std::string::npos);
  // The catalog's own error, the query escaped.
  EXPECT_NE(query.err.find("[traincost.unknown_name] accelerator: got \"h\\x1b[31m\", expected an "
                           "accelerator in the catalog"),
            std::string::npos)
      << query.err;
  const auto file = shell("$T check \"$(printf 'a\\033b\\nc.toml')\"");
  EXPECT_EQ(file.exit_code, 1);
  EXPECT_EQ(file.err.find('\033'), std::string::npos);
  EXPECT_EQ(file.err.find('\n'), file.err.size() - 1) << file.err;
  EXPECT_NE(file.err.find("a\\x1bb\\x0ac.toml: cannot be opened"), std::string::npos) << file.err;
  // A scenario name in Markdown.
  {
    std::ofstream(at("esc.toml")) << "name = \"V3\\u001b[2J\"\n"
                                  << slurp(ranges).substr(slurp(ranges).find("[run]"));
  }
  const auto md = shell("$T estimate esc.toml -f markdown");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out.find('\033'), std::string::npos);
  EXPECT_NE(md.out.find("V3\\x1b[2J"), std::string::npos) << md.out;
}

// ---- Charts of many runs stay renderable -----------------------------------------

TEST_F(Environment, AChartOfManyRunsIsCappedAndSaysSo) {
  {
    std::ofstream f(at("many.toml"));
    for (int i = 0; i < 800; ++i)
      f << "[[run]]\nname = \"run " << i << "\"\ncluster = { accelerator = \"h800\", count = 8 }\n"
        << "price = { usd_per_gpu_hour = 2 }\n[[run.stages]]\nname = \"s\"\ngpu_hours = "
        << (i + 1) * 10 << "\n";
  }
  const auto r = shell("$T estimate many.toml --chart many.svg");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string svg = slurp(at("many.svg"));
  EXPECT_EQ(xml_problem(svg), "");
  EXPECT_NE(svg.find("and 700 more results not drawn"), std::string::npos);
  // rsvg-convert renders it (it refused the 79,280 px chart).
  const auto png = shell(shell_quote(TRAINCOST_RSVG_CONVERT) + " -o many.png many.svg");
  EXPECT_EQ(png.exit_code, 0) << png.err;
  EXPECT_EQ(slurp(at("many.png")).substr(1, 3), "PNG");
}

}  // namespace
}  // namespace traincost::test
