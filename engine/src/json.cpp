// The engine's JSON (see json.h for why it exists and what it promises).
#include "json.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace headroom::json {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The length (1 to 4) of the well-formed UTF-8 sequence at s[i], or, when it is ill-formed,
// minus the length of its bad start: the lead byte and the continuation bytes that were right
// (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF). The byte after that
// start may begin a good sequence of its own.
int utf8_sequence(std::string_view s, size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead < 0x80) return 1;
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the byte after the lead
    if (lead >= 0xC2 && lead <= 0xDF) {
        n = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        n = 3;
        if (lead == 0xE0) lo = 0xA0;  // overlong
        if (lead == 0xED) hi = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        n = 4;
        if (lead == 0xF0) lo = 0x90;  // overlong
        if (lead == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
        return -1;
    }
    for (int k = 1; k < n; ++k) {
        if (i + k >= s.size()) return -k;
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (b < lo || b > hi) return -k;
        lo = 0x80;
        hi = 0xBF;
    }
    return n;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// As nlohmann's serializer with ensure_ascii off and error_handler_t::replace: the short
// escapes, other control characters as \u00xx, UTF-8 as it is, each ill-formed start U+FFFD.
void write_string(std::string& out, std::string_view s) {
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const int n = utf8_sequence(s, i);
        if (n < 0) {
            out += "\xEF\xBF\xBD";
            i += static_cast<size_t>(-n);
            continue;
        }
        if (n > 1) {
            out.append(s.substr(i, static_cast<size_t>(n)));
            i += static_cast<size_t>(n);
            continue;
        }
        const char c = s[i++];
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

// The shortest decimal that reads back as `d`, laid out as nlohmann's to_chars does: fixed
// notation for decimal exponents from -5 to 14 ("100.0", "0.0001"), else "1e+20", "1.5e-05".
void write_double(std::string& out, double d) {
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    if (std::signbit(d)) {
        out += '-';
        d = -d;
    }
    if (d == 0) {
        out += "0.0";
        return;
    }
    char buf[40];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    // buf is "D.DDDDe+XX"; the shortest digits never end in 0.
    std::string digits;
    const char* p = buf;
    for (; *p != 'e'; ++p)
        if (*p != '.') digits += *p;
    const int k = static_cast<int>(digits.size());
    const int n = std::atoi(p + 1) + 1;  // where the decimal point goes, counted from the first digit
    if (k <= n && n <= 15) {
        out += digits;
        out.append(static_cast<size_t>(n - k), '0');
        out += ".0";
    } else if (0 < n && n <= 15) {
        out.append(digits, 0, static_cast<size_t>(n));
        out += '.';
        out.append(digits, static_cast<size_t>(n));
    } else if (-4 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        std::snprintf(buf, sizeof buf, "e%+03d", n - 1);
        out += buf;
    }
}

}  // namespace

// [SECTION] Parser: recursive descent, each array or object one level deeper, at most kMaxDepth.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    Parsed run() {
        Parsed out;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a byte order mark
        if (value(out.value, 0)) {
            skip_space();
            if (pos_ < text_.size()) fail("unexpected text after the value");
        }
        if (!error_.empty()) {
            out.value = Value();
            out.error = error_ + " at byte " + std::to_string(error_at_);
            out.offset = error_at_;
        }
        return out;
    }

