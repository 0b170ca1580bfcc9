# Install and export: headers, targets, traincostConfig.cmake and its version file.
include(CMakePackageConfigHelpers)

set(TRAINCOST_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/traincost")

# The io/ headers belong to traincost::io: installed only when it is built.
if(TRAINCOST_BUILD_IO)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
          PATTERN "io" EXCLUDE)
endif()

set(_traincost_targets traincost)
if(TRAINCOST_BUILD_IO)
  list(APPEND _traincost_targets traincost_io)
  if(TARGET traincost_cli)
    list(APPEND _traincost_targets traincost_cli)
  endif()
endif()
install(
  TARGETS ${_traincost_targets}
  EXPORT traincostTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}"
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT traincostTargets NAMESPACE traincost:: DESTINATION "${TRAINCOST_CMAKE_DIR}")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/traincostConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/traincostConfig.cmake" INSTALL_DESTINATION "${TRAINCOST_CMAKE_DIR}")
# Not ARCH_INDEPENDENT: traincost::io is a compiled library.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/traincostConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/traincostConfig.cmake"
              "${PROJECT_BINARY_DIR}/traincostConfigVersion.cmake"
        DESTINATION "${TRAINCOST_CMAKE_DIR}")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/traincost")
