#pragma once
// Writing a chart (--chart PATH) without ever destroying what is there:
// a regular file is replaced in one step, a FIFO or device is written
// through, a symlink is followed, and the scenario itself is refused.

#include <stdexcept>
#include <string>

namespace traincost::cli {

/// A file that cannot be written: the message names it and says why.
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Writes `content` to `path`, which must not be the file `input` ("-":
/// standard input) names. A regular file (or none) is written to an
/// unnamed temporary file (O_TMPFILE) linked into place, so no reader and
/// no interrupted run ever sees half a file; where O_TMPFILE is not
/// supported, a named temporary file is renamed into place. A FIFO or
/// character device is written directly; a symlink is followed. `option`
/// ("--chart") prefixes messages. Throws OutputError.
void write_output_file(const std::string& option, const std::string& path,
                       const std::string& content, const std::string& input);

}  // namespace traincost::cli
