// libzip, the DOCX reader's zip archives, loaded the first time a DOCX is read when apigap is built with
// APIGAP_STATIC_DEPS (cmake/ApigapDependencies.cmake): Debian ships it only as a shared library, and linking it
// brings libcrypto, whose relocations cost every start of apigap about 1.5 ms, for the few runs that read a DOCX.
#pragma once

#include <string_view>

#include <zip.h>

namespace apigap::ingest_detail {

/// The libzip functions docx.cpp calls.
struct ZipLibrary {
    decltype(&::zip_error_init) error_init;
    decltype(&::zip_error_fini) error_fini;
    decltype(&::zip_error_code_zip) error_code_zip;
    decltype(&::zip_source_buffer_create) source_buffer_create;
    decltype(&::zip_source_free) source_free;
    decltype(&::zip_open_from_source) open_from_source;
    decltype(&::zip_discard) discard;
    decltype(&::zip_get_num_entries) get_num_entries;
    decltype(&::zip_name_locate) name_locate;
    decltype(&::zip_get_name) get_name;
    decltype(&::zip_fopen_index) fopen_index;
    decltype(&::zip_fread) fread;
    decltype(&::zip_fclose) fclose;
};

/// libzip, loaded once for the whole process (thread-safe). Throws `Error` naming `source`, the file that needed
/// it, when the library cannot be loaded: "cannot read DOCX: libzip.so.4: cannot open shared object file…".
const ZipLibrary& zip_library(std::string_view source);

}  // namespace apigap::ingest_detail
