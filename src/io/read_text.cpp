#include "detail/read_text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "traincost/io/printable.hpp"
#include "traincost/io/scenario.hpp"

namespace traincost::io::detail_reader {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& message) {
  throw ScenarioError(ErrorCode::invalid_input, file, {}, scenario_field("(file)"), message);
}

std::string reason(int err) {
  return std::string("(") + std::strerror(err) + ")";
}

/// Closes the descriptor it opened (never standard input).
struct Descriptor {
  int fd;
  bool owned;
  ~Descriptor() {
    if (owned && fd >= 0)
      ::close(fd);
  }
};

}  // namespace

std::string read_text(const std::string& path, std::size_t limit) {
  const bool from_stdin = path == "-";
  // Standard input has no name to put before the message.
  const std::string name = from_stdin ? std::string() : path;
  const std::string what = from_stdin ? "cannot read standard input " : "cannot be read ";
  Descriptor in{from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC),
                !from_stdin};
  if (in.fd < 0)
    fail(name, "cannot be opened " + reason(errno) + "; expected a readable scenario file");
  struct stat st {};
  if (::fstat(in.fd, &st) != 0)
    fail(name, what + reason(errno));
  // A directory opens, and reads as EISDIR on Linux but as nothing on some
  // systems; say so before reading.
  if (S_ISDIR(st.st_mode))
    fail(name, what + reason(EISDIR) + "; expected a scenario file");
  if (S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) > limit)
    fail(name, "got " + std::to_string(st.st_size) + " bytes, expected at most " +
                   std::to_string(limit) + " bytes");
  // Read at most one byte past the limit, so a huge stream is refused
  // without being held in memory.
  std::string text(limit + 1, '\0');
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::read(in.fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      fail(name, what + reason(errno));
    if (n == 0)
      break;
    done += static_cast<std::size_t>(n);
  }
  if (done > limit)
    fail(name, "got more than " + std::to_string(limit) + " bytes, expected at most " +
                   std::to_string(limit) + " bytes");
  text.resize(done);
  return text;
}

}  // namespace traincost::io::detail_reader
