// A thin RAII wrapper over libxml2's xmlTextWriter: every package part is written through it,
// so escaping and well-formedness are libxml2's job, never ours. A failing libxml2 call
// becomes an exception.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

typedef struct _xmlBuffer xmlBuffer;
typedef struct _xmlTextWriter xmlTextWriter;

namespace conventio::xml {

struct XmlError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Writer {
public:
    /// Starts a standalone UTF-8 document (`<?xml version="1.0" encoding="UTF-8"
    /// standalone="yes"?>`) in memory.
    Writer();
    /// What a fragment writer makes: elements with no XML declaration, to be placed inside
    /// a part by `raw` (see built_once.hpp). A fragment writer finished with every element
    /// closed goes back to its thread's spares and serves the next fragment: a cold render
    /// builds a few dozen fragments, and making and freeing libxml2's writer and buffers was
    /// about 9 000 instructions each.
    struct Fragment {};
    explicit Writer(Fragment);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void start(std::string_view qualified_name);
    void end();
    void attr(std::string_view qualified_name, std::string_view value);
    void attr(std::string_view qualified_name, long long value);
    void text(std::string_view utf8);
    /// Places `fragment`, the bytes another Writer (a Fragment one) made, where the next
    /// child would go. Only for fragments libxml2 wrote: the bytes go in as they are.
    void raw(std::string_view fragment);
    /// `<name attrs.../>` with nothing inside, as a convenience for the many empty elements.
    void empty(std::string_view qualified_name);

    /// Closes every open element and the document, and returns the bytes. A fragment
    /// writer's elements must all be closed already; its bytes end with the last one.
    std::string finish();

private:
    void open();

    xmlBuffer* buffer_ = nullptr;
    xmlTextWriter* writer_ = nullptr;
    bool fragment_ = false;
    bool finished_ = false;
    int open_elements_ = 0;  // a fragment writer is reused only with none left open
    std::string name_;       // NUL-terminated copies for libxml2, reused across calls
    std::string value_;
    std::size_t fragment_start_ = 0;  // a fragment's bytes start after its declaration
};

/// Scopes an element: the constructor opens it, the destructor closes it, so the element
/// structure of a writer function mirrors its C++ block structure.
class Element {
public:
    Element(Writer& w, std::string_view name) : w_(w) { w_.start(name); }
    ~Element() noexcept(false) {
        if (std::uncaught_exceptions() == entered_with_) w_.end();
    }
    Element(const Element&) = delete;
    Element& operator=(const Element&) = delete;

private:
    Writer& w_;
    int entered_with_ = std::uncaught_exceptions();
};

/// Initialises libxml2's global tables (encoding handlers...). Call it once before writers run
/// on several threads (batch workers): libxml2 builds them at first use, and two threads doing
/// so at once race (a crash, leaked handlers). Idempotent.
void initialize_for_threads();

}  // namespace conventio::xml
