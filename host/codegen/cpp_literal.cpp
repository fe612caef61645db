#include "codegen/cpp_literal.hpp"

namespace conventio::codegen {

void write_literal(std::ostream& out, std::string_view bytes) {
    out << '"';
    std::size_t column = 0;
    for (char ch : bytes) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\' || c == '?') {
            out << '\\' << ch;  // '?' too: no "??" trigraph-like sequence for old tools to see
            column += 2;
        } else if (c >= 0x20 && c < 0x7f) {
            out << ch;
            ++column;
        } else {
            out << '\\' << char('0' + (c >> 6)) << char('0' + ((c >> 3) & 7)) << char('0' + (c & 7));
            column += 4;
        }
        if (column > 100 && c == '\n') {
            out << "\"\n\"";
            column = 0;
        }
    }
    out << '"';
}

void write_string_view(std::ostream& out, std::string_view bytes) {
    out << "std::string_view(";
    write_literal(out, bytes);
    out << ", " << bytes.size() << ")";
}

}  // namespace conventio::codegen
