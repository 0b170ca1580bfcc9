// The command's one mapping from exceptions to messages and exit codes.
#include <gtest/gtest.h>

#include <new>
#include <sstream>
#include <stdexcept>
#include <string>

#include "output_file.hpp"
#include "report_error.hpp"
#include "traincost/hardware/catalog.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::test {
namespace {

using cli::run_reporting_errors;

TEST(ReportError, SuccessPassesTheCommandsExitCodeThrough) {
  std::ostringstream err;
  EXPECT_EQ(run_reporting_errors([] { return cli::exit_ok; }, err), 0);
  EXPECT_EQ(run_reporting_errors([] { return cli::exit_bad_input; }, err), 1);
  EXPECT_EQ(err.str(), "");
}

TEST(ReportError, ALibraryErrorIsBadInput) {
  std::ostringstream err;
  const int code = run_reporting_errors(
      [] {
        (void)accelerator("no such accelerator");
        return cli::exit_ok;
      },
      err);
  EXPECT_EQ(code, cli::exit_bad_input);
  EXPECT_EQ(err.str().rfind("traincost: error: [traincost.unknown_name] accelerator: ", 0), 0u)
      << err.str();
}

TEST(ReportError, AScenarioErrorIsBadInputWithItsPlace) {
  std::ostringstream err;
  const int code = run_reporting_errors(
      [] {
        (void)io::parse_scenario("name = 3\n", "s.toml");
        return cli::exit_ok;
      },
      err);
  EXPECT_EQ(code, cli::exit_bad_input);
  EXPECT_EQ(err.str().rfind("traincost: error: s.toml:1:8: [traincost.", 0), 0u) << err.str();
}

TEST(ReportError, AnUnwritableOutputIsBadInput) {
  std::ostringstream err;
  const int code = run_reporting_errors(
      []() -> int { throw cli::OutputError("--chart c.svg: cannot create a file there"); }, err);
  EXPECT_EQ(code, cli::exit_bad_input);
  EXPECT_EQ(err.str(), "traincost: error: --chart c.svg: cannot create a file there\n");
}

TEST(ReportError, OutOfMemoryIsAnInternalError) {
  std::ostringstream err;
  const int code = run_reporting_errors([]() -> int { throw std::bad_alloc(); }, err);
  EXPECT_EQ(code, 70);
  const std::string text = err.str();
  EXPECT_EQ(text.rfind("traincost: internal error: this is a bug in traincost", 0), 0u) << text;
  EXPECT_NE(text.find("README.md"), std::string::npos) << text;
  EXPECT_NE(text.find(std::bad_alloc().what()), std::string::npos) << text;
  EXPECT_EQ(text.find("traincost: error:"), std::string::npos) << text;
}

TEST(ReportError, ALogicErrorIsAnInternalErrorWithItsText) {
  std::ostringstream err;
  const int code =
      run_reporting_errors([]() -> int { throw std::logic_error("index 7 out of range"); }, err);
  EXPECT_EQ(code, cli::exit_internal);
  EXPECT_NE(err.str().find("bug in traincost"), std::string::npos) << err.str();
  EXPECT_NE(err.str().find(": index 7 out of range\n"), std::string::npos) << err.str();
}

TEST(ReportError, AnythingThrownIsAnInternalError) {
  std::ostringstream err;
  EXPECT_EQ(run_reporting_errors([]() -> int { throw 42; }, err), cli::exit_internal);
  EXPECT_NE(err.str().find("bug in traincost"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace traincost::test
