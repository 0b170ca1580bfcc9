#pragma once
/// \file
/// The library version. CMake's project version is checked against it by a test.

#define TRAINCOST_VERSION_MAJOR 0
#define TRAINCOST_VERSION_MINOR 1
#define TRAINCOST_VERSION_PATCH 0

namespace traincost {
/// "major.minor.patch".
inline constexpr const char* version_string = "0.1.0";
}  // namespace traincost
