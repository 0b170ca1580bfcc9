# Runs an example and checks that every `// expect: TEXT` line of its source
# appears verbatim in its standard output. Usage:
#   cmake -DEXAMPLE=path/to/exe -DSOURCE=path/to/example.cpp -P CheckExampleOutput.cmake
execute_process(COMMAND "${EXAMPLE}" OUTPUT_VARIABLE _out ERROR_VARIABLE _err
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${EXAMPLE} exited with ${_rc}\n${_out}\n${_err}")
endif()
file(STRINGS "${SOURCE}" _expects REGEX "^// expect: ")
if(NOT _expects)
  message(FATAL_ERROR "${SOURCE} has no '// expect: ' lines to check")
endif()
set(_missing "")
foreach(_line IN LISTS _expects)
  string(REGEX REPLACE "^// expect: " "" _text "${_line}")
  string(FIND "${_out}" "${_text}" _at)
  if(_at EQUAL -1)
    string(APPEND _missing "\n  missing: ${_text}")
  endif()
endforeach()
if(_missing)
  message(FATAL_ERROR "${EXAMPLE}: expected text not found in its output:${_missing}\n"
                      "--- output ---\n${_out}")
endif()
list(LENGTH _expects _n)
message(STATUS "${_n} expected figures found")
