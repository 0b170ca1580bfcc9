#pragma once
/// \file
/// Drawing samples of an input set block by block, and running blocks on
/// several threads. The unit of reproducibility is the block: block b of
/// input i always draws from stream (seed, i, b), whichever thread runs it.

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

#include <Eigen/Core>

#include "traincost/core/error.hpp"
#include "traincost/uncertainty/inputs.hpp"
#include "traincost/uncertainty/random.hpp"

namespace traincost::uncertainty {

/// Samples per block: the granularity of streams and of work between threads.
/// Part of what a seed means, so fixed (changing it changes every draw).
inline constexpr std::int64_t block_size = 1024;

/// The number of blocks that hold `samples` samples.
inline std::int64_t block_count(std::int64_t samples) {
  return (samples + block_size - 1) / block_size;
}

/// Threads to use when the caller asks for `requested` (0 = every core).
inline unsigned resolve_threads(unsigned requested, std::int64_t blocks) {
  unsigned t = requested == 0 ? std::max(1u, std::thread::hardware_concurrency()) : requested;
  return static_cast<unsigned>(std::max<std::int64_t>(1, std::min<std::int64_t>(t, blocks)));
}

/// Runs `work(first_block, last_block)` over [0, blocks) on `threads`
/// threads (0 = every core), the calling thread included. Ranges of blocks
/// are handed out as threads become free, so on a shared machine a thread
/// that gets less CPU simply takes fewer. `work` must write only state that
/// belongs to its blocks; results then cannot depend on who ran what. An
/// exception in any range is rethrown here after all threads have joined.
template <class Work>
void parallel_blocks(std::int64_t blocks, unsigned threads, Work&& work) {
  const unsigned t = resolve_threads(threads, blocks);
  if (t <= 1) {
    work(std::int64_t{0}, blocks);
    return;
  }
  // Small enough ranges to balance, large enough that handing them out costs
  // nothing: about 8 per thread, at most 16 blocks each.
  const std::int64_t step =
      std::clamp<std::int64_t>(blocks / (8 * static_cast<std::int64_t>(t)), 1, 16);
  std::atomic<std::int64_t> next{0};
  std::vector<std::exception_ptr> errors(t);
  auto run = [&](unsigned k) {
    try {
      for (;;) {
        const std::int64_t first = next.fetch_add(step);
        if (first >= blocks)
          return;
        work(first, std::min(blocks, first + step));
      }
    } catch (...) {
      errors[k] = std::current_exception();
      next.store(blocks);  // the others stop at their next range
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(t - 1);
  for (unsigned k = 1; k < t; ++k)
    pool.emplace_back(run, k);
  run(0);
  for (auto& th : pool)
    th.join();
  for (auto& e : errors)
    if (e)
      std::rethrow_exception(e);
}

/// Draws the samples of an input set, one block at a time. Inputs that are
/// correlated are drawn as independent normals, mixed by the Cholesky factor
/// and mapped to their marginals; the others are drawn directly.
class BlockSampler {
 public:
  /// \param inputs        the input set (its correlation is checked here)
  /// \param seed          the run's seed
  /// \param stream_offset added to each input's stream number, so that two
  ///                      matrices of one run (Sobol's A and B) are independent
  BlockSampler(const InputSet& inputs, std::uint64_t seed, std::uint64_t stream_offset = 0)
      : inputs_(&inputs), seed_(seed), offset_(stream_offset), copula_(inputs.copula()) {
    correlated_.assign(inputs.size(), false);
    for (auto i : copula_.inputs)
      correlated_[static_cast<std::size_t>(i)] = true;
  }

  /// Fills `x` (rows = samples of this block, one column per input) with the
  /// first x.rows() samples of block `block`.
  void fill(std::int64_t block, Eigen::Ref<Eigen::ArrayXXd> x) const {
    const auto b = static_cast<std::uint64_t>(block);
    for (std::size_t i = 0; i < inputs_->size(); ++i) {
      if (correlated_[i])
        continue;
      Xoshiro256pp g = stream_generator(seed_, offset_ + i, b);
      (*inputs_)[i].distribution.sample(g, x.col(static_cast<Eigen::Index>(i)));
    }
    if (copula_.inputs.empty())
      return;
    const auto m = static_cast<Eigen::Index>(copula_.inputs.size());
    Eigen::MatrixXd z(x.rows(), m);
    for (Eigen::Index c = 0; c < m; ++c) {
      const auto i = static_cast<std::uint64_t>(copula_.inputs[static_cast<std::size_t>(c)]);
      Xoshiro256pp g = stream_generator(seed_, offset_ + i, b);
      fill_standard_normal(g, z.col(c).array());
    }
    // Rows of z are samples: correlated rows are z L^T.
    const Eigen::MatrixXd mixed = z * copula_.lower.transpose();
    for (Eigen::Index c = 0; c < m; ++c) {
      const Eigen::Index col = copula_.inputs[static_cast<std::size_t>(c)];
      x.col(col) = mixed.col(c).array();
      (*inputs_)[static_cast<std::size_t>(col)].distribution.transform_normal(x.col(col));
    }
  }

 private:
  const InputSet* inputs_;
  std::uint64_t seed_;
  std::uint64_t offset_;
  CopulaFactor copula_;
  std::vector<bool> correlated_;
};

}  // namespace traincost::uncertainty
