// The scenario as shareable text: the URL fragment ("s=<base64url JSON>") and the query
// parameters of an embed URL. Pure: strings in, ParsedScenario out; never throws.
//
// Versioning: the fragment's JSON carries "v" (kShareVersion) and only the fields that differ
// from that version's defaults. A link keeps its meaning when fields are added (a missing field
// is the default), and upgrade_shared_json() rewrites an old version's document into the
// current one before it is parsed, so a link written today still opens tomorrow.
#pragma once
#include <string>
#include <string_view>

#include "headroom/scenario.h"

namespace headroom {

inline constexpr int kShareVersion = 2;

// Base64url (RFC 4648 §5) without padding, and back; decode fails (false) on a bad character.
std::string base64url_encode(std::string_view bytes);
bool base64url_decode(std::string_view text, std::string* out);

// {"v":1, ...fields that differ from Scenario defaults} as compact JSON.
std::string scenario_to_shared_json(const Scenario& s);
// "s=<base64url of scenario_to_shared_json>", the URL fragment without '#'.
std::string scenario_to_fragment(const Scenario& s);

// Whether a fragment or query carries a scenario at all (so the page knows to load it).
bool fragment_has_scenario(std::string_view fragment);

// A shared JSON document (any version up to kShareVersion; no "v" means 1) in the current
// scenario contract, or errors naming field "v" when the version is unknown.
ParsedScenario parse_shared_json(std::string_view json_text);

// "#s=..." or "s=..." (a leading '#' is skipped; other '&'-separated keys are ignored).
ParsedScenario parse_fragment(std::string_view fragment);

// Query parameters that set the initial scenario ("?model=llama-3.1-70b&gpu=h100-sxm-80gb&
// mode=inference&batch=4", or "s=<same as the fragment>"): a leading '?' is skipped, values are
// percent-decoded, keys the scenario does not know (embed, utm_*) are ignored. Bad values are
// named errors, as in parse_scenario. `found` is set when any scenario key was present.
ParsedScenario parse_query(std::string_view query, bool* found = nullptr);

// The keys that make parse_query's `found` true, as the source of a JavaScript regular
// expression: "^(s|mode|...|(dtypes|parallel|...)\.[\s\S]+)$". The page's start-up script is
// given it at build time (web/tools/preview.cpp --scenario-keys), so it asks the engine's question.
std::string scenario_key_pattern();

}  // namespace headroom
