// Internal to the engine: a scenario read from a JSON value already parsed (the share link's
// reader builds one from a fragment and query parameters), so no document is parsed twice.
#pragma once
#include "headroom/scenario.h"
#include "json.h"

namespace headroom {

ParsedScenario parse_scenario(const json::Value& doc);

}  // namespace headroom