private:
    bool fail(const char* what) {
        if (error_.empty()) {
            error_ = what;
            error_at_ = pos_;
        }
        return false;
    }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    bool value(Value& out, int depth) {
        skip_space();
        switch (peek()) {
            case '{': return object(out, depth + 1);
            case '[': return array(out, depth + 1);
            case '"':
                out.type_ = Type::String;
                return string(out.string_);
            case 't': return literal("true", out, Value(true));
            case 'f': return literal("false", out, Value(false));
            case 'n': return literal("null", out, Value());
            default:
                if (peek() == '-' || is_digit(peek())) return number(out);
                return fail(pos_ < text_.size() ? "expected a value" : "expected a value, found the end of the text");
        }
    }

    bool literal(std::string_view word, Value& out, Value v) {
        if (text_.substr(pos_, word.size()) != word) return fail("expected a value");
        pos_ += word.size();
        out = std::move(v);
        return true;
    }

    bool array(Value& out, int depth) {
        if (depth > kMaxDepth) return fail("arrays and objects nested too deeply");
        ++pos_;  // [
        out = Value::array();
        skip_space();
        if (peek() == ']') {
            ++pos_;
            return true;
        }
        for (;;) {
            out.items_.emplace_back();
            if (!value(out.items_.back(), depth)) return false;
            skip_space();
            if (peek() == ']') {
                ++pos_;
                return true;
            }
            if (peek() != ',') return fail("expected ',' or ']'");
            ++pos_;
        }
    }

    bool object(Value& out, int depth) {
        if (depth > kMaxDepth) return fail("arrays and objects nested too deeply");
        ++pos_;  // {
        out = Value::object();
        skip_space();
        if (peek() == '}') {
            ++pos_;
            return true;
        }
        for (;;) {
            skip_space();
            if (peek() != '"') return fail("expected a string key");
            out.keys_.emplace_back();
            if (!string(out.keys_.back())) return false;
            skip_space();
            if (peek() != ':') return fail("expected ':'");
            ++pos_;
            out.items_.emplace_back();
            if (!value(out.items_.back(), depth)) return false;
            skip_space();
            if (peek() == '}') {
                ++pos_;
                break;
            }
            if (peek() != ',') return fail("expected ',' or '}'");
            ++pos_;
        }
        sort_members(out);
        return true;
    }

    // Members in key order; of duplicate keys, the last one's value stays.
    static void sort_members(Value& v) {
        std::vector<std::string>& keys = v.keys_;
        const size_t n = keys.size();
        bool sorted = true;
        for (size_t i = 1; i < n && sorted; ++i) sorted = keys[i - 1] < keys[i];
        if (sorted) return;
        // A bottom-up merge sort of the members' positions: stable, so equal keys keep their
        // order, and a tenth of std::sort's code in the wasm.
        std::vector<size_t> order(n), merged(n);
        for (size_t i = 0; i < n; ++i) order[i] = i;
        for (size_t width = 1; width < n; width *= 2) {
            for (size_t lo = 0; lo < n; lo += 2 * width) {
                const size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
                size_t a = lo, b = mid;
                for (size_t k = lo; k < hi; ++k)
                    merged[k] = b >= hi || (a < mid && keys[order[a]] <= keys[order[b]]) ? order[a++] : order[b++];
            }
            order.swap(merged);
        }
        std::vector<std::string> sorted_keys;
        std::vector<Value> sorted_items;
        for (size_t j = 0; j < n; ++j) {
            if (j + 1 < n && keys[order[j]] == keys[order[j + 1]]) continue;  // a later one wins
            sorted_keys.push_back(std::move(keys[order[j]]));
            sorted_items.push_back(std::move(v.items_[order[j]]));
        }
        keys.swap(sorted_keys);
        v.items_.swap(sorted_items);
    }

    bool string(std::string& out) {
        ++pos_;  // "
        for (;;) {
            // A run of plain ASCII at once.
            size_t end = pos_;
            while (end < text_.size()) {
                const auto c = static_cast<unsigned char>(text_[end]);
                if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
                ++end;
            }
            out.append(text_.substr(pos_, end - pos_));
            pos_ = end;
            if (pos_ >= text_.size()) return fail("unterminated string");
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c == '\\') {
                if (!escape(out)) return false;
            } else if (c < 0x20) {
                return fail("control character in a string (escape it)");
            } else {
                const int n = utf8_sequence(text_, pos_);
                if (n < 0) {
                    pos_ += static_cast<size_t>(-n);  // the offending byte
                    return fail("invalid UTF-8 in a string");
                }
                out.append(text_.substr(pos_, static_cast<size_t>(n)));
                pos_ += static_cast<size_t>(n);
            }
        }
    }

    bool escape(std::string& out) {
        ++pos_;  // backslash
        const char c = peek();
        const char* simple = nullptr;
        switch (c) {
            case '"': simple = "\""; break;
            case '\\': simple = "\\"; break;
            case '/': simple = "/"; break;
            case 'b': simple = "\b"; break;
            case 'f': simple = "\f"; break;
            case 'n': simple = "\n"; break;
            case 'r': simple = "\r"; break;
            case 't': simple = "\t"; break;
            case 'u': break;
            default: return fail(pos_ < text_.size() ? "invalid escape in a string" : "unterminated string");
        }
        ++pos_;
        if (simple) {
            out += simple;
            return true;
        }
        unsigned cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            pos_ -= 6;
            return fail("a low surrogate \\u escape with no high surrogate before it");
        }
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (text_.substr(pos_, 2) != "\\u") return fail("a high surrogate \\u escape with no low surrogate after it");
            pos_ += 2;
            if (!hex4(low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) {
                pos_ -= 6;
                return fail("a high surrogate \\u escape with no low surrogate after it");
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
    }

    bool hex4(unsigned& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex_digit(peek());
            if (h < 0) return fail("expected four hex digits after \\u");
            out = out * 16 + static_cast<unsigned>(h);
            ++pos_;
        }
        return true;
    }

    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    bool number(Value& out) {
        const size_t start = pos_;
        bool integer = true;
        if (peek() == '-') ++pos_;
        if (peek() == '0') {
            ++pos_;
        } else if (is_digit(peek())) {
            while (is_digit(peek())) ++pos_;
        } else {
            return fail("expected a digit");
        }
        if (peek() == '.') {
            integer = false;
            ++pos_;
            if (!is_digit(peek())) return fail("expected a digit after '.'");
            while (is_digit(peek())) ++pos_;
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            ++pos_;
            if (peek() == '+' || peek() == '-') ++pos_;
            if (!is_digit(peek())) return fail("expected a digit in the exponent");
            while (is_digit(peek())) ++pos_;
        }
        const std::string token(text_.substr(start, pos_ - start));  // strtod needs the '\0'
        if (integer) {
            errno = 0;
            const long long i = std::strtoll(token.c_str(), nullptr, 10);
            if (errno != ERANGE) {
                out = Value(i);
                return true;
            }
        }
        const double d = std::strtod(token.c_str(), nullptr);
        if (!std::isfinite(d)) {
            pos_ = start;
            return fail("number out of range");
        }
        out = Value(d);
        return true;
    }

    std::string_view text_;
    size_t pos_ = 0;
    std::string error_;
    size_t error_at_ = 0;
};

