#pragma once
// Usage errors (exit 2): what the command line got wrong, in one line.

#include <string>
#include <vector>

namespace traincost::cli {

/// "" when `arg` (argv[1]) names a command or is an option; otherwise
/// `unknown command "estimat", expected one of: ... (closest: estimate)`.
std::string unknown_command(const std::string& arg, const std::vector<std::string>& commands);

/// "" for a seed from 0 to 2^64 - 1 written in decimal digits; otherwise
/// why not. A seed must never wrap (-1, -2) or saturate (2^64 and above all
/// ran as 2^64 - 1).
std::string seed_problem(const std::string& text);

/// "" for a usable output file name; otherwise why not ("" would be
/// ignored, "-" would be a file named "-").
std::string output_path_problem(const std::string& text);

/// `traincost: error: WHAT (see traincost --help)`, control characters
/// escaped, newlines folded: a usage error is one line.
std::string usage_line(const std::string& what);

}  // namespace traincost::cli
