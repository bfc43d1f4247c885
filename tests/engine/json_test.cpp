// The engine's own JSON (engine/src/json.h): every value kind, strict RFC 8259 parsing, the
// writer's text, and agreement with nlohmann/json (which the engine used before, and which the
// tests keep as an independent reader) on what is valid and on the text written.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "../../engine/src/json.h"

namespace {

using headroom::json::parse;
using headroom::json::Type;
using headroom::json::Value;

Value parsed(std::string_view text) {
    headroom::json::Parsed p = parse(text);
    EXPECT_TRUE(p.ok()) << text << ": " << p.error;
    return p.value;
}

bool nlohmann_accepts(std::string_view text) {
    return !nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false).is_discarded();
}

std::string nlohmann_dump(std::string_view text, int indent) {
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, false)
        .dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string nlohmann_dump_string(const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string nlohmann_dump_double(double d) { return nlohmann::json(d).dump(); }

}  // namespace

TEST(Json, ParsesEveryKind) {
    EXPECT_EQ(parsed("null").type(), Type::Null);
    EXPECT_TRUE(parsed("true").as_bool());
    EXPECT_TRUE(parsed("false").is_bool());
    EXPECT_FALSE(parsed("false").as_bool());
    const Value i = parsed("-42");
    EXPECT_TRUE(i.is_integer() && i.is_number());
    EXPECT_EQ(i.as_integer(), -42);
    EXPECT_EQ(i.as_double(), -42.0);
    const Value d = parsed("2.5e-3");
    EXPECT_TRUE(d.is_number() && !d.is_integer());
    EXPECT_EQ(d.as_double(), 0.0025);
    EXPECT_EQ(parsed(R"("héllo")").as_string(), "héllo");
    const Value a = parsed(" [ 1 , \"two\" , [ ] , { } , null ] ");
    ASSERT_TRUE(a.is_array());
    ASSERT_EQ(a.size(), 5u);
    EXPECT_EQ(a[0].as_integer(), 1);
    EXPECT_EQ(a[1].as_string(), "two");
    EXPECT_TRUE(a[2].is_array() && a[2].empty());
    EXPECT_TRUE(a[3].is_object() && a[3].empty());
    EXPECT_TRUE(a[4].is_null());
    const Value o = parsed("{\"b\": {\"c\": [true]}, \"a\": 1}\r\n\t ");
    ASSERT_TRUE(o.is_object());
    ASSERT_EQ(o.size(), 2u);
    EXPECT_EQ(o.key(0), "a");
    EXPECT_EQ(o.key(1), "b");
    ASSERT_NE(o.find("b"), nullptr);
    EXPECT_TRUE((*o.find("b")->find("c"))[0].as_bool());
    EXPECT_EQ(o.find("c"), nullptr);
    EXPECT_EQ(parsed("7").find("a"), nullptr);  // not an object
}

TEST(Json, IntegersStayIntegersWhileTheyFit) {
    EXPECT_TRUE(parsed("0").is_integer());
    EXPECT_TRUE(parsed("-0").is_integer());
    EXPECT_FALSE(parsed("1.0").is_integer());
    EXPECT_FALSE(parsed("1e3").is_integer());
    EXPECT_EQ(parsed("1e3").as_double(), 1000.0);
    EXPECT_EQ(parsed("9007199254740993").as_integer(), 9007199254740993LL);  // 2^53 + 1, exact
    EXPECT_EQ(parsed("9223372036854775807").as_integer(), std::numeric_limits<long long>::max());
    EXPECT_EQ(parsed("-9223372036854775808").as_integer(), std::numeric_limits<long long>::min());
    const Value big = parsed("9223372036854775808");  // 2^63: a double
    EXPECT_FALSE(big.is_integer());
    EXPECT_EQ(big.as_double(), 9223372036854775808.0);
    EXPECT_EQ(big.as_integer(), 0);  // out of range: no undefined conversion
    EXPECT_FALSE(parsed("-9223372036854775809").is_integer());
    // The one difference from nlohmann, which kept 2^63 to 2^64 - 1 as unsigned integers: here
    // they are doubles, so they are written as doubles (and read back as the same double).
    EXPECT_EQ(parsed("18446744073709551615").dump(), "1.8446744073709552e+19");
}

