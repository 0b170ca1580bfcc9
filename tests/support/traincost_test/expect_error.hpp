#pragma once
/// \file
/// Test helper shared by every area: asserts that a call throws
/// traincost::Error with a given code and field, and that its message
/// contains a given text (usually "got <value>").

#include <gtest/gtest.h>

#include <string>

#include "traincost/core/error.hpp"

namespace traincost::testing {

/// Runs `f`; passes only if it throws `traincost::Error` with `code`, with
/// `field()` equal to `field`, and with `what()` containing `needle`.
template <class F>
void expect_error(F&& f, ErrorCode code, const std::string& field, const std::string& needle) {
  try {
    f();
    ADD_FAILURE() << "expected traincost::Error for " << field;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    EXPECT_EQ(e.field().str(), field) << e.what();
    const std::string what = e.what();
    EXPECT_NE(what.find(needle), std::string::npos) << what;
  }
}

}  // namespace traincost::testing
