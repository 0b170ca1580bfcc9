#pragma once
// The "footprint" member of a final run's result in traincost.estimate/2.
// Private to traincost::io.

#include <nlohmann/json.hpp>

#include "traincost/io/footprint.hpp"

namespace traincost::io::detail_footprint {

nlohmann::ordered_json footprint_json(const RunFootprint& f);

}  // namespace traincost::io::detail_footprint
