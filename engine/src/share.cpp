// Scenario <-> URL text (fragment and query), versioned. See share.h.
#include "headroom/share.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "headroom/fields.h"
#include "json.h"
#include "scenario_doc.h"

namespace headroom {
namespace {

using json::Value;

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-' || c == '+') return 62;  // '+' and '/' too: standard base64 pasted by hand
    if (c == '_' || c == '/') return 63;
    return -1;
}

// The fields of `cur` that differ from `base`; objects (except the model, which is one value)
// are compared field by field, so {"dtypes":{"weights":"fp8"}} carries one dtype.
Value diff(const Value& cur, const Value& base, bool top) {
    Value out = Value::object();
    for (size_t i = 0; i < cur.size(); ++i) {
        const std::string& key = cur.key(i);
        const Value& v = cur[i];
        const Value* b = base.find(key);
        if (!b) {
            out[key] = v;
        } else if (v.is_object() && b->is_object() && !(top && key == "model")) {
            Value sub = diff(v, *b, false);
            if (!sub.empty()) out[key] = std::move(sub);
        } else if (v != *b) {
            out[key] = v;
        }
    }
    return out;
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// application/x-www-form-urlencoded value: '+' is a space, %XX a byte; a bad escape stays as it is.
std::string percent_decode(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '+') {
            out += ' ';
        } else if (v[i] == '%' && i + 2 < v.size() && hex(v[i + 1]) >= 0 && hex(v[i + 2]) >= 0) {
            out += static_cast<char>(hex(v[i + 1]) * 16 + hex(v[i + 2]));
            i += 2;
        } else {
            out += v[i];
        }
    }
    return out;
}

// Calls fn(key, value) for each '&'-separated pair, both percent-decoded.
template <typename Fn>
void for_each_pair(std::string_view text, Fn fn) {
    while (!text.empty()) {
        const size_t amp = text.find('&');
        const std::string_view pair = text.substr(0, amp);
        const size_t eq = pair.find('=');
        if (!pair.empty())
            fn(percent_decode(pair.substr(0, eq)), eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1)));
        if (amp == std::string_view::npos) break;
        text.remove_prefix(amp + 1);
    }
}

ParsedScenario failure(std::string field, std::string message) {
    ParsedScenario p;
    p.errors.push_back({std::move(field), std::move(message)});
    return p;
}

// Rewrites a document of version `v` into the current contract, one version at a time, so
// a link keeps the meaning it had when it was made.
//   v1 -> v2: flash_attention's default became true (fused attention, no s × s scores); a v1
//   link without it meant eager attention.
void upgrade_shared_json(Value& doc, int v) {
    if (v < 2 && !doc.find("flash_attention")) doc["flash_attention"] = false;
}

// Query keys that are scenario fields: top-level names, or "dtypes.weights"-style paths.
bool is_scenario_key(const std::string& k) {
    if (k == "name") return true;
    if (find_field(k)) return true;
    const size_t dot = k.find('.');
    return dot != std::string::npos && dot + 1 < k.size() && is_field_group(std::string_view(k).substr(0, dot));
}

}  // namespace

std::string scenario_key_pattern() {
    std::string top = "s|name", groups;
    std::vector<std::string_view> seen;
    for (const Field& f : scenario_fields()) {
        const std::string_view g = f.group();
        if (g.empty()) {
            top.append("|").append(f.path);
        } else if (std::find(seen.begin(), seen.end(), g) == seen.end()) {
            seen.push_back(g);
            if (!groups.empty()) groups += '|';
            groups.append(g);
        }
    }
    // A dot in a name is itself, not "any character".
    std::string escaped;
    for (char c : top) {
        if (c == '.') escaped += '\\';
        escaped += c;
    }
    return "^(" + escaped + "|(" + groups + ")\\.[\\s\\S]+)$";
}

namespace {

// A query value as JSON: numbers and true/false as themselves, anything else a string.
Value query_value(const std::string& v) {
    if (v == "true") return true;
    if (v == "false") return false;
    if (!v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '-' || v[0] == '.')) {
        json::Parsed n = json::parse(v);
        if (n.value.is_number()) return std::move(n.value);
    }
    return v;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += kAlphabet[(n >> 6) & 63];
        out += kAlphabet[n & 63];
    }
    const size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        if (rest == 2) out += kAlphabet[(n >> 6) & 63];
    }
    return out;
}

