// `apigap-pdf CPU_SECONDS MEMORY_BYTES MAX_BYTES`: the helper process that
// reads a PDF from stdin with poppler and writes its text, and the ink of its
// pages with little text, to stdout in the form src/ingest/pdf_process.hpp
// describes. It limits its own CPU time and address space first, so that a
// hostile file can crash or hang only it.
// Not meant to be run by hand; installed under libexec.
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "ingest/pdf_process.hpp"
#include "ingest/sanitizers.hpp"

namespace {

using apigap::ingest_detail::k_max_pdf_facts_bytes;
using apigap::ingest_detail::k_pdf_header_size;
using apigap::ingest_detail::k_pdf_ink_dpi;
using apigap::ingest_detail::k_pdf_ink_level;
using apigap::ingest_detail::k_pdf_measured_words;
using apigap::ingest_detail::next_code_point;
using apigap::ingest_detail::PdfStatus;
using apigap::ingest_detail::write_all;

void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

/// `text` as a whole decimal number, or nullopt.
std::optional<std::uint64_t> parse_count(const char* text) {
    if (text == nullptr || *text < '0' || *text > '9') {
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const unsigned long long value = std::strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0') {
        return std::nullopt;
    }
    return value;
}

/// All of stdin, or nullopt when it cannot be read or holds more than `max_bytes`.
std::optional<std::string> read_stdin(std::size_t max_bytes) {
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return std::nullopt;
        }
        if (got == 0) {
            return bytes;
        }
        if (bytes.size() + static_cast<std::size_t>(got) > max_bytes) {
            return std::nullopt;
        }
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
}

#if !APIGAP_SANITIZED
/// The address space this process uses now, 0 if unknown.
std::size_t current_address_space() {
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return 0;
    }
    char buffer[128] = {};
    const ssize_t got = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (got <= 0) {
        return 0;
    }
    const long page_size = ::sysconf(_SC_PAGESIZE);
    const unsigned long long pages = std::strtoull(buffer, nullptr, 10);
    return page_size > 0 ? static_cast<std::size_t>(pages) * static_cast<std::size_t>(page_size) : 0;
}

#endif

/// Limits this process to `cpu_seconds` of CPU and `memory_bytes` more address space.
void limit_self(std::uint64_t cpu_seconds, std::size_t memory_bytes) {
    // A crash must end the process the plain way, without a core file, even
    // when the parent ignored the signal. A handler is kept: after exec only a
    // sanitizer's runtime can have installed one, and its report is the point.
    for (const int signal : {SIGABRT, SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGXCPU, SIGPIPE}) {
        struct sigaction action {};
        if (::sigaction(signal, nullptr, &action) == 0 && (action.sa_flags & SA_SIGINFO) == 0 &&
            action.sa_handler == SIG_IGN) {
            std::signal(signal, SIG_DFL);
        }
    }
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    // SIGXCPU at the soft limit, SIGKILL a second later if it is ignored.
    const rlimit cpu{rlim_t{cpu_seconds}, rlim_t{cpu_seconds} + 1};
    ::setrlimit(RLIMIT_CPU, &cpu);
#if !APIGAP_SANITIZED
    // The sanitizers reserve terabytes of address space up front, and their
    // reports on stderr are worth keeping. Otherwise the parent reports the
    // failure, and poppler's "Out of memory" before its abort() is noise.
    const std::size_t inherited = current_address_space();
    const rlim_t address_space = memory_bytes > std::numeric_limits<std::size_t>::max() - inherited
                                     ? RLIM_INFINITY
                                     : static_cast<rlim_t>(inherited + memory_bytes);
    const rlimit memory{address_space, address_space};
    ::setrlimit(RLIMIT_AS, &memory);
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) {
        ::dup2(null, STDERR_FILENO);
        ::close(null);
    }
#else
    static_cast<void>(memory_bytes);
#endif
}

/// The 1-based number of the page whose text poppler is laying out or whose ink it is rendering, 0 when it is not.
volatile std::sig_atomic_t g_page_in_layout = 0;

/// Writes the answer `layout_out_of_memory` for `page` (only async-signal-safe calls) and ends the process.
[[noreturn]] void answer_out_of_memory(std::uint64_t page) {
    char answer[k_pdf_header_size + 20] = {static_cast<char>(PdfStatus::layout_out_of_memory)};
    char digits[20] = {};
    std::size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + page % 10);
        page /= 10;
    } while (page > 0 && count < sizeof digits);
    for (std::size_t index = 0; index < count; ++index) {
        answer[k_pdf_header_size + index] = digits[count - 1 - index];
    }
    answer[1] = static_cast<char>(count);  // the text's length, little-endian: under 256; no facts
    write_all(STDOUT_FILENO, answer, k_pdf_header_size + count);
    ::_exit(0);
}

