#pragma once
// The one place where the command turns an exception into a message on
// standard error and an exit code.

#include <functional>
#include <iosfwd>

namespace traincost::cli {

inline constexpr int exit_ok = 0;
/// A scenario that does not read or does not cost, an unknown accelerator,
/// an output that cannot be written: the user's input or environment.
inline constexpr int exit_bad_input = 1;
/// An unknown command or option, a missing argument.
inline constexpr int exit_usage = 2;
/// Anything else: a bug in traincost (EX_SOFTWARE of sysexits.h).
inline constexpr int exit_internal = 70;

/// Runs `command` and returns its exit code. A `traincost::Error` (which
/// every bad scenario, value or name throws) and an `OutputError` print
/// "traincost: error: WHAT" on `err` and give `exit_bad_input`; any other
/// exception is a bug: it prints that it is one, where to report it and the
/// exception's text, and gives `exit_internal`.
int run_reporting_errors(const std::function<int()>& command, std::ostream& err);

}  // namespace traincost::cli
