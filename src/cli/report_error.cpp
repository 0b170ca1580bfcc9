#include "report_error.hpp"

#include <exception>
#include <ostream>

#include "output_file.hpp"
#include "traincost/core/error.hpp"

namespace traincost::cli {

int run_reporting_errors(const std::function<int()>& command, std::ostream& err) {
  try {
    return command();
  } catch (const traincost::Error& e) {
    err << "traincost: error: " << e.what() << '\n';
    return exit_bad_input;
  } catch (const OutputError& e) {
    err << "traincost: error: " << e.what() << '\n';
    return exit_bad_input;
  } catch (const std::exception& e) {
    err << "traincost: internal error: this is a bug in traincost; please report it "
           "(see README.md, \"Exit codes and errors\") with the command you ran: "
        << e.what() << '\n';
  } catch (...) {
    err << "traincost: internal error: this is a bug in traincost; please report it "
           "(see README.md, \"Exit codes and errors\") with the command you ran: "
           "an exception that is not a std::exception\n";
  }
  return exit_internal;
}

}  // namespace traincost::cli
