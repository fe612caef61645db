#include "template/shipped_form.hpp"

#include <cstdint>
#include <utility>

#include "template/lua_dump.hpp"

namespace conventio::tmpl {
namespace {

/// The main function's source name comes right after the header.
constexpr std::size_t source_name_offset = lua_dump_header_size;

/// A string as Lua's dump writes it: its length + 1 as a size, then the bytes.
std::string dumped_string(std::string_view s) { return lua_dump_size(s.size() + 1).append(s); }

void put_size(std::string& out, std::size_t n) {
    auto v = static_cast<std::uint32_t>(n);
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}
void put_text(std::string& out, std::string_view s) {
    put_size(out, s.size());
    out.append(s);
}
void put_list(std::string& out, const std::vector<std::string>& list) {
    put_size(out, list.size());
    for (const auto& s : list) put_text(out, s);
}
void put_position(std::string& out, const detail::Position& p) {
    put_size(out, static_cast<std::size_t>(p.line));
    put_size(out, static_cast<std::size_t>(p.column));
}

/// Reads what the put_ functions wrote; any overrun marks the form bad.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}
    bool ok() const { return ok_; }
    bool at_end() const { return at_ == bytes_.size(); }
    std::size_t size() {
        if (bytes_.size() - at_ < 4) return fail();
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= std::uint32_t(static_cast<unsigned char>(bytes_[at_ + i])) << (8 * i);
        at_ += 4;
        return v;
    }
    std::string text() {
        std::size_t n = size();
        if (!ok_ || bytes_.size() - at_ < n) return fail(), std::string();
        std::string s(bytes_.substr(at_, n));
        at_ += n;
        return s;
    }
    std::vector<std::string> list() {
        std::size_t n = size();
        std::vector<std::string> out;
        for (std::size_t i = 0; i < n && ok_; ++i) out.push_back(text());
        return out;
    }
    detail::Position position() {
        detail::Position p;
        p.line = static_cast<int>(size());
        p.column = static_cast<int>(size());
        return p;
    }

private:
    std::size_t fail() {
        ok_ = false;
        at_ = bytes_.size();
        return 0;
    }
    std::string_view bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

}  // namespace

const ShippedForm* find_shipped_form(std::span<const ShippedForm> forms, std::string_view source) {
    for (const ShippedForm& form : forms)
        if (form.source == source) return &form;  // sizes first, then every byte
    return nullptr;
}

std::optional<std::string> renamed_bytecode(std::string_view bytecode, std::string_view chunkname) {
    const std::string placeholder = dumped_string("@" + std::string(shipped_chunk_placeholder));
    if (!bytecode.starts_with("\x1bLua\x54") || bytecode.size() < source_name_offset ||
        bytecode.substr(source_name_offset, placeholder.size()) != placeholder)
        return std::nullopt;
    std::string out(bytecode.substr(0, source_name_offset));
    out += dumped_string(chunkname);
    out.append(bytecode.substr(source_name_offset + placeholder.size()));
    return out;
}

std::string serialize_template(const CompiledTemplate& compiled) {
    const FrontMatter& front = compiled.front;
    std::string out;
    put_text(out, front.key);
    put_position(out, front.key_at);
    put_text(out, front.title);
    put_list(out, front.params);
    put_position(out, front.params_at);
    put_list(out, front.optional);
    put_size(out, front.headings ? 1 : 0);
    put_size(out, front.other.size());
    for (const auto& [name, field] : front.other) {
        put_text(out, name);
        put_size(out, field.is_list ? 1 : 0);
        put_text(out, field.text);
        put_list(out, field.items);
    }
    put_text(out, compiled.lua_source);
    put_text(out, compiled.lua_bytecode);
    return out;
}

std::optional<CompiledTemplate> deserialize_template(std::string_view form, std::string path) {
    Reader in(form);
    CompiledTemplate compiled;
    FrontMatter& front = compiled.front;
    front.key = in.text();
    front.key_at = in.position();
    front.title = in.text();
    front.params = in.list();
    front.params_at = in.position();
    front.optional = in.list();
    front.headings = in.size() != 0;
    std::size_t others = in.size();
    for (std::size_t i = 0; i < others && in.ok(); ++i) {
        std::string name = in.text();
        FrontField field;
        field.is_list = in.size() != 0;
        field.text = in.text();
        field.items = in.list();
        front.other.emplace(std::move(name), std::move(field));
    }
    compiled.lua_source = in.text();
    std::string bytecode = in.text();
    if (!in.ok() || !in.at_end()) return std::nullopt;
    auto renamed = renamed_bytecode(bytecode, "@" + path);
    if (!renamed) return std::nullopt;
    compiled.lua_bytecode = std::move(*renamed);
    compiled.path = std::move(path);
    return compiled;
}

}  // namespace conventio::tmpl
