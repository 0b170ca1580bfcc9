#pragma once
// Writing the report to standard output and knowing that it arrived.

#include <string>

namespace traincost::cli {

/// Writes `text` to standard output (file descriptor 1, unbuffered) and
/// returns "" or why it failed ("cannot write standard output: No space
/// left on device"): a full disk, /dev/full or a closed descriptor must
/// not end in exit 0.
std::string write_standard_output(const std::string& text);

}  // namespace traincost::cli
