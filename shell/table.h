// The CLI's human-readable breakdown table.
#pragma once
#include <string>

#include "headroom/estimate.h"
#include "headroom/scenario.h"

std::string breakdown_table(const headroom::Scenario& s, const headroom::Estimate& e);
