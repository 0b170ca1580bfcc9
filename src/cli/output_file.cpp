#include "output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "traincost/io/printable.hpp"

namespace traincost::cli {
namespace {

/// Fails with "OPTION PATH: WHAT (strerror)".
[[noreturn]] void fail(const std::string& option, const std::string& path, const std::string& what,
                       int err = 0) {
  std::string msg = option + " " + io::printable(path) + ": " + what;
  if (err != 0)
    msg += std::string(" (") + std::strerror(err) + ")";
  throw OutputError(msg);
}

/// Writes all of `content`; returns 0 or the errno of the failed write.
int write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return errno;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

std::string parent_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos)
    return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

/// Where a chain of symlinks ends, for a link whose target does not exist
/// yet (a symlink is followed, as the shell's `>` follows it).
std::string follow_links(const std::string& option, std::string path) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode))
      return path;
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0)
      fail(option, path, "cannot follow the symlink", errno);
    target.resize(static_cast<std::size_t>(n));
    path = target.front() == '/' ? target : parent_of(path) + "/" + target;
  }
  fail(option, path, "cannot follow the symlink", ELOOP);
}

/// Writes through to a FIFO, a character device or a socket: renaming a
/// file over it would destroy it (as root, /dev/null itself).
void write_through(const std::string& option, const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    fail(option, path, "cannot be opened for writing", errno);
  const int err = write_all(fd, content);
  if (::close(fd) != 0 && err == 0)
    fail(option, path, "write failed", errno);
  if (err != 0)
    fail(option, path, "write failed", err);
}

/// The fallback where O_TMPFILE is not supported: a named temporary file
/// beside the target, renamed over it.
void replace_by_rename(const std::string& option, const std::string& path,
                       const std::string& content, mode_t mode) {
  std::string tmpl = path + ".tmp.XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0)
    fail(option, path, "cannot create a file there", errno);
  int err = write_all(fd, content);
  if (err == 0 && ::fchmod(fd, mode) != 0)
    err = errno;
  if (::close(fd) != 0 && err == 0)
    err = errno;
  if (err == 0 && std::rename(tmpl.c_str(), path.c_str()) != 0)
    err = errno;
  if (err != 0) {
    std::remove(tmpl.c_str());
    fail(option, path, "cannot be written", err);
  }
}

void replace_regular(const std::string& option, const std::string& path, const std::string& content,
                     bool exists, mode_t mode) {
  const int fd = ::open(parent_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)
      return replace_by_rename(option, path, content, mode);
    fail(option, path, "cannot create a file there", errno);
  }
  int err = write_all(fd, content);
  // A replaced file keeps its permissions; a new one gets 0666 less the umask.
  if (err == 0 && exists && ::fchmod(fd, mode) != 0)
    err = errno;
  const std::string self = "/proc/self/fd/" + std::to_string(fd);
  if (err == 0 && !exists) {
    // Link the finished file under its name in one step: nothing is ever
    // visible half written, and a killed run leaves nothing behind.
    if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) != 0)
      err = errno;
  } else if (err == 0) {
    // linkat cannot replace a file: link under a temporary name, then
    // rename over the target (only that instant leaves a name behind).
    std::string tmp;
    for (int attempt = 0; attempt < 100; ++attempt) {
      tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(attempt);
      if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        err = 0;
        break;
      }
      err = errno;
      if (err != EEXIST)
        break;
    }
    if (err == 0 && std::rename(tmp.c_str(), path.c_str()) != 0) {
      err = errno;
      std::remove(tmp.c_str());
    }
  }
  ::close(fd);
  // linkat through /proc/self/fd needs /proc: without it, rename instead.
  if (err == ENOENT && ::access("/proc/self/fd", F_OK) != 0)
    return replace_by_rename(option, path, content, mode);
  if (err != 0)
    fail(option, path, "cannot be written", err);
}

}  // namespace

void write_output_file(const std::string& option, const std::string& path,
                       const std::string& content, const std::string& input) {
  if (path.empty())
    fail(option, path, "an empty file name");
  const std::string target = follow_links(option, path);
  struct stat out {};
  const bool exists = ::stat(target.c_str(), &out) == 0;
  if (!exists && errno != ENOENT)
    fail(option, path, "cannot be written", errno);
  if (exists) {
    struct stat in {};
    const bool have_input =
        input == "-" ? ::fstat(STDIN_FILENO, &in) == 0 : ::stat(input.c_str(), &in) == 0;
    if (have_input && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
      fail(option, path, "is the scenario file being read; expected another file for the chart");
    if (S_ISDIR(out.st_mode))
      fail(option, path, "cannot be written", EISDIR);
    if (!S_ISREG(out.st_mode))
      return write_through(option, target, content);
    // rename(2) would replace a file its owner made read-only: refuse, as
    // the shell's `>` does.
    if (::access(target.c_str(), W_OK) != 0)
      fail(option, path, "cannot be written", errno);
  }
  // A new file gets what the shell's `>` would give it: 0666 less the umask.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  replace_regular(option, target, content, exists, exists ? out.st_mode & 07777 : 0666 & ~mask);
}

}  // namespace traincost::cli
