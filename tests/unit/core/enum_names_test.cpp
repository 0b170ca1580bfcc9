// The name functions of enums never fall back to a plausible word: a value
// that is none of the enumerators throws `invalid_input` naming the enum.

#include <gtest/gtest.h>

#include <string>

#include "traincost/compute/plausibility.hpp"
#include "traincost/compute/workload.hpp"
#include "traincost/core/provenance.hpp"
#include "traincost/core/scope.hpp"
#include "traincost/hardware/accelerator.hpp"
#include "traincost/hardware/precision.hpp"
#include "traincost/model/input_spec.hpp"
#include "traincost/run/final_run.hpp"

namespace traincost {
namespace {

template <class F>
void expect_enum_error(F f, const std::string& type) {
  try {
    (void)f();
    ADD_FAILURE() << "no error for " << type;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input) << type;
    EXPECT_EQ(e.field(), FieldPath(type));
    EXPECT_EQ(e.value(), "99");
    EXPECT_EQ(e.expected(), "one of the enumerators of traincost::" + type);
  }
}

TEST(EnumNames, OutOfRangeValuesThrow) {
  expect_enum_error([] { return to_string(static_cast<Scope>(99)); }, "Scope");
  expect_enum_error([] { return id(static_cast<Scope>(99)); }, "Scope");
  expect_enum_error([] { return to_string(static_cast<Precision>(99)); }, "Precision");
  expect_enum_error([] { return to_string(static_cast<FormFactor>(99)); }, "FormFactor");
  expect_enum_error([] { return to_string(static_cast<StageKind>(99)); }, "StageKind");
  expect_enum_error([] { return to_string(static_cast<Verdict>(99)); }, "Verdict");
  expect_enum_error([] { return to_string(static_cast<AttentionMask>(99)); }, "AttentionMask");
  expect_enum_error([] { return tag(static_cast<Evidence>(99)); }, "Evidence");
  expect_enum_error([] { return to_string(static_cast<Evidence>(99)); }, "Evidence");
  const model::InputSpec spec{static_cast<model::Bound>(99), "count", "", nullptr};
  expect_enum_error([&] { return spec.expected(); }, "model::Bound");
}

TEST(EnumNames, KnownValuesStillName) {
  EXPECT_EQ(to_string(Scope::program), "program");
  EXPECT_EQ(to_string(Precision::bf16), "bf16");
  EXPECT_EQ(to_string(FormFactor::sxm), "SXM");
  EXPECT_EQ(to_string(AttentionMask::causal), "causal");
  static_assert(to_string(Precision::fp8) == "fp8");  // still usable at compile time
}

}  // namespace
}  // namespace traincost
