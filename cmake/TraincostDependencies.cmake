# Every dependency comes from the system (Debian packages); nothing is
# downloaded at build time. The versions are those of Debian 12.
include(GNUInstallDirs)

find_package(Boost 1.74 REQUIRED)
find_package(Eigen3 3.4 REQUIRED NO_MODULE)

if(TRAINCOST_BUILD_IO)
  find_package(tomlplusplus 3.3 REQUIRED)
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(CLI11 2.1 REQUIRED)
endif()