#if !APIGAP_SANITIZED
/// Poppler's allocator aborts when it runs out of memory (after "Out of memory" on stderr): during a page's
/// layout, that is the answer; any other abort ends the process by the signal, as before.
void on_abort(int signal) {
    if (g_page_in_layout > 0) {
        answer_out_of_memory(static_cast<std::uint64_t>(g_page_in_layout));
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}
#endif

/// A line of a page's raw text longer than this makes poppler's layout analysis, which orders the words into
/// lines and columns, take time that grows with the cube of the line (a 128 KiB line: 4 s); such a page is read
/// in the order its content draws the text instead, which takes time linear in it.
constexpr std::size_t k_max_layout_line = 4096;

/// Reading a page in raw order first costs as much as laying it out, so it is done only when the file has this
/// many bytes a page or more, which a page needs to hold such a line (a resume's pages, with their fonts, do too;
/// a long document of plain pages does not).
constexpr std::size_t k_raw_check_page_bytes = std::size_t{16} << 10;

/// The text of `page` as poppler lays it out, or in raw order when `check_lines` and a line is too long for that.
poppler::byte_array page_text(const poppler::page& page, bool check_lines) {
    if (check_lines) {
        poppler::byte_array raw = page.text(poppler::rectf(), poppler::page::raw_order_layout).to_utf8();
        std::size_t line = 0;
        for (const char c : raw) {
            line = c == '\n' ? 0 : line + 1;
            if (line > k_max_layout_line) {
                return raw;
            }
        }
    }
    return page.text().to_utf8();
}

/// How many words `text` has: runs of characters between whitespace, each CJK character a word of its own (a page
/// of Chinese has few spaces).
std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t at = 0; at < text.size();) {
        const char32_t code = next_code_point(text, at);
        const bool space = code == U' ' || code == U'\t' || code == U'\n' || code == U'\r' || code == U'\f' ||
                           code == U'\v' || code == 0x3000;
        const bool cjk = (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) ||
                         (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x3ffff);
        words += (cjk || (!space && !in_word)) ? 1 : 0;
        in_word = !space && !cjk;
    }
    return words;
}

/// The share of `page`'s pixels, in permille, that `renderer` draws with a colour channel below `k_pdf_ink_level`
/// on white paper at `k_pdf_ink_dpi`; 0 when it cannot render.
unsigned ink_permille(const poppler::page_renderer& renderer, const poppler::page& page) {
    const poppler::image image = renderer.render_page(&page, k_pdf_ink_dpi, k_pdf_ink_dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_argb32 || image.width() <= 0 ||
        image.height() <= 0) {
        return 0;
    }
    const auto width = static_cast<std::size_t>(image.width());
    const auto height = static_cast<std::size_t>(image.height());
    std::size_t ink = 0;
    for (std::size_t y = 0; y < height; ++y) {
        // 32 bits a pixel, 0xAARRGGBB in native (little-endian) order: blue, green, red, alpha.
        const auto* pixel = reinterpret_cast<const unsigned char*>(image.const_data()) +
                            y * static_cast<std::size_t>(image.bytes_per_row());
        for (std::size_t x = 0; x < width; ++x, pixel += 4) {
            ink += pixel[0] < k_pdf_ink_level || pixel[1] < k_pdf_ink_level || pixel[2] < k_pdf_ink_level ? 1U : 0U;
        }
    }
    return static_cast<unsigned>(ink * 1000 / (width * height));
}

