// Loading libzip on demand, or taking its functions as linked.
#include "ingest/zip_library.hpp"

#include <string>
#include <variant>

#include <fmt/format.h>

#include "apigap/error.hpp"

#ifdef APIGAP_LIBZIP_SONAME
#include <dlfcn.h>
#endif

namespace apigap::ingest_detail {

namespace {

#ifdef APIGAP_LIBZIP_SONAME

/// Sets `function` to the symbol `name` of `library`; false when it has none.
template <class Function>
bool bind(void* library, const char* name, Function& function) {
    void* const symbol = ::dlsym(library, name);
    function = reinterpret_cast<Function>(symbol);  // NOLINT: dlsym's result is the function's address
    return symbol != nullptr;
}

/// The library, or why it could not be loaded.
std::variant<ZipLibrary, std::string> load() {
    void* const library = ::dlopen(APIGAP_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* const why = ::dlerror();
        return std::string(why != nullptr ? why : APIGAP_LIBZIP_SONAME ": cannot be loaded");
    }
    ZipLibrary zip{};
    const char* missing = nullptr;
    const auto need = [&](const char* name, auto& function) {
        if (missing == nullptr && !bind(library, name, function)) {
            missing = name;
        }
    };
    need("zip_error_init", zip.error_init);
    need("zip_error_fini", zip.error_fini);
    need("zip_error_code_zip", zip.error_code_zip);
    need("zip_source_buffer_create", zip.source_buffer_create);
    need("zip_source_free", zip.source_free);
    need("zip_open_from_source", zip.open_from_source);
    need("zip_discard", zip.discard);
    need("zip_get_num_entries", zip.get_num_entries);
    need("zip_name_locate", zip.name_locate);
    need("zip_get_name", zip.get_name);
    need("zip_fopen_index", zip.fopen_index);
    need("zip_fread", zip.fread);
    need("zip_fclose", zip.fclose);
    if (missing != nullptr) {
        return fmt::format("{} has no {}", APIGAP_LIBZIP_SONAME, missing);
    }
    return zip;  // the library stays loaded for the rest of the process
}

#else

std::variant<ZipLibrary, std::string> load() {
    return ZipLibrary{&::zip_error_init,  &::zip_error_fini,       &::zip_error_code_zip, &::zip_source_buffer_create,
                      &::zip_source_free, &::zip_open_from_source, &::zip_discard,        &::zip_get_num_entries,
                      &::zip_name_locate, &::zip_get_name,         &::zip_fopen_index,    &::zip_fread,
                      &::zip_fclose};
}

#endif

}  // namespace

const ZipLibrary& zip_library(std::string_view source) {
    static const std::variant<ZipLibrary, std::string> loaded = load();
    if (const auto* why = std::get_if<std::string>(&loaded)) {
        throw Error(Location{std::string(source)}, fmt::format("cannot read DOCX: {}", *why));
    }
    return std::get<ZipLibrary>(loaded);
}

}  // namespace apigap::ingest_detail
