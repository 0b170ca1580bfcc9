# Warnings for code this project compiles itself (tests, examples, src).
# Not attached to the exported targets: consumers choose their own flags.
add_library(traincost_warnings INTERFACE)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(traincost_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                                      -Wconversion -Wno-sign-conversion)
  if(TRAINCOST_WARNINGS_AS_ERRORS)
    target_compile_options(traincost_warnings INTERFACE -Werror)
  endif()
endif()
