// The engine's own small JSON: a value type, a strict RFC 8259 parser and a writer.
//
// Why not nlohmann/json, which the engine used before: for four readers and writers of small
// documents it cost the page's wasm ~35 KB of code (~15 KB gzip) with the std::map and
// std::vector<bool> instantiations it pulls in. Measured on the same commit, headroom.wasm went
// from 450,416 B (222,354 B gzip -9) with nlohmann to 417,112 B (208,987 B gzip -9) with this
// module, itself ~10 KB of wasm code.
//
// What the engine's documents need, and no more:
// - Numbers keep nlohmann's integer/floating distinction: text with no fraction or exponent
//   that fits a long long is an integer; anything else is a double. A double that overflows
//   is an error, never infinity; one that underflows becomes 0 or a subnormal.
// - Object members are kept sorted by key (bytewise, as std::map<std::string> sorts), so
//   documents are written in the key order nlohmann's default json wrote them; a duplicate
//   key in the text keeps its last value.
// - The parser is strict RFC 8259 (a leading UTF-8 byte order mark is skipped, as nlohmann
//   did), rejects invalid UTF-8 in strings and nesting deeper than kMaxDepth, never throws
//   and never recurses deeper than kMaxDepth, so hostile text cannot exhaust the stack.
// - dump() writes what nlohmann's dump(indent, ' ', false, error_handler_t::replace) wrote:
//   compact for indent < 0, else one member per line; invalid UTF-8 becomes U+FFFD; a double
//   is the shortest text that reads back to the same double, with ".0" on whole numbers.
// No exceptions, no iostreams, no RTTI: the page's wasm is built with -fno-exceptions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace headroom::json {

inline constexpr int kMaxDepth = 64;  // arrays and objects nested in one another

enum class Type : unsigned char { Null, Bool, Integer, Float, String, Array, Object };

class Value {
public:
    Value() = default;  // null
    Value(std::nullptr_t) {}
    Value(bool b) : type_(Type::Bool) { scalar_.b = b; }
    Value(int i) : Value(static_cast<long long>(i)) {}
    Value(long i) : Value(static_cast<long long>(i)) {}
    Value(long long i) : type_(Type::Integer) { scalar_.i = i; }
    Value(double d) : type_(Type::Float) { scalar_.d = d; }
    Value(const char* s) : type_(Type::String), string_(s) {}
    Value(std::string_view s) : type_(Type::String), string_(s) {}
    Value(std::string s) : type_(Type::String), string_(std::move(s)) {}
    static Value array();
    static Value object();

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::Null; }
    bool is_bool() const { return type_ == Type::Bool; }
    bool is_number() const { return type_ == Type::Integer || type_ == Type::Float; }
    bool is_integer() const { return type_ == Type::Integer; }
    bool is_string() const { return type_ == Type::String; }
    bool is_array() const { return type_ == Type::Array; }
    bool is_object() const { return type_ == Type::Object; }

    // The value as a C++ value; the wrong type gives false, 0 or "" (check the type first).
    bool as_bool() const { return type_ == Type::Bool && scalar_.b; }
    long long as_integer() const;  // a Float is truncated only if it is in range, else 0
    double as_double() const;      // an Integer converts
    const std::string& as_string() const { return string_; }

    // Arrays and objects: the elements, or the member values in key order.
    size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    const Value& operator[](size_t i) const { return items_[i]; }
    Value& operator[](size_t i) { return items_[i]; }
    std::vector<Value>::const_iterator begin() const { return items_.begin(); }
    std::vector<Value>::const_iterator end() const { return items_.end(); }
    void push_back(Value v);  // a null becomes an empty array first

    // Objects. key(i) names the member whose value is (*this)[i].
    const std::string& key(size_t i) const { return keys_[i]; }
    const Value* find(std::string_view key) const;  // nullptr when absent or not an object
    Value* find(std::string_view key);
    Value& operator[](std::string_view key);  // adds a null member; a null becomes an empty object first
    bool erase(std::string_view key);
    // Sets each member of `other` (an object) on this one, replacing whole values as nlohmann's
    // update() does.
    void update(const Value& other);

    // indent < 0: compact, no spaces; indent >= 0: one member or element per line, `indent`
    // spaces per level, "key": value.
    std::string dump(int indent = -1) const;

    // Numbers compare by value across Integer and Float (1 == 1.0); otherwise types must match.
    friend bool operator==(const Value& a, const Value& b);
    friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

private:
    friend class Parser;
    void dump_to(std::string& out, int indent, int level) const;
    size_t lower_bound(std::string_view key) const;

    Type type_ = Type::Null;
    union {
        bool b;
        long long i;
        double d;
    } scalar_{};
    std::string string_;
    std::vector<Value> items_;       // array elements, or object member values
    std::vector<std::string> keys_;  // object member keys, sorted and unique, parallel to items_
};

struct Parsed {
    Value value;        // null when the text is not valid JSON
    std::string error;  // empty when valid, else what is wrong and where ("... at byte 12")
    size_t offset = 0;  // byte offset of the error in the text
    bool ok() const { return error.empty(); }
};

// One JSON value (any type) with nothing after it but whitespace.
Parsed parse(std::string_view text);

}  // namespace headroom::json
