// The preset picker's filter, apart from any drawing: a query matches when every word of it
// appears in the text, ignoring case ("llama 70" finds "Llama 3.1 70B").
#pragma once
#include <string_view>

namespace search {

bool Matches(std::string_view text, std::string_view query);

}  // namespace search