/// The text of every page, each ending with a newline, pages separated by a
/// form feed (as `pdftotext` separates them); and in `facts`, for each page with fewer than
/// `k_pdf_measured_words` words, a line `PAGE WORDS INK_PERMILLE`.
PdfStatus extract_pages(std::string_view bytes, std::size_t max_bytes, std::string& text, std::string& facts) {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        return PdfStatus::unreadable;  // poppler takes an int; the input cap keeps files far smaller
    }
    const std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document) {
        return PdfStatus::unreadable;
    }
    // A locked document must not be asked anything else: poppler 22.12 crashes on `pages()`.
    if (document->is_locked()) {
        return PdfStatus::locked;
    }
    if (document->is_encrypted()) {
        // An owner password only (no password to open): poppler reads it, but
        // ATS parsers often refuse it or honour its "no copying" permission.
        return PdfStatus::locked;
    }
    const int pages = document->pages();
    poppler::page_renderer renderer;
    renderer.set_paper_color(0xffffffff);
    renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
    for (int index = 0; index < pages; ++index) {
        if (index > 0) {
            text += '\f';
        }
        const std::unique_ptr<poppler::page> page(document->create_page(index));
        if (!page) {
            return PdfStatus::unreadable;
        }
        g_page_in_layout = index + 1;
        poppler::byte_array utf8;
        try {
            utf8 = page_text(*page, bytes.size() / static_cast<std::size_t>(pages) >= k_raw_check_page_bytes);
        } catch (const std::bad_alloc&) {
            answer_out_of_memory(static_cast<std::uint64_t>(index) + 1);
        }
        std::string_view page_text(utf8.data(), utf8.size());
        while (!page_text.empty() && (page_text.back() == '\f' || page_text.back() == '\n')) {
            page_text.remove_suffix(1);
        }
        // Pages with many words are never rendered: a resume's text pages cost no more than their text.
        if (const std::size_t words = word_count(page_text);
            words < k_pdf_measured_words && facts.size() + 64 <= k_max_pdf_facts_bytes) {
            unsigned ink = 0;
            try {
                ink = ink_permille(renderer, *page);
            } catch (const std::bad_alloc&) {
                answer_out_of_memory(static_cast<std::uint64_t>(index) + 1);
            }
            facts += std::to_string(index + 1) + ' ' + std::to_string(words) + ' ' + std::to_string(ink) + '\n';
        }
        g_page_in_layout = 0;
        if (!page_text.empty()) {
            text.append(page_text);
            text += '\n';
        }
        if (text.size() > max_bytes) {
            return PdfStatus::too_large;
        }
    }
    return PdfStatus::ok;
}

}  // namespace

#if APIGAP_SANITIZED
/// LeakSanitizer's suppressions: fontconfig, which poppler's page renderer loads to measure a page's ink, keeps its
/// configuration for the life of the process and never frees it; that is fontconfig's design, not a leak of ours.
// NOLINTNEXTLINE(readability-identifier-naming): the sanitizer runtime names it
extern "C" const char* __lsan_default_suppressions() {
    return "leak:libfontconfig.so\n";
}

/// LeakSanitizer's options: no list of the suppressions used on stderr, which the parent passes on.
// NOLINTNEXTLINE(readability-identifier-naming): the sanitizer runtime names it
extern "C" const char* __lsan_default_options() {
    return "print_suppressions=0";
}
#endif

int main(int argc, char** argv) {
    const auto cpu_seconds = argc == 4 ? parse_count(argv[1]) : std::nullopt;
    const auto memory_bytes = argc == 4 ? parse_count(argv[2]) : std::nullopt;
    const auto max_bytes = argc == 4 ? parse_count(argv[3]) : std::nullopt;
    if (!cpu_seconds || !memory_bytes || !max_bytes) {
        std::fputs(
            "apigap-pdf: apigap's PDF reader, not meant to be run by hand\n"
            "usage: apigap-pdf CPU_SECONDS MEMORY_BYTES MAX_BYTES < resume.pdf\n",
            stderr);
        return 2;
    }
    limit_self(*cpu_seconds, *memory_bytes);
#if !APIGAP_SANITIZED
    // A sanitizer's own handler and report are worth more than this answer.
    std::signal(SIGABRT, on_abort);
#endif
    poppler::set_debug_error_function(ignore_poppler_message, nullptr);

    std::string text;
    std::string facts;
    PdfStatus status = PdfStatus::unreadable;
    try {
        // The parent capped the file's size already; the text has its own cap.
        if (const std::optional<std::string> bytes = read_stdin(*memory_bytes)) {
            status = extract_pages(*bytes, *max_bytes, text, facts);
        }
    } catch (...) {
        status = PdfStatus::unreadable;  // std::bad_alloc included: poppler's own allocator aborts instead
    }
    if (status != PdfStatus::ok) {
        text.clear();
        facts.clear();
    }
    char header[k_pdf_header_size] = {static_cast<char>(status)};
    for (std::size_t index = 0; index < 8; ++index) {
        header[1 + index] = static_cast<char>((text.size() >> (8 * index)) & 0xffU);
        header[9 + index] = static_cast<char>((facts.size() >> (8 * index)) & 0xffU);
    }
    return write_all(STDOUT_FILENO, header, k_pdf_header_size) && write_all(STDOUT_FILENO, text.data(), text.size()) &&
                   write_all(STDOUT_FILENO, facts.data(), facts.size())
               ? 0
               : 1;
}
