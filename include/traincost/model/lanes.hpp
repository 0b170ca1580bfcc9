#pragma once
/// \file
/// `Lanes`: a block of samples of one number, the value type a model is
/// evaluated on in Monte Carlo. A cost model is written once, over a value
/// type `V` (evaluator.hpp): with `V = double` it costs one point, typed,
/// validated, with provenance; with `V = Lanes` the very same arithmetic
/// costs `lane_count` samples at once. Boost.Units accepts any value type
/// with the arithmetic operators, so `quantity<usd, Lanes>` keeps the
/// dimension checks of the scalar model at no run-time cost.
///
/// Two things keep a model over lanes close to hand-written loops:
///
///  * A value that is the same in every lane (a constant of the model, an
///    input without a range) is held as one number and combined as one
///    number: only arithmetic that touches a drawn input runs over lanes.
///  * Varying values live in pooled buffers shared by reference count, so
///    copying one (Boost.Units copies values freely) copies a pointer; a
///    buffer goes back to its thread's pool when its last value goes.
///
/// Why not Eigen expressions: Boost.Units stores the value of a product, so a
/// lazy expression would be stored referring to temporaries that are gone
/// (Eigen's Pitfalls page). Eager loops over a fixed trip count are
/// vectorized by GCC at -O2. A `Lanes` belongs to the thread that made it.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <new>
#include <vector>

namespace traincost::model {

/// Samples per block of lanes; the Monte Carlo block size (a seed's meaning
/// depends on it, see uncertainty/sampler.hpp).
inline constexpr std::size_t lane_count = 1024;

namespace lanes_detail {

/// One pooled buffer of lane values and its reference count.
struct alignas(64) Buffer {
  double v[lane_count];
  int refs = 0;
};

/// A thread's free buffers. Buffers are reused, never shared across threads.
class Pool {
 public:
  ~Pool() {
    for (Buffer* b : free_)
      delete b;
  }
  Buffer* take() {
    Buffer* b = nullptr;
    if (free_.empty()) {
      b = new Buffer;
    } else {
      b = free_.back();
      free_.pop_back();
    }
    b->refs = 1;
    return b;
  }
  void give(Buffer* b) { free_.push_back(b); }

 private:
  std::vector<Buffer*> free_;
};

inline Pool& pool() {
  thread_local Pool p;
  return p;
}

// Identities that let an operation share its operand instead of looping:
// exact in IEEE arithmetic (0 + x and 1 * x are x; so are x - 0 and x / 1).
inline bool is_zero(double c) {
  return c == 0.0;
}
inline bool is_one(double c) {
  return c == 1.0;
}
inline bool never(double) {
  return false;
}

}  // namespace lanes_detail

/// `lane_count` values of one number, operated on element by element.
class Lanes {
 public:
  /// Zero in every lane.
  Lanes() = default;
  /// `x` in every lane (a constant of the model), held as one number.
  explicit Lanes(double x) : c_(x) {}
  /// The values at `p` (`lane_count` of them), read in place: `p` must
  /// outlive the value and every copy of it.
  static Lanes view(const double* p) {
    Lanes l;
    l.p_ = p;
    return l;
  }

  Lanes(const Lanes& o) : p_(o.p_), owner_(o.owner_), c_(o.c_) {
    if (owner_)
      ++owner_->refs;
  }
  Lanes(Lanes&& o) noexcept : p_(o.p_), owner_(o.owner_), c_(o.c_) {
    o.p_ = nullptr;
    o.owner_ = nullptr;
  }
  Lanes& operator=(const Lanes& o) {
    if (this != &o) {
      Lanes copy(o);
      swap(copy);
    }
    return *this;
  }
  Lanes& operator=(Lanes&& o) noexcept {
    Lanes moved(std::move(o));
    swap(moved);
    return *this;
  }
  ~Lanes() { release(); }

  /// Whether every lane holds the same value (then it is `uniform_value()`).
  bool uniform() const { return p_ == nullptr; }
  double uniform_value() const { return c_; }
  /// The value in lane `i`.
  double operator[](std::size_t i) const { return p_ ? p_[i] : c_; }

