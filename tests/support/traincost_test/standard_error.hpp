#pragma once
// Monte Carlo checks at a stated number of standard errors.
//
// A sampled statistic is compared with its exact value within z standard
// errors, z = 4 by default: wide enough that a fixed seed passes by a real
// margin (an unbiased estimator is outside 4 SE with probability 6e-5), narrow
// enough that an estimator biased by a few standard errors fails. Each caller
// derives `se` for its statistic in a comment (sample mean sigma / sqrt(n),
// sample p-quantile sqrt(p (1 - p) / n) / f(x_p), ...). On failure the message
// gives the deviation in standard errors; with TRAINCOST_PRINT_SE set in the
// environment every check prints it, to see each seed's margin.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <iostream>

namespace traincost::test {

inline constexpr double monte_carlo_z = 4.0;

inline ::testing::AssertionResult within_se(double got, double want, double se,
                                            double z = monte_carlo_z) {
  const double deviation = (got - want) / se;
  if (std::getenv("TRAINCOST_PRINT_SE") != nullptr)
    std::cerr << "[se] " << ::testing::UnitTest::GetInstance()->current_test_info()->name()
              << ": off by " << deviation << " SE\n";
  if (std::isfinite(deviation) && std::fabs(deviation) <= z)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << got << ", want " << want << " within " << z
                                       << " x SE " << se << ": off by " << deviation << " SE";
}

}  // namespace traincost::test