TEST(Json, LongNumbersAndUnderflow) {
    EXPECT_EQ(parsed("0." + std::string(500, '0') + "1").as_double(), 0.0);  // underflows to 0, no error
    EXPECT_EQ(parsed("1e-400").as_double(), 0.0);
    EXPECT_EQ(parsed("4.9e-324").as_double(), 5e-324);
    EXPECT_EQ(parsed("123456789012345678901234567890").as_double(), 1.2345678901234568e29);
    EXPECT_FALSE(parse("1e400").ok());  // overflow is an error, never infinity
    EXPECT_FALSE(parse("-1e400").ok());
    EXPECT_FALSE(parse("1" + std::string(400, '0')).ok());
}

TEST(Json, EscapesAndSurrogatePairs) {
    EXPECT_EQ(parsed(R"("\"\\\/\b\f\n\r\t")").as_string(), "\"\\/\b\f\n\r\t");
    EXPECT_EQ(parsed(R"("\u0041\u00e9\u20AC")").as_string(), "A\xC3\xA9\xE2\x82\xAC");
    EXPECT_EQ(parsed(R"("\ud83d\ude00")").as_string(), "\xF0\x9F\x98\x80");  // U+1F600
    EXPECT_EQ(parsed(R"("\uD800\uDC00")").as_string(), "\xF0\x90\x80\x80");  // U+10000
    EXPECT_EQ(parsed(R"("\uDBFF\uDFFF")").as_string(), "\xF4\x8F\xBF\xBF");  // U+10FFFF
    EXPECT_EQ(parsed(R"("a\u0000b")").as_string(), std::string("a\0b", 3));
    EXPECT_EQ(parsed("\"h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"").as_string(), "h\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
    EXPECT_EQ(parsed("\"\x7F\"").as_string(), "\x7F");  // DEL is not a control character here
    EXPECT_EQ(parsed("\xEF\xBB\xBF{}").size(), 0u);  // a byte order mark is skipped, as nlohmann did
}

TEST(Json, MalformedTextIsAnErrorWithAnOffset) {
    const std::vector<std::string> bad = {
        "", " ", "\xEF\xBB", "{", "[", "[1", "[1,", "[1,]", "[,1]", "[1 2]", "{\"a\":1,}", "{\"a\"}", "{\"a\" 1}",
        "{\"a\":}", "{a:1}", "{'a':1}", "{1:1}", "{\"a\":1 \"b\":2}", "{,}", "]", "}", ":",
        // numbers
        "01", "-01", "00", "[01]", "+1", "1.", ".5", "1.e3", "1e", "1e+", "1E-", "-", "--1", "-a", "0x10", "1_000",
        "NaN", "-NaN", "Infinity", "-Infinity", "inf", "1e400",
        // literals
        "nul", "tru", "fals", "True", "NULL", "nulll", "truefalse",
        // strings
        "\"abc", "\"abc\\", "\"\\x\"", "\"\\'\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\U0041\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\ud800\\\"", "\"\\udfff\\ud800\"", "\"a\tb\"",
        "\"\x01\"", "\"\n\"", "\"\x1F\"", std::string("\"\0\"", 3),
        // UTF-8: lone continuation, overlong, encoded surrogate, past U+10FFFF, truncated, bad bytes
        "\"\x80\"", "\"\xC0\xAF\"", "\"\xC1\xBF\"", "\"\xE0\x80\xAF\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"",
        "\"\xF5\x80\x80\x80\"", "\"\xE2\x82\"", "\"\xE2\x82", "\"\xF0\x9F\x98\"", "\"\xFF\"", "\"\xFE\"",
        // trailing text, comments, several values
        "1 2", "{} x", "[] ]", "{}}", "null,", "/* c */ 1", "1 // c", "\"a\" \"b\"",
        // whitespace RFC 8259 does not allow
        "\f1", "\v1", "1\xC2\xA0",
    };
    for (const std::string& text : bad) {
        const headroom::json::Parsed p = parse(text);
        EXPECT_FALSE(p.ok()) << '"' << text << '"';
        EXPECT_FALSE(p.error.empty()) << text;
        EXPECT_LE(p.offset, text.size()) << text;
        EXPECT_NE(p.error.find(" at byte " + std::to_string(p.offset)), std::string::npos) << p.error;
        EXPECT_TRUE(p.value.is_null()) << text;
        EXPECT_FALSE(nlohmann_accepts(text)) << "nlohmann accepts \"" << text << '"';
    }
    // nlohmann stopped reading at a NUL byte after the value; here it is text after the value.
    EXPECT_TRUE(nlohmann_accepts(std::string("[1]\0x", 5)));
    EXPECT_EQ(parse(std::string("[1]\0x", 5)).offset, 3u);
    EXPECT_EQ(parse("[1,]").offset, 3u);
    EXPECT_EQ(parse("{\"a\":1 x").offset, 7u);
    EXPECT_EQ(parse("  01").offset, 3u);
    EXPECT_EQ(parse("[1e400]").offset, 1u);
    EXPECT_EQ(parse("\"ab\x01\"").offset, 3u);
    EXPECT_EQ(parse("\"ab\\q\"").offset, 4u);
}

TEST(Json, DeepNestingIsAnErrorNotACrash) {
    using headroom::json::kMaxDepth;
    EXPECT_FALSE(parse(std::string(100000, '[')).ok());
    EXPECT_FALSE(parse(std::string(100000, '[') + std::string(100000, ']')).ok());
    std::string objects;
    for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
    EXPECT_FALSE(parse(objects).ok());
    // kMaxDepth levels parse; one more does not.
    EXPECT_TRUE(parse(std::string(kMaxDepth, '[') + std::string(kMaxDepth, ']')).ok());
    const headroom::json::Parsed deeper = parse(std::string(kMaxDepth + 1, '[') + std::string(kMaxDepth + 1, ']'));
    EXPECT_FALSE(deeper.ok());
    EXPECT_EQ(deeper.offset, size_t(kMaxDepth));
    std::string nested = "1";
    for (int i = 0; i < kMaxDepth; ++i) nested = (i % 2 ? "[" + nested + "]" : "{\"k\":" + nested + "}");
    EXPECT_EQ(parsed(nested).dump(), nested);
}

TEST(Json, DoublesRoundTripExactly) {
    const double values[] = {0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-300, 1e300, 1.7976931348623157e308,
                             5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, -0.0, 0.0, 1.5,
                             123456.789, 9007199254740992.0, 9007199254740994.0, 4.35, 0.07, 1e21, 1e22,
                             1e23, 123e-7, 0.30000000000000004, 100, 1e15, 1e16, 1e14, 0.0001, 0.00001,
                             -1.25e-10, 6.02214076e23, 1.602176634e-19, 3.141592653589793};
    for (double d : values) {
        for (double v : {d, -d}) {
            const std::string text = Value(v).dump();
            const Value back = parsed(text);
            EXPECT_EQ(back.as_double(), v) << text;
            EXPECT_EQ(std::signbit(back.as_double()), std::signbit(v)) << text;
            if (d != 1e23) {  // nlohmann's Grisu2 missed 1e23's shortest text (below)
                EXPECT_EQ(text, nlohmann_dump_double(v));
            }
        }
    }
    // Integers, up to 2^53 and the long long limits.
    for (long long i : {0LL, 1LL, -1LL, 9007199254740992LL, -9007199254740992LL, 9007199254740993LL,
                        std::numeric_limits<long long>::max(), std::numeric_limits<long long>::min()}) {
        const std::string text = Value(i).dump();
        EXPECT_EQ(text, std::to_string(i));
        const Value back = parsed(text);
        EXPECT_TRUE(back.is_integer());
        EXPECT_EQ(back.as_integer(), i);
        EXPECT_EQ(text, nlohmann::json(i).dump());
    }
}

TEST(Json, DoublesAreWrittenAsNlohmannWroteThem) {
    EXPECT_EQ(Value(0.1).dump(), "0.1");
    EXPECT_EQ(Value(2.0).dump(), "2.0");
    EXPECT_EQ(Value(-0.0).dump(), "-0.0");
    EXPECT_EQ(Value(0.0).dump(), "0.0");
    EXPECT_EQ(Value(100.0).dump(), "100.0");
    EXPECT_EQ(Value(7e9).dump(), "7000000000.0");
    EXPECT_EQ(Value(1e14).dump(), "100000000000000.0");
    EXPECT_EQ(Value(1e15).dump(), "1e+15");
    EXPECT_EQ(Value(1.5e15).dump(), "1.5e+15");
    EXPECT_EQ(Value(1e20).dump(), "1e+20");
    EXPECT_EQ(Value(0.0001).dump(), "0.0001");
    EXPECT_EQ(Value(0.00001).dump(), "1e-05");
    EXPECT_EQ(Value(1.25e-7).dump(), "1.25e-07");
    EXPECT_EQ(Value(1e-300).dump(), "1e-300");
    EXPECT_EQ(Value(5e-324).dump(), "5e-324");
    EXPECT_EQ(Value(1.7976931348623157e308).dump(), "1.7976931348623157e+308");
    EXPECT_EQ(Value(123.456).dump(), "123.456");
    EXPECT_EQ(Value(1e23).dump(), "1e+23");  // nlohmann's Grisu2 wrote 9.999999999999999e+22
    EXPECT_EQ(Value(std::nan("")).dump(), "null");  // as nlohmann: JSON has no NaN or infinity
    EXPECT_EQ(Value(-std::numeric_limits<double>::infinity()).dump(), "null");

    // Random doubles of every magnitude: the text reads back exactly, and it is nlohmann's
    // except where its Grisu2 missed the shortest digits (1e23 above) or, of two shortest
    // texts that both read back, took the one farther from the double (a last digit apart;
    // the text here is printf's correctly rounded one).
    std::mt19937_64 rng(8259);
    int shorter = 0, other_digit = 0, tries = 0;
    for (int i = 0; i < 20000; ++i) {
        double d;
        const unsigned long long bits = rng();
        std::memcpy(&d, &bits, sizeof d);
        if (!std::isfinite(d)) continue;
        ++tries;
        const std::string ours = Value(d).dump(), theirs = nlohmann_dump_double(d);
        EXPECT_EQ(parsed(ours).as_double(), d) << ours;
        EXPECT_LE(ours.size(), theirs.size()) << ours << " vs " << theirs;
        shorter += ours.size() < theirs.size();
        if (ours.size() == theirs.size() && ours != theirs) {
            ++other_digit;
            const auto all_but_last_digit = [](const std::string& t) {
                const std::string digits = t.substr(0, t.find('e'));
                return digits.substr(0, digits.size() - 1);
            };
            EXPECT_EQ(all_but_last_digit(ours), all_but_last_digit(theirs)) << ours << " vs " << theirs;
        }
    }
    std::printf("random doubles: %d of %d written shorter than nlohmann, %d with another last digit\n", shorter,
                tries, other_digit);
    EXPECT_LT(shorter + other_digit, tries / 200);  // 22 of 19,989 when written
}

TEST(Json, DumpCompactAndIndented) {
    Value doc = Value::object();
    doc["b"] = Value::array();
    doc["b"].push_back(1);
    doc["b"].push_back(2);
    doc["a"] = 1;
    doc["e"] = Value::object();
    doc["f"] = Value::array();
    doc["s"] = "x\"y";
    doc["n"] = nullptr;
    doc["t"] = true;
    doc["d"] = 0.5;
    EXPECT_EQ(doc.dump(), R"({"a":1,"b":[1,2],"d":0.5,"e":{},"f":[],"n":null,"s":"x\"y","t":true})");
    EXPECT_EQ(doc.dump(2),
              "{\n"
              "  \"a\": 1,\n"
              "  \"b\": [\n"
              "    1,\n"
              "    2\n"
              "  ],\n"
              "  \"d\": 0.5,\n"
              "  \"e\": {},\n"
              "  \"f\": [],\n"
              "  \"n\": null,\n"
              "  \"s\": \"x\\\"y\",\n"
              "  \"t\": true\n"
              "}");
    EXPECT_EQ(parsed("{\"a\":[{}]}").dump(0), "{\n\"a\": [\n{}\n]\n}");
    EXPECT_EQ(Value::object().dump(4), "{}");
    EXPECT_EQ(Value::array().dump(4), "[]");
    EXPECT_EQ(Value().dump(), "null");
    EXPECT_EQ(Value("").dump(), "\"\"");
    const std::string text = doc.dump();
    for (int indent : {-1, 0, 1, 2, 4}) EXPECT_EQ(parsed(text).dump(indent), nlohmann_dump(text, indent)) << indent;
}

TEST(Json, KeysAreSortedAndTheLastDuplicateWins) {
    const Value o = parsed(R"({"b":1,"a":2,"b":3,"B":4,"":5,"a":6,"\u00e9":7,"z":8})");
    EXPECT_EQ(o.dump(), R"({"":5,"B":4,"a":6,"b":3,"z":8,"é":7})");
    EXPECT_EQ(o.dump(), nlohmann_dump(R"({"b":1,"a":2,"b":3,"B":4,"":5,"a":6,"\u00e9":7,"z":8})", -1));
    // Keys that differ only past an embedded NUL stay apart.
    EXPECT_EQ(parsed(R"({"a\u0000b":1,"a\u0000a":2})").dump(), R"({"a\u0000a":2,"a\u0000b":1})");
    // Built in code, the order is the same.
    Value built;
    for (const char* k : {"z", "é", "b", "a", "B", ""}) built[k] = 1;
    std::string keys;
    for (size_t i = 0; i < built.size(); ++i) keys += built.key(i) + ",";
    EXPECT_EQ(keys, ",B,a,b,z,é,");
    // A big object given in reverse order.
    std::string big = "{";
    for (int i = 2000; i > 0; --i) big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + (i > 1 ? "," : "}");
    const Value b = parsed(big);
    EXPECT_EQ(b.size(), 2000u);
    EXPECT_EQ(b.find("k1234")->as_integer(), 1234);
    EXPECT_EQ(b.dump(), nlohmann_dump(big, -1));
}

TEST(Json, ObjectEditing) {
    Value o;  // null becomes an object on first use
    o["x"] = 1;
    o["y"]["z"] = "deep";
    EXPECT_TRUE(o.is_object());
    EXPECT_EQ(o.dump(), R"({"x":1,"y":{"z":"deep"}})");
    EXPECT_TRUE(o.erase("x"));
    EXPECT_FALSE(o.erase("x"));
    EXPECT_EQ(o.dump(), R"({"y":{"z":"deep"}})");
    Value patch = parsed(R"({"a":true,"y":{"w":1}})");
    o.update(patch);  // shallow, as nlohmann's update(): y is replaced, not merged
    EXPECT_EQ(o.dump(), R"({"a":true,"y":{"w":1}})");
    Value* y = o.find("y");
    ASSERT_NE(y, nullptr);
    (*y)["v"] = 2.5;
    EXPECT_EQ(o.dump(), R"({"a":true,"y":{"v":2.5,"w":1}})");
    Value list;
    list.push_back("a");
    list.push_back(Value::array());
    EXPECT_EQ(list.dump(), R"(["a",[]])");
    std::string all;
    for (const Value& v : parsed("[1,2,3]")) all += v.dump();
    EXPECT_EQ(all, "123");
}

TEST(Json, Equality) {
    EXPECT_EQ(parsed("1"), parsed("1.0"));  // numbers by value, as nlohmann
    EXPECT_EQ(parsed("1e2"), Value(100));
    EXPECT_NE(parsed("1"), parsed("1.5"));
    EXPECT_NE(parsed("1"), parsed("\"1\""));
    EXPECT_NE(parsed("null"), parsed("false"));
    EXPECT_EQ(parsed(R"({"a":[1,{"b":null}],"c":"d"})"), parsed(R"({"c":"d","a":[1.0,{"b":null}]})"));
    EXPECT_NE(parsed(R"({"a":1})"), parsed(R"({"a":1,"b":1})"));
    EXPECT_NE(parsed(R"({"a":1})"), parsed(R"({"b":1})"));
    EXPECT_NE(parsed("[1,2]"), parsed("[2,1]"));
    EXPECT_EQ(parsed("-0.0"), parsed("0"));
}

TEST(Json, StringsAreEscapedAsNlohmannDid) {
    EXPECT_EQ(Value("a\"b\\c/d").dump(), R"("a\"b\\c/d")");
    EXPECT_EQ(Value("\b\f\n\r\t").dump(), R"("\b\f\n\r\t")");
    EXPECT_EQ(Value(std::string("\x00\x01\x1f\x7f", 4)).dump(), "\"\\u0000\\u0001\\u001f\x7f\"");
    EXPECT_EQ(Value("h\xC3\xA9 \xF0\x9F\x98\x80").dump(), "\"h\xC3\xA9 \xF0\x9F\x98\x80\"");
    // Invalid UTF-8 is replaced with U+FFFD, one per ill-formed start, as error_handler_t::replace.
    EXPECT_EQ(Value("a\xFF" "b").dump(), "\"a\xEF\xBF\xBD" "b\"");
    EXPECT_EQ(Value("\xC3(").dump(), "\"\xEF\xBF\xBD(\"");
    EXPECT_EQ(Value("\xE2\x82").dump(), "\"\xEF\xBF\xBD\"");
    EXPECT_EQ(Value("\xE0\x80\xAF").dump(), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    for (const char* s : {"\xFF", "\xC3(", "\xE2\x82", "\xE2\x82(", "\xF0\x9F\x98", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xC0\xAF", "\x80\x80", "a\xE2\x82\xAC\xE2"})
        EXPECT_EQ(Value(s).dump(), nlohmann_dump_string(s)) << s;
    // Random bytes, biased to UTF-8's interesting ones.
    std::mt19937 rng(3629);
    const unsigned char pool[] = {'a', '"', '\\', '\n', 0x01, 0x1F, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                  0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    for (int i = 0; i < 5000; ++i) {
        std::string s;
        for (int n = rng() % 8; n > 0; --n) s += static_cast<char>(pool[rng() % sizeof pool]);
        const std::string ours = Value(s).dump();
        ASSERT_EQ(ours, nlohmann_dump_string(s));
        EXPECT_TRUE(parse(ours).ok()) << ours;  // what is written always reads back
    }
}

// Random texts built from JSON's tokens, valid and not: the same verdict as nlohmann's, and
// the same text written back.
TEST(Json, AgreesWithNlohmannOnRandomTexts) {
    std::mt19937 rng(8259);
    const char* tokens[] = {"{", "}", "[", "]", ",", ":", " ", "\"k\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"\\ud83d\"",
                            "0", "-0", "12", "1.5", "-2e-3", "1E+2", "01", "1.", "true", "false", "null", "\"a\\nb\"",
                            "\"\xC3\xA9\"", "\"\xC3\"", "9223372036854775807", "-9223372036854775809", "1e400", "\t"};
    int valid = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        for (int n = 1 + rng() % 12; n > 0; --n) text += tokens[rng() % (sizeof tokens / sizeof *tokens)];
        const headroom::json::Parsed p = parse(text);
        ASSERT_EQ(p.ok(), nlohmann_accepts(text)) << text << ": " << p.error;
        if (p.ok()) {
            ++valid;
            ASSERT_EQ(p.value.dump(), nlohmann_dump(text, -1)) << text;
            ASSERT_EQ(p.value.dump(2), nlohmann_dump(text, 2)) << text;
            EXPECT_EQ(parsed(p.value.dump()), p.value) << text;
        }
    }
    EXPECT_GT(valid, 1000);
}
