#include "shipped/bytecode_names.hpp"

#include <stdexcept>

#include "template/lua_dump.hpp"

namespace conventio::shipped {
namespace {

using tmpl::lua_dump_header_size;
using tmpl::lua_dump_size;

/// The constants' type tags in a dump (lobject.h's variants).
enum Tag : unsigned char {
    nil = 0x00,
    false_ = 0x01,
    true_ = 0x11,
    integer = 0x03,
    number = 0x13,
    short_string = 0x04,
    long_string = 0x14
};

/// Copies a dump through, function by function (lundump.c loadFunction's order), leaving out
/// what without_local_names drops.
class Rewriter {
public:
    explicit Rewriter(std::string_view in) : in_(in) {}

    std::string run() {
        if (!in_.starts_with("\x1bLua\x54") || in_.size() < lua_dump_header_size) fail();
        copy(lua_dump_header_size);
        function();
        if (at_ != in_.size()) fail();
        return std::move(out_);
    }

private:
    void function() {
        copy_string();          // source: empty in a nested function, which takes its parent's
        copy_size();            // linedefined
        copy_size();            // lastlinedefined
        copy(3);                // numparams, is_vararg, maxstacksize
        copy(4 * copy_size());  // code
        for (std::size_t n = copy_size(); n > 0; --n) constant();
        copy(3 * copy_size());  // upvalues: instack, idx, kind
        for (std::size_t n = copy_size(); n > 0; --n) function();
        copy(copy_size());                               // lineinfo, a byte an instruction
        for (std::size_t n = copy_size(); n > 0; --n) {  // abslineinfo: pc, line
            copy_size();
            copy_size();
        }
        // Local variables: none. Lua then finds no name for a register (debug.getlocal calls it
        // "(temporary)"), and names a value in a message only by where it was read from.
        for (std::size_t n = read_size(); n > 0; --n) {
            skip_string();
            read_size();  // startpc
            read_size();  // endpc
        }
        write_size(0);
        for (std::size_t n = copy_size(); n > 0; --n) copy_string();  // upvalue names
    }

    void constant() {
        const auto tag = static_cast<unsigned char>(take(1)[0]);
        out_ += static_cast<char>(tag);
        switch (tag) {
            case nil:
            case false_:
            case true_:
                return;
            case integer:
            case number:
                return copy(8);
            case short_string:
            case long_string:
                return copy_string();
            default:
                fail();
        }
    }

    /// lundump.c loadSize: 7 bits a byte, most significant first, the last byte marked 0x80.
    std::size_t read_size() {
        std::size_t n = 0;
        for (;;) {
            const auto byte = static_cast<unsigned char>(take(1)[0]);
            if (n > (SIZE_MAX >> 7)) fail();
            n = (n << 7) | (byte & 0x7f);
            if (byte & 0x80) return n;
        }
    }
    void write_size(std::size_t n) { out_ += lua_dump_size(n); }
    std::size_t copy_size() {
        const std::size_t start = at_;
        const std::size_t n = read_size();
        out_.append(in_.substr(start, at_ - start));
        return n;
    }
    /// A string is its size + 1 then its bytes; a size of 0 is no string.
    std::string_view skip_string() {
        const std::size_t n = read_size();
        return n == 0 ? std::string_view() : take(n - 1);
    }
    void copy_string() {
        const std::size_t start = at_;
        skip_string();
        out_.append(in_.substr(start, at_ - start));
    }
    std::string_view take(std::size_t n) {
        if (in_.size() - at_ < n) fail();
        const std::string_view bytes = in_.substr(at_, n);
        at_ += n;
        return bytes;
    }
    void copy(std::size_t n) { out_.append(take(n)); }
    [[noreturn]] void fail() const {
        throw std::runtime_error("not a Lua 5.4 dump this build reads (at byte " + std::to_string(at_) + ")");
    }

    std::string_view in_;
    std::size_t at_ = 0;
    std::string out_;
};

}  // namespace

std::string without_local_names(std::string_view bytecode) { return Rewriter(bytecode).run(); }

}  // namespace conventio::shipped
