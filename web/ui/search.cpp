#include "ui/search.h"

#include <algorithm>
#include <cctype>

namespace search {
namespace {

bool ContainsNoCase(std::string_view text, std::string_view word) {
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    const auto it = std::search(text.begin(), text.end(), word.begin(), word.end(),
                                [&](char a, char b) { return lower(a) == lower(b); });
    return it != text.end();
}

}  // namespace

bool Matches(std::string_view text, std::string_view query) {
    std::size_t i = 0;
    while (i < query.size()) {
        while (i < query.size() && query[i] == ' ') ++i;
        std::size_t j = i;
        while (j < query.size() && query[j] != ' ') ++j;
        if (j > i && !ContainsNoCase(text, query.substr(i, j - i))) return false;
        i = j;
    }
    return true;
}

}  // namespace search
