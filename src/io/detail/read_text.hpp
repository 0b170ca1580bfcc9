#pragma once
// Reading a scenario's bytes from a file or standard input, with the
// operating system's reason on failure. Private to traincost::io.

#include <string>

namespace traincost::io::detail_reader {

/// The contents of `path` ("-": standard input), at most `limit` bytes.
/// Throws ScenarioError (field "(file)", no line) naming the file and the
/// reason: strerror for open and read failures ("Is a directory", "Bad file
/// descriptor"), the real size for a file over the limit.
std::string read_text(const std::string& path, std::size_t limit);

}  // namespace traincost::io::detail_reader
