#include "traincost/version.hpp"

#include <gtest/gtest.h>

#include <string>

namespace traincost {
namespace {

// The header and CMake's project() must not drift apart.
TEST(Version, HeaderMatchesCMakeProjectVersion) {
  EXPECT_EQ(std::string(version_string), TRAINCOST_CMAKE_VERSION);
  EXPECT_EQ(std::to_string(TRAINCOST_VERSION_MAJOR) + "." +
                std::to_string(TRAINCOST_VERSION_MINOR) + "." +
                std::to_string(TRAINCOST_VERSION_PATCH),
            TRAINCOST_CMAKE_VERSION);
}

}  // namespace
}  // namespace traincost
