#pragma once
/// \file
/// Seeded random numbers for Monte Carlo: a fast generator (xoshiro256++),
/// independent streams keyed by (seed, stream, block), uniforms on the open
/// interval (0, 1) and a ziggurat normal sampler.
///
/// Why streams per block: a run is cut into fixed blocks of samples and every
/// (input, block) pair draws from its own stream, derived from the seed by
/// hashing. Which thread computes a block then cannot change what it draws,
/// so one, two or four threads give bit-identical results.

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>

#include <Eigen/Core>

namespace traincost::uncertainty {

/// SplitMix64 (Steele, Lea, Flood 2014): used to expand a 64-bit key into a
/// generator state and to hash stream keys. Not used for samples.
struct SplitMix64 {
  std::uint64_t state = 0;

  /// The next 64 random bits.
  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
};

/// xoshiro256++ (Blackman and Vigna 2019): 256 bits of state, period 2^256 - 1,
/// about one nanosecond per 64-bit output; all its output bits are usable.
class Xoshiro256pp {
 public:
  /// A generator whose state is expanded from `key` with SplitMix64.
  explicit constexpr Xoshiro256pp(std::uint64_t key) noexcept {
    SplitMix64 sm{key};
    for (auto& w : s_)
      w = sm.next();
  }

  /// The next 64 random bits.
  constexpr std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// A uniform number in the open interval (0, 1): 52 random bits placed in
  /// the mantissa of a number in [1, 2), shifted down by 1 - 2^-53 (exactly,
  /// by Sterbenz's lemma), so neither 0 nor 1 can come out and log and
  /// quantiles stay finite. No integer-to-double conversion: it is faster.
  double uniform() noexcept {
    return std::bit_cast<double>((next() >> 12) | 0x3FF0000000000000ULL) - (1.0 - 0x1.0p-53);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
    return (x << k) | (x >> (64 - k));
  }
  std::array<std::uint64_t, 4> s_{};
};

/// The generator for one (stream, block) of a run seeded with `seed`. Streams
/// are typically inputs; blocks are fixed runs of samples.
inline Xoshiro256pp stream_generator(std::uint64_t seed, std::uint64_t stream,
                                     std::uint64_t block) noexcept {
  // Hash the three numbers through SplitMix64 steps so neighbouring keys give
  // unrelated states.
  SplitMix64 h{seed};
  std::uint64_t key = h.next();
  h.state = key ^ (stream * 0xD1B54A32D192ED03ULL);
  key = h.next();
  h.state = key ^ (block * 0x8CB92BA72F3D8DD7ULL);
  return Xoshiro256pp(h.next());
}

namespace detail {

/// Tables of the 128-layer ziggurat for the standard normal, after Doornik
/// (2005), "An improved ziggurat method to generate normal random samples".
struct ZigguratTables {
  static constexpr int layers = 128;
  static constexpr double r = 3.442619855899;       // start of the tail
  static constexpr double v = 9.91256303526217e-3;  // area of each layer
  std::array<double, layers + 1> x{};               // layer edges
  std::array<double, layers> ratio{};               // x[i+1] / x[i]

  ZigguratTables() {
    double f = std::exp(-0.5 * r * r);
    x[0] = v / f;  // the bottom layer, including the tail, as a rectangle
    x[1] = r;
    x[layers] = 0.0;
    for (int i = 2; i < layers; ++i) {
      x[static_cast<std::size_t>(i)] =
          std::sqrt(-2.0 * std::log(v / x[static_cast<std::size_t>(i - 1)] + f));
      f = std::exp(-0.5 * x[static_cast<std::size_t>(i)] * x[static_cast<std::size_t>(i)]);
    }
    for (std::size_t i = 0; i < static_cast<std::size_t>(layers); ++i)
      ratio[i] = x[i + 1] / x[i];
  }
};

inline const ZigguratTables& ziggurat_tables() {
  static const ZigguratTables tables;
  return tables;
}

/// The tail beyond `r` (Marsaglia 1964), on the side given by `negative`.
inline double normal_tail(Xoshiro256pp& g, double r, bool negative) {
  double x = 0.0;
  double y = 0.0;
  do {
    x = std::log(g.uniform()) / r;
    y = std::log(g.uniform());
  } while (-2.0 * y < x * x);
  return negative ? x - r : r - x;
}

/// One standard normal from the ziggurat. About 99% of draws take the first
/// branch: one 64-bit number, one comparison, one multiplication.
inline double standard_normal(Xoshiro256pp& g, const ZigguratTables& t) {
  for (;;) {
    const std::uint64_t bits = g.next();
    // The low 7 bits pick the layer; the top 52 bits, as the mantissa of a
    // number in [2, 4) less 3 (exact), give u in [-1, 1). They do not
    // overlap, so the two are independent.
    const auto i = static_cast<std::size_t>(bits & 0x7F);
    const double u = std::bit_cast<double>((bits >> 12) | 0x4000000000000000ULL) - 3.0;
    if (std::fabs(u) < t.ratio[i])
      return u * t.x[i];
    if (i == 0)
      return normal_tail(g, ZigguratTables::r, u < 0.0);
    const double x = u * t.x[i];
    const double f0 = std::exp(-0.5 * (t.x[i] * t.x[i] - x * x));
    const double f1 = std::exp(-0.5 * (t.x[i + 1] * t.x[i + 1] - x * x));
    if (f1 + g.uniform() * (f0 - f1) < 1.0)
      return x;
  }
}

}  // namespace detail

/// Fills `out` with uniforms in (0, 1).
inline void fill_uniform(Xoshiro256pp& g, Eigen::Ref<Eigen::ArrayXd> out) {
  for (Eigen::Index i = 0; i < out.size(); ++i)
    out[i] = g.uniform();
}

/// Fills `out` with standard normals (mean 0, standard deviation 1).
inline void fill_standard_normal(Xoshiro256pp& g, Eigen::Ref<Eigen::ArrayXd> out) {
  const detail::ZigguratTables& t = detail::ziggurat_tables();
  for (Eigen::Index i = 0; i < out.size(); ++i)
    out[i] = detail::standard_normal(g, t);
}

}  // namespace traincost::uncertainty