bool base64url_decode(std::string_view text, std::string* out) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (text.size() % 4 == 1) return false;
    std::string bytes;
    unsigned acc = 0;
    int bits = 0;
    for (char c : text) {
        const int s = sextet(c);
        if (s < 0) return false;
        acc = (acc << 6) | static_cast<unsigned>(s);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    *out = std::move(bytes);
    return true;
}

std::string scenario_to_shared_json(const Scenario& s) {
    const Value cur = json::parse(scenario_to_json(s)).value;
    const Value base = json::parse(scenario_to_json(default_scenario())).value;
    Value doc = Value::object();
    doc["v"] = kShareVersion;
    if (cur.is_object() && base.is_object()) doc.update(diff(cur, base, true));
    return doc.dump();
}

std::string scenario_to_fragment(const Scenario& s) { return "s=" + base64url_encode(scenario_to_shared_json(s)); }

bool fragment_has_scenario(std::string_view fragment) {
    if (!fragment.empty() && (fragment[0] == '#' || fragment[0] == '?')) fragment.remove_prefix(1);
    bool found = false;
    for_each_pair(fragment, [&](const std::string& k, const std::string&) { found = found || k == "s"; });
    return found;
}

namespace {

// A shared document of any version up to kShareVersion ("v"; none means 1), upgraded and read.
ParsedScenario parse_shared(Value doc) {
    if (!doc.is_object()) return failure("", "The shared scenario is not a JSON object.");
    int v = 1;
    if (const Value* it = doc.find("v")) {
        if (!it->is_integer() || it->as_integer() < 1)
            return failure("v", "The link's version must be a whole number from 1; got " + it->dump() + ".");
        if (it->as_integer() > kShareVersion)
            return failure("v", "The link was made by a newer Headroom (version " + it->dump() +
                                    "); reload the page to update it.");
        v = static_cast<int>(it->as_integer());
        doc.erase("v");
    }
    upgrade_shared_json(doc, v);
    return parse_scenario(doc);
}

}  // namespace

ParsedScenario parse_shared_json(std::string_view json_text) { return parse_shared(json::parse(json_text).value); }

ParsedScenario parse_fragment(std::string_view fragment) {
    if (!fragment.empty() && fragment[0] == '#') fragment.remove_prefix(1);
    std::string encoded;
    bool found = false;
    for_each_pair(fragment, [&](const std::string& k, const std::string& v) {
        if (k == "s" && !found) {
            encoded = v;
            found = true;
        }
    });
    if (!found) return failure("s", "The link carries no scenario (no s= in it).");
    std::string text;
    if (!base64url_decode(encoded, &text)) return failure("s", "The link's scenario is damaged (not base64url).");
    return parse_shared_json(text);
}

ParsedScenario parse_query(std::string_view query, bool* found) {
    if (!query.empty() && query[0] == '?') query.remove_prefix(1);
    Value doc = Value::object();
    std::string shared, version;
    bool any = false, has_s = false;
    for_each_pair(query, [&](const std::string& k, const std::string& v) {
        if (k == "s") {
            shared = v;
            has_s = any = true;
        } else if (k == "v") {
            version = v;
        } else if (is_scenario_key(k)) {
            any = true;
            const size_t dot = k.find('.');
            if (dot == std::string::npos) {
                doc[k] = query_value(v);
            } else {
                Value& group = doc[k.substr(0, dot)];
                if (!group.is_object()) group = Value::object();
                group[k.substr(dot + 1)] = query_value(v);
            }
        }
    });
    if (found) *found = any;
    // The shared document first, then the plain keys on top of it; both of the link's version.
    Value base = Value::object();
    if (has_s) {
        std::string text;
        if (!base64url_decode(shared, &text)) return failure("s", "The link's scenario is damaged (not base64url).");
        base = json::parse(text).value;
        if (!base.is_object()) return failure("s", "The shared scenario is not a JSON object.");
    }
    for (size_t i = 0; i < doc.size(); ++i) {
        Value* b = base.find(doc.key(i));
        if (doc[i].is_object() && b && b->is_object())
            b->update(doc[i]);
        else
            base[doc.key(i)] = doc[i];
    }
    // Plain keys without "v" are a hand-written embed URL: they ask for today's estimate, so
    // they read with today's defaults; an "s" document keeps the version it was made with.
    if (!version.empty())
        base["v"] = query_value(version);
    else if (!has_s)
        base["v"] = kShareVersion;
    return parse_shared(std::move(base));
}

}  // namespace headroom