  /// The lanes as a buffer this value alone owns, for writing.
  double* writable() {
    if (owner_ && owner_->refs == 1)
      return owner_->v;
    lanes_detail::Buffer* b = lanes_detail::pool().take();
    if (p_)
      std::copy(p_, p_ + lane_count, b->v);
    else
      std::fill(b->v, b->v + lane_count, c_);
    release();
    owner_ = b;
    p_ = b->v;
    return b->v;
  }

#define TRAINCOST_LANES_COMPOUND(op, identity_left, right_identity) \
  Lanes& operator op##=(const Lanes& o) {                           \
    if (uniform() && o.uniform()) {                                 \
      c_ op## = o.c_;                                               \
      return *this;                                                 \
    }                                                               \
    if (o.uniform())                                                \
      return *this op## = o.c_;                                     \
    if (uniform() && identity_left(c_))                             \
      return *this = o; /* 0 + x, 1 * x: share x */                 \
    const double* b = o.p_;                                         \
    if (uniform()) {                                                \
      const double a = c_;                                          \
      double* r = fresh();                                          \
      for (std::size_t i = 0; i < lane_count; ++i)                  \
        r[i] = a op b[i];                                           \
      return *this;                                                 \
    }                                                               \
    double* r = writable();                                         \
    for (std::size_t i = 0; i < lane_count; ++i)                    \
      r[i] op## = b[i];                                             \
    return *this;                                                   \
  }                                                                 \
  Lanes& operator op##=(double x) {                                 \
    if (uniform()) {                                                \
      c_ op## = x;                                                  \
      return *this;                                                 \
    }                                                               \
    if (right_identity(x))                                          \
      return *this; /* x + 0, x - 0, x * 1, x / 1 */                \
    if (owner_ && owner_->refs == 1) {                              \
      double* r = owner_->v;                                        \
      for (std::size_t i = 0; i < lane_count; ++i)                  \
        r[i] op## = x;                                              \
      return *this;                                                 \
    }                                                               \
    const double* a = p_;                                           \
    Lanes out;                                                      \
    double* r = out.fresh();                                        \
    for (std::size_t i = 0; i < lane_count; ++i)                    \
      r[i] = a[i] op x;                                             \
    return *this = std::move(out);                                  \
  }
  TRAINCOST_LANES_COMPOUND(+, lanes_detail::is_zero, lanes_detail::is_zero)
  TRAINCOST_LANES_COMPOUND(-, lanes_detail::never, lanes_detail::is_zero)
  TRAINCOST_LANES_COMPOUND(*, lanes_detail::is_one, lanes_detail::is_one)
  TRAINCOST_LANES_COMPOUND(/, lanes_detail::never, lanes_detail::is_one)
#undef TRAINCOST_LANES_COMPOUND

 private:
  /// An owned, unshared buffer whose contents the caller writes in full.
  double* fresh() {
    lanes_detail::Buffer* b = lanes_detail::pool().take();
    release();
    owner_ = b;
    p_ = b->v;
    return b->v;
  }
  void release() {
    if (owner_ && --owner_->refs == 0)
      lanes_detail::pool().give(owner_);
    owner_ = nullptr;
    p_ = nullptr;
  }
  void swap(Lanes& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(owner_, o.owner_);
    std::swap(c_, o.c_);
  }

  const double* p_ = nullptr;              ///< the lanes, when they vary
  lanes_detail::Buffer* owner_ = nullptr;  ///< their buffer, when owned
  double c_ = 0.0;                         ///< the value of every lane, when uniform
};

// Binary operators build on the compound ones; a uniform left operand with
// a varying right one is handled there without broadcasting.
#define TRAINCOST_LANES_BINARY(op)                     \
  inline Lanes operator op(Lanes a, const Lanes& b) {  \
    return a op## = b;                                 \
  }                                                    \
  inline Lanes operator op(Lanes a, double b) {        \
    return a op## = b;                                 \
  }                                                    \
  inline Lanes operator op(double a, const Lanes& b) { \
    return Lanes(a) op## = b;                          \
  }
TRAINCOST_LANES_BINARY(+)
TRAINCOST_LANES_BINARY(-)
TRAINCOST_LANES_BINARY(*)
TRAINCOST_LANES_BINARY(/)
#undef TRAINCOST_LANES_BINARY

inline Lanes operator-(const Lanes& a) {
  return 0.0 - a;
}
inline Lanes operator+(const Lanes& a) {
  return a;
}

/// Element-wise maximum; `max(x, 0.0)` clamps a value that may round below zero.
inline Lanes max(Lanes a, double b) {
  if (a.uniform())
    return Lanes(std::max(a.uniform_value(), b));
  double* r = a.writable();
  for (std::size_t i = 0; i < lane_count; ++i)
    r[i] = std::max(r[i], b);
  return a;
}
/// The scalar counterpart, so that one model body serves both value types.
inline double max(double a, double b) {
  return std::max(a, b);
}

/// Element-wise square root (NaN for a negative lane, as `std::sqrt`); the
/// failure model's optimal checkpoint interval needs it (run/failures.hpp).
inline Lanes sqrt(Lanes a) {
  if (a.uniform())
    return Lanes(std::sqrt(a.uniform_value()));
  double* r = a.writable();
  for (std::size_t i = 0; i < lane_count; ++i)
    r[i] = std::sqrt(r[i]);
  return a;
}
/// The scalar counterpart, so that one model body serves both value types.
inline double sqrt(double a) {
  return std::sqrt(a);
}

/// Whether every one of the first `n` lanes is finite.
inline bool all_finite(const Lanes& a, std::size_t n = lane_count) {
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isfinite(a[i]))
      return false;
  return true;
}

}  // namespace traincost::model
