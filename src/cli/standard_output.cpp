#include "standard_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace traincost::cli {

std::string write_standard_output(const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return std::string("cannot write standard output: ") + std::strerror(errno);
    done += static_cast<std::size_t>(n);
  }
  // close(2) reports what write(2) could not yet (a deferred error on a
  // network file system), and EBADF for a descriptor closed by the caller
  // (`>&-`) even when there was nothing to write. Nothing is written after.
  if (::close(STDOUT_FILENO) != 0 && errno != EINTR)
    return std::string("cannot write standard output: ") + std::strerror(errno);
  return "";
}

}  // namespace traincost::cli