Parsed parse(std::string_view text) { return Parser(text).run(); }

// [SECTION] Value

Value Value::array() {
    Value v;
    v.type_ = Type::Array;
    return v;
}

Value Value::object() {
    Value v;
    v.type_ = Type::Object;
    return v;
}

long long Value::as_integer() const {
    if (type_ == Type::Integer) return scalar_.i;
    // Only doubles a long long holds convert; the conversion of others is undefined behaviour.
    if (type_ == Type::Float && scalar_.d >= -9223372036854775808.0 && scalar_.d < 9223372036854775808.0)
        return static_cast<long long>(scalar_.d);
    return 0;
}

double Value::as_double() const {
    if (type_ == Type::Float) return scalar_.d;
    if (type_ == Type::Integer) return static_cast<double>(scalar_.i);
    return 0;
}

void Value::push_back(Value v) {
    if (type_ != Type::Array) *this = array();
    items_.push_back(std::move(v));
}

size_t Value::lower_bound(std::string_view key) const {
    size_t lo = 0, hi = keys_.size();
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (std::string_view(keys_[mid]) < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const Value* Value::find(std::string_view key) const {
    if (type_ != Type::Object) return nullptr;
    const size_t i = lower_bound(key);
    return i < keys_.size() && keys_[i] == key ? &items_[i] : nullptr;
}

Value* Value::find(std::string_view key) { return const_cast<Value*>(static_cast<const Value*>(this)->find(key)); }

Value& Value::operator[](std::string_view key) {
    if (type_ != Type::Object) *this = object();
    const size_t i = lower_bound(key);
    if (i == keys_.size() || keys_[i] != key) {
        keys_.insert(keys_.begin() + static_cast<std::ptrdiff_t>(i), std::string(key));
        items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(i), Value());
    }
    return items_[i];
}

bool Value::erase(std::string_view key) {
    if (type_ != Type::Object) return false;
    const size_t i = lower_bound(key);
    if (i == keys_.size() || keys_[i] != key) return false;
    keys_.erase(keys_.begin() + static_cast<std::ptrdiff_t>(i));
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
    return true;
}

void Value::update(const Value& other) {
    if (other.type_ != Type::Object) return;
    if (type_ != Type::Object) *this = object();
    for (size_t i = 0; i < other.keys_.size(); ++i) (*this)[other.keys_[i]] = other.items_[i];
}

bool operator==(const Value& a, const Value& b) {
    if (a.is_number() && b.is_number()) {
        if (a.type_ == Type::Integer && b.type_ == Type::Integer) return a.scalar_.i == b.scalar_.i;
        return a.as_double() == b.as_double();
    }
    if (a.type_ != b.type_) return false;
    switch (a.type_) {
        case Type::Bool: return a.scalar_.b == b.scalar_.b;
        case Type::String: return a.string_ == b.string_;
        case Type::Array: return a.items_ == b.items_;
        case Type::Object: return a.keys_ == b.keys_ && a.items_ == b.items_;
        default: return true;  // null
    }
}

std::string Value::dump(int indent) const {
    std::string out;
    dump_to(out, indent, 0);
    return out;
}

void Value::dump_to(std::string& out, int indent, int level) const {
    switch (type_) {
        case Type::Null: out += "null"; return;
        case Type::Bool: out += scalar_.b ? "true" : "false"; return;
        case Type::Integer: out += std::to_string(scalar_.i); return;
        case Type::Float: write_double(out, scalar_.d); return;
        case Type::String: write_string(out, string_); return;
        case Type::Array:
        case Type::Object: break;
    }
    const bool object = type_ == Type::Object;
    if (items_.empty()) {
        out += object ? "{}" : "[]";
        return;
    }
    out += object ? '{' : '[';
    for (size_t i = 0; i < items_.size(); ++i) {
        if (i > 0) out += ',';
        if (indent >= 0) {
            out += '\n';
            out.append(static_cast<size_t>(indent) * static_cast<size_t>(level + 1), ' ');
        }
        if (object) {
            write_string(out, keys_[i]);
            out += indent >= 0 ? ": " : ":";
        }
        items_[i].dump_to(out, indent, level + 1);
    }
    if (indent >= 0) {
        out += '\n';
        out.append(static_cast<size_t>(indent) * static_cast<size_t>(level), ' ');
    }
    out += object ? '}' : ']';
}

}  // namespace headroom::json
