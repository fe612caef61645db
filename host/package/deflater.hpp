// Raw deflate through libdeflate, with one compressor per thread and level kept for the
// process: a compressor is about 200 KiB of tables, allocated once rather than for every
// package of a batch (and, in one render, for its shared parts and then its package).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct libdeflate_compressor;

namespace conventio::package {

class Deflater {
public:
    /// The calling thread's compressor at `level` (libdeflate's 0 to 12), made at its first use.
    static Deflater& of_this_thread(int level);

    /// Appends the raw deflate stream of `data` to `out`.
    void deflate_into(std::string& out, std::string_view data);

    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

private:
    explicit Deflater(int level);
    libdeflate_compressor* compressor_;
    // Where a part is compressed before its bytes are appended: growing `out` by the bound
    // instead zero-filled about as many bytes as the part has (a cold render's parts: 46 000
    // instructions of memset), most of them cut off again. Kept for the thread's next part
    // unless it is large.
    std::unique_ptr<char[]> scratch_;
    std::size_t scratch_size_ = 0;
};

}  // namespace conventio::package
